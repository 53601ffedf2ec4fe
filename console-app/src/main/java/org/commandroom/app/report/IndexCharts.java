package org.commandroom.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.commandroom.core.index.IndexTrend;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DialShape;
import org.jfree.chart.plot.MeterInterval;
import org.jfree.chart.plot.MeterPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultValueDataset;

/**
 * The prevention index charts, built with JFreeChart alone (no JavaFX): the dashboard shows them in a
 * ChartViewer, the PDF report draws them to images. A score is red under the pass line (60), amber to 80,
 * green above, as on the gauges.
 */
public final class IndexCharts {

    /** The pass line of every score (points of the pass threshold). */
    public static final double PASS = 60;
    public static final double GOOD = 80;

    public static final Color RED = new Color(200, 60, 60);
    public static final Color AMBER = new Color(220, 160, 30);
    public static final Color GREEN = new Color(50, 160, 80);

    /** Colours and font of a chart: dark for the dashboard, light for print. */
    public record Style(Color background, Color text, Color grid, Color station, Color peer, Color bureau, Font font) {

        public static Style dark(Font font) {
            return new Style(new Color(30, 33, 40), new Color(220, 224, 230), new Color(70, 76, 88),
                    new Color(90, 170, 255), new Color(230, 170, 60), new Color(170, 170, 180), font);
        }

        public static Style light(Font font) {
            return new Style(Color.WHITE, new Color(30, 30, 30), new Color(210, 210, 210),
                    new Color(20, 90, 200), new Color(220, 130, 20), new Color(110, 110, 110), font);
        }

        Font font(int style, float size) {
            return font.deriveFont(style, size);
        }
    }

    /**
     * The names a trend chart shows; {@code provisional} names the station's value of a month not over yet (drawn
     * hollow at the end of a dashed segment, apart from the finished months), null when none is.
     */
    public record TrendLabels(String title, String station, String peer, String bureau, String passLine, String axis,
                              String provisional) {

        public TrendLabels(String title, String station, String peer, String bureau, String passLine, String axis) {
            this(title, station, peer, bureau, passLine, axis, null);
        }
    }

    private IndexCharts() {
    }

    /** The colour of a score's band; grey for none. */
    public static Color band(Double score) {
        if (score == null) {
            return Color.GRAY;
        }
        return score < PASS ? RED : score < GOOD ? AMBER : GREEN;
    }

    /** "2026-03" labels of a trend's months. */
    public static String monthLabel(YearMonth m) {
        return String.format("%d-%02d", m.getYear(), m.getMonthValue());
    }

