package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;

import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;

/**
 * Incidents coloured by priority; several at one spot are set apart round it (each can be clicked), and their
 * labels go first when the map's labels are placed ({@link MapLabels}). An incident added while the map is shown pulses (expanding
 * rings, drawn by {@link PulseLayer} from {@link #pulses()}) for {@link #pulseNanos}; the animation timer runs only while something pulses and stops
 * by itself when the last pulse is over.
 */
final class IncidentLayer implements OverlayLayer.Painter {

    private static final double LABEL_MIN_ZOOM = 14;
    static final double R = 8;
    /** Incidents closer than this on screen are a stack, set apart round their spot. */
    static final double STACK_PX = R * 1.5;
    static final java.time.Duration NEW_FOR = java.time.Duration.ofMinutes(2);

    private final LiveMapViewModel vm;
    private final MapLabels labels;
    /** Offsets (view pixels) of the incidents drawn set apart in the last frame, by id. */
    private final Map<String, double[]> spread = new HashMap<>();
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
            pulseRedraw.run(); // the rings only ({@link PulseLayer}): the canvas under them stays as drawn
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
    private Runnable pulseRedraw = () -> { };

    /** A ring now: the incident's position, where it is drawn from it (set apart in a stack), its colour, 0..1 of a beat. */
    record Pulse(GeoPoint position, double dx, double dy, int argb, double phase) {
    }

    IncidentLayer(LiveMapViewModel vm, MapLabels labels) {
        this.vm = vm;
        this.labels = labels;
    }

    /** What draws the canvas this layer paints on again (the pulse animates through it). */
    void setRedraw(Runnable redraw) {
        this.redraw = redraw;
    }

    /** What draws the pulses' rings again on every frame of a pulse. */
    void setPulseRedraw(Runnable pulseRedraw) {
        this.pulseRedraw = pulseRedraw;
    }

    org.commandroom.core.geo.Datum mapDatum() {
        return vm.mapDatum();
    }

