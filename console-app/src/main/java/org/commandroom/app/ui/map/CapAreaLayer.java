package org.commandroom.app.ui.map;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.commandroom.core.cap.CapArea;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;

/**
 * The areas of the CAP alerts in force (预警信息, docs/CAP.md): each polygon and circle outlined in the warning
 * colour with a light fill, over the areas and places, whatever the zoom. CAP's coordinates are WGS 84; they are
 * converted to the map's datum.
 */
final class CapAreaLayer implements OverlayLayer.Painter {

    private static final Color STROKE = MapPalette.fx(MapPalette.GRADE_ORANGE);
    private static final Color FILL = STROKE.deriveColor(0, 1, 1, 0.14);

    private final LiveMapViewModel vm;

    CapAreaLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    @Override
    public boolean paint(GraphicsContext g, Viewport v) {
        List<CapArea> areas = vm.capAreasProperty().get();
        if (areas == null || areas.isEmpty()) {
            return false;
        }
        g.setStroke(STROKE);
        g.setFill(FILL);
        g.setLineWidth(2);
        g.setLineDashes(8, 5);
        for (CapArea a : areas) {
            for (List<CapArea.Point> ring : a.polygons()) {
                double[] xs = new double[ring.size()];
                double[] ys = new double[ring.size()];
                for (int i = 0; i < ring.size(); i++) {
                    GeoPoint p = onMap(ring.get(i));
                    xs[i] = v.screenX(WebMercator.x(p.lon()));
                    ys[i] = v.screenY(WebMercator.y(p.lat()));
                }
                g.fillPolygon(xs, ys, xs.length);
                g.strokePolygon(xs, ys, xs.length);
            }
            for (CapArea.Circle c : a.circles()) {
                GeoPoint p = onMap(c.centre());
                double x = v.screenX(WebMercator.x(p.lon()));
                double y = v.screenY(WebMercator.y(p.lat()));
                double r = c.radiusKm() * 1000 / v.metresPerPixel();
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
        g.setLineDashes();
        return true;
    }

    private GeoPoint onMap(CapArea.Point p) {
        return DatumConverter.convert(new GeoPoint(p.lat(), p.lon(), Datum.WGS84), vm.mapDatum());
    }
}
