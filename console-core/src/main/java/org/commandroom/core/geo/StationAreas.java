package org.commandroom.core.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The area (辖区) of each police station and street post, for colouring stations on the map: the station's own
 * boundary when it has one, otherwise the union of its police grids' outlines (JTS), in the datum of its first
 * grid. A station with neither is left out.
 */
public final class StationAreas {

    /**
     * One station's area, outline as WKT (x = longitude).
     *
     * @param fromGrids whether the outline is the union of the police grids (the station has no boundary of its own)
     */
    public record Area(long stationId, String code, String name, boolean post, String wkt, Datum datum, boolean fromGrids) {
    }

    private StationAreas() {
    }

    public static List<Area> load(Jdbi jdbi) {
        record StationRow(long id, String code, String name, boolean post, String wkt, String datum) {
        }
        record GridRow(long stationId, String wkt, String datum) {
        }
        return jdbi.withHandle(h -> {
            List<StationRow> stations = h.createQuery("SELECT id, code, name, kind, boundary_wkt, datum FROM station ORDER BY code")
                    .map((rs, ctx) -> new StationRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            "POST".equals(rs.getString("kind")), rs.getString("boundary_wkt"), rs.getString("datum")))
                    .list();
            Map<Long, List<GridRow>> grids = new LinkedHashMap<>();
            h.createQuery("SELECT station_id, boundary_wkt, datum FROM police_grid WHERE boundary_wkt IS NOT NULL ORDER BY station_id, code")
                    .map((rs, ctx) -> new GridRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .forEach(g -> grids.computeIfAbsent(g.stationId(), k -> new ArrayList<>()).add(g));
            List<Area> out = new ArrayList<>();
            WKTReader reader = new WKTReader();
            for (StationRow s : stations) {
                if (s.wkt() != null && !s.wkt().isBlank()) {
                    out.add(new Area(s.id(), s.code(), s.name(), s.post(), s.wkt(), Datum.valueOf(s.datum()), false));
                    continue;
                }
                List<GridRow> own = grids.getOrDefault(s.id(), List.of());
                if (own.isEmpty()) {
                    continue;
                }
                Datum datum = Datum.valueOf(own.get(0).datum());
                List<Geometry> parts = new ArrayList<>();
                for (GridRow g : own) {
                    parts.add(inDatum(read(reader, g.wkt(), s.name()), Datum.valueOf(g.datum()), datum));
                }
                // buffer(0) mends grids drawn with slightly overlapping or self-touching edges before the union
                Geometry union = UnaryUnionOp.union(parts.stream().map(p -> p.isValid() ? p : p.buffer(0)).toList());
                out.add(new Area(s.id(), s.code(), s.name(), s.post(), union.toText(), datum, true));
            }
            return out;
        });
    }

    private static Geometry read(WKTReader reader, String wkt, String station) {
        try {
            return reader.read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("a police grid of " + station + " has an unreadable outline: " + e.getMessage(), e);
        }
    }

    /** The geometry (changed in place) with its coordinates moved from one datum to the other. */
    static Geometry inDatum(Geometry g, Datum from, Datum to) {
        if (from == to) {
            return g;
        }
        double[] out = new double[2];
        g.apply((CoordinateFilter) c -> {
            DatumConverter.convert(c.y, c.x, from, to, out);
            c.y = out[0];
            c.x = out[1];
        });
        g.geometryChanged();
        return g;
    }
}
