package org.commandroom.core.cap;

import java.util.List;
import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/** Where a warning applies: a grid, community or zone of the geography, a circle around a point, or a drawn polygon. */
public sealed interface WarningArea {

    /** A layer of the geography whose boundary becomes the alert's polygon(s). */
    enum Layer { POLICE_GRID, COMMUNITY, KEY_PATROL_ZONE }

    /** The boundary of one grid, community or zone (its name is the area's description). */
    record OfLayer(Layer layer, long id) implements WarningArea {
        public OfLayer {
            Objects.requireNonNull(layer, "layer");
        }
    }

    /** A circle of {@code radiusMetres} around {@code centre}, described by the user. */
    record Around(GeoPoint centre, double radiusMetres, String description) implements WarningArea {
        public Around {
            Objects.requireNonNull(centre, "centre");
            Objects.requireNonNull(description, "description");
            if (!(radiusMetres > 0 && radiusMetres <= 100_000)) {
                throw new IllegalArgumentException("a radius between 0 and 100 km, got " + radiusMetres);
            }
        }
    }

    /**
     * A polygon drawn on the map (vertices in order), described by the user. A ring given closed (its last vertex
     * equal to the first) is kept open here: the service closes it once, as CAP wants.
     */
    record Drawn(List<GeoPoint> vertices, String description) implements WarningArea {
        public Drawn {
            vertices = vertices.size() > 3 && vertices.get(0).equals(vertices.get(vertices.size() - 1))
                    ? List.copyOf(vertices.subList(0, vertices.size() - 1)) : List.copyOf(vertices);
            Objects.requireNonNull(description, "description");
            if (vertices.size() < 3) {
                throw new IllegalArgumentException("a polygon needs three vertices, got " + vertices.size());
            }
        }
    }

    /**
     * For an update only: the area of the message being updated, as it was (a grid's boundary, a circle or a drawn
     * polygon alike). A new warning refuses it ({@link CapRefused.Reason#AREA_NOT_FOUND}).
     */
    record Unchanged() implements WarningArea {
    }
}
