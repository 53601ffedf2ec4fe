package org.commandroom.app.ui.map;

import javafx.scene.canvas.GraphicsContext;

/**
 * The houses of the register as raster, like the cameras ({@link CameraLayer}): never a node per house, each written
 * as a small diamond into the pixels of the map's composite ({@link OverlayLayer}), filled with the colour of its
 * stars ({@link HouseSet#colourOf}) and outlined dark so that it reads over a grid's fill and apart from the
 * cameras' squares. Only from the layer's {@link MapLayerId#minZoom()} (zoomed out a county's houses are a smear);
 * the houses in view are found with the set's {@link org.commandroom.core.geo.PointIndex} when the set is large.
 */
final class HouseLayer implements OverlayLayer.RasterPainter {

    /** Below this many houses a plain pass over the arrays is cheaper than an index query. */
    private static final int SCAN_BELOW = 20_000;

    private final LiveMapViewModel vm;
    private int lastDrawn;

    HouseLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    /** How many houses the last composite drew (for tests). */
    int lastDrawn() {
        return lastDrawn;
    }

    @Override
    public void paintInto(int[] px, int w, int h, Viewport v) {
        lastDrawn = 0;
        HouseSet set = vm.houses();
        if (set.size() == 0 || w <= 0 || h <= 0 || !vm.shown(MapLayerId.HOUSES, v.zoom())) {
            return;
        }
        int half = v.zoom() >= 17 ? 5 : 4;
        double scale = v.scale();
        double tx = v.translateX();
        double ty = v.translateY();
        double x0 = (-half - tx) / scale;
        double y0 = (-half - ty) / scale;
        double x1 = (w + half - tx) / scale;
        double y1 = (h + half - ty) / scale;
        long[] candidates = null;
        int n = set.size();
        if (n >= SCAN_BELOW) {
            candidates = set.index().withinEnvelope(WebMercator.lat(Math.min(1, y1)), WebMercator.lon(Math.max(0, x0)),
                    WebMercator.lat(Math.max(0, y0)), WebMercator.lon(Math.min(1, x1)), set.mapDatum());
            n = candidates.length;
        }
        int drawn = 0;
        for (int k = 0; k < n; k++) {
            int i = candidates == null ? k : (int) candidates[k];
            double mx = set.mercX(i);
            double my = set.mercY(i);
            if (mx < x0 || mx > x1 || my < y0 || my > y1) {
                continue;
            }
            diamond(px, w, h, (int) Math.round(tx + mx * scale), (int) Math.round(ty + my * scale), half, set.colour(i));
            drawn++;
        }
        lastDrawn = drawn;
    }

    /** A diamond of the given half size centred on (cx, cy), its rim in the halo colour, clipped to the image. */
    private static void diamond(int[] px, int w, int h, int cx, int cy, int half, int colour) {
        for (int dy = -half; dy <= half; dy++) {
            int y = cy + dy;
            if (y < 0 || y >= h) {
                continue;
            }
            int reach = half - Math.abs(dy);
            int row = y * w;
            for (int dx = -reach; dx <= reach; dx++) {
                int x = cx + dx;
                if (x < 0 || x >= w) {
                    continue;
                }
                boolean rim = Math.abs(dx) == reach;
                px[row + x] = rim ? MapPalette.TEXT_HALO : colour;
            }
        }
    }

    /** The ring round the selected house (a painter of the composite's canvas). */
    boolean paintSelection(GraphicsContext g, Viewport v) {
        MapSelection sel = vm.selectedFeatureProperty().get();
        HouseSet set = vm.houses();
        if (sel == null || sel.kind() != MapSelection.Kind.HOUSE || !vm.shown(MapLayerId.HOUSES, v.zoom())) {
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
        g.setLineDashes();
        g.strokeOval(sx - 10, sy - 10, 20, 20);
        return true;
    }

    /** The legend's symbol: one small diamond per grade, 1 star to 5. */
    static void symbol(GraphicsContext g, double w, double h) {
        double part = w / 5;
        double r = Math.min(part / 2, h / 2) - 0.5;
        for (int s = 1; s <= 5; s++) {
            double cx = part * (s - 0.5);
            double cy = h / 2;
            g.setFill(MapPalette.fx(HouseSet.colourOf(s)));
            g.fillPolygon(new double[] {cx, cx + r, cx, cx - r}, new double[] {cy - r, cy, cy + r, cy}, 4);
        }
    }
}
