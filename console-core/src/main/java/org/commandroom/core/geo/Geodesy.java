package org.commandroom.core.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Spherical helpers shared by the indexes; x is longitude and y latitude in every JTS geometry. */
final class Geodesy {

    /** Mean earth radius, the same as {@link GeoPoint#distanceMetres}. */
    static final double EARTH_RADIUS_M = 6_371_008.8;
    static final double METRES_PER_DEGREE = EARTH_RADIUS_M * Math.PI / 180.0;

    /** Vertices used to draw a circle as a polygon; the chord sags 0.1 % of the radius at most. */
    static final int CIRCLE_VERTICES = 72;

    private Geodesy() {
    }

    /** Great-circle distance in metres (haversine). */
    static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double sdp = Math.sin((p2 - p1) / 2);
        double sdl = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double a = sdp * sdp + Math.cos(p1) * Math.cos(p2) * sdl * sdl;
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The circle as a closed polygon whose vertices lie exactly {@code radius} metres from the centre. */
    static Polygon circle(GeometryFactory factory, double lat, double lon, double radiusMetres) {
        Coordinate[] ring = new Coordinate[CIRCLE_VERTICES + 1];
        double phi1 = Math.toRadians(lat);
        double lambda1 = Math.toRadians(lon);
        double delta = radiusMetres / EARTH_RADIUS_M;
        for (int i = 0; i < CIRCLE_VERTICES; i++) {
            // counter-clockwise from east
            double bearing = Math.PI / 2 - 2 * Math.PI * i / CIRCLE_VERTICES;
            double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(bearing));
            double lambda2 = lambda1 + Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(phi1),
                    Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
            ring[i] = new Coordinate(Math.toDegrees(lambda2), Math.toDegrees(phi2));
        }
        ring[CIRCLE_VERTICES] = ring[0].copy();
        return factory.createPolygon(ring);
    }
}
