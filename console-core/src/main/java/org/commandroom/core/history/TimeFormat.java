package org.commandroom.core.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The date-time formats a history file's time columns may use. A value without an offset is read in the source's
 * zone ({@link HistoryMapping#zone()}); an ISO value with an offset or {@code Z} keeps its own.
 */
public enum TimeFormat {
    /** {@code 2021-01-28T20:24:14}, with or without an offset or fraction. */
    ISO("ISO 8601 (2021-01-28T20:24:14[+08:00])"),
    /** {@code 2021-01-28 20:24[:14]}. */
    YMD_DASH("yyyy-MM-dd HH:mm[:ss]"),
    /** {@code 2021/1/28 20:24[:14]}. */
    YMD_SLASH("yyyy/M/d H:mm[:ss]"),
    /** {@code 1/28/2021 8:24:14 PM}, the US 12-hour clock. */
    US_12H("M/d/yyyy h:mm:ss a"),
    /** Seconds since 1970-01-01T00:00Z. */
    EPOCH_SECONDS("epoch seconds");

    private static final DateTimeFormatter DASH = strict("uuuu-M-d H:mm[:ss][.SSS]", false);
    private static final DateTimeFormatter SLASH = strict("uuuu/M/d H:mm[:ss]", false);
    private static final DateTimeFormatter US = strict("M/d/uuuu h:mm[:ss] a", true);

    private final String pattern;

    TimeFormat(String pattern) {
        this.pattern = pattern;
    }

    private static DateTimeFormatter strict(String pattern, boolean caseInsensitive) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder();
        if (caseInsensitive) {
            b.parseCaseInsensitive();
        }
        return b.appendPattern(pattern).toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The format as people write it, for the screen and the command line. */
    public String pattern() {
        return pattern;
    }

    /** The instant a value stands for, or empty when it is not in this format. */
    public Optional<Instant> parse(String value, ZoneId zone) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            switch (this) {
                case ISO:
                    if (!v.contains("T")) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(OffsetDateTime.parse(v).toInstant());
                    } catch (DateTimeException e) {
                        return Optional.of(LocalDateTime.parse(v).atZone(zone).toInstant());
                    }
                case YMD_DASH:
                    return Optional.of(LocalDateTime.parse(v, DASH).atZone(zone).toInstant());
                case YMD_SLASH:
                    return Optional.of(LocalDateTime.parse(v, SLASH).atZone(zone).toInstant());
                case US_12H:
                    return Optional.of(LocalDateTime.parse(v, US).atZone(zone).toInstant());
                case EPOCH_SECONDS:
                    if (!v.matches("\\d{1,11}")) {
                        return Optional.empty();
                    }
                    return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
                default:
                    return Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The format the most of the given non-blank values are in (all of them, for a clean column), or empty when none
     * reads any. Earlier formats win a tie.
     */
    public static Optional<TimeFormat> detect(List<String> values, ZoneId zone) {
        TimeFormat best = null;
        int bestCount = 0;
        for (TimeFormat f : values()) {
            int n = 0;
            for (String v : values) {
                if (f.parse(v, zone).isPresent()) {
                    n++;
                }
            }
            if (n > bestCount) {
                best = f;
                bestCount = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The format of a name ({@link #name()}), or null. */
    public static TimeFormat of(String name) {
        for (TimeFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        return null;
    }
}
