package org.commandroom.core.field.receiver;

import java.time.Instant;

/**
 * A valid fix as a receiver reported it, in WGS-84, before it is matched to a unit.
 *
 * @param kind      how the receiver is reached
 * @param key       the receiver's key (gpsd: endpoint + device path; NMEA: endpoint), see docs/RECEIVERS.md
 * @param lat       WGS-84 latitude in degrees
 * @param lon       WGS-84 longitude in degrees
 * @param fixAt     the fix time after the wrong-date rule of {@link ReceiverTime}
 * @param speedMps  speed over ground in m/s, or null
 * @param heading   course over ground in degrees, or null
 * @param accuracyM horizontal accuracy estimate in metres, or null
 */
public record ReceiverFix(ReceiverKind kind, String key, double lat, double lon, Instant fixAt, Double speedMps,
                          Double heading, Double accuracyM) {
}
