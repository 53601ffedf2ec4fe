package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.List;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GridLocator;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Police grids converted once to the map's datum: rings as normalised Web-Mercator coordinates for
 * drawing, a label point inside each, and a {@link GridLocator} (keyed by position) for picking.
 * Immutable.
 */
final class GridSet {

    /** One grid ready to draw: rings as x0,y0,x1,y1... in normalised Mercator. */
    record Prepared(GridArea area, List<double[]> rings, double minX, double minY, double maxX, double maxY,
                    double labelX, double labelY, double labelLat, double labelLon) {
    }

    private final List<Prepared> grids;
    private final GridLocator<Integer> locator;

    private GridSet(List<Prepared> grids, GridLocator<Integer> locator) {
        this.grids = grids;
        this.locator = locator;
    }

    static GridSet build(List<GridArea> areas, Datum mapDatum) {
        GeometryFactory factory = new GeometryFactory();
        WKTReader reader = new WKTReader(factory);
        WKTWriter writer = new WKTWriter();
        List<Prepared> prepared = new ArrayList<>(areas.size());
        List<GridLocator.Area<Integer>> located = new ArrayList<>(areas.size());
        for (int k = 0; k < areas.size(); k++) {
            GridArea area = areas.get(k);
            Geometry g;
            try {
                g = reader.read(area.wkt());
            } catch (ParseException e) {
                throw new IllegalArgumentException("grid " + area.id() + ": outline is not valid WKT: " + e.getMessage(), e);
            }
            if (area.datum() != mapDatum) {
                double[] out = new double[2];
                g.apply((CoordinateFilter) c -> {
                    DatumConverter.convert(c.y, c.x, area.datum(), mapDatum, out);
                    c.y = out[0];
                    c.x = out[1];
                });
                g.geometryChanged();
            }
            List<double[]> rings = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    rings.add(project(p.getExteriorRing().getCoordinates()));
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        rings.add(project(p.getInteriorRingN(h).getCoordinates()));
                    }
                }
            }
            Envelope env = g.getEnvelopeInternal();
            Point label = MaximumInscribedCircle.getCenter(g.getNumGeometries() > 1 ? largest(g) : g, 1e-5);
            prepared.add(new Prepared(area, List.copyOf(rings),
                    WebMercator.x(env.getMinX()), WebMercator.y(env.getMaxY()),
                    WebMercator.x(env.getMaxX()), WebMercator.y(env.getMinY()),
                    WebMercator.x(label.getX()), WebMercator.y(label.getY()), label.getY(), label.getX()));
            located.add(new GridLocator.Area<>(k, writer.write(g)));
        }
        return new GridSet(List.copyOf(prepared), new GridLocator<>(located, mapDatum));
    }

    static GridSet empty(Datum mapDatum) {
        return build(List.of(), mapDatum);
    }

    List<Prepared> grids() {
        return grids;
    }

    /** The grid with this id, or null. */
    Prepared byId(String id) {
        for (Prepared p : grids) {
            if (p.area().id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    GridLocator<Integer> locator() {
        return locator;
    }

    private static double[] project(Coordinate[] coords) {
        double[] xy = new double[coords.length * 2];
        for (int i = 0; i < coords.length; i++) {
            xy[2 * i] = WebMercator.x(coords[i].x);
            xy[2 * i + 1] = WebMercator.y(coords[i].y);
        }
        return xy;
    }

    private static Geometry largest(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }
}
