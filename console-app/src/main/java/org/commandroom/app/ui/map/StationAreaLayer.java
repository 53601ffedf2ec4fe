package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The stations' areas (辖区) when the legend colours stations by their prevention index: each area filled
 * faintly in its score's colour with a thick outline of that colour, under the police grids, and its name with
 * the score where it is wide enough on screen. Areas of one colour are one path, as in {@link AreaLayer}. Drawn
 * only while {@link LiveMapViewModel#stationFillProperty()} is set.
 */
final class StationAreaLayer implements OverlayLayer.Painter {

    /** Names are drawn on areas at least this wide on screen. */
    static final double LABEL_MIN_WIDTH_PX = 110;

    private final LiveMapViewModel vm;
    private int lastDrawn;

    StationAreaLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    /** How many station areas the last frame drew (tests). */
    int lastDrawn() {
        return lastDrawn;
    }

    @Override
    public boolean paint(GraphicsContext g, Viewport v) {
        lastDrawn = 0;
        GridSet set = vm.stationAreasProperty().get();
        GridFill fill = vm.stationFillProperty().get();
        if (set == null || fill == null || set.grids().isEmpty()) {
            return false;
        }
        Map<Integer, List<GridSet.Prepared>> byColour = new LinkedHashMap<>();
        for (GridSet.Prepared area : set.grids()) {
            double x0 = v.screenX(area.minX());
            double x1 = v.screenX(area.maxX());
            double y0 = v.screenY(area.minY());
            double y1 = v.screenY(area.maxY());
            if (x1 < 0 || y1 < 0 || x0 > v.width() || y0 > v.height()) {
                continue;
            }
            lastDrawn++;
            byColour.computeIfAbsent(fill.argb(area.area()), c -> new ArrayList<>()).add(area);
        }
        if (lastDrawn == 0) {
            return false;
        }
        g.setFillRule(FillRule.EVEN_ODD);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes();
        for (Map.Entry<Integer, List<GridSet.Prepared>> e : byColour.entrySet()) {
            g.beginPath();
            for (GridSet.Prepared area : e.getValue()) {
                AreaLayer.trace(g, v, area);
            }
            int colour = e.getKey() == 0 ? MapPalette.AREA_LABEL : e.getKey();
            if (e.getKey() != 0) {
                g.setFill(MapPalette.fx(colour, 0.28));
                g.fill();
            }
            g.setStroke(MapPalette.fx(colour, 0.95));
            g.setLineWidth(3);
            g.stroke();
        }
        return true;
    }

    /** Offers the names of the station areas wide enough on screen, centred in them (lowest priority). */
    void offerLabels(MapLabels labels, Viewport v) {
        GridSet set = vm.stationAreasProperty().get();
        GridFill fill = vm.stationFillProperty().get();
        if (set == null || fill == null) {
            return;
        }
        javafx.scene.text.Font font = MapText.font(15 * vm.textScale(), true);
        for (GridSet.Prepared area : set.grids()) {
            double x0 = v.screenX(area.minX());
            double x1 = v.screenX(area.maxX());
            if (x1 - x0 < LABEL_MIN_WIDTH_PX || x1 < 0 || x0 > v.width() || v.screenY(area.maxY()) < 0
                    || v.screenY(area.minY()) > v.height()) {
                continue;
            }
            int c = fill.argb(area.area());
            labels.offerCentred(MapLabels.Kind.AREA, false, area.area().name(), v.screenX(area.labelX()),
                    v.screenY(area.labelY()), font, c == 0 ? MapPalette.AREA_LABEL : c);
        }
    }
}
