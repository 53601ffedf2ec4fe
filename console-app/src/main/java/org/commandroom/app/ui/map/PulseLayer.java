package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.shape.Circle;

import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;

/**
 * The rings of the incidents that pulse ({@link IncidentLayer}), one small node each, under the canvas of units,
 * incidents and names ({@link MovingLayer}). Apart from that canvas so that a pulse repaints only its ring's few
 * pixels: drawn on the canvas, each frame of a pulse drew the whole canvas again (every unit and every name) and the
 * renderer blended all of it, the whole window at 4K, while the map stood still.
 */
final class PulseLayer extends ViewportLayer {

    private final IncidentLayer incidents;
    private final List<Circle> rings = new ArrayList<>();

    PulseLayer(IncidentLayer incidents) {
        this.incidents = incidents;
    }

    private long frames;

    @Override
    void draw(Viewport v) {
        frames++;
        List<IncidentLayer.Pulse> pulses = incidents.pulses();
        int shown = 0;
        for (IncidentLayer.Pulse p : pulses) {
            GeoPoint at = DatumConverter.convert(p.position(), incidents.mapDatum());
            double sx = v.screenX(WebMercator.x(at.lon())) + p.dx();
            double sy = v.screenY(WebMercator.y(at.lat())) + p.dy();
            double r = IncidentLayer.R + 30 * p.phase();
            if (sx < -r - 2 || sy < -r - 2 || sx > v.width() + r + 2 || sy > v.height() + r + 2) {
                continue;
            }
            Circle ring;
            if (shown < rings.size()) {
                ring = rings.get(shown);
            } else {
                ring = new Circle();
                ring.setFill(null);
                ring.setStrokeWidth(3);
                ring.setMouseTransparent(true);
                rings.add(ring);
                getChildren().add(ring);
            }
            ring.setCenterX(sx);
            ring.setCenterY(sy);
            ring.setRadius(r);
            ring.setStroke(MapPalette.fx(p.argb(), 1 - p.phase()));
            ring.setVisible(true);
            shown++;
        }
        for (int i = shown; i < rings.size(); i++) {
            rings.get(i).setVisible(false);
        }
    }

    /** How many times the rings were laid out (a frame each while something pulses), for tests. */
    long frames() {
        return frames;
    }

    /** How many rings are shown now (for tests). */
    int shownRings() {
        int n = 0;
        for (Circle c : rings) {
            if (c.isVisible()) {
                n++;
            }
        }
        return n;
    }
}
