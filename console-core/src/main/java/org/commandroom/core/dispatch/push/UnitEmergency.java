package org.commandroom.core.dispatch.push;

import java.time.Instant;
import org.commandroom.core.geo.GeoPoint;

/**
 * A unit's emergency button (民警遇险), as the console heard it: the unit, the message, when, and the unit's last
 * position (the one in the message if it had one, else the last one stored for the unit; null when neither exists).
 */
public record UnitEmergency(long unitId, String callSign, String messageId, Instant raisedAt, Instant terminalAt,
                            GeoPoint position, Instant fixAt, String text) {
}
