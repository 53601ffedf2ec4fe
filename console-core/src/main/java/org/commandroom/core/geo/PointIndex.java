package org.commandroom.core.geo;

import java.util.Arrays;
import java.util.Objects;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

/**
 * An immutable spatial index over many points (say 150,000 cameras) in one datum, for nearest-k,
 * circle, polygon and envelope queries.
 *
 * <p>Storage is primitive: ids and coordinates sit in {@code long[]}/{@code double[]} arrays sorted
 * by a uniform grid of cells (bucket index, laid out like a compressed sparse row matrix), about
 * {@value #POINTS_PER_CELL} points per cell; no object per point. Distances are great-circle metres
 * on the same sphere as {@link GeoPoint#distanceMetres}. Query points and shapes in the other datum
 * are converted first. Results are ids: nearest-k in order of distance (ties by id), the others in
 * ascending id order. Not for data spanning the antimeridian.
 *
 * <p>Immutable, so safe to share between threads; rebuild it when the points change.
 */
public final class PointIndex {

    static final int POINTS_PER_CELL = 4;
    private static final int MAX_CELLS = 1 << 22;
    /** Cell numbers of far-away queries are clamped to this so that ring arithmetic cannot overflow. */
    private static final int CELL_LIMIT = 1 << 28;

    private final Datum datum;
    private final GeometryFactory geometryFactory = new GeometryFactory();
    private final long[] ids;
    private final double[] lats;
    private final double[] lons;
    /** Points of cell c are at positions cellStart[c] .. cellStart[c+1]-1; c = row * cols + col. */
    private final int[] cellStart;
    private final double minLat;
    private final double minLon;
    private final double cellLat;
    private final double cellLon;
    private final int rows;
    private final int cols;

    private PointIndex(Datum datum, long[] ids, double[] lats, double[] lons) {
        this.datum = datum;
        int n = ids.length;
        double loLat = Double.POSITIVE_INFINITY;
        double hiLat = Double.NEGATIVE_INFINITY;
        double loLon = Double.POSITIVE_INFINITY;
        double hiLon = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            loLat = Math.min(loLat, lats[i]);
            hiLat = Math.max(hiLat, lats[i]);
            loLon = Math.min(loLon, lons[i]);
            hiLon = Math.max(hiLon, lons[i]);
        }
        if (n == 0) {
            loLat = hiLat = loLon = hiLon = 0;
        }
        // Square cells in metres: choose the side so that there are about n / POINTS_PER_CELL cells.
        double cosMid = Math.max(0.01, Math.cos(Math.toRadians((loLat + hiLat) / 2)));
        double heightM = Math.max(1e-3, (hiLat - loLat) * Geodesy.METRES_PER_DEGREE);
        double widthM = Math.max(1e-3, (hiLon - loLon) * Geodesy.METRES_PER_DEGREE * cosMid);
        double wantedCells = Math.min(MAX_CELLS, Math.max(1.0, (double) n / POINTS_PER_CELL));
        double side = Math.sqrt(heightM * widthM / wantedCells);
        int r = (int) Math.max(1, Math.min(MAX_CELLS, Math.ceil(heightM / side)));
        int c = (int) Math.max(1, Math.min(MAX_CELLS / r, Math.ceil(widthM / side)));
        this.rows = r;
        this.cols = c;
        this.minLat = loLat;
        this.minLon = loLon;
        // Slightly larger than needed so that the maximum falls inside the last cell.
        this.cellLat = Math.max(1e-9, (hiLat - loLat) / r * (1 + 1e-9));
        this.cellLon = Math.max(1e-9, (hiLon - loLon) / c * (1 + 1e-9));

