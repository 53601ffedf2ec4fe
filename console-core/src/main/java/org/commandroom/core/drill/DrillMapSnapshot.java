package org.commandroom.core.drill;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

import org.commandroom.core.geo.GeoPoint;

/**
 * The map at a key moment of a drill: when a scored event happened (the moment its expected actions became due), where
 * it was and where every unit of the drill county stood, the available ones ranked nearest first by travel time as the
 * scorer ranked them. Drawn for the after-action report ({@link #render}), on screen and in the PDF.
 *
 * @param eventId the call or inject
 * @param at      the scenario clock's time
 * @param where   the event's place
 * @param units   every unit with a position then
 * @param backdrop the county's police grids and main roads, drawn under the units ({@link DrillMapBackdrop#NONE}: none)
 */
public record DrillMapSnapshot(String eventId, Instant at, GeoPoint where, List<Mark> units, DrillMapBackdrop backdrop) {

    /** How far around the event the picture reaches at least, in metres. */
    static final double MIN_SPAN_M = 1_500;
    /** How far the replay's map reaches out to take in its units, at most, in metres. */
    static final double MAX_SHOWN_SPAN_M = 6_000;

    /** The rank of a unit shown with its call sign and not ranked (the replay's map). */
    public static final int SHOWN = Integer.MAX_VALUE;

    /**
     * A unit on the map.
     *
     * @param rank 1 for the nearest available unit, 2 for the next, ...; 0 for a unit that was not available;
     *             {@link #SHOWN} for a unit drawn with its call sign, unranked
     */
    public record Mark(String callSign, GeoPoint position, int rank) {
    }

    public DrillMapSnapshot {
        units = List.copyOf(units);
        backdrop = backdrop == null ? DrillMapBackdrop.NONE : backdrop;
    }

    /** A snapshot without the county drawn under it. */
    public DrillMapSnapshot(String eventId, Instant at, GeoPoint where, List<Mark> units) {
        this(eventId, at, where, units, DrillMapBackdrop.NONE);
    }

    /** The same snapshot over the county's grids and main roads. */
    public DrillMapSnapshot withBackdrop(DrillMapBackdrop b) {
        return new DrillMapSnapshot(eventId, at, where, units, b);
    }

    /** The colour of the main roads under the units. */
    static final Color ROAD = new Color(196, 178, 130);
    /** The colour of the police grids' outlines. */
    static final Color GRID = new Color(70, 140, 95);

