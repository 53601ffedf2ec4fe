package org.commandroom.app.wall;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;

/**
 * The wall's few drawings, sized from the space they get (so they scale with the screen): a bar, columns by hour,
 * a gauge and a 12-month line. Text on them is ordinary labels styled by wall.css (never smaller than 1em).
 */
final class WallCharts {

    private WallCharts() {
    }

    static Label label(String text, String... styles) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styles);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A horizontal bar filling {@code fraction} (0..1) of its track. */
    static Region bar(double fraction, String fillStyle) {
        StackPane track = new StackPane();
        track.getStyleClass().add("wall-bar-track");
        Region fill = new Region();
        fill.getStyleClass().add(fillStyle);
        fill.maxWidthProperty().bind(track.widthProperty().multiply(Math.max(0, Math.min(1, fraction))));
        fill.minWidthProperty().bind(fill.maxWidthProperty());
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        track.getChildren().add(fill);
        track.setMinWidth(0);
        track.setPrefWidth(0);
        return track;
    }

    /** Columns for the 24 hours of three days side by side, with the hours named every six. */
    static final class HourChart extends Region {
        private final int[][] series;
        private final String[] styles;
        private final List<Rectangle> bars = new ArrayList<>();
        private final List<Label> hours = new ArrayList<>();
        private final int max;

        HourChart(int[][] series, String[] styles) {
            this.series = series;
            this.styles = styles;
            int m = 1;
            for (int[] s : series) {
                for (int v : s) {
                    m = Math.max(m, v);
                }
            }
            this.max = m;
            for (int h = 0; h < 24; h++) {
                for (int k = 0; k < series.length; k++) {
                    Rectangle r = new Rectangle();
                    r.getStyleClass().add(styles[k]);
                    bars.add(r);
                }
            }
            getChildren().addAll(bars);
            for (int h = 0; h <= 24; h += 6) {
                Label l = label(h == 24 ? "24" : Integer.toString(h), "wall-muted");
                hours.add(l);
            }
            getChildren().addAll(hours);
            setMinSize(0, 0);
        }

        int max() {
            return max;
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            double labelH = hours.get(0).prefHeight(-1);
            double plotH = Math.max(0, h - labelH - 2);
            double slot = w / 24.0;
            double gap = Math.max(1, slot * 0.12);
            double barW = Math.max(1, (slot - gap) / series.length);
            int i = 0;
            for (int hr = 0; hr < 24; hr++) {
                for (int k = 0; k < series.length; k++) {
                    Rectangle r = bars.get(i++);
                    double bh = plotH * series[k][hr] / max;
                    r.setX(hr * slot + gap / 2 + k * barW);
                    r.setWidth(Math.max(1, barW - 0.5));
                    r.setY(plotH - bh);
                    r.setHeight(bh);
                }
            }
            for (int j = 0; j < hours.size(); j++) {
                Label l = hours.get(j);
                double lw = l.prefWidth(-1);
                double x = Math.min(w - lw, Math.max(0, j * 6 * slot - lw / 2));
                l.resizeRelocate(x, plotH + 2, lw, labelH);
            }
        }
    }

    /** A three-quarter ring with the value in its middle and the name under it. */
    static final class Gauge extends Region {
        private final Arc track = new Arc();
        private final Arc value = new Arc();
        private final Label number;
        private final Label name;
        private final double fraction;

        Gauge(String nameText, Double score, String numberStyle) {
            fraction = score == null ? 0 : Math.max(0, Math.min(1, score / 100.0));
            for (Arc a : List.of(track, value)) {
                a.setType(ArcType.OPEN);
                a.setStrokeLineCap(StrokeLineCap.ROUND);
                a.setStartAngle(225);
            }
            track.getStyleClass().add("wall-gauge-track");
            value.getStyleClass().add("wall-gauge-value");
            if (score != null && score < 60) {
                value.getStyleClass().add("danger");
            } else if (score != null && score < 75) {
                value.getStyleClass().add("warning");
            }
            track.setLength(-270);
            value.setLength(-270 * fraction);
            value.setVisible(score != null);
            number = label(WallText.score(score), numberStyle);
            name = new Label(nameText);
            name.getStyleClass().add("wall-text");
            name.setWrapText(true);
            name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            name.setAlignment(Pos.CENTER);
            getChildren().addAll(track, value, number, name);
            setMinSize(0, 0);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            double tw = Math.min(w, name.prefWidth(-1));
            double nameH = name.prefHeight(tw);
            double size = Math.max(10, Math.min(w, h - nameH));
            double stroke = Math.max(3, size * 0.09);
            double r = (size - stroke) / 2;
            double cx = w / 2;
            double cy = r + stroke / 2;
            for (Arc a : List.of(track, value)) {
                a.setCenterX(cx);
                a.setCenterY(cy);
                a.setRadiusX(r);
                a.setRadiusY(r);
                a.setStrokeWidth(stroke);
            }
            double nw = number.prefWidth(-1);
            double nh = number.prefHeight(-1);
            number.resizeRelocate(cx - nw / 2, cy - nh / 2, nw, nh);
            name.resizeRelocate(cx - tw / 2, Math.min(h - nameH, cy + r * 0.72 + stroke / 2), tw, nameH);
        }
    }

    /** A line of monthly values (gaps where a month has none) with the first and last month named. */
    static final class TrendLine extends Region {
        private final List<Double> values;
        private final List<Polyline> lines = new ArrayList<>();
        private final Line axis = new Line();
        private final Label first;
        private final Label last;

        TrendLine(List<Double> values, String firstLabel, String lastLabel) {
            this.values = values;
            axis.getStyleClass().add("wall-trend-axis");
            first = label(firstLabel, "wall-muted");
            last = label(lastLabel, "wall-muted");
            getChildren().addAll(axis, first, last);
            setMinSize(0, 0);
        }

        @Override
        protected void layoutChildren() {
            getChildren().removeAll(lines);
            lines.clear();
            double w = getWidth();
            double h = getHeight();
            double labelH = first.prefHeight(-1);
            double plotH = Math.max(1, h - labelH - 4);
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (Double v : values) {
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (hi < lo) {
                lo = 0;
                hi = 100;
            }
            double pad = Math.max(2, (hi - lo) * 0.15);
            lo -= pad;
            hi += pad;
            double step = values.size() > 1 ? w / (values.size() - 1) : w;
            double stroke = Math.max(2, h * 0.02);
            Polyline current = null;
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v == null) {
                    current = null;
                    continue;
                }
                if (current == null) {
                    current = new Polyline();
                    current.getStyleClass().add("wall-trend-line");
                    current.setStrokeWidth(stroke);
                    current.setStrokeLineCap(StrokeLineCap.ROUND);
                    lines.add(current);
                }
                current.getPoints().addAll(i * step, plotH - (v - lo) / (hi - lo) * plotH);
            }
            getChildren().addAll(0, lines);
            axis.setStartX(0);
            axis.setEndX(w);
            axis.setStartY(plotH);
            axis.setEndY(plotH);
            axis.setStrokeWidth(Math.max(1, stroke / 2));
            first.resizeRelocate(0, plotH + 4, first.prefWidth(-1), labelH);
            double lw = last.prefWidth(-1);
            last.resizeRelocate(w - lw, plotH + 4, lw, labelH);
        }
    }

    /** A small coloured square with a word: the key of a chart. */
    static HBox key(String text, String swatchStyle) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("wall-swatch", swatchStyle);
        HBox box = new HBox(swatch, label(text, "wall-muted"));
        box.setAlignment(Pos.CENTER_LEFT);
        gap(box, 6);
        return box;
    }

    /**
     * Spacing between a box's children that grows with the wall's root font, as every size on the wall does: given in
     * pixels at 1920x1080 (root font 24 px), set in em by the box's style ({@code wall.css}, {@code .wall-gap-N}), so
     * that at 4K the gaps are as wide, relatively, as at 1080p.
     */
    static <T extends javafx.scene.layout.Pane> T gap(T box, int pxAt1080p) {
        box.getStyleClass().add("wall-gap-" + pxAt1080p);
        return box;
    }
}
