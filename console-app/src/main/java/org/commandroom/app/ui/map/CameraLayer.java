package org.commandroom.app.ui.map;


import javafx.scene.canvas.GraphicsContext;

import org.commandroom.core.geo.GeoPoint;

/**
 * All cameras as raster, never a node per camera: written into the pixels of the map's composite
 * ({@link OverlayLayer}), so they cost nothing while the map pans. The cameras in view are found with the
 * camera set's {@link org.commandroom.core.geo.PointIndex} (visible envelope). Zoomed in, each is a
 * small square of pixels (colour by type, grey and hollow when offline); zoomed out, or when too many
 * are in view, they are counted per screen cell of a grid fixed to the world (so clusters do not
 * jitter while panning) and each cell is a badge with its count, blended in.
 */
final class CameraLayer extends ViewportLayer {

    static final double CLUSTER_CELL_PX = 64;

    private final LiveMapViewModel vm;
    private final ClusterBadges badges = new ClusterBadges();
    private Runnable onChange = () -> { };

    private int clusterBelowZoom = 14;
    private int maxIndividualPoints = 25_000;

    private int lastVisibleCount;
    private boolean lastClustered;
    private CameraSet cachedSet;
    private long[] cached;
    private boolean cachedAll;
    private double cacheX0;
    private double cacheY0;
    private double cacheX1;
    private double cacheY1;
    private int queries;
    private long drawNanos;
    private long draws;

    CameraLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    /** Below this zoom, or with more than {@code maxIndividualPoints} in view, cameras are clustered. */
    void setLevelOfDetail(int clusterBelowZoom, int maxIndividualPoints) {
        this.clusterBelowZoom = clusterBelowZoom;
        this.maxIndividualPoints = maxIndividualPoints;
        invalidate();
    }

    int lastVisibleCount() {
        return lastVisibleCount;
    }

    boolean lastClustered() {
        return lastClustered;
    }

    /** Nothing of its own: the cameras are written into the map's composite ({@link OverlayLayer}). */
    @Override
    void draw(Viewport v) {
    }

    /** Called when the layer's level of detail changed (the composite is drawn again). */
    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    @Override
    void contentChanged() {
        onChange.run();
    }

    /**
     * Writes the cameras in view into {@code px} ({@code w} x {@code h}, the composite's pixels, for
     * viewport {@code v}): a small square each, or a badge per cluster.
     */
    void paintInto(int[] px, int w, int h, Viewport v) {
        long t0 = System.nanoTime();
        CameraSet set = vm.cameras();
        if (isVisible() && w > 0 && h > 0 && set.size() > 0) {
            double pad = 8;
            double scale = v.scale();
            double vx0 = (-pad - v.translateX()) / scale;
            double vy0 = (-pad - v.translateY()) / scale;
            double vx1 = (w + pad - v.translateX()) / scale;
            double vy1 = (h + pad - v.translateY()) / scale;
            long[] visible = candidates(set, vx0, vy0, vx1, vy1);
            int candidates = visible == null ? set.size() : visible.length;
            int count = 0;
            for (int k = 0; k < candidates; k++) {
                int i = visible == null ? k : (int) visible[k];
                double x = set.mercX(i);
                double y = set.mercY(i);
                if (x >= vx0 && x <= vx1 && y >= vy0 && y <= vy1) {
                    count++;
                }
            }
            lastVisibleCount = count;
            lastClustered = v.zoom() < clusterBelowZoom || count > maxIndividualPoints;
            if (lastClustered) {
                drawClusters(px, v, set, visible, candidates, w, h);
            } else {
                drawPoints(px, v, set, visible, candidates, w, h);
            }
        } else {
            lastVisibleCount = 0;
        }
        drawNanos += System.nanoTime() - t0;
        draws++;
    }

    /** Mean time of this layer's own drawing, in milliseconds (for the benchmark). */
    double meanDrawMillis() {
        return draws == 0 ? 0 : drawNanos / 1e6 / draws;
    }

    void resetDrawTiming() {
        drawNanos = 0;
        draws = 0;
    }

    /**
     * The cameras that may be in view: a {@link org.commandroom.core.geo.PointIndex} query for the
     * view enlarged by half its size on each side, kept while the view stays inside it (panning,
     * small zooms) so that most frames need no query; null means all cameras (the whole set is in
     * the enlarged view, so a query would only sort everything).
     */
    private long[] candidates(CameraSet set, double x0, double y0, double x1, double y1) {
        double viewArea = (x1 - x0) * (y1 - y0);
        boolean reuse = set == cachedSet && x0 >= cacheX0 && y0 >= cacheY0 && x1 <= cacheX1 && y1 <= cacheY1
                && (cacheX1 - cacheX0) * (cacheY1 - cacheY0) <= 9 * viewArea;
        if (!reuse) {
            double mx = (x1 - x0) / 2;
            double my = (y1 - y0) / 2;
            cachedSet = set;
            cacheX0 = x0 - mx;
            cacheY0 = y0 - my;
            cacheX1 = x1 + mx;
            cacheY1 = y1 + my;
            cachedAll = set.allWithin(cacheX0, cacheY0, cacheX1, cacheY1);
            cached = cachedAll ? null : set.index().withinEnvelope(
                    WebMercator.lat(Math.min(1, cacheY1)), WebMercator.lon(Math.max(0, cacheX0)),
                    WebMercator.lat(Math.max(0, cacheY0)), WebMercator.lon(Math.min(1, cacheX1)), set.mapDatum());
            queries++;
        }
        return cached;
    }

