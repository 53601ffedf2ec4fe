package org.commandroom.core.geo;

import java.util.Arrays;
import java.util.Random;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@link PointIndex} against a brute-force scan: N random points over Bao'an (default
 * 150,000) and Q queries of each kind (default 10,000), and logs the time per query and the ratio.
 * Each brute-force answer is also compared with the index's, so the figures are for equal results.
 *
 * <p>Run: {@code mvn -B -o -q -pl console-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.commandroom.core.geo.PointIndexBenchmark [-Dexec.args="150000 10000"]}
 */
public final class PointIndexBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PointIndexBenchmark.class);

    private final double[] lats;
    private final double[] lons;
    private final long[] ids;
    private final PointIndex index;
    private final GeoPoint[] queries;
    private final GeometryFactory factory = new GeometryFactory();

    private PointIndexBenchmark(int points, int queryCount) {
        Random random = new Random(42);
        lats = new double[points];
        lons = new double[points];
        ids = new long[points];
        for (int i = 0; i < points; i++) {
            ids[i] = i;
            lats[i] = 22.52 + random.nextDouble() * 0.28;
            lons[i] = 113.75 + random.nextDouble() * 0.20;
        }
        long t0 = System.nanoTime();
        index = PointIndex.build(ids, lats, lons, Datum.WGS84);
        LOG.info("built index of {} points in {} ms", points, (System.nanoTime() - t0) / 1_000_000);
        queries = new GeoPoint[queryCount];
        for (int q = 0; q < queryCount; q++) {
            queries[q] = GeoPoint.wgs84(22.52 + random.nextDouble() * 0.28, 113.75 + random.nextDouble() * 0.20);
        }
    }

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        new PointIndexBenchmark(points, queryCount).run();
    }

    private void run() {
        LOG.info("{} queries of each kind against {} points", queries.length, ids.length);
        compare("nearest 10", q -> index.nearest(q, 10), this::bruteNearest10);
        compare("circle 300 m", q -> index.withinCircle(q, 300), q -> bruteCircle(q, 300));
        compare("envelope 0.005 deg", q -> index.withinEnvelope(q.lat(), q.lon(), q.lat() + 0.005, q.lon() + 0.005, Datum.WGS84),
                this::bruteEnvelope);
        compare("hexagon r=400 m", q -> index.within(hexagon(q)), q -> brutePolygon(hexagon(q)));
    }

    private interface Query {
        long[] run(GeoPoint q);
    }

    private void compare(String name, Query indexed, Query brute) {
        for (int q = 0; q < Math.min(1000, queries.length); q++) { // warm-up
            indexed.run(queries[q]);
            brute.run(queries[q]);
        }
        long found = 0;
        long t0 = System.nanoTime();
        long[][] answers = new long[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            answers[q] = indexed.run(queries[q]);
            found += answers[q].length;
        }
        long tIndex = System.nanoTime() - t0;
        t0 = System.nanoTime();
        int mismatches = 0;
        for (int q = 0; q < queries.length; q++) {
            if (!Arrays.equals(answers[q], brute.run(queries[q]))) {
                mismatches++;
            }
        }
        long tBrute = System.nanoTime() - t0;
        LOG.info(String.format("%-20s index %8.1f ms (%7.2f us/query)  brute force %9.1f ms (%8.1f us/query)  speed-up x%.0f  "
                        + "avg hits %.1f  mismatches %d",
                name, tIndex / 1e6, tIndex / 1e3 / queries.length, tBrute / 1e6, tBrute / 1e3 / queries.length,
                (double) tBrute / tIndex, (double) found / queries.length, mismatches));
    }

    private GeoShape hexagon(GeoPoint c) {
        GeoPoint[] v = new GeoPoint[6];
        double dLat = 400 / Geodesy.METRES_PER_DEGREE;
        double dLon = dLat / Math.cos(Math.toRadians(c.lat()));
        for (int i = 0; i < 6; i++) {
            double a = Math.PI / 3 * i;
            v[i] = GeoPoint.wgs84(c.lat() + dLat * Math.sin(a), c.lon() + dLon * Math.cos(a));
        }
        return GeoShape.polygon(Arrays.asList(v));
    }

    // Brute force: one pass over every point, the same distance function and tie rule as the index.

    private long[] bruteNearest10(GeoPoint q) {
        int k = 10;
        double[] bestD = new double[k];
        long[] bestId = new long[k];
        Arrays.fill(bestD, Double.POSITIVE_INFINITY);
        Arrays.fill(bestId, Long.MAX_VALUE);
        for (int i = 0; i < ids.length; i++) {
            double d = Geodesy.distanceMetres(q.lat(), q.lon(), lats[i], lons[i]);
            if (d < bestD[k - 1] || (d == bestD[k - 1] && ids[i] < bestId[k - 1])) {
                int j = k - 1;
                while (j > 0 && (d < bestD[j - 1] || (d == bestD[j - 1] && ids[i] < bestId[j - 1]))) {
                    bestD[j] = bestD[j - 1];
                    bestId[j] = bestId[j - 1];
                    j--;
                }
                bestD[j] = d;
                bestId[j] = ids[i];
            }
        }
        return bestId;
    }

    private long[] bruteCircle(GeoPoint q, double r) {
        long[] out = new long[16];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (Geodesy.distanceMetres(q.lat(), q.lon(), lats[i], lons[i]) <= r) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = ids[i];
            }
        }
        return sorted(out, n);
    }

    private long[] bruteEnvelope(GeoPoint q) {
        long[] out = new long[16];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (lats[i] >= q.lat() && lats[i] <= q.lat() + 0.005 && lons[i] >= q.lon() && lons[i] <= q.lon() + 0.005) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = ids[i];
            }
        }
        return sorted(out, n);
    }

    private long[] brutePolygon(GeoShape shape) {
        Geometry g = shape.toGeometry(factory, Datum.WGS84);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(g);
        Envelope env = g.getEnvelopeInternal();
        Coordinate probe = new Coordinate();
        long[] out = new long[16];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (!env.contains(lons[i], lats[i])) {
                continue;
            }
            probe.x = lons[i];
            probe.y = lats[i];
            if (locator.locate(probe) != Location.EXTERIOR) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = ids[i];
            }
        }
        return sorted(out, n);
    }

    private static long[] sorted(long[] buf, int n) {
        long[] out = Arrays.copyOf(buf, n);
        Arrays.sort(out);
        return out;
    }
}