    /**
     * A line chart of a trend: the station (thick, with points), its peer group's average and the bureau (dashed),
     * on 0-100 with the pass line; a month with no value is a gap in the line, not a drop to zero. The months for
     * which {@code provisional} holds (not over yet) are drawn apart: the station's value as a hollow point at the end
     * of a thin dashed segment, under its own legend entry, so a month in progress never reads as a fall.
     */
    public static JFreeChart trend(IndexTrend.Trend t, TrendLabels labels, Style style, Predicate<YearMonth> provisional) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<YearMonth> months = t.months();
        boolean anyProvisional = labels.provisional() != null && months.stream().anyMatch(provisional);
        for (int i = 0; i < months.size(); i++) {
            String m = monthLabel(months.get(i));
            boolean open = anyProvisional && provisional.test(months.get(i));
            data.addValue(open ? null : t.station().get(i), labels.station(), m);
            if (labels.peer() != null) {
                data.addValue(t.peerAverage().get(i), labels.peer(), m);
            }
            if (labels.bureau() != null) {
                data.addValue(t.bureau().get(i), labels.bureau(), m);
            }
        }
        if (anyProvisional) {
            // the segment from the last finished month to the month in progress
            for (int i = 0; i < months.size(); i++) {
                boolean open = provisional.test(months.get(i));
                boolean beforeOpen = i + 1 < months.size() && provisional.test(months.get(i + 1));
                data.addValue(open || beforeOpen ? t.station().get(i) : null, labels.provisional(), monthLabel(months.get(i)));
            }
        }
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setTickLabelFont(style.font(Font.PLAIN, 10));
        x.setTickLabelPaint(style.text());
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis(labels.axis());
        y.setRange(new Range(0, 100));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
        y.setTickLabelFont(style.font(Font.PLAIN, 10));
        y.setLabelFont(style.font(Font.PLAIN, 11));
        y.setTickLabelPaint(style.text());
        y.setLabelPaint(style.text());
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        List<Color> colours = new java.util.ArrayList<>(List.of(style.station()));
        List<float[]> dashes = new java.util.ArrayList<>();
        dashes.add(null);
        if (labels.peer() != null) {
            colours.add(style.peer());
            dashes.add(new float[] {6f, 4f});
        }
        if (labels.bureau() != null) {
            colours.add(style.bureau());
            dashes.add(new float[] {2f, 3f});
        }
        for (int s = 0; s < colours.size(); s++) {
            r.setSeriesPaint(s, colours.get(s));
            r.setSeriesStroke(s, dashes.get(s) == null ? new BasicStroke(2.6f)
                    : new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, dashes.get(s), 0f));
            r.setSeriesShapesVisible(s, s == 0);
        }
        if (anyProvisional) {
            int s = colours.size();
            r.setSeriesPaint(s, style.station());
            r.setSeriesStroke(s, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {3f, 3f}, 0f));
            r.setSeriesShapesVisible(s, true);
            r.setSeriesShapesFilled(s, false);
            r.setUseOutlinePaint(false);
        }
        r.setDefaultShape(new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setBackgroundPaint(style.background());
        plot.setRangeGridlinePaint(style.grid());
        plot.setOutlineVisible(false);
        ValueMarker pass = new ValueMarker(PASS, RED, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {5f, 4f}, 0f));
        pass.setLabel(labels.passLine());
        pass.setLabelFont(style.font(Font.PLAIN, 10));
        pass.setLabelPaint(RED);
        pass.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        pass.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        pass.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(pass);
        JFreeChart chart = new JFreeChart(labels.title(), style.font(Font.BOLD, 13), plot, true);
        finish(chart, style);
        return chart;
    }

    /** Horizontal bars of the capability scores (name → score, in order), each in its band's colour, with the pass line. */
    public static JFreeChart capabilityBars(String title, Map<String, Double> scores, String axis, String passLine, Style style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        scores.forEach((name, score) -> data.addValue(score, "score", name));
        Color[] colours = scores.values().stream().map(IndexCharts::band).toArray(Color[]::new);
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colours[column];
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(style.font(Font.PLAIN, 10));
        r.setDefaultItemLabelPaint(style.text());
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(3);
        CategoryAxis x = new CategoryAxis();
        x.setMaximumCategoryLabelWidthRatio(0.42f);
        x.setTickLabelFont(style.font(Font.PLAIN, 11));
        x.setTickLabelPaint(style.text());
        NumberAxis y = new NumberAxis(axis);
        // Room past 100 for the value printed after a full bar ("100.0" was cut to "100." at 120).
        y.setRange(new Range(0, 140));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
        y.setTickLabelFont(style.font(Font.PLAIN, 10));
        y.setLabelFont(style.font(Font.PLAIN, 11));
        y.setTickLabelPaint(style.text());
        y.setLabelPaint(style.text());
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(style.background());
        plot.setRangeGridlinePaint(style.grid());
        plot.setOutlineVisible(false);
        ValueMarker pass = new ValueMarker(PASS, RED, new BasicStroke(1.4f));
        pass.setLabel(passLine);
        pass.setLabelFont(style.font(Font.PLAIN, 10));
        pass.setLabelPaint(RED);
        pass.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        pass.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        pass.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(pass);
        JFreeChart chart = new JFreeChart(title, style.font(Font.BOLD, 13), plot, false);
        finish(chart, style);
        return chart;
    }

    /** A dial of a score 0-100 with the red, amber and green bands; the value is in the title. */
    public static JFreeChart gauge(String title, Double score, Style style) {
        MeterPlot plot = new MeterPlot(new DefaultValueDataset(score));
        plot.setRange(new Range(0, 100));
        plot.setDialShape(DialShape.PIE);
        plot.setMeterAngle(240);
        plot.addInterval(new MeterInterval("fail", new Range(0, PASS), null, null, withAlpha(RED, 170)));
        plot.addInterval(new MeterInterval("pass", new Range(PASS, GOOD), null, null, withAlpha(AMBER, 170)));
        plot.addInterval(new MeterInterval("good", new Range(GOOD, 100), null, null, withAlpha(GREEN, 170)));
        plot.setNeedlePaint(style.text());
        plot.setDialBackgroundPaint(style.background());
        plot.setDialOutlinePaint(Color.GRAY);
        plot.setTickLabelPaint(style.text());
        plot.setTickLabelFont(style.font(Font.PLAIN, 10));
        plot.setTickPaint(style.text());
        plot.setValuePaint(new Color(0, 0, 0, 0));
        plot.setUnits("");
        plot.setBackgroundPaint(style.background());
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(title, style.font(Font.BOLD, 14), plot, false);
        finish(chart, style);
        return chart;
    }

    /** Draws a chart to an image at {@code scale} times its size in points (2 for a sharp print). */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void finish(JFreeChart chart, Style style) {
        chart.setBackgroundPaint(style.background());
        chart.getTitle().setPaint(style.text());
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(style.font(Font.PLAIN, 10));
            legend.setItemPaint(style.text());
            legend.setBackgroundPaint(style.background());
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