    /** The rings to draw now: the incidents in view that pulse, with where the last frame drew each one. */
    List<Pulse> pulses() {
        if (pulseStart.isEmpty() || !vm.incidentsVisibleProperty().get()) {
            return List.of();
        }
        List<Pulse> out = new ArrayList<>();
        for (IncidentMarker m : vm.incidents()) {
            Long start = pulseStart.get(m.id());
            if (start == null || start == 0) {
                continue;
            }
            double[] off = spread.get(m.id());
            double phase = ((now - start) % 1_000_000_000L) / 1e9;
            out.add(new Pulse(m.position(), off == null ? 0 : off[0], off == null ? 0 : off[1], m.argb(), phase));
        }
        return out;
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
        spread.clear();
        if (!vm.incidentsVisibleProperty().get() || vm.incidents().isEmpty()) {
            return false;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        List<IncidentMarker> shown = new ArrayList<>();
        List<double[]> at = new ArrayList<>();
        for (IncidentMarker m : vm.incidents()) {
            GeoPoint p = DatumConverter.convert(m.position(), vm.mapDatum());
            double sx = v.screenX(WebMercator.x(p.lon()));
            double sy = v.screenY(WebMercator.y(p.lat()));
            if (sx < -80 || sy < -80 || sx > v.width() + 80 || sy > v.height() + 80) {
                continue;
            }
            shown.add(m);
            at.add(new double[] {sx, sy});
        }
        spreadStacks(shown, at, g);
        Font font = MapText.font(12 * vm.textScale(), true);
        boolean labelled = v.zoom() >= LABEL_MIN_ZOOM;
        for (int i = 0; i < shown.size(); i++) {
            IncidentMarker m = shown.get(i);
            double sx = at.get(i)[0];
            double sy = at.get(i)[1];
            int argb = m.argb();
            g.setFill(MapPalette.fx(argb));
            g.fillOval(sx - R, sy - R, 2 * R, 2 * R);
            g.setStroke(MapPalette.fx(MapPalette.TEXT));
            g.setLineWidth(2);
            g.strokeOval(sx - R, sy - R, 2 * R, 2 * R);
            g.setFill(MapPalette.fx(MapPalette.TEXT_HALO));
            g.fillRect(sx - 1.2, sy - 5, 2.4, 6);
            g.fillRect(sx - 1.2, sy + 2.5, 2.4, 2.4);
            boolean selected = sel != null && sel.kind() == MapSelection.Kind.INCIDENT && sel.id().equals(m.id());
            if (selected) {
                g.setStroke(MapPalette.fx(MapPalette.SELECTION));
                g.setLineWidth(2);
                g.strokeOval(sx - R - 6, sy - R - 6, 2 * R + 12, 2 * R + 12);
            }
            labels.keepFree(sx - R - 1, sy - R - 1, 2 * R + 2, 2 * R + 2);
            if (labelled || selected) {
                labels.offer(MapLabels.Kind.INCIDENT, selected, m.title(), sx, sy, R + 4, font, argb);
            }
        }
        return true;
    }

    /**
     * Incidents drawn on top of each other (one address, several calls) are set apart round their spot, each with a
     * thin line to it, so that every one can be seen and clicked; their offsets are kept for picking.
     */
    private void spreadStacks(List<IncidentMarker> shown, List<double[]> at, GraphicsContext g) {
        boolean[] grouped = new boolean[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            if (grouped[i]) {
                continue;
            }
            List<Integer> stack = new ArrayList<>();
            stack.add(i);
            for (int j = i + 1; j < shown.size(); j++) {
                if (!grouped[j] && Math.hypot(at.get(j)[0] - at.get(i)[0], at.get(j)[1] - at.get(i)[1]) < STACK_PX) {
                    stack.add(j);
                    grouped[j] = true;
                }
            }
            if (stack.size() < 2) {
                continue;
            }
            double cx = at.get(i)[0];
            double cy = at.get(i)[1];
            double radius = Math.max(R * 1.9, stack.size() * (R + 2) / Math.PI);
            g.setStroke(MapPalette.fx(MapPalette.TEXT, 0.8));
            g.setLineWidth(1.2);
            for (int k = 0; k < stack.size(); k++) {
                int idx = stack.get(k);
                double angle = -Math.PI / 2 + 2 * Math.PI * k / stack.size();
                double x = cx + radius * Math.cos(angle);
                double y = cy + radius * Math.sin(angle);
                // offsets from where the incident itself lies, so that picking holds while the canvas only moves
                spread.put(shown.get(idx).id(), new double[] {x - at.get(idx)[0], y - at.get(idx)[1]});
                g.strokeLine(cx, cy, x, y);
                at.get(idx)[0] = x;
                at.get(idx)[1] = y;
            }
            g.setFill(MapPalette.fx(MapPalette.TEXT));
            g.fillOval(cx - 3, cy - 3, 6, 6);
        }
    }

    /**
     * The incident drawn set apart (one of a stack) under a view pixel, or empty: {@code screen} gives an incident's
     * own view pixel now. Picking through the index finds stacked incidents at their true spot, not where drawn.
     */
    Optional<MapSelection> pickSpread(double x, double y, java.util.function.Function<GeoPoint, javafx.geometry.Point2D> screen) {
        if (spread.isEmpty() || !vm.incidentsVisibleProperty().get()) {
            return Optional.empty();
        }
        for (IncidentMarker m : vm.incidents()) {
            double[] off = spread.get(m.id());
            if (off == null) {
                continue;
            }
            javafx.geometry.Point2D p = screen.apply(m.position());
            if (Math.hypot(p.getX() + off[0] - x, p.getY() + off[1] - y) <= R + 2) {
                return Optional.of(new MapSelection(MapSelection.Kind.INCIDENT, m.id(), m.position()));
            }
        }
        return Optional.empty();
    }

    /** Where the last frame drew a stacked incident, relative to its own view pixel; null when not set apart (tests). */
    double[] spreadOffset(String id) {
        double[] off = spread.get(id);
        return off == null ? null : off.clone();
    }

    /** How many incidents the last frame drew set apart from a stack (for tests). */
    int spreadCount() {
        return spread.size();
    }
}