        int[] cellOf = new int[n];
        int[] counts = new int[r * c + 1];
        for (int i = 0; i < n; i++) {
            cellOf[i] = clampRow(rowOf(lats[i])) * cols + clampCol(colOf(lons[i]));
            counts[cellOf[i] + 1]++;
        }
        for (int k = 1; k < counts.length; k++) {
            counts[k] += counts[k - 1];
        }
        this.cellStart = counts.clone();
        this.ids = new long[n];
        this.lats = new double[n];
        this.lons = new double[n];
        for (int i = 0; i < n; i++) {
            int at = counts[cellOf[i]]++;
            this.ids[at] = ids[i];
            this.lats[at] = lats[i];
            this.lons[at] = lons[i];
        }
    }

    /**
     * Builds an index; the arrays are copied, so the caller may reuse them. Ids need not be unique
     * but usually are.
     */
    public static PointIndex build(long[] ids, double[] lats, double[] lons, Datum datum) {
        Objects.requireNonNull(datum, "datum");
        if (ids.length != lats.length || ids.length != lons.length) {
            throw new IllegalArgumentException("ids, lats and lons differ in length: "
                    + ids.length + ", " + lats.length + ", " + lons.length);
        }
        for (int i = 0; i < ids.length; i++) {
            if (!(lats[i] >= -90 && lats[i] <= 90) || !(lons[i] >= -180 && lons[i] <= 180)) {
                throw new IllegalArgumentException("point " + ids[i] + " is out of range: " + lats[i] + ", " + lons[i]);
            }
        }
        return new PointIndex(datum, ids, lats, lons);
    }

    public Datum datum() {
        return datum;
    }

    public int size() {
        return ids.length;
    }

    /** Ids of the {@code k} points nearest to {@code query}, nearest first, ties broken by id. */
    public long[] nearest(GeoPoint query, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k < 0: " + k);
        }
        int want = Math.min(k, ids.length);
        if (want == 0) {
            return new long[0];
        }
        GeoPoint q = DatumConverter.convert(query, datum);
        double qLat = q.lat();
        double qLon = q.lon();
        int qRow = rowOf(qLat);
        int qCol = colOf(qLon);
        Heap heap = new Heap(want);
        int maxRing = Math.max(Math.max(Math.abs(qRow), Math.abs(rows - 1 - qRow)),
                Math.max(Math.abs(qCol), Math.abs(cols - 1 - qCol)));
        // Rings that miss the grid entirely (query far outside) hold nothing: start at the first that reaches it.
        int firstRing = Math.max(0, Math.max(Math.max(-qRow, qRow - (rows - 1)), Math.max(-qCol, qCol - (cols - 1))));
        for (int ring = firstRing; ring <= maxRing; ring++) {
            int r0 = qRow - ring;
            int r1 = qRow + ring;
            int c0 = qCol - ring;
            int c1 = qCol + ring;
            for (int row = Math.max(0, r0); row <= Math.min(rows - 1, r1); row++) {
                boolean edgeRow = row == r0 || row == r1;
                int step = edgeRow ? 1 : c1 - c0;
                for (int col = c0; col <= c1; col += Math.max(1, step)) {
                    if (col >= 0 && col < cols) {
                        offerCell(row * cols + col, qLat, qLon, heap);
                    }
                }
            }
            if (heap.isFull() && heap.worstDistance() <= distanceOutsideBlock(qLat, qLon, r0, r1, c0, c1)) {
                break;
            }
        }
        return heap.sortedIds(ids);
    }

    /** Ids of the points at most {@code radiusMetres} from {@code centre} (true great-circle distance). */
    public long[] withinCircle(GeoPoint centre, double radiusMetres) {
        GeoPoint c = DatumConverter.convert(centre, datum);
        double dLat = Math.toDegrees(radiusMetres / Geodesy.EARTH_RADIUS_M);
        double cosLat = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(c.lat()) + dLat)));
        double dLon = Math.min(180, dLat / cosLat);
        IdCollector out = new IdCollector();
        forEachCandidate(c.lat() - dLat, c.lon() - dLon, c.lat() + dLat, c.lon() + dLon, i -> {
            if (Geodesy.distanceMetres(c.lat(), c.lon(), lats[i], lons[i]) <= radiusMetres) {
                out.add(ids[i]);
            }
        });
        return out.sorted();
    }

    /** Ids of the points inside the shape or on its edge. Circles use the true distance. */
    public long[] within(GeoShape shape) {
        if (shape instanceof GeoShape.Circle circle) {
            return withinCircle(circle.centre(), circle.radiusMetres());
        }
        Geometry area = shape.toGeometry(geometryFactory, datum);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
        Envelope env = area.getEnvelopeInternal();
        Coordinate probe = new Coordinate();
        IdCollector out = new IdCollector();
        forEachCandidate(env.getMinY(), env.getMinX(), env.getMaxY(), env.getMaxX(), i -> {
            probe.x = lons[i];
            probe.y = lats[i];
            if (locator.locate(probe) != Location.EXTERIOR) {
                out.add(ids[i]);
            }
        });
        return out.sorted();
    }

    /**
     * Ids of the points inside the latitude/longitude box (edges included) given in {@code boxDatum}.
     * A box in the other datum is converted by its corners: the result is the box around the four
     * converted corners, which over a district differs from the exact shape by millimetres.
     */
    public long[] withinEnvelope(double minLat, double minLon, double maxLat, double maxLon, Datum boxDatum) {
        double[] lo = {minLat, minLon};
        double[] hi = {maxLat, maxLon};
        if (boxDatum != datum) {
            double[] a = new double[2];
            lo[0] = lo[1] = Double.POSITIVE_INFINITY;
            hi[0] = hi[1] = Double.NEGATIVE_INFINITY;
            double[][] corners = {{minLat, minLon}, {minLat, maxLon}, {maxLat, minLon}, {maxLat, maxLon}};
            for (double[] corner : corners) {
                DatumConverter.convert(corner[0], corner[1], boxDatum, datum, a);
                lo[0] = Math.min(lo[0], a[0]);
                lo[1] = Math.min(lo[1], a[1]);
                hi[0] = Math.max(hi[0], a[0]);
                hi[1] = Math.max(hi[1], a[1]);
            }
        }
        IdCollector out = new IdCollector();
        forEachCandidate(lo[0], lo[1], hi[0], hi[1], i -> {
            if (lats[i] >= lo[0] && lats[i] <= hi[0] && lons[i] >= lo[1] && lons[i] <= hi[1]) {
                out.add(ids[i]);
            }
        });
        return out.sorted();
    }

    // ----------------------------------------------------------------------------------------

    private interface PositionVisitor {
        void visit(int position);
    }

    private void forEachCandidate(double loLat, double loLon, double hiLat, double hiLon, PositionVisitor visitor) {
        if (ids.length == 0 || loLat > hiLat || loLon > hiLon) {
            return;
        }
        int r0 = clampRow(rowOf(loLat));
        int r1 = clampRow(rowOf(hiLat));
        int c0 = clampCol(colOf(loLon));
        int c1 = clampCol(colOf(hiLon));
        for (int row = r0; row <= r1; row++) {
            int from = cellStart[row * cols + c0];
            int to = cellStart[row * cols + c1 + 1];
            for (int i = from; i < to; i++) {
                visitor.visit(i);
            }
        }
    }

    private void offerCell(int cell, double qLat, double qLon, Heap heap) {
        for (int i = cellStart[cell], end = cellStart[cell + 1]; i < end; i++) {
            heap.offer(Geodesy.distanceMetres(qLat, qLon, lats[i], lons[i]), i, ids);
        }
    }

    /**
     * A lower bound of the distance from the query to any point outside the block of cells
     * rows r0..r1, cols c0..c1: past a parallel the distance is at least the latitude difference;
     * past a meridian at least the distance to that meridian's great circle.
     */
    private double distanceOutsideBlock(double qLat, double qLon, int r0, int r1, int c0, int c1) {
        double bound = Double.POSITIVE_INFINITY;
        if (r0 > 0) {
            bound = Math.min(bound, (qLat - (minLat + r0 * cellLat)) * Geodesy.METRES_PER_DEGREE);
        }
        if (r1 < rows - 1) {
            bound = Math.min(bound, (minLat + (r1 + 1) * cellLat - qLat) * Geodesy.METRES_PER_DEGREE);
        }
        double cosQ = Math.cos(Math.toRadians(qLat));
        if (c0 > 0) {
            bound = Math.min(bound, toMeridian(qLon - (minLon + c0 * cellLon), cosQ));
        }
        if (c1 < cols - 1) {
            bound = Math.min(bound, toMeridian(minLon + (c1 + 1) * cellLon - qLon, cosQ));
        }
        return Math.max(0, bound) * (1 - 1e-9);
    }

    private static double toMeridian(double dLonDeg, double cosLat) {
        if (dLonDeg >= 90) {
            return Geodesy.EARTH_RADIUS_M * Math.asin(cosLat);
        }
        return Geodesy.EARTH_RADIUS_M * Math.asin(Math.sin(Math.toRadians(dLonDeg)) * cosLat);
    }

    private int rowOf(double lat) {
        return (int) Math.max(-CELL_LIMIT, Math.min(CELL_LIMIT, Math.floor((lat - minLat) / cellLat)));
    }

    private int colOf(double lon) {
        return (int) Math.max(-CELL_LIMIT, Math.min(CELL_LIMIT, Math.floor((lon - minLon) / cellLon)));
    }

    private int clampRow(int row) {
        return Math.max(0, Math.min(rows - 1, row));
    }

    private int clampCol(int col) {
        return Math.max(0, Math.min(cols - 1, col));
    }

    /** Bounded max-heap of (distance, position), worst on top; ties ordered by id. */
    private static final class Heap {
        private final double[] dist;
        private final int[] pos;
        private int size;

        Heap(int capacity) {
            dist = new double[capacity];
            pos = new int[capacity];
        }

        boolean isFull() {
            return size == dist.length;
        }

        double worstDistance() {
            return dist[0];
        }

        void offer(double d, int p, long[] ids) {
            if (size < dist.length) {
                int i = size++;
                dist[i] = d;
                pos[i] = p;
                siftUp(i, ids);
            } else if (worse(dist[0], pos[0], d, p, ids)) {
                dist[0] = d;
                pos[0] = p;
                siftDown(0, ids);
            }
        }

        /** True when (d1, p1) is further than (d2, p2). */
        private static boolean worse(double d1, int p1, double d2, int p2, long[] ids) {
            return d1 > d2 || (d1 == d2 && ids[p1] > ids[p2]);
        }

        private void siftUp(int i, long[] ids) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!worse(dist[i], pos[i], dist[parent], pos[parent], ids)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i, long[] ids) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int top = i;
                if (l < size && worse(dist[l], pos[l], dist[top], pos[top], ids)) {
                    top = l;
                }
                if (r < size && worse(dist[r], pos[r], dist[top], pos[top], ids)) {
                    top = r;
                }
                if (top == i) {
                    return;
                }
                swap(i, top);
                i = top;
            }
        }

        private void swap(int a, int b) {
            double d = dist[a];
            dist[a] = dist[b];
            dist[b] = d;
            int p = pos[a];
            pos[a] = pos[b];
            pos[b] = p;
        }

        long[] sortedIds(long[] ids) {
            long[] out = new long[size];
            for (int i = size - 1; i >= 0; i--) {
                out[i] = ids[pos[0]];
                pos[0] = pos[size - 1];
                dist[0] = dist[size - 1];
                size--;
                siftDown(0, ids);
            }
            return out;
        }
    }

    private static final class IdCollector {
        private long[] buf = new long[16];
        private int size;

        void add(long id) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, size * 2);
            }
            buf[size++] = id;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(buf, size);
            Arrays.sort(out);
            return out;
        }
    }
}
