package org.commandroom.app.ui.map.tiles;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature of the offline base map: a name (may be empty), a JTS geometry with x = longitude and
 * y = latitude, and a rank (0 = most important, e.g. a trunk road; larger = minor).
 */
public record BaseMapFeature(String name, Geometry geometry, int rank) {

    public BaseMapFeature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometry, "geometry");
    }
}
