package org.commandroom.app.ui.common;

import java.time.Duration;

/** How durations read on screen. */
public final class Durations {

    private Durations() {
    }

    /** A waiting time as a stopwatch: {@code mm:ss} under an hour, then {@code h:mm:ss}. */
    public static String stopwatch(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%02d:%02d", m, sec);
    }

    /** An age such as "12秒前" / "3 min ago"; "no fix" when there is none. */
    public static String age(Duration d, I18n i18n) {
        if (d == null) {
            return i18n.tr("age.never");
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return i18n.tr("age.seconds", s);
        }
        if (s < 3600) {
            return i18n.tr("age.minutes", s / 60);
        }
        if (s < 86_400) {
            return i18n.tr("age.hours", s / 3600);
        }
        return i18n.tr("age.days", s / 86_400);
    }

    /** Time to a deadline: {@code 12:34} ahead, {@code -12:34} past it (h:mm:ss beyond an hour). */
    public static String countdown(Duration d) {
        return d.isNegative() ? "-" + stopwatch(d.negated()) : stopwatch(d);
    }

    /**
     * As {@link #countdown(Duration)}, but two days or more in days and hours ({@code -185天4小时}, {@code -185 d 4 h}):
     * "-4439:57:10" had to be worked out, and seconds say nothing at that distance.
     */
    public static String countdown(Duration d, I18n i18n) {
        Duration a = d.abs();
        if (a.compareTo(Duration.ofDays(2)) < 0) {
            return countdown(d);
        }
        return (d.isNegative() ? "-" : "") + i18n.tr("countdown.days", a.toDays(), a.toHoursPart());
    }

    /** A duration without a sign as {@link #countdown(Duration, I18n)} writes it. */
    public static String span(Duration d, I18n i18n) {
        return Duration.ofDays(2).compareTo(d) <= 0 ? i18n.tr("countdown.days", d.toDays(), d.toHoursPart()) : stopwatch(d);
    }
}
