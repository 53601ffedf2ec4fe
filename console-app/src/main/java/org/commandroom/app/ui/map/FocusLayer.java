package org.commandroom.app.ui.map;

import javafx.scene.canvas.GraphicsContext;

import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;

/**
 * Marks the point the map was sent to by a search ({@code focusProperty}) with a white ring and four
 * ticks, whatever the feature is (also one the map does not draw, such as a closed incident).
 */
final class FocusLayer implements OverlayLayer.Painter {

    private final LiveMapViewModel vm;

    FocusLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    @Override
    public boolean paint(GraphicsContext g, Viewport v) {
        GeoPoint f = vm.focusProperty().get();
        if (f == null) {
            return false;
        }
        GeoPoint p = DatumConverter.convert(f, vm.mapDatum());
        double x = v.screenX(WebMercator.x(p.lon()));
        double y = v.screenY(WebMercator.y(p.lat()));
        g.setLineDashes();
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(MapPalette.fx(pass == 0 ? MapPalette.TEXT_HALO : MapPalette.SELECTION));
            g.setLineWidth(pass == 0 ? 5 : 2.5);
            g.strokeOval(x - 18, y - 18, 36, 36);
            g.strokeLine(x - 28, y, x - 20, y);
            g.strokeLine(x + 20, y, x + 28, y);
            g.strokeLine(x, y - 28, x, y - 20);
            g.strokeLine(x, y + 20, x, y + 28);
        }
        return true;
    }
}
