package org.commandroom.core.intake;

import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/**
 * Where a point falls, as a form shows it before anything is saved: whether it is inside the district,
 * the police grid containing it (null when none does) and the station responsible for it (the grid's, else
 * the station whose boundary covers it; null when neither does). Names are as stored.
 */
public record PointLocation(GeoPoint point, boolean inDistrict, Long gridId, String gridName, Long stationId,
                            String stationName) {

    public PointLocation {
        Objects.requireNonNull(point, "point");
    }
}
