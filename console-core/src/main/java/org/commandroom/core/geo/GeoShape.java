package org.commandroom.core.geo;

import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * An area drawn on the map to ask "what is in here": a circle or a polygon. Each carries the datum
 * its coordinates are in; the indexes convert it to their own datum before answering.
 */
public sealed interface GeoShape permits GeoShape.Circle, GeoShape.Outline {

    Datum datum();

    /** This shape as a JTS geometry (x = longitude, y = latitude) in {@code target}. */
    Geometry toGeometry(GeometryFactory factory, Datum target);

    static Circle circle(GeoPoint centre, double radiusMetres) {
        return new Circle(centre, radiusMetres);
    }

    static Outline polygon(List<GeoPoint> vertices) {
        return new Outline(vertices);
    }

    /**
     * A circle on the sphere. As a geometry it is a 72-gon inscribed in the true circle, so an
     * area that only grazes the circle's rim (by less than 0.1 % of the radius) may be missed.
     * {@link PointIndex} tests points against the true distance instead.
     */
    record Circle(GeoPoint centre, double radiusMetres) implements GeoShape {
        public Circle {
            Objects.requireNonNull(centre, "centre");
            if (!(radiusMetres >= 0) || Double.isInfinite(radiusMetres)) {
                throw new IllegalArgumentException("radius must be a finite number of metres >= 0: " + radiusMetres);
            }
        }

        @Override
        public Datum datum() {
            return centre.datum();
        }

        @Override
        public Geometry toGeometry(GeometryFactory factory, Datum target) {
            GeoPoint c = DatumConverter.convert(centre, target);
            if (radiusMetres == 0) {
                return factory.createPoint(new Coordinate(c.lon(), c.lat()));
            }
            return Geodesy.circle(factory, c.lat(), c.lon(), radiusMetres);
        }
    }

    /**
     * A simple polygon given by its vertices, in order, all in one datum; the ring is closed
     * automatically (repeating the first vertex at the end is allowed). An outline that crosses
     * itself is repaired with JTS's GeometryFixer (a bow-tie becomes its two triangles).
     */
    record Outline(List<GeoPoint> vertices) implements GeoShape {
        public Outline {
            vertices = List.copyOf(vertices);
            if (vertices.size() < 3) {
                throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + vertices.size());
            }
            Datum d = vertices.get(0).datum();
            for (GeoPoint p : vertices) {
                if (p.datum() != d) {
                    throw new IllegalArgumentException("polygon mixes datums " + d + " and " + p.datum());
                }
            }
        }

        @Override
        public Datum datum() {
            return vertices.get(0).datum();
        }

        @Override
        public Geometry toGeometry(GeometryFactory factory, Datum target) {
            int n = vertices.size();
            boolean closed = vertices.get(0).equals(vertices.get(n - 1));
            Coordinate[] ring = new Coordinate[closed ? n : n + 1];
            for (int i = 0; i < n; i++) {
                GeoPoint p = DatumConverter.convert(vertices.get(i), target);
                ring[i] = new Coordinate(p.lon(), p.lat());
            }
            if (!closed) {
                ring[n] = ring[0].copy();
            }
            Geometry polygon = factory.createPolygon(ring);
            // A hand-drawn outline may cross itself; repair it rather than fail the query.
            return polygon.isValid() ? polygon : GeometryFixer.fix(polygon);
        }
    }
}
