package org.commandroom.core.drill;

import java.util.ArrayList;
import java.util.List;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a drill's maps are drawn over, so the trainer sees where things were: the county's police grids (their
 * outlines) and its main roads, as lines of WGS84 points read from the drill database.
 *
 * @param grids the police grids' outlines (each closed)
 * @param roads the main roads ({@code ROAD_MAJOR} of the base map)
 */
public record DrillMapBackdrop(List<List<GeoPoint>> grids, List<List<GeoPoint>> roads) {

    private static final Logger LOG = LoggerFactory.getLogger(DrillMapBackdrop.class);
    public static final DrillMapBackdrop NONE = new DrillMapBackdrop(List.of(), List.of());

    public DrillMapBackdrop {
        grids = List.copyOf(grids);
        roads = List.copyOf(roads);
    }

    public boolean isEmpty() {
        return grids.isEmpty() && roads.isEmpty();
    }

    /** The grids and main roads of a drill database. Blocking. A shape this version cannot read is left out. */
    public static DrillMapBackdrop load(Jdbi jdbi) {
        WKTReader reader = new WKTReader();
        List<List<GeoPoint>> grids = new ArrayList<>();
        List<List<GeoPoint>> roads = new ArrayList<>();
        jdbi.useHandle(h -> {
            h.createQuery("SELECT boundary_wkt, datum FROM police_grid ORDER BY id")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).forEach(r -> grids.addAll(lines(reader, r[0], r[1])));
            h.createQuery("SELECT geometry_wkt, datum FROM base_map_feature WHERE kind = 'ROAD_MAJOR' ORDER BY id")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).forEach(r -> roads.addAll(lines(reader, r[0], r[1])));
        });
        return new DrillMapBackdrop(grids, roads);
    }

    /** The lines of a WKT shape: a polygon's outer ring, a line as it is; each part of a collection so. */
    static List<List<GeoPoint>> lines(WKTReader reader, String wkt, String datum) {
        List<List<GeoPoint>> out = new ArrayList<>();
        Geometry g;
        try {
            g = reader.read(wkt);
        } catch (ParseException | RuntimeException e) {
            LOG.debug("A shape of the drill county is not drawn: {}", e.toString());
            return out;
        }
        Datum d = "GCJ02".equals(datum) ? Datum.GCJ02 : Datum.WGS84;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            LineString line = part instanceof Polygon p ? p.getExteriorRing() : part instanceof LineString l ? l : null;
            if (line == null) {
                continue;
            }
            List<GeoPoint> points = new ArrayList<>(line.getNumPoints());
            for (Coordinate c : line.getCoordinates()) {
                points.add(DatumConverter.convert(new GeoPoint(c.y, c.x, d), Datum.WGS84));
            }
            out.add(List.copyOf(points));
        }
        return out;
    }
}
