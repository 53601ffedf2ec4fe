package org.commandroom.app.ui.map;

import java.time.Duration;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitStatus;

/**
 * Patrol units: a car is an arrow along its heading, a motorbike a diamond, a foot group a circle;
 * colour by status. A unit whose last fix is older than the stale age is grey, ringed with a dashed
 * line and labelled with the age of its position.
 */
final class UnitLayer extends CanvasLayer {

    private static final double LABEL_MIN_ZOOM = 13;
    /**
     * With more units than this on screen their call-signs are left out (stale and selected units keep
     * theirs): hundreds of overlapping labels are unreadable and cost frames on the software renderer.
     */
    static final int MAX_LABELLED = 120;

    private int lastLabelled;
    private static final double SIZE = 9;

    private final LiveMapViewModel vm;

    UnitLayer(LiveMapViewModel vm) {
        this.vm = vm;
    }

    @Override
    boolean paint(GraphicsContext g, Viewport v) {
        if (vm.units().isEmpty()) {
            return false;
        }
        MapSelection sel = vm.selectedFeatureProperty().get();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(MapText.font(12, false));
        int n = vm.units().size();
        double[] px = new double[n];
        double[] py = new double[n];
        int visible = 0;
        for (int i = 0; i < n; i++) {
            GeoPoint p = DatumConverter.convert(vm.units().get(i).position(), vm.mapDatum());
            px[i] = v.screenX(WebMercator.x(p.lon()));
            py[i] = v.screenY(WebMercator.y(p.lat()));
            if (onScreen(px[i], py[i], v)) {
                visible++;
            }
        }
        boolean labelAll = v.zoom() >= LABEL_MIN_ZOOM && visible <= MAX_LABELLED;
        lastLabelled = 0;
        for (int i = 0; i < n; i++) {
            UnitMarker u = vm.units().get(i);
            double sx = px[i];
            double sy = py[i];
            if (!onScreen(sx, sy, v)) {
                continue;
            }
            boolean stale = vm.isStale(u);
            int argb = stale ? MapPalette.UNIT_STALE : statusColour(u.status());
            g.setFill(MapPalette.fx(argb));
            g.setStroke(MapPalette.fx(MapPalette.TEXT_HALO));
            g.setLineWidth(1.5);
            g.setLineDashes();
            switch (u.kind()) {
                case CAR -> arrow(g, sx, sy, Double.isNaN(u.headingDeg()) ? 0 : u.headingDeg(), !Double.isNaN(u.headingDeg()));
                case MOTORBIKE -> {
                    double[] xs = {sx, sx + SIZE, sx, sx - SIZE};
                    double[] ys = {sy - SIZE, sy, sy + SIZE, sy};
                    g.fillPolygon(xs, ys, 4);
                    g.strokePolygon(xs, ys, 4);
                    headingTick(g, sx, sy, u.headingDeg(), argb);
                }
                case FOOT -> {
                    g.fillOval(sx - SIZE * 0.8, sy - SIZE * 0.8, SIZE * 1.6, SIZE * 1.6);
                    g.strokeOval(sx - SIZE * 0.8, sy - SIZE * 0.8, SIZE * 1.6, SIZE * 1.6);
                    headingTick(g, sx, sy, u.headingDeg(), argb);
                }
            }
            if (stale) {
                g.setStroke(MapPalette.fx(MapPalette.UNIT_STALE));
                g.setLineWidth(1.2);
                g.setLineDashes(3, 3);
                g.strokeOval(sx - SIZE - 5, sy - SIZE - 5, 2 * SIZE + 10, 2 * SIZE + 10);
                g.setLineDashes();
            }
            boolean selected = sel != null && sel.kind() == MapSelection.Kind.UNIT && sel.id().equals(u.id());
            if (selected) {
                g.setStroke(MapPalette.fx(MapPalette.SELECTION));
                g.setLineWidth(2);
                g.strokeOval(sx - SIZE - 7, sy - SIZE - 7, 2 * SIZE + 14, 2 * SIZE + 14);
            }
            if (labelAll || stale || selected) {
                lastLabelled++;
                String text = stale ? u.callSign() + " · " + MapText.age(vm.positionAge(u)) : u.callSign();
                g.setFill(MapPalette.fx(MapPalette.TEXT_HALO, 0.9));
                g.fillText(text, sx + SIZE + 5, sy + 1);
                g.setFill(MapPalette.fx(stale ? MapPalette.UNIT_STALE : MapPalette.TEXT));
                g.fillText(text, sx + SIZE + 4, sy);
            }
        }
        return true;
    }

    private static boolean onScreen(double sx, double sy, Viewport v) {
        return sx >= -60 && sy >= -30 && sx <= v.width() + 60 && sy <= v.height() + 30;
    }

    /** How many units got a label in the last frame (for tests). */
    int lastLabelled() {
        return lastLabelled;
    }

    private static void arrow(GraphicsContext g, double x, double y, double headingDeg, boolean known) {
        double a = Math.toRadians(headingDeg);
        double sin = Math.sin(a);
        double cos = Math.cos(a);
        // Arrow pointing north, rotated clockwise by the heading (screen y grows downwards).
        double[][] shape = known
                ? new double[][] {{0, -SIZE * 1.3}, {SIZE, SIZE}, {0, SIZE * 0.45}, {-SIZE, SIZE}}
                : new double[][] {{-SIZE, -SIZE * 0.7}, {SIZE, -SIZE * 0.7}, {SIZE, SIZE * 0.7}, {-SIZE, SIZE * 0.7}};
        double[] xs = new double[shape.length];
        double[] ys = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            xs[i] = x + shape[i][0] * cos - shape[i][1] * sin;
            ys[i] = y + shape[i][0] * sin + shape[i][1] * cos;
        }
        g.fillPolygon(xs, ys, xs.length);
        g.strokePolygon(xs, ys, xs.length);
    }

    private static void headingTick(GraphicsContext g, double x, double y, double headingDeg, int argb) {
        if (Double.isNaN(headingDeg)) {
            return;
        }
        double a = Math.toRadians(headingDeg);
        g.setStroke(MapPalette.fx(argb));
        g.setLineWidth(2);
        g.strokeLine(x + Math.sin(a) * SIZE, y - Math.cos(a) * SIZE, x + Math.sin(a) * (SIZE + 7), y - Math.cos(a) * (SIZE + 7));
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
