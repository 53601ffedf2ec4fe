package org.commandroom.app.ui.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * One point layer on one canvas: deployment points (yellow triangle), key places (pink square),
 * community police offices (blue house). Hundreds of points, a few canvas calls each; names from the
 * layer's {@link MapLayerId#labelZoom()}. The selected place is ringed in white.
 */
final class PlaceLayer extends CanvasLayer {

    private final LiveMapViewModel vm;
    private final MapLayerId layer;
    private final MapSelection.Kind kind;
    private int lastDrawn;

    PlaceLayer(LiveMapViewModel vm, MapLayerId layer) {
        this.vm = vm;
        this.layer = layer;
        this.kind = LiveMapViewModel.kindOf(layer);
    }

    int lastDrawn() {
        return lastDrawn;
    }

    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        lastDrawn = 0;
        PlaceSet set = vm.placesProperty(layer).get();
        if (set.size() == 0 || !layer.shownAt(v.zoom())) {
            return false;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        boolean labels = v.zoom() >= layer.labelZoom();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(MapText.font(12, false));
        for (int i = 0; i < set.size(); i++) {
            double sx = v.screenX(set.mercX(i));
            double sy = v.screenY(set.mercY(i));
            if (sx < -100 || sy < -20 || sx > v.width() + 20 || sy > v.height() + 20) {
                continue;
            }
            lastDrawn++;
            symbol(g, layer, sx, sy, 1);
            PlaceMarker p = set.get(i);
            if (sel != null && sel.kind() == kind && sel.id().equals(p.id())) {
                g.setStroke(MapPalette.fx(MapPalette.SELECTION));
                g.setLineWidth(2);
                g.strokeOval(sx - 11, sy - 11, 22, 22);
            }
            if (labels) {
                g.setFill(MapPalette.fx(MapPalette.TEXT_HALO, 0.9));
                g.fillText(p.name(), sx + 10, sy + 1);
                g.setFill(MapPalette.fx(colour(layer)));
                g.fillText(p.name(), sx + 9, sy);
            }
        }
        return lastDrawn > 0;
    }

    static int colour(MapLayerId layer) {
        return switch (layer) {
            case DEPLOYMENT_POINTS -> MapPalette.DEPLOYMENT_POINT;
            case POLICE_OFFICES -> MapPalette.POLICE_OFFICE;
            default -> MapPalette.KEY_PLACE;
        };
    }

    /** The layer's symbol centred on (x, y), {@code scale} 1 on the map; the legend draws the same. */
    static void symbol(GraphicsContext g, MapLayerId layer, double x, double y, double scale) {
        g.setFill(MapPalette.fx(colour(layer)));
        g.setStroke(MapPalette.fx(MapPalette.TEXT_HALO));
        g.setLineWidth(1.5);
        g.setLineDashes();
        double s = 6 * scale;
        switch (layer) {
            case DEPLOYMENT_POINTS -> {
                double[] xs = {x, x + s, x - s};
                double[] ys = {y - s, y + s * 0.8, y + s * 0.8};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case POLICE_OFFICES -> {
                double[] xs = {x, x + s, x + s, x - s, x - s};
                double[] ys = {y - s * 1.1, y - s * 0.2, y + s, y + s, y - s * 0.2};
                g.fillPolygon(xs, ys, 5);
                g.strokePolygon(xs, ys, 5);
            }
            default -> {
                double h = s * 0.8;
                g.fillRect(x - h, y - h, 2 * h, 2 * h);
                g.strokeRect(x - h, y - h, 2 * h, 2 * h);
            }
        }
    }
}
