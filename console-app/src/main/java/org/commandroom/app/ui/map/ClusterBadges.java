package org.commandroom.app.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cluster badges (a disc with the count) drawn once with Java2D and then only copied: on the
 * software pipeline, rasterising hundreds of antialiased ovals and strings every frame costs more
 * than drawing 150,000 camera pixels. The pixels are blended into the map's composed image. Keyed
 * by text, radius and online share (in tenths); a small LRU cache. FX thread only.
 */
final class ClusterBadges {

    private static final int MAX_ENTRIES = 600;

    /** A badge's premultiplied ARGB pixels, {@code size} x {@code size}. */
    record Badge(int[] pixels, int size) {
    }

    private final Map<String, Badge> cache = new LinkedHashMap<>(MAX_ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Badge> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Font font = new Font(family(), Font.BOLD, 11);

    Badge badge(String text, int radius, int onlineTenths) {
        return cache.computeIfAbsent(text + '|' + radius + '|' + onlineTenths, k -> render(text, radius, onlineTenths));
    }

    private Badge render(String text, int radius, int onlineTenths) {
        int size = 2 * radius + 4;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int alpha = (int) Math.round(255 * (0.30 + 0.45 * onlineTenths / 10.0));
            g.setColor(new Color((alpha << 24) | (MapPalette.CLUSTER & 0xFFFFFF), true));
            g.fillOval(2, 2, 2 * radius, 2 * radius);
            g.setColor(new Color(MapPalette.CLUSTER, true));
            g.setStroke(new BasicStroke(1.5f));
            g.drawOval(2, 2, 2 * radius - 1, 2 * radius - 1);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            g.setColor(new Color(MapPalette.TEXT, true));
            g.drawString(text, 2 + radius - fm.stringWidth(text) / 2f, 2 + radius + (fm.getAscent() - fm.getDescent()) / 2f);
        } finally {
            g.dispose();
        }
        return new Badge(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), size);
    }

    private static String family() {
        Set<String> installed = new HashSet<>(Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        for (String f : MapPalette.CJK_FONT_FAMILIES) {
            if (installed.contains(f)) {
                return f;
            }
        }
        return Font.SANS_SERIF;
    }
}
