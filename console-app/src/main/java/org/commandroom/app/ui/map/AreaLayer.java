package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineJoin;

/**
 * One area layer on one canvas: police grids (faint fill from {@link GridFill}, outline in the fill's
 * colour, name), communities (dashed outline in their risk colour, name), micro-grids (thin lines),
 * key patrol zones (dashed cyan outline, faint fill). Only areas whose bounds touch the view are
 * drawn; the layer shows from its {@link MapLayerId#minZoom()}, names from {@link MapLayerId#labelZoom()}
 * where the area is wide enough on screen. The selected area is outlined in white.
 *
 * <p>Areas of one colour are drawn as one path, filled once and stroked once: on the software
 * pipeline every path costs a fixed set-up, and 400 grids drawn one by one cost over 100 ms a frame.
 * It paints on the one canvas of the {@link OverlayLayer}, with the other areas and the places.
 */
final class AreaLayer implements OverlayLayer.Painter {

    /** Names are drawn only on areas at least this wide on screen. */
    static final double LABEL_MIN_WIDTH_PX = 90;

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
    public boolean paint(GraphicsContext g, Viewport v) {
        lastDrawn = 0;
        GridSet set = vm.areasProperty(layer).get();
        if (!vm.layerVisibleProperty(layer).get() || set.grids().isEmpty() || !layer.shownAt(v.zoom())) {
            return false;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        String selectedId = sel != null && sel.kind() == kind ? sel.id() : null;
        GridFill fill = vm.gridFillProperty().get();
        // group the areas in view by colour
        Map<Integer, List<GridSet.Prepared>> byColour = new LinkedHashMap<>();
        GridSet.Prepared selected = null;
        for (GridSet.Prepared area : set.grids()) {
            double x0 = v.screenX(area.minX());
            double x1 = v.screenX(area.maxX());
            double y0 = v.screenY(area.minY());
            double y1 = v.screenY(area.maxY());
            if (x1 < 0 || y1 < 0 || x0 > v.width() || y0 > v.height()) {
                continue;
            }
            lastDrawn++;
            byColour.computeIfAbsent(colour(area.area(), fill), c -> new ArrayList<>()).add(area);
            if (area.area().id().equals(selectedId)) {
                selected = area;
            }
        }
        if (lastDrawn == 0) {
            return false;
        }
        g.setFillRule(FillRule.EVEN_ODD);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Map.Entry<Integer, List<GridSet.Prepared>> e : byColour.entrySet()) {
            g.beginPath();
            for (GridSet.Prepared area : e.getValue()) {
                trace(g, v, area);
            }
            style(g, e.getKey());
        }
        g.setLineDashes();
        if (selected != null) {
            g.beginPath();
            trace(g, v, selected);
            g.setStroke(MapPalette.fx(MapPalette.SELECTION));
            g.setLineWidth(3);
            g.stroke();
        }
        return true;
    }

    /**
     * Offers the names of the areas in view that are wide enough on screen, centred at their label points (the map's
     * least important labels: they give way to incidents, units and places).
     */
    void offerLabels(MapLabels labels, Viewport v) {
        GridSet set = vm.areasProperty(layer).get();
        if (!vm.layerVisibleProperty(layer).get() || set.grids().isEmpty() || !layer.shownAt(v.zoom())
                || v.zoom() < layer.labelZoom()) {
            return;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        String selectedId = sel != null && sel.kind() == kind ? sel.id() : null;
        GridFill fill = vm.gridFillProperty().get();
        javafx.scene.text.Font font = MapText.font((layer == MapLayerId.MICRO_GRIDS ? LiveMapViewModel.SMALLEST_LABEL_PX : 13) * vm.textScale(),
                layer != MapLayerId.MICRO_GRIDS);
        for (GridSet.Prepared area : set.grids()) {
            double x0 = v.screenX(area.minX());
            double x1 = v.screenX(area.maxX());
            if (x1 - x0 < LABEL_MIN_WIDTH_PX || area.area().name().isEmpty() || x1 < 0 || x0 > v.width()
                    || v.screenY(area.maxY()) < 0 || v.screenY(area.minY()) > v.height()) {
                continue;
            }
            labels.offerCentred(MapLabels.Kind.AREA, area.area().id().equals(selectedId), area.area().name(),
                    v.screenX(area.labelX()), v.screenY(area.labelY()), font, labelColour(colour(area.area(), fill)));
        }
    }

    /** Adds the area's rings to the current path, in screen pixels (the station areas trace theirs the same way). */
    static void trace(GraphicsContext g, Viewport v, GridSet.Prepared area) {
        double scale = v.scale();
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
    }

    /** The colour an area is drawn in: its fill for police grids (0 = unfilled), its grade for communities. */
    private int colour(GridArea area, GridFill fill) {
        return switch (layer) {
            case POLICE_GRIDS -> fill.argb(area);
            case COMMUNITIES -> area.grade().argb();
            case MICRO_GRIDS -> MapPalette.MICRO_GRID;
            case DISTRICT -> MapPalette.DISTRICT_OUTLINE;
            case STATION_AREAS -> MapPalette.STATION_AREA;
            default -> MapPalette.PATROL_ZONE;
        };
    }

    private int labelColour(int colour) {
        return layer == MapLayerId.POLICE_GRIDS && colour == 0 ? MapPalette.AREA_LABEL : colour;
    }

    /** Fills and strokes the current path (all areas of one colour) in the layer's style. */
    private void style(GraphicsContext g, int colour) {
        switch (layer) {
            case POLICE_GRIDS -> {
                if (colour != 0) {
                    g.setFill(MapPalette.fx(colour, 0.16));
                    g.fill();
                }
                g.setLineDashes();
                g.setStroke(MapPalette.fx(labelColour(colour), 0.85));
                g.setLineWidth(1.4);
                g.stroke();
            }
            case COMMUNITIES -> {
                g.setLineDashes(10, 5);
                g.setStroke(MapPalette.fx(colour, 0.9));
                g.setLineWidth(2.2);
                g.stroke();
            }
            case MICRO_GRIDS -> {
                g.setLineDashes();
                g.setStroke(MapPalette.fx(colour, 0.75));
                g.setLineWidth(1.1);
                g.stroke();
            }
            case DISTRICT -> {
                g.setLineDashes();
                g.setStroke(MapPalette.fx(colour, 0.95));
                g.setLineWidth(3.5);
                g.stroke();
            }
            case STATION_AREAS -> {
                g.setLineDashes(14, 4, 3, 4);
                g.setStroke(MapPalette.fx(colour, 0.9));
                g.setLineWidth(2.6);
                g.stroke();
            }
            default -> {
                g.setFill(MapPalette.fx(colour, 0.10));
                g.fill();
                g.setLineDashes(6, 4);
                g.setStroke(MapPalette.fx(colour, 0.95));
                g.setLineWidth(2);
                g.stroke();
            }
        }
    }
}
