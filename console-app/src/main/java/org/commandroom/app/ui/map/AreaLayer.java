package org.commandroom.app.ui.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * One area layer on one canvas: police grids (faint fill from {@link GridFill}, outline in the fill's
 * colour, name), communities (dashed outline in their risk colour, name), micro-grids (thin lines),
 * key patrol zones (dashed cyan outline, faint fill). Only areas whose bounds touch the view are
 * drawn; the layer shows from its {@link MapLayerId#minZoom()}, names from {@link MapLayerId#labelZoom()}.
 * The selected area is outlined in white.
 */
final class AreaLayer extends CanvasLayer {

    private final LiveMapViewModel vm;
    private final MapLayerId layer;
    private final MapSelection.Kind kind;
    private int lastDrawn;

    AreaLayer(LiveMapViewModel vm, MapLayerId layer) {
        this.vm = vm;
        this.layer = layer;
        this.kind = LiveMapViewModel.kindOf(layer);
    }

    /** How many areas the last frame drew (for tests). */
    int lastDrawn() {
        return lastDrawn;
    }

    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        lastDrawn = 0;
        GridSet set = vm.areasProperty(layer).get();
        if (set.grids().isEmpty() || !layer.shownAt(v.zoom())) {
            return false;
        }
        double scale = v.scale();
        MapSelection sel = vm.selectedFeatureProperty().get();
        String selectedId = sel != null && sel.kind() == kind ? sel.id() : null;
        GridFill fill = vm.gridFillProperty().get();
        boolean labels = v.zoom() >= layer.labelZoom();
        g.setFillRule(FillRule.EVEN_ODD);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(MapText.font(layer == MapLayerId.MICRO_GRIDS ? 11 : 13, layer != MapLayerId.MICRO_GRIDS));
        for (GridSet.Prepared area : set.grids()) {
            double x0 = v.screenX(area.minX());
            double x1 = v.screenX(area.maxX());
            double y0 = v.screenY(area.minY());
            double y1 = v.screenY(area.maxY());
            if (x1 < 0 || y1 < 0 || x0 > v.width() || y0 > v.height()) {
                continue;
            }
            lastDrawn++;
            g.beginPath();
            for (double[] ring : area.rings()) {
                for (int i = 0; i < ring.length; i += 2) {
                    double sx = v.translateX() + ring[i] * scale;
                    double sy = v.translateY() + ring[i + 1] * scale;
                    if (i == 0) {
                        g.moveTo(sx, sy);
                    } else {
                        g.lineTo(sx, sy);
                    }
                }
                g.closePath();
            }
            int colour = style(g, area.area(), fill);
            if (area.area().id().equals(selectedId)) {
                g.setLineDashes();
                g.setStroke(MapPalette.fx(MapPalette.SELECTION));
                g.setLineWidth(3);
                g.stroke();
            }
            if (labels && x1 - x0 > 48) {
                double lx = v.screenX(area.labelX());
                double ly = v.screenY(area.labelY());
                String name = area.area().name();
                g.setFill(MapPalette.fx(MapPalette.TEXT_HALO, 0.85));
                g.fillText(name, lx + 1, ly + 1);
                g.setFill(MapPalette.fx(colour));
                g.fillText(name, lx, ly);
            }
        }
        g.setLineDashes();
        return lastDrawn > 0;
    }

    /** Fills and strokes the current path in the layer's style; returns the label colour. */
    private int style(GraphicsContext g, GridArea area, GridFill fill) {
        switch (layer) {
            case POLICE_GRIDS -> {
                int argb = fill.argb(area);
                int line = argb == 0 ? MapPalette.AREA_LABEL : argb;
                if (argb != 0) {
                    g.setFill(MapPalette.fx(argb, 0.16));
                    g.fill();
                }
                g.setLineDashes();
                g.setStroke(MapPalette.fx(line, 0.85));
                g.setLineWidth(1.4);
                g.stroke();
                return line;
            }
            case COMMUNITIES -> {
                int argb = area.grade().argb();
                g.setLineDashes(10, 5);
                g.setStroke(MapPalette.fx(argb, 0.9));
                g.setLineWidth(2.2);
                g.stroke();
                return argb;
            }
            case MICRO_GRIDS -> {
                g.setLineDashes();
                g.setStroke(MapPalette.fx(MapPalette.MICRO_GRID, 0.8));
                g.setLineWidth(0.8);
                g.stroke();
                return MapPalette.MICRO_GRID;
            }
            default -> {
                g.setFill(MapPalette.fx(MapPalette.PATROL_ZONE, 0.10));
                g.fill();
                g.setLineDashes(6, 4);
                g.setStroke(MapPalette.fx(MapPalette.PATROL_ZONE, 0.95));
                g.setLineWidth(2);
                g.stroke();
                return MapPalette.PATROL_ZONE;
            }
        }
    }
}
