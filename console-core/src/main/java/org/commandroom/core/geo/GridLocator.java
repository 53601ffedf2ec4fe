package org.commandroom.core.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Answers "which area is this point in" and "which areas does this circle or polygon touch" for a
 * fixed set of polygonal areas (police grids, communities, micro-grids...), all in one datum.
 *
 * <p>Areas are kept in an STR-tree of prepared geometries. Queries in the other datum are converted
 * to the locator's datum first. <b>Boundaries:</b> a point on an area's edge counts as inside it;
 * when several areas contain a point (on a shared edge or vertex, or where areas overlap) the one
 * given first in the constructor's list wins, so the answer is deterministic. Pass areas in a
 * stable order (for example by code) to keep it stable between runs.
 *
 * <p>Immutable and safe to share between threads once built.
 *
 * @param <K> what identifies an area to the caller, e.g. a police-grid id or a record of grid id
 *            and station id
 */
public final class GridLocator<K> {

    /** One area: the caller's key and its boundary as WKT (POLYGON or MULTIPOLYGON, x = longitude). */
    public record Area<K>(K key, String wkt) {
        public Area {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(wkt, "wkt");
        }
    }

    private record Entry<K>(int order, K key, Geometry geometry, PreparedGeometry prepared) {
    }

    private final Datum datum;
    private final GeometryFactory factory = new GeometryFactory();
    private final List<Entry<K>> entries;
    private final STRtree tree;

    /**
     * @throws IllegalArgumentException naming the area when its WKT does not parse, is not polygonal
     *                                  or is empty
     */
    public GridLocator(List<Area<K>> areas, Datum datum) {
        this.datum = Objects.requireNonNull(datum, "datum");
        WKTReader reader = new WKTReader(factory);
        List<Entry<K>> list = new ArrayList<>(areas.size());
        STRtree index = new STRtree();
        for (int i = 0; i < areas.size(); i++) {
            Area<K> area = areas.get(i);
            Geometry g;
            try {
                g = reader.read(area.wkt());
            } catch (ParseException e) {
                throw new IllegalArgumentException("area " + area.key() + ": boundary is not valid WKT: " + e.getMessage(), e);
            }
            if (!(g instanceof Polygonal) || g.isEmpty()) {
                throw new IllegalArgumentException("area " + area.key() + ": boundary must be a non-empty POLYGON or MULTIPOLYGON, got "
                        + g.getGeometryType());
            }
            Entry<K> entry = new Entry<>(i, area.key(), g, PreparedGeometryFactory.prepare(g));
            list.add(entry);
            index.insert(g.getEnvelopeInternal(), entry);
        }
        index.build();
        this.entries = List.copyOf(list);
        this.tree = index;
    }

    public Datum datum() {
        return datum;
    }

    public int size() {
        return entries.size();
    }

    /** The area containing the point (edge included); the first listed one when several do. */
    public Optional<K> locate(GeoPoint point) {
        GeoPoint p = DatumConverter.convert(point, datum);
        Point jtsPoint = factory.createPoint(new Coordinate(p.lon(), p.lat()));
        Entry<K> best = null;
        for (Entry<K> e : candidates(jtsPoint)) {
            if ((best == null || e.order() < best.order()) && e.prepared().covers(jtsPoint)) {
                best = e;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.key());
    }

    /** Areas that share at least one point with the shape (overlap or touch), in constructor order. */
    public List<K> intersecting(GeoShape shape) {
        Geometry g = shape.toGeometry(factory, datum);
        List<K> out = new ArrayList<>();
        for (Entry<K> e : sorted(candidates(g))) {
            if (e.prepared().intersects(g)) {
                out.add(e.key());
            }
        }
        return out;
    }

    /** Areas lying entirely inside the shape (edges may touch), in constructor order. */
    public List<K> within(GeoShape shape) {
        Geometry g = shape.toGeometry(factory, datum);
        PreparedGeometry query = PreparedGeometryFactory.prepare(g);
        List<K> out = new ArrayList<>();
        for (Entry<K> e : sorted(candidates(g))) {
            if (query.covers(e.geometry())) {
                out.add(e.key());
            }
        }
        return out;
    }

    /** Areas that come within {@code radiusMetres} of the point: {@code intersecting(circle)}. */
    public List<K> near(GeoPoint centre, double radiusMetres) {
        return intersecting(GeoShape.circle(centre, radiusMetres));
    }

    @SuppressWarnings("unchecked")
    private List<Entry<K>> candidates(Geometry g) {
        return tree.query(g.getEnvelopeInternal());
    }

    private static <K> List<Entry<K>> sorted(List<Entry<K>> list) {
        List<Entry<K>> copy = new ArrayList<>(list);
        copy.sort((a, b) -> Integer.compare(a.order(), b.order()));
        return copy;
    }
}
