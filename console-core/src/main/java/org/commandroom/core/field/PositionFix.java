package org.commandroom.core.field;

import java.time.Instant;
import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/**
 * One position report for a unit, from a vehicle receiver or a terminal.
 *
 * @param unitId    the unit the fix belongs to
 * @param position  where, with the datum it was measured in (receivers: WGS-84)
 * @param fixAt     when the fix was taken (the receiver's time, corrected by {@code ReceiverTime} where wrong)
 * @param speedMps  speed over ground in metres per second, or null
 * @param heading   course over ground in degrees from true north, or null
 * @param accuracyM horizontal accuracy in metres (an estimate, see docs/RECEIVERS.md), or null
 * @param source    where it came from, e.g. {@code nmea:10.20.0.7:4001} or {@code terminal}; at most 255 characters
 */
public record PositionFix(long unitId, GeoPoint position, Instant fixAt, Double speedMps, Double heading,
                          Double accuracyM, String source) {

    public PositionFix {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(fixAt, "fixAt");
        Objects.requireNonNull(source, "source");
        if (source.length() > 255) {
            source = source.substring(0, 255);
        }
    }

    /** The same fix expressed at another position (used for the datum conversion). */
    PositionFix at(GeoPoint converted) {
        return new PositionFix(unitId, converted, fixAt, speedMps, heading, accuracyM, source);
    }
}
