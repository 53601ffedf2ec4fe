package org.commandroom.app.ui.map;

import java.util.Objects;

import org.commandroom.core.geo.GeoPoint;

/** A feature picked on the map: what kind, its id, and where it is (in the map's datum). */
public record MapSelection(Kind kind, String id, GeoPoint position) {

    public enum Kind {
        INCIDENT,
        UNIT,
        CAMERA,
        /** A police grid (警格). */
        GRID,
        COMMUNITY,
        MICRO_GRID,
        PATROL_ZONE,
        DEPLOYMENT_POINT,
        KEY_PLACE,
        POLICE_OFFICE,
        /** A house of the register (房屋); its id is the register's. */
        HOUSE
    }

    public MapSelection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
    }
}
