package org.commandroom.app.ui.map;

import javafx.scene.canvas.GraphicsContext;

/**
 * One point layer, painted on the {@link OverlayLayer}'s canvas: deployment points (yellow triangle), key places (pink square),
 * community police offices (blue house). All symbols of the layer are one path, filled and outlined once; names from the
 * layer's {@link MapLayerId#labelZoom()}. The selected place is ringed in white.
 */
final class PlaceLayer implements OverlayLayer.Painter {

    private final LiveMapViewModel vm;
    private final MapLayerId layer;
    private final MapSelection.Kind kind;
    private int lastDrawn;
    private int lastShort;

    PlaceLayer(LiveMapViewModel vm, MapLayerId layer) {
        this.vm = vm;
        this.layer = layer;
        this.kind = LiveMapViewModel.kindOf(layer);
    }

    int lastDrawn() {
        return lastDrawn;
    }

    /** Of the places drawn last, how many were marked short of working cameras. */
    int lastShortOfVideo() {
        return lastShort;
    }

    @Override
    public boolean paint(GraphicsContext g, Viewport v) {
        lastDrawn = 0;
        lastShort = 0;
        PlaceSet set = vm.placesProperty(layer).get();
        if (!vm.layerVisibleProperty(layer).get() || set.size() == 0 || !layer.shownAt(v.zoom())) {
            return false;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        int[] shown = new int[set.size()];
        int n = 0;
        for (int i = 0; i < set.size(); i++) {
            double sx = v.screenX(set.mercX(i));
            double sy = v.screenY(set.mercY(i));
            if (sx >= -20 && sy >= -20 && sx <= v.width() + 20 && sy <= v.height() + 20) {
                shown[n++] = i;
            }
        }
        lastDrawn = n;
        if (n == 0) {
            return false;
        }
        // all symbols as one path: filled once and outlined once
        g.beginPath();
        for (int k = 0; k < n; k++) {
            int i = shown[k];
            trace(g, layer, v.screenX(set.mercX(i)), v.screenY(set.mercY(i)), 1);
        }
        g.setFill(MapPalette.fx(colour(layer)));
        g.fill();
        g.setStroke(MapPalette.fx(MapPalette.TEXT_HALO));
        g.setLineWidth(1.5);
        g.setLineDashes();
        g.stroke();
        // key places short of working cameras: a red dashed ring (video patrol cannot watch them)
        boolean shortOnes = false;
        for (int k = 0; k < n; k++) {
            int i = shown[k];
            if (set.get(i).videoShort() != null) {
                if (!shortOnes) {
                    g.setStroke(MapPalette.fx(MapPalette.GRADE_RED));
                    g.setLineWidth(2.5);
                    g.setLineDashes(4, 3);
                    shortOnes = true;
                }
                g.strokeOval(v.screenX(set.mercX(i)) - 14, v.screenY(set.mercY(i)) - 14, 28, 28);
            }
        }
        if (shortOnes) {
            g.setLineDashes();
        }
        lastShort = 0;
        for (int k = 0; k < n; k++) {
            if (set.get(shown[k]).videoShort() != null) {
                lastShort++;
            }
        }
        if (sel != null && sel.kind() == kind) {
            int i = set.positionOf(sel.id());
            if (i >= 0) {
                g.setStroke(MapPalette.fx(MapPalette.SELECTION));
                g.setLineWidth(2);
                g.strokeOval(v.screenX(set.mercX(i)) - 11, v.screenY(set.mercY(i)) - 11, 22, 22);
            }
        }
        return true;
    }

    /** Offers the names of the places in view from the layer's label zoom (they give way to incidents and units). */
    void offerLabels(MapLabels labels, Viewport v) {
        PlaceSet set = vm.placesProperty(layer).get();
        if (!vm.layerVisibleProperty(layer).get() || set.size() == 0 || !layer.shownAt(v.zoom()) || v.zoom() < layer.labelZoom()) {
            return;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        javafx.scene.text.Font font = MapText.font(12 * vm.textScale(), false);
        for (int i = 0; i < set.size(); i++) {
            double sx = v.screenX(set.mercX(i));
            double sy = v.screenY(set.mercY(i));
            if (sx >= -20 && sy >= -20 && sx <= v.width() + 20 && sy <= v.height() + 20) {
                boolean selected = sel != null && sel.kind() == kind && sel.id().equals(set.get(i).id());
                PlaceMarker m = set.get(i);
                if (m.videoShort() != null) {
                    labels.offer(MapLabels.Kind.PLACE, selected, MapText.get("map.place.videoShort", m.name(),
                            m.videoShort().online(), m.videoShort().cameras()), sx, sy, 15, font, MapPalette.GRADE_RED);
                } else {
                    labels.offer(MapLabels.Kind.PLACE, selected, m.name(), sx, sy, 9, font, colour(layer));
                }
            }
        }
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
        g.beginPath();
        trace(g, layer, x, y, scale);
        g.setFill(MapPalette.fx(colour(layer)));
        g.fill();
        g.setStroke(MapPalette.fx(MapPalette.TEXT_HALO));
        g.setLineWidth(1.5);
        g.setLineDashes();
        g.stroke();
    }

    /** Adds the symbol's outline to the current path. */
    private static void trace(GraphicsContext g, MapLayerId layer, double x, double y, double scale) {
        double s = 6 * scale;
        switch (layer) {
            case DEPLOYMENT_POINTS -> {
                g.moveTo(x, y - s);
                g.lineTo(x + s, y + s * 0.8);
                g.lineTo(x - s, y + s * 0.8);
                g.closePath();
            }
            case POLICE_OFFICES -> {
                g.moveTo(x, y - s * 1.1);
                g.lineTo(x + s, y - s * 0.2);
                g.lineTo(x + s, y + s);
                g.lineTo(x - s, y + s);
                g.lineTo(x - s, y - s * 0.2);
                g.closePath();
            }
            default -> {
                double h = s * 0.8;
                g.rect(x - h, y - h, 2 * h, 2 * h);
            }
        }
    }
}
