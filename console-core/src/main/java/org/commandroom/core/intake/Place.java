package org.commandroom.core.intake;

import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/**
 * One gazetteer entry: a name and where it is. {@code uses} is how many incidents gave this address
 * (0 for named places); {@code stationId} may be null.
 */
public record Place(PlaceKind kind, String name, GeoPoint position, Long stationId, int uses) {

    public Place {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }
}
