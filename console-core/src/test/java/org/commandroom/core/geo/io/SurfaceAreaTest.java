package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class SurfaceAreaTest {

    private static final GeometryFactory F = new GeometryFactory();

    /**
     * The area of a quadrangle of the WGS-84 ellipsoid, integrated independently: dA = M·N·cos φ dφ dλ with the
     * meridian and prime-vertical radii of curvature, by Simpson's rule.
     */
    private static double quadrangleKm2(double lat1, double lat2, double dLonDegrees) {
        int n = 2000;
        double h = Math.toRadians(lat2 - lat1) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double phi = Math.toRadians(lat1) + i * h;
            double w = Math.sqrt(1 - SurfaceArea.E2 * Math.sin(phi) * Math.sin(phi));
            double m = SurfaceArea.A * (1 - SurfaceArea.E2) / (w * w * w);
            double nu = SurfaceArea.A / w;
            double f = m * nu * Math.cos(phi);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3 * Math.toRadians(dLonDegrees) / 1e6;
    }

    private static Polygon box(double lon1, double lat1, double lon2, double lat2) {
        return F.createPolygon(new Coordinate[] {new Coordinate(lon1, lat1), new Coordinate(lon2, lat1),
                new Coordinate(lon2, lat2), new Coordinate(lon1, lat2), new Coordinate(lon1, lat1)});
    }

    @Test
    void aQuadrangleAtThirtyDegreesNorthHasItsAreaOnTheEllipsoid() {
        // about 9.6 km × 11.1 km near 犍为
        double expected = quadrangleKm2(29.15, 29.25, 0.1);
        assertEquals(expected, SurfaceArea.km2(box(103.9, 29.15, 104.0, 29.25)), expected * 1e-9);
        assertEquals(107.79, expected, 0.01);
        // a sphere of the mean radius would be about 0.1 % off there: that is why the ellipsoid is used
        double r = 6_371_008.8;
        double sphere = r * r * Math.toRadians(0.1) * (Math.sin(Math.toRadians(29.25)) - Math.sin(Math.toRadians(29.15))) / 1e6;
        assertTrue(Math.abs(sphere - expected) / expected > 0.0008, sphere + " vs " + expected);
        // and the whole ellipsoid's area comes out right: 510,065,622 km²
        double hemisphere = SurfaceArea.km2(box(-180, 0, 180, 90));
        assertEquals(510_065_622, 2 * hemisphere, 1);
    }

    @Test
    void aRingWrittenClockwiseCountsNegativeAndABowTieCountsTheDifferenceOfItsLobes() {
        Coordinate[] ccw = box(103.9, 29.15, 104.0, 29.25).getExteriorRing().getCoordinates();
        Coordinate[] cw = box(103.9, 29.15, 104.0, 29.25).reverse().getExteriorRing().getCoordinates();
        assertEquals(-SurfaceArea.signedRingKm2(ccw), SurfaceArea.signedRingKm2(cw), 1e-9);
        assertTrue(SurfaceArea.signedRingKm2(ccw) > 0);
        // a figure eight of two 0.1° squares meeting at a corner, the lower wound counter-clockwise, the upper clockwise
        Coordinate[] eight = {new Coordinate(103.9, 29.15), new Coordinate(104.0, 29.15), new Coordinate(104.0, 29.25),
                new Coordinate(104.0, 29.35), new Coordinate(104.1, 29.35), new Coordinate(104.1, 29.25),
                new Coordinate(104.0, 29.25), new Coordinate(103.9, 29.25), new Coordinate(103.9, 29.15)};
        double lower = quadrangleKm2(29.15, 29.25, 0.1);
        double upper = quadrangleKm2(29.25, 29.35, 0.1);
        assertEquals(lower - upper, SurfaceArea.signedRingKm2(eight), 1e-6);
    }

    @Test
    void holesAreTakenOffTheirShell() {
        Polygon outer = box(103.9, 29.15, 104.0, 29.25);
        Polygon withHole = F.createPolygon(outer.getExteriorRing(),
                new org.locationtech.jts.geom.LinearRing[] {box(103.92, 29.17, 103.98, 29.23).getExteriorRing()});
        assertEquals(quadrangleKm2(29.15, 29.25, 0.1) - quadrangleKm2(29.17, 29.23, 0.06), SurfaceArea.km2(withHole), 1e-6);
    }
}
