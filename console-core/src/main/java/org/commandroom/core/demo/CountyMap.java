package org.commandroom.core.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The county's geometry, built in a local metric plane (x east, y north, metres from the county seat)
 * and converted to WGS84 longitude/latitude only when written.
 *
 * <p>An irregular outline; micro-grids are Voronoi cells of seeded points (dense in the towns) clipped
 * to it; communities are k-means clusters of micro-grids and streets clusters of communities, so the
 * hierarchy nests exactly; police grids are an independent clustering of the same micro-grids (they
 * cross community lines); station areas are clusters of police grids.
 */
final class CountyMap {

    static final GeometryFactory GF = new GeometryFactory();
    private static final double M_PER_DEG_LAT = 110_574.0;

    final DemoProfile profile;
    final double radius;
    private final double mPerDegLon;

    Polygon outline;
    PreparedGeometry preparedOutline;
    double[][] towns;

    Geometry[] micro;
    double[] siteX;
    double[] siteY;
    double[] urban;
    int[] microPopulation;
    int[] microCommunity;
    int[] microPoliceGrid;

    Geometry[] community;
    int[] communityStreet;
    Geometry[] street;
    Geometry[] policeGrid;
    int[] policeGridStation;
    Geometry[] stationArea;
    boolean[] stationIsPost;

    private PreparedGeometry[] preparedMicro;
    private Locator microLocator;
    private Locator policeGridLocator;

    CountyMap(DemoProfile profile) {
        this.profile = profile;
        this.radius = profile.radiusKm() * 1000.0;
        this.mPerDegLon = 111_320.0 * Math.cos(Math.toRadians(profile.centerLat()));
    }

