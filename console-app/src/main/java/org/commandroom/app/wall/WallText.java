package org.commandroom.app.wall;

import java.time.Duration;
import java.util.Locale;
import org.commandroom.app.ui.common.I18n;

/** Figures as the wall writes them. */
final class WallText {

    private WallText() {
    }

    /** An age: "45 秒" / "12 分钟" / "3 小时 5 分" (in the bundle's words). */
    static String age(I18n i18n, Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return i18n.tr("wall.duration.seconds", s);
        }
        if (s < 3600) {
            return i18n.tr("wall.duration.minutes", s / 60);
        }
        return i18n.tr("wall.duration.hours", s / 3600, (s % 3600) / 60);
    }

    /** A waiting time as h:mm:ss or m:ss. */
    static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A change in per cent with its sign, one decimal: "+12.5%", "−23.7%"; "—" without a base. */
    static String percent(Double p) {
        if (p == null) {
            return "—";
        }
        return (p > 0 ? "+" : p < 0 ? "−" : "±") + String.format(Locale.ROOT, "%.1f%%", Math.abs(p));
    }

    /** A change in points with its sign and an arrow: "▲ 2.3", "▼ 1.0", "— " when unknown. */
    static String points(Double change) {
        if (change == null) {
            return "—";
        }
        if (Math.abs(change) < 0.05) {
            return "± 0.0";
        }
        return (change > 0 ? "▲ " : "▼ ") + String.format(Locale.ROOT, "%.1f", Math.abs(change));
    }

    /** A month of the index in the wall's language: 2026年12月 / Dec 2026. */
    static String month(I18n i18n, org.commandroom.core.index.Period p) {
        return java.time.format.DateTimeFormatter.ofPattern(i18n.tr("wall.index.monthPattern"), i18n.locale()).format(p.start());
    }

    /**
     * The month as {@link #month}, marked provisional while it is not over at {@code now}: the chief must not read a
     * week's score as the month's (the desk's index window marks it the same way).
     */
    static String month(I18n i18n, org.commandroom.core.index.Period p, java.time.Instant now) {
        return p.provisionalAt(now) ? i18n.tr("wall.provisional", month(i18n, p)) : month(i18n, p);
    }

    /**
     * A capability's name on a gauge: the short name, as the seed article uses them (防警情 for 防警情能力, Incidents
     * for Preventing incidents).
     */
    static String capability(String name, boolean english) {
        if (english && name.startsWith("Preventing ") && name.length() > 11) {
            String rest = name.substring(11);
            return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        if (!english && name.endsWith("能力") && name.length() > 4) {
            return name.substring(0, name.length() - 2);
        }
        return name;
    }

    static String score(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }
}
