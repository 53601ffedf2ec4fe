package org.commandroom.app.ui.map;

import java.util.Arrays;

import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.PlaceKind;

/**
 * What the import window's layer list offers, in its order: the boundary layers and the camera list
 * ({@link ImportLayer}), the named places ({@link PlaceKind}) and the OpenStreetMap base map. The district comes first:
 * a bureau imports it first, and the map fits it.
 */
public enum ImportChoice {
    DISTRICT(ImportLayer.DISTRICT, null),
    STATION_AREAS(ImportLayer.STATION_AREAS, null),
    STREETS(ImportLayer.STREETS, null),
    COMMUNITIES(ImportLayer.COMMUNITIES, null),
    MICRO_GRIDS(ImportLayer.MICRO_GRIDS, null),
    POLICE_GRIDS(ImportLayer.POLICE_GRIDS, null),
    PATROL_ZONES(ImportLayer.PATROL_ZONES, null),
    CAMERAS(ImportLayer.CAMERAS, null),
    KEY_PLACES(null, PlaceKind.KEY_PLACE),
    POLICE_OFFICES(null, PlaceKind.POLICE_OFFICE),
    DEPLOYMENT_POINTS(null, PlaceKind.DEPLOYMENT_POINT),
    /** Roads, water and place names from an OpenStreetMap extract (.osm.pbf). */
    BASE_MAP(null, null);

    private final ImportLayer layer;
    private final PlaceKind place;

    ImportChoice(ImportLayer layer, PlaceKind place) {
        this.layer = layer;
        this.place = place;
    }

    /** The boundary layer or camera list, or null. */
    public ImportLayer layer() {
        return layer;
    }

    /** The kind of named place, or null. */
    public PlaceKind place() {
        return place;
    }

    public boolean isLayer() {
        return layer != null;
    }

    public boolean isPlace() {
        return place != null;
    }

    public boolean isBaseMap() {
        return this == BASE_MAP;
    }

    /** The choice of a kind of named place. */
    public static ImportChoice of(PlaceKind kind) {
        return Arrays.stream(values()).filter(c -> c.place == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no choice for " + kind));
    }

    /** The choice of a boundary layer or the camera list. */
    public static ImportChoice of(ImportLayer layer) {
        return Arrays.stream(values()).filter(c -> c.layer == layer).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no choice for " + layer));
    }
}
