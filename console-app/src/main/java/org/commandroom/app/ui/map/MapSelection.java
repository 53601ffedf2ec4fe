package org.commandroom.app.ui.map;

import java.util.Objects;

import org.commandroom.core.geo.GeoPoint;

/** A feature picked on the map: what kind, its id, and where it is (in the map's datum). */
public record MapSelection(Kind kind, String id, GeoPoint position) {

    public enum Kind {
        INCIDENT,
        UNIT,
        CAMERA,
        GRID
    }

    public MapSelection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
    }
}