    /**
     * The snapshot as a picture: the event (a red diamond) in the middle, the two nearest available units in orange
     * with their call signs and ranks, other available units in blue, unavailable ones in grey; the picture reaches
     * out to the farther of the two nearest units (at least {@value #MIN_SPAN_M} m), with a scale bar.
     */
    public BufferedImage render(int width, int height) {
        double reach = MIN_SPAN_M;
        for (Mark m : units) {
            if (m.rank() == 1 || m.rank() == 2) {
                reach = Math.max(reach, m.position().distanceMetres(where) * 1.25);
            }
            if (m.rank() == SHOWN) {
                // the replay's map takes in its units, up to a town's width
                reach = Math.max(reach, Math.min(MAX_SHOWN_SPAN_M, m.position().distanceMetres(where) * 1.1));
            }
        }
        double mPerDegLat = 111_320;
        double mPerDegLon = 111_320 * Math.cos(Math.toRadians(where.lat()));
        double scale = Math.min(width, height) / (2 * reach); // pixels per metre
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(246, 244, 238));
            g.fillRect(0, 0, width, height);
            // the county under everything: main roads, then the police grids' outlines (dashed)
            final double sc = scale;
            java.util.function.Function<List<GeoPoint>, java.awt.geom.Path2D> path = line -> {
                java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
                for (int i = 0; i < line.size(); i++) {
                    double x = width / 2.0 + (line.get(i).lon() - where.lon()) * mPerDegLon * sc;
                    double y = height / 2.0 - (line.get(i).lat() - where.lat()) * mPerDegLat * sc;
                    if (i == 0) {
                        p.moveTo(x, y);
                    } else {
                        p.lineTo(x, y);
                    }
                }
                return p;
            };
            g.setColor(ROAD);
            g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            backdrop.roads().forEach(l -> g.draw(path.apply(l)));
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0));
            backdrop.grids().forEach(l -> g.draw(path.apply(l)));
            g.setStroke(new BasicStroke(1));
            g.setColor(new Color(225, 222, 212));
            for (int r = 500; r < reach * 1.5; r += 500) {
                int px = (int) Math.round(r * scale);
                g.drawOval(width / 2 - px, height / 2 - px, 2 * px, 2 * px);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            // the far ones first, so the nearest are drawn over them
            List<Mark> order = units.stream().sorted((a, b) -> Integer.compare(weight(a), weight(b))).toList();
            List<Mark> labelled = new java.util.ArrayList<>();
            List<int[]> anchors = new java.util.ArrayList<>();
            for (Mark m : order) {
                int x = (int) Math.round(width / 2.0 + (m.position().lon() - where.lon()) * mPerDegLon * scale);
                int y = (int) Math.round(height / 2.0 - (m.position().lat() - where.lat()) * mPerDegLat * scale);
                if (x < -10 || y < -10 || x > width + 10 || y > height + 10) {
                    continue;
                }
                boolean near = m.rank() == 1 || m.rank() == 2;
                g.setColor(near ? new Color(230, 120, 0) : m.rank() > 0 ? new Color(40, 90, 170) : new Color(150, 150, 150));
                int d = near ? 12 : 8;
                g.fillOval(x - d / 2, y - d / 2, d, d);
                if (near || m.rank() == SHOWN) {
                    labelled.add(m);
                    anchors.add(new int[] {x, y});
                }
            }
            int cx = width / 2;
            int cy = height / 2;
            // The labels after every dot, the nearest first, each where it overlaps no other label nor the event.
            java.awt.FontMetrics fm = g.getFontMetrics();
            List<Label> wanted = new java.util.ArrayList<>();
            for (int k = labelled.size() - 1; k >= 0; k--) {
                Mark m = labelled.get(k);
                String text = m.rank() == SHOWN ? m.callSign() : m.rank() + " " + m.callSign();
                wanted.add(new Label(text, anchors.get(k)[0], anchors.get(k)[1], fm.stringWidth(text), fm.getAscent()
                        + fm.getDescent(), m.rank() != SHOWN));
            }
            List<java.awt.Rectangle> placed = placeLabels(wanted, width, height,
                    List.of(new java.awt.Rectangle(cx - 9, cy - 9, 18, 18)));
            g.setColor(Color.BLACK);
            for (int k = 0; k < wanted.size(); k++) {
                java.awt.Rectangle r = placed.get(k);
                if (r != null) {
                    g.drawString(wanted.get(k).text(), r.x, r.y + fm.getAscent());
                }
            }
            g.setColor(new Color(200, 20, 20));
            g.fillPolygon(new int[] {cx, cx + 8, cx, cx - 8}, new int[] {cy - 8, cy, cy + 8, cy}, 4);
            // scale bar: 500 m
            int bar = (int) Math.round(500 * scale);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(2));
            g.drawLine(10, height - 12, 10 + bar, height - 12);
            g.drawString("500 m", 14 + bar, height - 8);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * A label to place next to its unit's dot.
     *
     * @param mustShow shown even where every place overlaps (a ranked unit); otherwise left out then
     */
    record Label(String text, int x, int y, int width, int height, boolean mustShow) {
    }

    /**
     * Where each label goes, in the order given (the first placed first): the first of the places around its dot
     * (right above, right below, left above, left below, right, left, above, below, then farther above and below) that
     * lies inside the picture and overlaps no label placed before nor anything in {@code taken}; where none does, a
     * label that must show takes the place it overlaps least, another is left out (null).
     */
    static List<java.awt.Rectangle> placeLabels(List<Label> labels, int width, int height, List<java.awt.Rectangle> taken) {
        List<java.awt.Rectangle> occupied = new java.util.ArrayList<>(taken);
        List<java.awt.Rectangle> out = new java.util.ArrayList<>();
        java.awt.Rectangle picture = new java.awt.Rectangle(0, 0, width, height);
        for (Label l : labels) {
            int w = l.width();
            int h = l.height();
            int[][] at = {
                {l.x() + 8, l.y() - 6 - h}, {l.x() + 8, l.y() + 6}, {l.x() - 8 - w, l.y() - 6 - h}, {l.x() - 8 - w, l.y() + 6},
                {l.x() + 8, l.y() - h / 2}, {l.x() - 8 - w, l.y() - h / 2}, {l.x() - w / 2, l.y() - 8 - h},
                {l.x() - w / 2, l.y() + 8}, {l.x() + 8, l.y() - 8 - 2 * h}, {l.x() + 8, l.y() + 8 + h}};
            java.awt.Rectangle best = null;
            long bestOverlap = Long.MAX_VALUE;
            for (int[] p : at) {
                java.awt.Rectangle r = new java.awt.Rectangle(p[0], p[1], w, h);
                if (!picture.contains(r)) {
                    continue;
                }
                long overlap = 0;
                for (java.awt.Rectangle o : occupied) {
                    java.awt.Rectangle i = r.intersection(o);
                    if (!i.isEmpty()) {
                        overlap += (long) i.width * i.height;
                    }
                }
                if (overlap < bestOverlap) {
                    best = r;
                    bestOverlap = overlap;
                }
                if (overlap == 0) {
                    break;
                }
            }
            if (best == null && l.mustShow()) {
                best = new java.awt.Rectangle(Math.max(0, Math.min(width - w, l.x() + 8)),
                        Math.max(0, Math.min(height - h, l.y() - 6 - h)), w, h);
            }
            if (best != null && bestOverlap > 0 && !l.mustShow()) {
                best = null;
            }
            if (best != null) {
                occupied.add(best);
            }
            out.add(best);
        }
        return out;
    }

    private static int weight(Mark m) {
        return m.rank() == 1 || m.rank() == 2 ? 3 - m.rank() + 10 : m.rank() > 0 ? 5 : 0;
    }

    /** {@link #render} as PNG bytes. */
    public byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(width, height), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