    int queries() {
        return queries;
    }

    /** Draws positions {@code visible[0..count)}, or {@code 0..count} when {@code visible} is null. */
    private void drawPoints(int[] px, Viewport v, CameraSet set, long[] visible, int count, int w, int h) {
        int half = v.zoom() >= 17 ? 3 : 2;
        double scale = v.scale();
        double tx = v.translateX();
        double ty = v.translateY();
        for (int k = 0; k < count; k++) {
            int i = visible == null ? k : (int) visible[k];
            int cx = (int) Math.round(tx + set.mercX(i) * scale);
            int cy = (int) Math.round(ty + set.mercY(i) * scale);
            int x0 = Math.max(0, cx - half);
            int x1 = Math.min(w - 1, cx + half);
            int y0 = Math.max(0, cy - half);
            int y1 = Math.min(h - 1, cy + half);
            if (x0 > x1 || y0 > y1) {
                continue;
            }
            boolean on = set.online(i);
            int colour = on ? CameraSet.argb(set.kind(i)) : MapPalette.CAMERA_OFFLINE;
            for (int y = y0; y <= y1; y++) {
                int row = y * w;
                boolean edgeRow = y == cy - half || y == cy + half;
                for (int x = x0; x <= x1; x++) {
                    boolean edge = edgeRow || x == cx - half || x == cx + half;
                    px[row + x] = on || edge ? colour : MapPalette.TEXT_HALO;
                }
            }
        }
    }

    private void drawClusters(int[] px, Viewport v, CameraSet set, long[] visible, int visibleCount, int w, int h) {
        double scale = v.scale();
        int firstCol = (int) Math.floor(-v.translateX() / CLUSTER_CELL_PX);
        int firstRow = (int) Math.floor(-v.translateY() / CLUSTER_CELL_PX);
        int cols = (int) Math.ceil(w / CLUSTER_CELL_PX) + 2;
        int rows = (int) Math.ceil(h / CLUSTER_CELL_PX) + 2;
        int[] count = new int[cols * rows];
        int[] online = new int[cols * rows];
        double[] sumX = new double[cols * rows];
        double[] sumY = new double[cols * rows];
        for (int j = 0; j < visibleCount; j++) {
            int i = visible == null ? j : (int) visible[j];
            double wx = set.mercX(i) * scale;
            double wy = set.mercY(i) * scale;
            int c = (int) Math.floor(wx / CLUSTER_CELL_PX) - firstCol;
            int r = (int) Math.floor(wy / CLUSTER_CELL_PX) - firstRow;
            if (c < 0 || r < 0 || c >= cols || r >= rows) {
                continue;
            }
            int k = r * cols + c;
            count[k]++;
            if (set.online(i)) {
                online[k]++;
            }
            sumX[k] += wx;
            sumY[k] += wy;
        }
        for (int k = 0; k < count.length; k++) {
            int n = count[k];
            if (n == 0) {
                continue;
            }
            double sx = v.translateX() + sumX[k] / n;
            double sy = v.translateY() + sumY[k] / n;
            int radius = (int) Math.round(Math.min(26, 9 + 4 * Math.log10(n)));
            int onlineTenths = (int) Math.round(10.0 * online[k] / n);
            blend(px, w, h, badges.badge(MapText.count(n), radius, onlineTenths),
                    (int) Math.round(sx) - radius - 2, (int) Math.round(sy) - radius - 2);
        }
    }

    /** Blends a badge over the composite at (x, y), clipped. */
    private static void blend(int[] px, int w, int h, ClusterBadges.Badge badge, int x, int y) {
        int size = badge.size();
        int[] src = badge.pixels();
        for (int row = Math.max(0, -y); row < size && y + row < h; row++) {
            int d = (y + row) * w;
            int s = row * size;
            for (int col = Math.max(0, -x); col < size && x + col < w; col++) {
                int p = src[s + col];
                int a = p >>> 24;
                if (a == 255) {
                    px[d + x + col] = p;
                } else if (a != 0) {
                    px[d + x + col] = OverlayLayer.over(p, px[d + x + col], a);
                }
            }
        }
    }

    /** The ring round the selected camera (a painter of the composite's canvas, under the cameras). */
    boolean paintSelection(GraphicsContext g, Viewport v) {
        MapSelection sel = vm.selectedFeatureProperty().get();
        CameraSet set = vm.cameras();
        if (!isVisible() || sel == null || sel.kind() != MapSelection.Kind.CAMERA) {
            return false;
        }
        int i = set.positionOf(sel.id());
        if (i < 0) {
            return false;
        }
        double sx = v.screenX(set.mercX(i));
        double sy = v.screenY(set.mercY(i));
        g.setStroke(MapPalette.fx(MapPalette.SELECTION));
        g.setLineWidth(2);
        g.strokeOval(sx - 8, sy - 8, 16, 16);
        return true;
    }

    /** Where a camera is drawn, in view pixels (for tests and the benchmark). */
    javafx.geometry.Point2D screenPoint(GeoPoint p) {
        Viewport v = viewport();
        return new javafx.geometry.Point2D(v.screenX(WebMercator.x(p.lon())), v.screenY(WebMercator.y(p.lat())));
    }
}
