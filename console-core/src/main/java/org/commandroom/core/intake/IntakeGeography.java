package org.commandroom.core.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GridLocator;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Where a call's position falls: its police grid (with the grid's station and community officer) and
 * whether it is inside the district at all. The district is everything covered by a street, a police
 * grid or a station boundary; a database holding none of them (no map imported yet) cannot tell, and
 * then every position counts as inside. Immutable; reload it when the geography changes.
 */
public final class IntakeGeography {

    /** A police grid with what intake needs to know about it. */
    public record Grid(long id, String name, long stationId, Long officerId) {
    }

    /** The result of placing a position: its grid (may be null) and station (may be null). */
    public record Assignment(Grid grid, Long stationId) {
        public Long gridId() {
            return grid == null ? null : grid.id();
        }

        public Long officerId() {
            return grid == null ? null : grid.officerId();
        }
    }

    private final GridLocator<Grid> grids;
    private final GridLocator<Long> stations;
    private final GridLocator<Long> streets;
    private final Map<Long, String> stationNames;

    private IntakeGeography(GridLocator<Grid> grids, GridLocator<Long> stations, GridLocator<Long> streets,
                            Map<Long, String> stationNames) {
        this.grids = grids;
        this.stations = stations;
        this.streets = streets;
        this.stationNames = Map.copyOf(stationNames);
    }

    public static IntakeGeography load(Jdbi jdbi) {
        return jdbi.withHandle(IntakeGeography::load);
    }

    public static IntakeGeography load(Handle h) {
        List<GridRow> gridRows = h.createQuery("SELECT id, name, station_id, officer_id, boundary_wkt, datum "
                + "FROM police_grid ORDER BY code").map(new GridRowMapper()).list();
        List<StationRow> stationRows = h.createQuery("SELECT id, boundary_wkt, datum FROM station "
                + "WHERE boundary_wkt IS NOT NULL ORDER BY code").map((rs, ctx) -> new StationRow(rs.getLong("id"),
                rs.getString("boundary_wkt"), Datum.valueOf(rs.getString("datum")))).list();
        List<GeoDao.Area> streetRows = h.attach(GeoDao.class).streets();
        Map<Long, String> names = new HashMap<>();
        h.createQuery("SELECT id, name FROM station").map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("name")))
                .forEach(e -> names.put(e.getKey(), e.getValue()));

        Datum gridDatum = gridRows.isEmpty() ? Datum.WGS84 : gridRows.get(0).datum();
        List<GridLocator.Area<Grid>> gridAreas = new ArrayList<>();
        for (GridRow r : gridRows) {
            gridAreas.add(new GridLocator.Area<>(new Grid(r.id(), r.name(), r.stationId(), r.officerId()), r.wkt()));
        }
        Datum stationDatum = stationRows.isEmpty() ? Datum.WGS84 : stationRows.get(0).datum();
        List<GridLocator.Area<Long>> stationAreas = new ArrayList<>();
        for (StationRow r : stationRows) {
            if (!r.wkt().isBlank()) {
                stationAreas.add(new GridLocator.Area<>(r.id(), r.wkt()));
            }
        }
        Datum streetDatum = streetRows.isEmpty() ? Datum.WGS84 : streetRows.get(0).datum();
        List<GridLocator.Area<Long>> streetAreas = new ArrayList<>();
        for (GeoDao.Area a : streetRows) {
            streetAreas.add(new GridLocator.Area<>(a.id(), a.boundaryWkt()));
        }
        return new IntakeGeography(new GridLocator<>(gridAreas, gridDatum), new GridLocator<>(stationAreas, stationDatum),
                new GridLocator<>(streetAreas, streetDatum), names);
    }

    /** False only when there are boundaries and none of them covers the point. */
    public boolean inDistrict(GeoPoint p) {
        if (grids.size() == 0 && stations.size() == 0 && streets.size() == 0) {
            return true;
        }
        return streets.locate(p).isPresent() || grids.locate(p).isPresent() || stations.locate(p).isPresent();
    }

    /** The police grid containing the point and its station; the station by its own boundary when no grid covers it. */
    public Assignment assign(GeoPoint p) {
        Optional<Grid> grid = grids.locate(p);
        if (grid.isPresent()) {
            return new Assignment(grid.get(), grid.get().stationId());
        }
        return new Assignment(null, stations.locate(p).orElse(null));
    }

    /** The point's district check, grid and station with their names (what a form shows before saving). */
    public PointLocation locate(GeoPoint p) {
        Assignment a = assign(p);
        return new PointLocation(p, inDistrict(p), a.gridId(), a.grid() == null ? null : a.grid().name(), a.stationId(),
                a.stationId() == null ? null : stationNames.get(a.stationId()));
    }

    private record GridRow(long id, String name, long stationId, Long officerId, String wkt, Datum datum) {
    }

    private record StationRow(long id, String wkt, Datum datum) {
    }

    private static final class GridRowMapper implements RowMapper<GridRow> {
        @Override
        public GridRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new GridRow(rs.getLong("id"), rs.getString("name"), rs.getLong("station_id"),
                    Rows.nullableLong(rs, "officer_id"), rs.getString("boundary_wkt"), Datum.valueOf(rs.getString("datum")));
        }
    }
}