    /** Builds everything from the seed; same seed, same map. */
    static CountyMap build(DemoProfile profile, long seed) {
        CountyMap m = new CountyMap(profile);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED_6E0L);
        m.buildOutline(rnd);
        m.placeTowns(rnd);
        m.buildMicroGrids(rnd);
        m.cluster(rnd);
        m.preparedMicro = new PreparedGeometry[m.micro.length];
        for (int i = 0; i < m.micro.length; i++) {
            m.preparedMicro[i] = PreparedGeometryFactory.prepare(m.micro[i]);
        }
        m.microLocator = new Locator(m.micro);
        m.policeGridLocator = new Locator(m.policeGrid);
        return m;
    }

    private void buildOutline(SplittableRandom rnd) {
        int n = 96;
        double[] phase = {rnd.nextDouble() * 6.283, rnd.nextDouble() * 6.283, rnd.nextDouble() * 6.283, rnd.nextDouble() * 6.283};
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = radius * (1 + 0.16 * Math.sin(2 * t + phase[0]) + 0.09 * Math.sin(3 * t + phase[1])
                    + 0.05 * Math.sin(5 * t + phase[2]) + 0.03 * Math.sin(9 * t + phase[3]) + 0.02 * (rnd.nextDouble() - 0.5));
            ring[i] = new Coordinate(r * Math.cos(t), r * Math.sin(t));
        }
        ring[n] = new Coordinate(ring[0]);
        outline = GF.createPolygon(ring);
        preparedOutline = PreparedGeometryFactory.prepare(outline);
    }

    private void placeTowns(SplittableRandom rnd) {
        int n = profile.streets();
        towns = new double[n][];
        towns[0] = new double[] {0, 0};
        int placed = 1;
        double minSep = radius * 0.45;
        int attempts = 0;
        while (placed < n) {
            double x = (rnd.nextDouble() * 2 - 1) * radius;
            double y = (rnd.nextDouble() * 2 - 1) * radius;
            attempts++;
            if (!contains(x, y) || Math.hypot(x, y) < radius * 0.3) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < placed; i++) {
                if (Math.hypot(x - towns[i][0], y - towns[i][1]) < minSep) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                towns[placed++] = new double[] {x, y};
            } else if (attempts % 200 == 0) {
                minSep *= 0.9;
            }
        }
    }

    private void buildMicroGrids(SplittableRandom rnd) {
        int n = profile.microGrids();
        List<Coordinate> sites = new ArrayList<>(n);
        Map<Coordinate, Integer> index = new HashMap<>();
        while (sites.size() < n) {
            double u = rnd.nextDouble();
            double x;
            double y;
            if (u < 0.45) {
                x = gauss(rnd) * radius * 0.11;
                y = gauss(rnd) * radius * 0.11;
            } else if (u < 0.75) {
                double[] t = towns.length == 1 ? towns[0] : towns[1 + rnd.nextInt(towns.length - 1)];
                x = t[0] + gauss(rnd) * radius * 0.06;
                y = t[1] + gauss(rnd) * radius * 0.06;
            } else {
                x = (rnd.nextDouble() * 2 - 1) * radius * 1.3;
                y = (rnd.nextDouble() * 2 - 1) * radius * 1.3;
            }
            if (!contains(x, y)) {
                continue;
            }
            Coordinate c = new Coordinate(Math.rint(x * 10) / 10, Math.rint(y * 10) / 10);
            if (index.putIfAbsent(c, sites.size()) == null) {
                sites.add(c);
            }
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        Envelope clip = new Envelope(outline.getEnvelopeInternal());
        clip.expandBy(radius * 0.2);
        vb.setClipEnvelope(clip);
        Geometry cells = vb.getDiagram(GF);
        micro = new Geometry[n];
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Integer site = index.get((Coordinate) cell.getUserData());
            if (site == null) {
                continue;
            }
            micro[site] = preparedOutline.containsProperly(cell) ? cell : cell.intersection(outline);
        }
        siteX = new double[n];
        siteY = new double[n];
        urban = new double[n];
        microPopulation = new int[n];
        for (int i = 0; i < n; i++) {
            if (micro[i] == null || micro[i].isEmpty()) {
                throw new IllegalStateException("micro-grid " + i + " has no cell");
            }
            siteX[i] = sites.get(i).x;
            siteY[i] = sites.get(i).y;
            urban[i] = urbanness(siteX[i], siteY[i]);
            double areaKm2 = micro[i].getArea() / 1e6;
            double density = 300 + 9000 * urban[i];
            microPopulation[i] = (int) Math.max(150, Math.min(6000, density * areaKm2 * (0.7 + 0.6 * rnd.nextDouble())));
        }
    }

    private void cluster(SplittableRandom rnd) {
        int n = micro.length;
        // communities: k-means over micro-grid sites
        int[] initC = randomDistinct(rnd, n, profile.communities());
        microCommunity = kmeans(siteX, siteY, initC, 12, rnd);
        int nc = profile.communities();
        double[] cx = new double[nc];
        double[] cy = new double[nc];
        meanPerCluster(microCommunity, siteX, siteY, cx, cy);
        // streets: communities clustered around the towns
        int[] initS = new int[profile.streets()];
        boolean[] taken = new boolean[nc];
        for (int s = 0; s < initS.length; s++) {
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < nc; c++) {
                double d = Math.hypot(cx[c] - towns[s][0], cy[c] - towns[s][1]);
                if (!taken[c] && d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            taken[best] = true;
            initS[s] = best;
        }
        communityStreet = kmeans(cx, cy, initS, 12, rnd);
        // police grids: an independent clustering of the same micro-grids
        int[] initP = randomDistinct(rnd, n, profile.policeGrids());
        microPoliceGrid = kmeans(siteX, siteY, initP, 10, rnd);
        int np = profile.policeGrids();
        double[] px = new double[np];
        double[] py = new double[np];
        meanPerCluster(microPoliceGrid, siteX, siteY, px, py);
        int[] initSt = randomDistinct(rnd, np, profile.stationsAndPosts());
        policeGridStation = kmeans(px, py, initSt, 12, rnd);

        community = unions(microCommunity, nc, micro);
        street = unions(communityStreet, profile.streets(), community);
        policeGrid = unions(microPoliceGrid, np, micro);
        stationArea = unions(policeGridStation, profile.stationsAndPosts(), policeGrid);
        // Posts (警务站) are the smallest station areas: city-centre beats.
        stationIsPost = new boolean[stationArea.length];
        Integer[] order = new Integer[stationArea.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(stationArea[a].getArea(), stationArea[b].getArea()));
        for (int i = 0; i < profile.posts(); i++) {
            stationIsPost[order[i]] = true;
        }
    }

    private static Geometry[] unions(int[] assignment, int k, Geometry[] parts) {
        List<List<Geometry>> groups = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < assignment.length; i++) {
            groups.get(assignment[i]).add(parts[i]);
        }
        Geometry[] out = new Geometry[k];
        for (int i = 0; i < k; i++) {
            out[i] = UnaryUnionOp.union(groups.get(i));
        }
        return out;
    }

    /** Lloyd's k-means from the given initial members; never leaves a cluster empty. */
    private static int[] kmeans(double[] x, double[] y, int[] init, int iterations, SplittableRandom rnd) {
        int n = x.length;
        int k = init.length;
        double[] cx = new double[k];
        double[] cy = new double[k];
        for (int j = 0; j < k; j++) {
            cx[j] = x[init[j]];
            cy[j] = y[init[j]];
        }
        int[] assign = new int[n];
        for (int it = 0; it <= iterations; it++) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    double dx = x[i] - cx[j];
                    double dy = y[i] - cy[j];
                    double d = dx * dx + dy * dy;
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                assign[i] = best;
            }
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[assign[i]]++;
            }
            for (int j = 0; j < k; j++) {
                if (count[j] == 0) {
                    // steal a member of the largest cluster
                    int largest = 0;
                    for (int q = 1; q < k; q++) {
                        if (count[q] > count[largest]) {
                            largest = q;
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        if (assign[i] == largest) {
                            assign[i] = j;
                            count[largest]--;
                            count[j]++;
                            break;
                        }
                    }
                }
            }
            if (it < iterations) {
                meanPerCluster(assign, x, y, cx, cy);
            }
        }
        return assign;
    }

    private static void meanPerCluster(int[] assign, double[] x, double[] y, double[] cx, double[] cy) {
        int k = cx.length;
        double[] sx = new double[k];
        double[] sy = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < assign.length; i++) {
            sx[assign[i]] += x[i];
            sy[assign[i]] += y[i];
            count[assign[i]]++;
        }
        for (int j = 0; j < k; j++) {
            if (count[j] > 0) {
                cx[j] = sx[j] / count[j];
                cy[j] = sy[j] / count[j];
            }
        }
    }

    private static int[] randomDistinct(SplittableRandom rnd, int n, int k) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, k);
    }

    static double gauss(SplittableRandom rnd) {
        double u = Math.max(1e-12, rnd.nextDouble());
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** 1 in the county seat, falling off with distance; towns are smaller peaks. */
    double urbanness(double x, double y) {
        double u = Math.exp(-Math.hypot(x, y) / (radius * 0.12));
        for (int i = 1; i < towns.length; i++) {
            u = Math.max(u, 0.5 * Math.exp(-Math.hypot(x - towns[i][0], y - towns[i][1]) / (radius * 0.06)));
        }
        return u;
    }

    boolean contains(double x, double y) {
        return preparedOutline.contains(GF.createPoint(new Coordinate(x, y)));
    }

    /** A uniformly random point inside micro-grid {@code i}. */
    double[] randomPointIn(int i, SplittableRandom rnd) {
        Envelope e = micro[i].getEnvelopeInternal();
        for (int attempt = 0; attempt < 40; attempt++) {
            double x = e.getMinX() + rnd.nextDouble() * e.getWidth();
            double y = e.getMinY() + rnd.nextDouble() * e.getHeight();
            if (preparedMicro[i].contains(GF.createPoint(new Coordinate(x, y)))) {
                return new double[] {x, y};
            }
        }
        Point p = micro[i].getInteriorPoint();
        return new double[] {p.getX(), p.getY()};
    }

    /** The micro-grid containing the point, or -1 outside the district. */
    int microGridAt(double x, double y) {
        return microLocator.locate(x, y);
    }

    /** The police grid containing the point, or -1 outside the district. */
    int policeGridAt(double x, double y) {
        return policeGridLocator.locate(x, y);
    }

    double lat(double y) {
        return profile.centerLat() + y / M_PER_DEG_LAT;
    }

    double lon(double x) {
        return profile.centerLon() + x / mPerDegLon;
    }

    /** The geometry as WGS84 WKT (x = longitude, y = latitude). */
    String wkt(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, Math.rint(lon(seq.getX(i)) * 1e7) / 1e7);
                seq.setOrdinate(i, 1, Math.rint(lat(seq.getY(i)) * 1e7) / 1e7);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return new WKTWriter().write(copy);
    }

    /** Point-in-polygon lookups over a partition, through an STR-tree of prepared polygons. */
    private static final class Locator {
        private final STRtree tree = new STRtree();

        Locator(Geometry[] polygons) {
            for (int i = 0; i < polygons.length; i++) {
                tree.insert(polygons[i].getEnvelopeInternal(), new Entry(i, PreparedGeometryFactory.prepare(polygons[i])));
            }
            tree.build();
        }

        int locate(double x, double y) {
            Point p = GF.createPoint(new Coordinate(x, y));
            int found = -1;
            @SuppressWarnings("unchecked")
            List<Entry> hits = tree.query(new Envelope(x, x, y, y));
            for (Entry e : hits) {
                if (e.geometry.covers(p) && (found < 0 || e.index < found)) {
                    found = e.index;
                }
            }
            return found;
        }

        private record Entry(int index, PreparedGeometry geometry) {
        }
    }
}
