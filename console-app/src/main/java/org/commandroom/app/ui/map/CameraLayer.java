package org.commandroom.app.ui.map;

import java.nio.IntBuffer;
import java.util.Arrays;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;

import org.commandroom.core.geo.GeoPoint;

/**
 * All cameras as one raster layer, never a node per camera. The cameras in view are found with the
 * camera set's {@link org.commandroom.core.geo.PointIndex} (visible envelope). Zoomed in, each is a
 * small square written straight into a {@link PixelBuffer} (colour by type, grey and hollow when
 * offline); zoomed out, or when too many are in view, they are counted per screen cell of a grid
 * fixed to the world (so clusters do not jitter while panning) and each cell is drawn as a badge
 * with its count on a canvas.
 */
final class CameraLayer extends ViewportLayer {

    static final double CLUSTER_CELL_PX = 64;

    private final LiveMapViewModel vm;
    private final ImageView pointsView = new ImageView();
    private final Canvas badges = new Canvas();
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels = new int[0];
    private int bufferWidth;
    private int bufferHeight;

    private int clusterBelowZoom = 14;
    private int maxIndividualPoints = 25_000;

    private int lastVisibleCount;
    private boolean lastClustered;

    CameraLayer(LiveMapViewModel vm) {
        this.vm = vm;
        getChildren().addAll(pointsView, badges);
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

    @Override
    void draw(Viewport v) {
        int w = (int) Math.ceil(v.width());
        int h = (int) Math.ceil(v.height());
        ensureSize(w, h);
        GraphicsContext g = badges.getGraphicsContext2D();
        g.clearRect(0, 0, badges.getWidth(), badges.getHeight());
        Arrays.fill(pixels, 0);
        CameraSet set = vm.cameras();
        if (isVisible() && w > 0 && h > 0 && set.size() > 0) {
            double pad = 8;
            double north = v.latAt(-pad);
            double south = v.latAt(h + pad);
            double west = v.lonAt(-pad);
            double east = v.lonAt(w + pad);
            long[] visible = set.index().withinEnvelope(south, west, north, east, set.mapDatum());
            lastVisibleCount = visible.length;
            lastClustered = v.zoom() < clusterBelowZoom || visible.length > maxIndividualPoints;
            if (lastClustered) {
                drawClusters(g, v, set, visible, w, h);
            } else {
                drawPoints(v, set, visible, w, h);
            }
            drawSelection(g, v, set);
        } else {
            lastVisibleCount = 0;
        }
        if (buffer != null) {
            buffer.updateBuffer(b -> null);
        }
    }

    private void ensureSize(int w, int h) {
        if (w == bufferWidth && h == bufferHeight && buffer != null) {
            return;
        }
        bufferWidth = Math.max(1, w);
        bufferHeight = Math.max(1, h);
        pixels = new int[bufferWidth * bufferHeight];
        buffer = new PixelBuffer<>(bufferWidth, bufferHeight, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        pointsView.setImage(new WritableImage(buffer));
        badges.setWidth(w);
        badges.setHeight(h);
    }

    private void drawPoints(Viewport v, CameraSet set, long[] visible, int w, int h) {
        int half = v.zoom() >= 17 ? 3 : 2;
        double scale = v.scale();
        double tx = v.translateX();
        double ty = v.translateY();
        int[] px = pixels;
        for (long pos : visible) {
            int i = (int) pos;
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

    private void drawClusters(GraphicsContext g, Viewport v, CameraSet set, long[] visible, int w, int h) {
        double scale = v.scale();
        int firstCol = (int) Math.floor(-v.translateX() / CLUSTER_CELL_PX);
        int firstRow = (int) Math.floor(-v.translateY() / CLUSTER_CELL_PX);
        int cols = (int) Math.ceil(w / CLUSTER_CELL_PX) + 2;
        int rows = (int) Math.ceil(h / CLUSTER_CELL_PX) + 2;
        int[] count = new int[cols * rows];
        int[] online = new int[cols * rows];
        double[] sumX = new double[cols * rows];
        double[] sumY = new double[cols * rows];
        for (long pos : visible) {
            int i = (int) pos;
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
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(MapText.font(11, true));
        for (int k = 0; k < count.length; k++) {
            int n = count[k];
            if (n == 0) {
                continue;
            }
            double sx = v.translateX() + sumX[k] / n;
            double sy = v.translateY() + sumY[k] / n;
            double radius = Math.min(26, 9 + 4 * Math.log10(n));
            double onlineShare = (double) online[k] / n;
            g.setFill(MapPalette.fx(MapPalette.CLUSTER, 0.30 + 0.45 * onlineShare));
            g.fillOval(sx - radius, sy - radius, 2 * radius, 2 * radius);
            g.setStroke(MapPalette.fx(MapPalette.CLUSTER));
            g.setLineWidth(1.5);
            g.strokeOval(sx - radius, sy - radius, 2 * radius, 2 * radius);
            g.setFill(MapPalette.fx(MapPalette.TEXT));
            g.fillText(MapText.count(n), sx, sy);
        }
    }

    private void drawSelection(GraphicsContext g, Viewport v, CameraSet set) {
        MapSelection sel = vm.selectedFeatureProperty().get();
        if (sel == null || sel.kind() != MapSelection.Kind.CAMERA) {
            return;
        }
        int i = set.positionOf(sel.id());
        if (i < 0) {
            return;
        }
        double sx = v.screenX(set.mercX(i));
        double sy = v.screenY(set.mercY(i));
        g.setStroke(MapPalette.fx(MapPalette.SELECTION));
        g.setLineWidth(2);
        g.strokeOval(sx - 8, sy - 8, 16, 16);
    }

    /** Where a camera is drawn, in view pixels (for tests and the benchmark). */
    javafx.geometry.Point2D screenPoint(GeoPoint p) {
        Viewport v = viewport();
        return new javafx.geometry.Point2D(v.screenX(WebMercator.x(p.lon())), v.screenY(WebMercator.y(p.lat())));
    }
}
