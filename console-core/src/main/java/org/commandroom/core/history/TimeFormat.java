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
    EPOCH_SECONDS("epoch seconds"),
    /** {@code 28/1/2021 20:24[:14]}, day first. Detected only when a value's first field is over 12. */
    DMY_SLASH("d/M/yyyy H:mm[:ss]"),
    /** {@code 1/28/2021 20:24[:14]}, month first, 24-hour clock. Detected only when a value's second field is over 12. */
    MDY_SLASH("M/d/yyyy H:mm[:ss]"),
    /** {@code 28.01.2021 20:24[:14]}, day first. Detected only when a value's first field is over 12. */
    DMY_DOT("d.M.yyyy H:mm[:ss]");

    private static final DateTimeFormatter DASH = strict("uuuu-M-d H:mm[:ss][.SSS]", false);
    private static final DateTimeFormatter SLASH = strict("uuuu/M/d H:mm[:ss]", false);
    private static final DateTimeFormatter US = strict("M/d/uuuu h:mm[:ss] a", true);
    private static final DateTimeFormatter DMY = strict("d/M/uuuu H:mm[:ss]", false);
    private static final DateTimeFormatter MDY = strict("M/d/uuuu H:mm[:ss]", false);
    private static final DateTimeFormatter DOT = strict("d.M.uuuu H:mm[:ss]", false);
    private static final java.util.regex.Pattern SLASH_DATE = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/\\d{4}\\b.*");
    private static final java.util.regex.Pattern DOT_DATE = java.util.regex.Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.\\d{4}\\b.*");

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
                case DMY_SLASH:
                    return Optional.of(LocalDateTime.parse(v, DMY).atZone(zone).toInstant());
                case MDY_SLASH:
                    return Optional.of(LocalDateTime.parse(v, MDY).atZone(zone).toInstant());
                case DMY_DOT:
                    return Optional.of(LocalDateTime.parse(v, DOT).atZone(zone).toInstant());
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
     * reads any or when these values cannot tell day from month ({@link #detect(List, Iterable, ZoneId)}). Earlier
     * formats win a tie.
     */
    public static Optional<TimeFormat> detect(List<String> values, ZoneId zone) {
        return Optional.ofNullable(detect(values, values, zone).format());
    }

    private static TimeFormat mostValues(List<String> values, ZoneId zone) {
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
        return best;
    }

    /**
     * What a time column's values say about their format. {@code format} is the one to use, or null; when day and
     * month cannot be told apart, {@code ambiguous} names the formats the user must choose between (and format is
     * null): a format that puts the day or the month first is never guessed.
     */
    public record Detection(TimeFormat format, List<TimeFormat> ambiguous) {

        public Detection {
            ambiguous = List.copyOf(ambiguous);
        }

        public boolean isAmbiguous() {
            return !ambiguous.isEmpty();
        }
    }

    /**
     * The format of a time column: detected from its first {@code samples} non-blank values as {@link #detect} does;
     * then, when that is a slash or dot date with the day or the month first ({@link #DMY_SLASH}, {@link #MDY_SLASH},
     * {@link #DMY_DOT}), decided by all the column's values: day first only if some value's first field is over 12
     * and none's second, month first (slash only) the other way round, otherwise ambiguous.
     */
    public static Detection detect(List<String> samples, Iterable<String> allValues, ZoneId zone) {
        TimeFormat best = mostValues(samples, zone);
        if (best != DMY_SLASH && best != MDY_SLASH && best != DMY_DOT) {
            return new Detection(best, List.of());
        }
        java.util.regex.Pattern p = best == DMY_DOT ? DOT_DATE : SLASH_DATE;
        boolean dayFirst = false;
        boolean monthFirst = false;
        for (String value : allValues) {
            if (value == null) {
                continue;
            }
            java.util.regex.Matcher m = p.matcher(value.strip());
            if (m.matches()) {
                dayFirst |= Integer.parseInt(m.group(1)) > 12;
                monthFirst |= Integer.parseInt(m.group(2)) > 12;
            }
        }
        if (best == DMY_DOT) {
            return dayFirst && !monthFirst ? new Detection(DMY_DOT, List.of()) : new Detection(null, List.of(DMY_DOT));
        }
        if (dayFirst != monthFirst) {
            return new Detection(dayFirst ? DMY_SLASH : MDY_SLASH, List.of());
        }
        return new Detection(null, List.of(DMY_SLASH, MDY_SLASH));
    }

    /** {@link #detect(List, Iterable, ZoneId)} for a column of a file: its first 50 values, then all of them. */
    public static Detection detect(HistoryTable table, String column, ZoneId zone) {
        int c = table.column(column);
        if (c < 0) {
            return new Detection(null, List.of());
        }
        Iterable<String> all = () -> table.rows().stream().map(r -> c < r.size() ? r.get(c) : null).iterator();
        return detect(table.samples(column, 50), all, zone);
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
