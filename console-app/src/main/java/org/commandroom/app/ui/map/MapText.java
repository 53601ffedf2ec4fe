package org.commandroom.app.ui.map;

import java.time.Duration;
import java.util.Locale;

import javafx.scene.text.Font;

import org.commandroom.app.ui.common.I18n;

/**
 * The map's visible strings, from the console's one bundle in the UI language (the launcher makes it
 * the default locale), and its CJK-capable font.
 */
final class MapText {

    private static String family;
    private static volatile I18n i18n;

    private MapText() {
    }

    static String get(String key, Object... args) {
        I18n current = i18n;
        if (current == null || !current.locale().getLanguage().equals(effectiveLanguage())) {
            current = I18n.load(Locale.getDefault());
            i18n = current;
        }
        return current.tr(key, args);
    }

    private static String effectiveLanguage() {
        String lang = Locale.getDefault().getLanguage();
        return "en".equals(lang) ? "en" : "zh";
    }

    /** "35秒前", "12分钟前", "3小时前". */
    static String age(Duration age) {
        long s = age.toSeconds();
        if (s < 60) {
            return get("map.age.seconds", s);
        }
        if (s < 3600) {
            return get("map.age.minutes", s / 60);
        }
        return get("map.age.hours", s / 3600);
    }

    /** A cluster's count: as is below ten thousand, else in 万 (or k in English). */
    static String count(int n) {
        if (n < 10_000) {
            return Integer.toString(n);
        }
        return get("map.count.large", Math.round(n / 1000.0) / 10.0);
    }

    static Font font(double size, boolean bold) {
        if (family == null) {
            family = javafx.scene.text.Font.getDefault().getFamily();
            var installed = Font.getFamilies();
            for (String f : MapPalette.CJK_FONT_FAMILIES) {
                if (installed.contains(f)) {
                    family = f;
                    break;
                }
            }
        }
        return Font.font(family, bold ? javafx.scene.text.FontWeight.BOLD : javafx.scene.text.FontWeight.NORMAL, size);
    }

    /** Draws {@code text} in {@code argb} over a dark halo one pixel down and right, readable on any fill. */
    static void haloed(javafx.scene.canvas.GraphicsContext g, String text, double x, double y, double haloAlpha, int argb) {
        g.setFill(MapPalette.fx(MapPalette.TEXT_HALO, haloAlpha));
        g.fillText(text, x + 1, y + 1);
        g.setFill(MapPalette.fx(argb));
        g.fillText(text, x, y);
    }
}
