package org.commandroom.app.ui.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Every name written on the map in one frame, placed so that no two overlap (declutter). The layers offer their
 * labels while they paint (an anchor, the gap to keep from the symbol, a priority); then {@link #draw} places
 * them greedily, most important first: a selected feature's label, then incidents, then units, then places,
 * then area names. Each label tries the right of its symbol, then the left, above and below (area names only
 * their centre); one that fits nowhere free is left out for this frame. Symbols that must stay readable
 * (incident markers, units) are kept free of labels with {@link #keepFree}.
 *
 * <p>Text widths are measured once per text and size and kept (a frame measures only new texts).
 */
final class MapLabels {

    /** What a label names, most important first. */
    enum Kind { INCIDENT, UNIT, PLACE, AREA }

    /** A label placed in the last frame: its box in canvas pixels. */
    record Placed(Kind kind, String text, Bounds box) {
    }

    private record Offer(Kind kind, boolean selected, int order, String text, double x, double y, double gap,
                         boolean centred, Font font, int argb, double haloAlpha) {
    }

    private static final int MAX_MEASURED = 4096;
    /** Space kept between two labels, in pixels. */
    static final double PADDING = 2;
    private static final double CELL = 64;

    private final List<Offer> offers = new ArrayList<>();
    private final Map<Long, List<Bounds>> obstacles = new HashMap<>();
    private final List<Placed> placed = new ArrayList<>();
    private final Map<Long, List<Bounds>> grid = new HashMap<>();
    private final Map<String, double[]> measured = new HashMap<>();
    private final Text probe = new Text();

    /** Forgets the last frame's labels (the layer calls this before its painters run). */
    void clear() {
        offers.clear();
        obstacles.clear();
    }

    /**
     * Offers a label beside a symbol at (x, y): its text starts {@code gap} pixels right of it (or ends that far left
     * of it, or sits that far above or below, whichever is free).
     */
    void offer(Kind kind, boolean selected, String text, double x, double y, double gap, Font font, int argb) {
        if (text != null && !text.isEmpty()) {
            offers.add(new Offer(kind, selected, offers.size(), text, x, y, gap, false, font, argb, 0.9));
        }
    }

    /** Offers a name centred on (x, y) (an area's name at its label point); it shows there or not at all. */
    void offerCentred(Kind kind, boolean selected, String text, double x, double y, Font font, int argb) {
        if (text != null && !text.isEmpty()) {
            offers.add(new Offer(kind, selected, offers.size(), text, x, y, 0, true, font, argb, 0.85));
        }
    }

    /** Keeps a box free of labels (a marker that must stay visible); only a selected feature's label may cover it. */
    void keepFree(double x, double y, double w, double h) {
        add(obstacles, new BoundingBox(x, y, w, h));
    }

    /** Places the offered labels and draws those that fit; returns how many were drawn. */
    int draw(GraphicsContext g) {
        placed.clear();
        grid.clear();
        offers.sort(Comparator.comparing((Offer o) -> !o.selected()).thenComparing(Offer::kind).thenComparingInt(Offer::order));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        Font current = null;
        for (Offer o : offers) {
            double[] size = measure(o.text(), o.font());
            Bounds box = place(o, size[0], size[1]);
            if (box == null) {
                continue;
            }
            add(grid, box);
            placed.add(new Placed(o.kind(), o.text(), box));
            if (o.font() != current) {
                current = o.font();
                g.setFont(current);
            }
            MapText.haloed(g, o.text(), box.getMinX() + PADDING / 2, box.getMinY() + box.getHeight() / 2, o.haloAlpha(), o.argb());
        }
        return placed.size();
    }

    private Bounds place(Offer o, double w, double h) {
        double pw = w + PADDING;
        double ph = h + PADDING;
        if (o.centred()) {
            Bounds b = new BoundingBox(o.x() - pw / 2, o.y() - ph / 2, pw, ph);
            return free(b, o) ? b : null;
        }
        double[][] candidates = {
            {o.x() + o.gap(), o.y() - ph / 2},
            {o.x() - o.gap() - pw, o.y() - ph / 2},
            {o.x() - pw / 2, o.y() - o.gap() - ph},
            {o.x() - pw / 2, o.y() + o.gap()},
        };
        for (double[] c : candidates) {
            Bounds b = new BoundingBox(c[0], c[1], pw, ph);
            if (free(b, o)) {
                return b;
            }
        }
        return null;
    }

    private boolean free(Bounds b, Offer o) {
        return !(!o.selected() && hits(obstacles, b)) && !hits(grid, b);
    }

    /** Whether a box of the index (cells of {@link #CELL} px) intersects {@code b}. */
    private static boolean hits(Map<Long, List<Bounds>> index, Bounds b) {
        for (long cell : cells(b)) {
            List<Bounds> in = index.get(cell);
            if (in != null) {
                for (Bounds other : in) {
                    if (other.intersects(b)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void add(Map<Long, List<Bounds>> index, Bounds b) {
        for (long cell : cells(b)) {
            index.computeIfAbsent(cell, k -> new ArrayList<>(4)).add(b);
        }
    }

    private static long[] cells(Bounds b) {
        int x0 = (int) Math.floor(b.getMinX() / CELL);
        int x1 = (int) Math.floor(b.getMaxX() / CELL);
        int y0 = (int) Math.floor(b.getMinY() / CELL);
        int y1 = (int) Math.floor(b.getMaxY() / CELL);
        long[] out = new long[(x1 - x0 + 1) * (y1 - y0 + 1)];
        int i = 0;
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                out[i++] = ((long) x << 32) ^ (y & 0xFFFFFFFFL);
            }
        }
        return out;
    }

    /** Width and height of the text in the font, measured once. */
    private double[] measure(String text, Font font) {
        String key = font.getName() + '\u0000' + font.getSize() + '\u0000' + text;
        double[] size = measured.get(key);
        if (size == null) {
            if (measured.size() >= MAX_MEASURED) {
                measured.clear(); // ages and counts change: never grows without bound
            }
            probe.setFont(font);
            probe.setText(text);
            Bounds b = probe.getLayoutBounds();
            size = new double[] {Math.ceil(b.getWidth()) + 1, Math.ceil(b.getHeight())};
            measured.put(key, size);
        }
        return size;
    }

    /** The labels drawn in the last frame (for tests). */
    List<Placed> placed() {
        return List.copyOf(placed);
    }

    /** How many labels of a kind were drawn in the last frame (for tests). */
    int placed(Kind kind) {
        int n = 0;
        for (Placed p : placed) {
            if (p.kind() == kind) {
                n++;
            }
        }
        return n;
    }
}
