package org.commandroom.app.ui.map;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;

/**
 * Incidents coloured by priority. An incident added while the map is shown pulses (expanding
 * rings) for {@link #pulseNanos}; the animation timer runs only while something pulses and stops
 * by itself when the last pulse is over.
 */
final class IncidentLayer implements OverlayLayer.Painter {

    private static final double LABEL_MIN_ZOOM = 14;
    private static final double R = 8;
    static final java.time.Duration NEW_FOR = java.time.Duration.ofMinutes(2);

    private final LiveMapViewModel vm;
    private final Map<String, Long> pulseStart = new LinkedHashMap<>();
    private long pulseNanos = 4_000_000_000L;
    private long now;
    private boolean running;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long t) {
            now = t;
            pulseStart.values().removeIf(start -> start != 0 && t - start > pulseNanos);
            pulseStart.replaceAll((id, start) -> start == 0 ? t : start);
            if (pulseStart.isEmpty()) {
                stopTimer();
            }
            invalidate();
        }
    };
    private final ListChangeListener<IncidentMarker> onChange = c -> {
        while (c.next()) {
            if (c.wasAdded()) {
                boolean replaced = c.wasReplaced();
                for (IncidentMarker m : c.getAddedSubList()) {
                    if (!replaced && isNew(m)) {
                        pulse(m.id());
                    }
                }
            }
        }
        invalidate();
    };

    private Runnable redraw = () -> { };

    IncidentLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    /** What draws the canvas this layer paints on again (the pulse animates through it). */
    void setRedraw(Runnable redraw) {
        this.redraw = redraw;
    }

    private void invalidate() {
        redraw.run();
    }

    /** Starts listening for new incidents (the view calls this when it is shown). */
    void activate() {
        vm.incidents().addListener(onChange);
    }

    /** Stops listening and any pulse (the view calls this when it is hidden). */
    void deactivate() {
        vm.incidents().removeListener(onChange);
        pulseStart.clear();
        stopTimer();
    }

    /** Reported in the last {@link #NEW_FOR}: a backlog loaded at start-up does not pulse. */
    private boolean isNew(IncidentMarker m) {
        return java.time.Duration.between(m.reportedAt(), vm.clock().instant()).compareTo(NEW_FOR) < 0;
    }

    void setPulseDuration(java.time.Duration d) {
        pulseNanos = d.toNanos();
    }

    boolean isPulsing() {
        return running;
    }

    private void pulse(String id) {
        pulseStart.put(id, 0L); // the start time is taken from the first animation frame
        if (!running) {
            running = true;
            timer.start();
        }
    }

    private void stopTimer() {
        running = false;
        timer.stop();
    }

    @Override
    public boolean paint(GraphicsContext g, Viewport v) {
        if (!vm.incidentsVisibleProperty().get() || vm.incidents().isEmpty()) {
            return false;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(MapText.font(12, true));
        for (IncidentMarker m : vm.incidents()) {
            GeoPoint p = DatumConverter.convert(m.position(), vm.mapDatum());
            double sx = v.screenX(WebMercator.x(p.lon()));
            double sy = v.screenY(WebMercator.y(p.lat()));
            if (sx < -80 || sy < -80 || sx > v.width() + 80 || sy > v.height() + 80) {
                continue;
            }
            int argb = m.argb();
            Long start = pulseStart.get(m.id());
            if (start != null && start != 0) {
                double phase = ((now - start) % 1_000_000_000L) / 1e9;
                double r = R + 30 * phase;
                g.setStroke(MapPalette.fx(argb, 1 - phase));
                g.setLineWidth(3);
                g.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
            }
            g.setFill(MapPalette.fx(argb));
            g.fillOval(sx - R, sy - R, 2 * R, 2 * R);
            g.setStroke(MapPalette.fx(MapPalette.TEXT));
            g.setLineWidth(2);
            g.strokeOval(sx - R, sy - R, 2 * R, 2 * R);
            g.setFill(MapPalette.fx(MapPalette.TEXT_HALO));
            g.fillRect(sx - 1.2, sy - 5, 2.4, 6);
            g.fillRect(sx - 1.2, sy + 2.5, 2.4, 2.4);
            if (sel != null && sel.kind() == MapSelection.Kind.INCIDENT && sel.id().equals(m.id())) {
                g.setStroke(MapPalette.fx(MapPalette.SELECTION));
                g.setLineWidth(2);
                g.strokeOval(sx - R - 6, sy - R - 6, 2 * R + 12, 2 * R + 12);
            }
            if (v.zoom() >= LABEL_MIN_ZOOM) {
                MapText.haloed(g, m.title(), sx + R + 4, sy, 0.9, argb);
            }
        }
        return true;
    }
}
