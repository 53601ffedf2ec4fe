package org.commandroom.core.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * When an incident counts as a repeat (一人多警、一事多警): at least {@code minCount} incidents, this one
 * included, within {@code window} before it (the boundary included) that share its caller number, or its
 * address, or lie within {@code radiusMetres} of it. Each criterion is counted on its own.
 * Defaults: 2 in 30 days, 50 m. Stored in {@code app_setting} under the {@code repeat.*} keys.
 */
public record RepeatRule(int minCount, Duration window, double radiusMetres) {

    public static final String KEY_MIN_COUNT = "repeat.min_count";
    public static final String KEY_WINDOW_DAYS = "repeat.window_days";
    public static final String KEY_RADIUS_M = "repeat.radius_m";

    public RepeatRule {
        if (minCount < 2) {
            throw new IllegalArgumentException("a repeat needs at least 2 incidents, got " + minCount);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the repeat window must be positive, got " + window);
        }
        if (!(radiusMetres >= 0)) {
            throw new IllegalArgumentException("the repeat radius must be 0 m or more, got " + radiusMetres);
        }
    }

    public static RepeatRule defaults() {
        return new RepeatRule(2, Duration.ofDays(30), 50);
    }

    /** The rule configured in {@code app_setting}, each missing key taking its default. */
    public static RepeatRule load(Jdbi jdbi) {
        Map<String, String> settings = jdbi.withHandle(h -> h.createQuery(
                        "SELECT setting_key, setting_value FROM app_setting WHERE setting_key IN (:a, :b, :c)")
                .bind("a", KEY_MIN_COUNT).bind("b", KEY_WINDOW_DAYS).bind("c", KEY_RADIUS_M)
                .setMapKeyColumn("setting_key").setMapValueColumn("setting_value")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() { }));
        RepeatRule d = defaults();
        try {
            int k = Optional.ofNullable(settings.get(KEY_MIN_COUNT)).map(String::trim).map(Integer::parseInt).orElse(d.minCount());
            long days = Optional.ofNullable(settings.get(KEY_WINDOW_DAYS)).map(String::trim).map(Long::parseLong)
                    .orElse(d.window().toDays());
            double r = Optional.ofNullable(settings.get(KEY_RADIUS_M)).map(String::trim).map(Double::parseDouble)
                    .orElse(d.radiusMetres());
            return new RepeatRule(k, Duration.ofDays(days), r);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("repeat.* settings must be numbers: " + settings, e);
        }
    }

    public long windowDays() {
        return window.toDays();
    }
}
