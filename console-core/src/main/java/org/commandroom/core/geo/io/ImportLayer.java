package org.commandroom.core.geo.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.commandroom.core.text.Text;

/**
 * What an import file holds: one layer of boundaries (GeoJSON) or the camera list (CSV).
 *
 * <p>Each boundary layer has a fixed number, {@link #changeId()}: an import writes one change-log
 * row per layer with entity {@code GEOGRAPHY} and that number as entity id (see {@code docs/IMPORT.md}).
 */
public enum ImportLayer {
    STREETS("streets", "street", "ST", 1, List.of(new Reference("community", "street_id", Text.of("core.geo.ref.communities")))),
    COMMUNITIES("communities", "community", "CM", 2, List.of(
            new Reference("micro_grid", "community_id", Text.of("core.geo.ref.microGrids")),
            new Reference("police_office", "community_id", Text.of("core.geo.ref.policeOffices")))),
    MICRO_GRIDS("micro-grids", "micro_grid", "MG", 3, List.of()),
    POLICE_GRIDS("police-grids", "police_grid", "PG", 4, List.of(new Reference("incident", "police_grid_id", Text.of("core.geo.ref.incidents")))),
    PATROL_ZONES("patrol-zones", "key_patrol_zone", "PZ", 5, List.of(new Reference("patrol_unit", "zone_id", Text.of("core.geo.ref.patrolUnits")))),
    /** The district's own boundary (辖区), table district_boundary; the map fits it. */
    DISTRICT("district", "district_boundary", "DI", 7, List.of()),
    /**
     * The stations' boundaries (派出所辖区), written into the stations already stored ({@code station.boundary_wkt}),
     * each feature naming its station by code or name; police grids then find their station by containment.
     */
    STATION_AREAS("station-areas", "station", "", 8, List.of()),
    CAMERAS("cameras", "camera", "", 0, List.of());

    /** The change-log entity id that announces a recomputed police-grid ↔ micro-grid matching. */
    public static final long GRID_MATCHING_CHANGE_ID = 6;

    /**
     * Rows of another table that point at this layer's rows and so keep them from being replaced.
     * (The police-grid ↔ micro-grid matching is not one: it is derived and recomputed by the import.)
     */
    record Reference(String table, String column, Text what) {
    }

    private final String cliName;
    private final String table;
    private final String codePrefix;
    private final long changeId;
    private final List<Reference> references;

    ImportLayer(String cliName, String table, String codePrefix, long changeId, List<Reference> references) {
        this.cliName = cliName;
        this.table = table;
        this.codePrefix = codePrefix;
        this.changeId = changeId;
        this.references = references;
    }

    /** The name used on the command line and in the audit trail, e.g. {@code micro-grids} (also 辖区, 派出所辖区). */
    public String cliName() {
        return cliName;
    }

    /** The layer's name in a sentence of an import problem, e.g. {@code micro-grids} (微网格). */
    public Text text() {
        return switch (this) {
            case STREETS -> Text.of("core.geo.layer.streets");
            case COMMUNITIES -> Text.of("core.geo.layer.communities");
            case MICRO_GRIDS -> Text.of("core.geo.layer.microGrids");
            case POLICE_GRIDS -> Text.of("core.geo.layer.policeGrids");
            case PATROL_ZONES -> Text.of("core.geo.layer.patrolZones");
            case DISTRICT -> Text.of("core.geo.layer.district");
            case STATION_AREAS -> Text.of("core.geo.layer.stationAreas");
            case CAMERAS -> Text.of("core.geo.layer.cameras");
        };
    }

    /** True for the boundary layers (GeoJSON); false for the camera list (CSV). */
    public boolean isAreas() {
        return this != CAMERAS;
    }

    /** The entity id of this layer's change-log rows (entity GEOGRAPHY); 0 for cameras, which log each camera. */
    public long changeId() {
        return changeId;
    }

    /** Whether importing this layer recomputes the police-grid ↔ micro-grid matching. */
    public boolean affectsGridMatching() {
        return this == MICRO_GRIDS || this == POLICE_GRIDS;
    }

    String table() {
        return table;
    }

    String codePrefix() {
        return codePrefix;
    }

    List<Reference> references() {
        return references;
    }

    /** The layer named {@code streets}, {@code micro-grids}... (case and {@code _}/{@code -} ignored). */
    public static Optional<ImportLayer> parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("辖区")) {
            return Optional.of(DISTRICT);
        }
        if (n.equals("派出所辖区")) {
            return Optional.of(STATION_AREAS);
        }
        return Arrays.stream(values()).filter(l -> l.cliName.equals(n)).findFirst();
    }
}
