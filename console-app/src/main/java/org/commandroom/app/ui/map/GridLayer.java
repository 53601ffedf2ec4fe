package org.commandroom.app.ui.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.FillRule;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/** Police grids: outline, faint fill by risk grade, name label; the selected grid outlined in white. */
final class GridLayer extends CanvasLayer {

    private static final double LABEL_MIN_ZOOM = 12;

    private final LiveMapViewModel vm;

    GridLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        if (vm.gridsProperty().get().grids().isEmpty()) {
            return false;
        }
        double scale = v.scale();
        MapSelection sel = vm.selectedFeatureProperty().get();
        String selectedId = sel != null && sel.kind() == MapSelection.Kind.GRID ? sel.id() : null;
        g.setFillRule(FillRule.EVEN_ODD);
        g.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        for (GridSet.Prepared grid : vm.gridsProperty().get().grids()) {
            double x0 = v.screenX(grid.minX());
            double x1 = v.screenX(grid.maxX());
            double y0 = v.screenY(grid.minY());
            double y1 = v.screenY(grid.maxY());
            if (x1 < 0 || y1 < 0 || x0 > v.width() || y0 > v.height()) {
                continue;
            }
            g.beginPath();
            for (double[] ring : grid.rings()) {
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
            int argb = grid.area().grade().argb();
            g.setFill(MapPalette.fx(argb, 0.16));
            g.fill();
            boolean selected = grid.area().id().equals(selectedId);
            g.setStroke(selected ? MapPalette.fx(MapPalette.SELECTION) : MapPalette.fx(argb, 0.85));
            g.setLineWidth(selected ? 3 : 1.4);
            g.stroke();
            if (v.zoom() >= LABEL_MIN_ZOOM && x1 - x0 > 48) {
                g.setFont(MapText.font(13, true));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                double lx = v.screenX(grid.labelX());
                double ly = v.screenY(grid.labelY());
                g.setFill(MapPalette.fx(MapPalette.TEXT_HALO, 0.85));
                g.fillText(grid.area().name(), lx + 1, ly + 1);
                g.setFill(MapPalette.fx(argb));
                g.fillText(grid.area().name(), lx, ly);
            }
        }
        return true;
    }
}
