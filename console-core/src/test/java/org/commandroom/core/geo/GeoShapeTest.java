package org.commandroom.core.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class GeoShapeTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void circleVerticesLieOnTheRadiusAndTheChordSagsLessThanAThousandth() {
        GeoPoint c = GeoPoint.wgs84(22.55, 113.88);
        Geometry g = GeoShape.circle(c, 500).toGeometry(factory, Datum.WGS84);
        for (Coordinate v : g.getCoordinates()) {
            assertEquals(500, c.distanceMetres(GeoPoint.wgs84(v.y, v.x)), 1e-6);
        }
        Coordinate a = g.getCoordinates()[0];
        Coordinate b = g.getCoordinates()[1];
        GeoPoint mid = GeoPoint.wgs84((a.y + b.y) / 2, (a.x + b.x) / 2);
        assertTrue(c.distanceMetres(mid) > 499.5, "sag " + (500 - c.distanceMetres(mid)));
    }

    @Test
    void circleDrawnInGcj02IsMovedOntoTheWgs84Centre() {
        GeoPoint wgs = GeoPoint.wgs84(22.55, 113.88);
        GeoPoint gcj = DatumConverter.convert(wgs, Datum.GCJ02);
        Coordinate centroid = GeoShape.circle(gcj, 300).toGeometry(factory, Datum.WGS84).getCentroid().getCoordinate();
        assertTrue(wgs.distanceMetres(GeoPoint.wgs84(centroid.y, centroid.x)) < 0.5);
    }

    @Test
    void zeroRadiusCircleIsItsCentre() {
        Geometry g = GeoShape.circle(GeoPoint.wgs84(22.55, 113.88), 0).toGeometry(factory, Datum.WGS84);
        assertEquals("Point", g.getGeometryType());
    }

    @Test
    void selfCrossingOutlineIsRepairedIntoItsTwoLobes() {
        // A bow-tie: crossing at (22.555, 113.885).
        List<GeoPoint> bowTie = List.of(GeoPoint.wgs84(22.55, 113.88), GeoPoint.wgs84(22.56, 113.89),
                GeoPoint.wgs84(22.55, 113.89), GeoPoint.wgs84(22.56, 113.88));
        PointIndex index = PointIndex.build(new long[] {1, 2, 3},
                new double[] {22.555, 22.555, 22.551}, new double[] {113.881, 113.889, 113.885}, Datum.WGS84);
        assertArrayEquals(new long[] {1, 2}, index.within(GeoShape.polygon(bowTie)));
    }

    @Test
    void outlineRejectsTooFewVerticesAndMixedDatums() {
        assertThrows(IllegalArgumentException.class,
                () -> GeoShape.polygon(List.of(GeoPoint.wgs84(22.5, 113.8), GeoPoint.wgs84(22.6, 113.8))));
        assertThrows(IllegalArgumentException.class, () -> GeoShape.polygon(List.of(GeoPoint.wgs84(22.5, 113.8),
                GeoPoint.wgs84(22.6, 113.8), new GeoPoint(22.6, 113.9, Datum.GCJ02))));
    }
}
