package org.commandroom.app.ui.map;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;

/** The selection area (circle or polygon), or the one being drawn, over everything else. */
final class AreaSelectionLayer extends CanvasLayer {

    private final LiveMapViewModel vm;
    private GeoShape draft;
    private List<GeoPoint> draftVertices = List.of();

    AreaSelectionLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    void setDraft(GeoShape shape) {
        draft = shape;
        invalidate();
    }

    void setDraftVertices(List<GeoPoint> vertices) {
        draftVertices = List.copyOf(vertices);
        invalidate();
    }

    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        GeoShape shape = draft != null ? draft : vm.selectionAreaProperty().get();
        if (shape == null && draftVertices.isEmpty()) {
            return false;
        }
        g.setStroke(MapPalette.fx(MapPalette.AREA_SELECTION));
        g.setFill(MapPalette.fx(MapPalette.AREA_SELECTION, 0.10));
        g.setLineWidth(2);
        g.setLineDashes(draft != null ? new double[] {8, 5} : null);
        if (shape instanceof GeoShape.Circle c) {
            GeoPoint centre = DatumConverter.convert(c.centre(), vm.mapDatum());
            double sx = v.screenX(WebMercator.x(centre.lon()));
            double sy = v.screenY(WebMercator.y(centre.lat()));
            double r = c.radiusMetres() / WebMercator.metresPerPixel(centre.lat(), v.zoom());
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
            g.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
        } else if (shape instanceof GeoShape.Outline o) {
            polygon(g, v, o.vertices(), true);
        }
        if (!draftVertices.isEmpty()) {
            g.setLineDashes(8, 5);
            polygon(g, v, draftVertices, false);
        }
        g.setLineDashes();
        return true;
    }

    private void polygon(GraphicsContext g, Viewport v, List<GeoPoint> vertices, boolean closed) {
        double[] xs = new double[vertices.size()];
        double[] ys = new double[vertices.size()];
        for (int i = 0; i < xs.length; i++) {
            GeoPoint p = DatumConverter.convert(vertices.get(i), vm.mapDatum());
            xs[i] = v.screenX(WebMercator.x(p.lon()));
            ys[i] = v.screenY(WebMercator.y(p.lat()));
        }
        if (closed) {
            g.fillPolygon(xs, ys, xs.length);
            g.strokePolygon(xs, ys, xs.length);
        } else {
            g.strokePolyline(xs, ys, xs.length);
            for (int i = 0; i < xs.length; i++) {
                g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
            }
        }
    }
}
