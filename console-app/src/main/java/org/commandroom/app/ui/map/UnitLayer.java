package org.commandroom.app.ui.map;

import java.time.Duration;

import javafx.scene.canvas.GraphicsContext;

import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitStatus;

/**
 * Patrol units: a car is an arrow along its heading, a motorbike a diamond, a foot group a circle;
 * colour by status. A unit whose last fix is older than the stale age is grey, ringed with a dashed
 * line and labelled with the age of its position. Labels are offered to the frame's {@link MapLabels}, which
 * leaves out those that would overlap a more important one.
 */
final class UnitLayer implements OverlayLayer.Painter {

    private static final double LABEL_MIN_ZOOM = 13;
    /**
     * With more units than this on screen their call-signs are left out (stale and selected units keep
     * theirs): hundreds of overlapping labels are unreadable and cost frames on the software renderer.
     */
    static final int MAX_LABELLED = 120;

    private static final double SIZE = 9;

    private final LiveMapViewModel vm;
    private final MapLabels labels;

    UnitLayer(LiveMapViewModel vm, MapLabels labels) {
        this.vm = vm;
        this.labels = labels;
    }

    @Override
    public boolean paint(GraphicsContext g, Viewport v) {
        if (!vm.unitsVisibleProperty().get() || vm.units().isEmpty()) {
            return false;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        int n = vm.units().size();
        double[] px = new double[n];
        double[] py = new double[n];
        int[] colour = new int[n];
        boolean[] stale = new boolean[n];
        boolean[] shown = new boolean[n];
        int visible = 0;
        for (int i = 0; i < n; i++) {
            UnitMarker u = vm.units().get(i);
            GeoPoint p = DatumConverter.convert(u.position(), vm.mapDatum());
            px[i] = v.screenX(WebMercator.x(p.lon()));
            py[i] = v.screenY(WebMercator.y(p.lat()));
            shown[i] = onScreen(px[i], py[i], v);
            if (shown[i]) {
                visible++;
                stale[i] = vm.isStale(u);
                colour[i] = stale[i] ? MapPalette.UNIT_STALE : statusColour(u.status());
            }
        }
        // Units of one colour are one path, filled once and outlined once: on the software pipeline
        // each path costs a fixed set-up, and 500 units drawn one by one cost a frame by themselves.
        g.setLineDashes();
        for (int c : COLOURS) {
            boolean any = false;
            g.beginPath();
            for (int i = 0; i < n; i++) {
                if (shown[i] && colour[i] == c) {
                    any = true;
                    UnitMarker u = vm.units().get(i);
                    switch (u.kind()) {
                        case CAR -> arrow(g, px[i], py[i], Double.isNaN(u.headingDeg()) ? 0 : u.headingDeg(),
                                !Double.isNaN(u.headingDeg()));
                        case MOTORBIKE -> {
                            g.moveTo(px[i], py[i] - SIZE);
                            g.lineTo(px[i] + SIZE, py[i]);
                            g.lineTo(px[i], py[i] + SIZE);
                            g.lineTo(px[i] - SIZE, py[i]);
                            g.closePath();
                        }
                        case FOOT -> {
                            double r = SIZE * 0.8;
                            g.moveTo(px[i] + r, py[i]);
                            g.arc(px[i], py[i], r, r, 0, 360);
                            g.closePath();
                        }
                    }
                }
            }
            if (!any) {
                continue;
            }
            g.setFill(MapPalette.fx(c));
            g.fill();
            g.setStroke(MapPalette.fx(MapPalette.TEXT_HALO));
            g.setLineWidth(1.5);
            g.stroke();
            // heading ticks of motorbikes and foot groups, in the same colour
            g.beginPath();
            boolean ticks = false;
            for (int i = 0; i < n; i++) {
                UnitMarker u = vm.units().get(i);
                if (shown[i] && colour[i] == c && u.kind() != org.commandroom.core.unit.UnitKind.CAR
                        && !Double.isNaN(u.headingDeg())) {
                    double a = Math.toRadians(u.headingDeg());
                    g.moveTo(px[i] + Math.sin(a) * SIZE, py[i] - Math.cos(a) * SIZE);
                    g.lineTo(px[i] + Math.sin(a) * (SIZE + 7), py[i] - Math.cos(a) * (SIZE + 7));
                    ticks = true;
                }
            }
            if (ticks) {
                g.setStroke(MapPalette.fx(c));
                g.setLineWidth(2);
                g.stroke();
            }
        }
        // stale units: a dashed ring each, one path
        g.beginPath();
        boolean anyStale = false;
        for (int i = 0; i < n; i++) {
            if (shown[i] && stale[i]) {
                double r = SIZE + 5;
                g.moveTo(px[i] + r, py[i]);
                g.arc(px[i], py[i], r, r, 0, 360);
                g.closePath();
                anyStale = true;
            }
        }
        if (anyStale) {
            g.setStroke(MapPalette.fx(MapPalette.UNIT_STALE));
            g.setLineWidth(1.2);
            g.setLineDashes(3, 3);
            g.stroke();
            g.setLineDashes();
        }
        boolean labelAll = v.zoom() >= LABEL_MIN_ZOOM && visible <= MAX_LABELLED;
        javafx.scene.text.Font font = MapText.font(12 * vm.textScale(), false);
        for (int i = 0; i < n; i++) {
            if (!shown[i]) {
                continue;
            }
            UnitMarker u = vm.units().get(i);
            boolean selected = sel != null && sel.kind() == MapSelection.Kind.UNIT && sel.id().equals(u.id());
            if (selected) {
                g.setStroke(MapPalette.fx(MapPalette.SELECTION));
                g.setLineWidth(2);
                g.strokeOval(px[i] - SIZE - 7, py[i] - SIZE - 7, 2 * SIZE + 14, 2 * SIZE + 14);
            }
            labels.keepFree(px[i] - SIZE, py[i] - SIZE, 2 * SIZE, 2 * SIZE); // no other name over a unit's symbol
            if (labelAll || stale[i] || selected) {
                String text = stale[i] ? u.callSign() + " · " + MapText.age(vm.positionAge(u)) : u.callSign();
                labels.offer(MapLabels.Kind.UNIT, selected, text, px[i], py[i], SIZE + 4, font,
                        stale[i] ? MapPalette.UNIT_STALE : MapPalette.TEXT);
            }
        }
        return true;
    }

    private static final int[] COLOURS = {MapPalette.UNIT_OFF_DUTY, MapPalette.UNIT_STALE, MapPalette.UNIT_AVAILABLE,
        MapPalette.UNIT_BUSY, MapPalette.UNIT_EN_ROUTE, MapPalette.UNIT_ON_SCENE};

    private static boolean onScreen(double sx, double sy, Viewport v) {
        return sx >= -60 && sy >= -30 && sx <= v.width() + 60 && sy <= v.height() + 30;
    }

    /** How many units got a label in the last frame, after decluttering (for tests). */
    int lastLabelled() {
        return labels.placed(MapLabels.Kind.UNIT);
    }

    /** Adds a car's arrow (north-up, turned clockwise by its heading; a box without one) to the path. */
    private static void arrow(GraphicsContext g, double x, double y, double headingDeg, boolean known) {
        double a = Math.toRadians(headingDeg);
        double sin = Math.sin(a);
        double cos = Math.cos(a);
        double[][] shape = known
                ? new double[][] {{0, -SIZE * 1.3}, {SIZE, SIZE}, {0, SIZE * 0.45}, {-SIZE, SIZE}}
                : new double[][] {{-SIZE, -SIZE * 0.7}, {SIZE, -SIZE * 0.7}, {SIZE, SIZE * 0.7}, {-SIZE, SIZE * 0.7}};
        for (int i = 0; i < shape.length; i++) {
            double sx = x + shape[i][0] * cos - shape[i][1] * sin;
            double sy = y + shape[i][0] * sin + shape[i][1] * cos;
            if (i == 0) {
                g.moveTo(sx, sy);
            } else {
                g.lineTo(sx, sy);
            }
        }
        g.closePath();
    }

    static int statusColour(UnitStatus status) {
        return switch (status) {
            case AVAILABLE -> MapPalette.UNIT_AVAILABLE;
            case EN_ROUTE -> MapPalette.UNIT_EN_ROUTE;
            case ON_SCENE -> MapPalette.UNIT_ON_SCENE;
            case BUSY -> MapPalette.UNIT_BUSY;
            case OFF_DUTY -> MapPalette.UNIT_OFF_DUTY;
        };
    }

    static Duration refreshEvery() {
        return Duration.ofSeconds(5);
    }
}
