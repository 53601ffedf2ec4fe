package org.commandroom.app.ui.map;

import java.util.Objects;

import org.commandroom.core.geo.GeoPoint;

/** A named point of a point layer: deployment point, key place (kind e.g. SCHOOL) or police office. */
public record PlaceMarker(String id, String name, String kind, GeoPoint position, VideoShort videoShort) {

    /** A key place with too few cameras on line around it for a video patrol: cameras within the radius, and on line. */
    public record VideoShort(int cameras, int online) {
    }

    public PlaceMarker(String id, String name, String kind, GeoPoint position) {
        this(id, name, kind, position, null);
    }

    public PlaceMarker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
    }
}
