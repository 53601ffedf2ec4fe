package org.commandroom.core.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

class PointIndexTest {

    /** Roughly Bao'an district, WGS-84. */
    static final double MIN_LAT = 22.52;
    static final double MAX_LAT = 22.80;
    static final double MIN_LON = 113.75;
    static final double MAX_LON = 113.95;

    private final Random random = new Random(20261123);
    private final long[] ids;
    private final double[] lats;
    private final double[] lons;
    private final PointIndex index;

    PointIndexTest() {
        int n = 5_000;
        ids = new long[n];
        lats = new double[n];
        lons = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1_000_000L + (i * 7919L) % n; // unique, not in coordinate order
            if (i % 50 == 1) {
                // exact duplicates of the previous point: nearest-k must break the tie by id
                lats[i] = lats[i - 1];
                lons[i] = lons[i - 1];
            } else {
                lats[i] = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
                lons[i] = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
            }
        }
        index = PointIndex.build(ids, lats, lons, Datum.WGS84);
    }

    private GeoPoint randomQuery() {
        // a little beyond the data on every side, so that queries outside the grid are tested too
        return GeoPoint.wgs84(MIN_LAT - 0.05 + random.nextDouble() * (MAX_LAT - MIN_LAT + 0.1),
                MIN_LON - 0.05 + random.nextDouble() * (MAX_LON - MIN_LON + 0.1));
    }

    private long[] bruteNearest(GeoPoint q, int k) {
        return IntStream.range(0, ids.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> Geodesy.distanceMetres(q.lat(), q.lon(), lats[i], lons[i]))
                        .thenComparingLong(i -> ids[i]))
                .limit(k).mapToLong(i -> ids[i]).toArray();
    }

    @Test
    void nearestKMatchesBruteForceOnRandomPointsIncludingTies() {
        for (int q = 0; q < 300; q++) {
            GeoPoint query = q % 10 == 0 ? GeoPoint.wgs84(lats[q * 10], lons[q * 10]) : randomQuery();
            int k = new int[] {1, 2, 7, 25}[q % 4];
            assertArrayEquals(bruteNearest(query, k), index.nearest(query, k), "query " + query + " k=" + k);
        }
    }

    @Test
    void nearestFromFarOutsideTheDataStillFindsTheClosest() {
        GeoPoint beijing = GeoPoint.wgs84(39.9, 116.4);
        assertArrayEquals(bruteNearest(beijing, 3), index.nearest(beijing, 3));
    }

    @Test
    void nearestWithKBeyondSizeReturnsEveryPointInDistanceOrder() {
        PointIndex small = PointIndex.build(new long[] {3, 1, 2}, new double[] {22.60, 22.70, 22.65},
                new double[] {113.8, 113.8, 113.8}, Datum.WGS84);
        assertArrayEquals(new long[] {3, 2, 1}, small.nearest(GeoPoint.wgs84(22.5, 113.8), 10));
    }

    @Test
    void withinCircleMatchesBruteForce() {
        for (int q = 0; q < 200; q++) {
            GeoPoint c = randomQuery();
            double r = 20 + random.nextDouble() * 3000;
            long[] expected = IntStream.range(0, ids.length)
                    .filter(i -> Geodesy.distanceMetres(c.lat(), c.lon(), lats[i], lons[i]) <= r)
                    .mapToLong(i -> ids[i]).sorted().toArray();
            assertArrayEquals(expected, index.withinCircle(c, r), "circle " + c + " r=" + r);
            assertArrayEquals(expected, index.within(GeoShape.circle(c, r)));
        }
    }

    @Test
    void withinPolygonMatchesBruteForce() {
        GeometryFactory f = new GeometryFactory();
        for (int q = 0; q < 200; q++) {
            List<GeoPoint> vertices = new ArrayList<>();
            GeoPoint c = randomQuery();
            int n = 3 + random.nextInt(6);
            for (int v = 0; v < n; v++) {
                double angle = 2 * Math.PI * v / n;
                double radius = 0.005 + random.nextDouble() * 0.03;
                vertices.add(GeoPoint.wgs84(c.lat() + radius * Math.sin(angle), c.lon() + radius * Math.cos(angle)));
            }
            Geometry g = GeoShape.polygon(vertices).toGeometry(f, Datum.WGS84);
            Coordinate[] ring = ((Polygon) g).getExteriorRing().getCoordinates();
            long[] expected = IntStream.range(0, ids.length)
                    .filter(i -> PointLocation.locateInRing(new Coordinate(lons[i], lats[i]), ring) != Location.EXTERIOR)
                    .mapToLong(i -> ids[i]).sorted().toArray();
            assertArrayEquals(expected, index.within(GeoShape.polygon(vertices)), "polygon " + vertices);
        }
    }

    @Test
    void withinEnvelopeMatchesBruteForce() {
        for (int q = 0; q < 200; q++) {
            GeoPoint a = randomQuery();
            double loLat = a.lat();
            double loLon = a.lon();
            double hiLat = loLat + random.nextDouble() * 0.05;
            double hiLon = loLon + random.nextDouble() * 0.05;
            long[] expected = IntStream.range(0, ids.length)
                    .filter(i -> lats[i] >= loLat && lats[i] <= hiLat && lons[i] >= loLon && lons[i] <= hiLon)
                    .mapToLong(i -> ids[i]).sorted().toArray();
            assertArrayEquals(expected, index.withinEnvelope(loLat, loLon, hiLat, hiLon, Datum.WGS84));
        }
    }

    @Test
    void queryInTheOtherDatumIsConvertedBeforeSearching() {
        int i = 1234;
        GeoPoint asDrawnOnTheMap = DatumConverter.convert(GeoPoint.wgs84(lats[i], lons[i]), Datum.GCJ02);
        assertEquals(ids[i], index.nearest(asDrawnOnTheMap, 1)[0]);
        long[] inCircle = index.withinCircle(asDrawnOnTheMap, 0.05);
        assertEquals(ids[i], inCircle[0]);
        double eps = 1e-6;
        long[] inBox = index.withinEnvelope(asDrawnOnTheMap.lat() - eps, asDrawnOnTheMap.lon() - eps,
                asDrawnOnTheMap.lat() + eps, asDrawnOnTheMap.lon() + eps, Datum.GCJ02);
        assertArrayEquals(new long[] {ids[i]}, inBox);
    }

    @Test
    void emptyIndexAnswersEveryQueryWithNothing() {
        PointIndex empty = PointIndex.build(new long[0], new double[0], new double[0], Datum.GCJ02);
        GeoPoint p = new GeoPoint(22.6, 113.9, Datum.GCJ02);
        assertEquals(0, empty.nearest(p, 5).length);
        assertEquals(0, empty.withinCircle(p, 1000).length);
        assertEquals(0, empty.withinEnvelope(22, 113, 23, 114, Datum.GCJ02).length);
    }

    @Test
    void buildRejectsArraysOfDifferentLengthsAndCoordinatesOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> PointIndex.build(new long[2], new double[2], new double[1], Datum.WGS84));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PointIndex.build(new long[] {9}, new double[] {91}, new double[] {113}, Datum.WGS84));
        assertEquals("point 9 is out of range: 91.0, 113.0", e.getMessage());
    }

    @Test
    void sameCoordinatesAreAllFoundWhenAllPointsCoincide() {
        long[] few = {5, 4, 6};
        PointIndex same = PointIndex.build(few, new double[] {22.6, 22.6, 22.6}, new double[] {113.9, 113.9, 113.9}, Datum.WGS84);
        assertArrayEquals(new long[] {4, 5, 6}, same.nearest(GeoPoint.wgs84(22.61, 113.9), 3));
        assertArrayEquals(new long[] {4, 5, 6}, same.withinCircle(GeoPoint.wgs84(22.6, 113.9), 0));
        assertEquals(Arrays.toString(new long[] {4, 5}), Arrays.toString(same.nearest(GeoPoint.wgs84(22.6, 113.9), 2)));
    }
}
