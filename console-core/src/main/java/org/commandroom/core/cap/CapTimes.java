package org.commandroom.core.cap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/** CAP 1.2's dateTime: {@code 2026-12-07T19:05:00+08:00}, always with a numeric offset, no fraction, no "Z". */
final class CapTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");

    private CapTimes() {
    }

    static String format(OffsetDateTime t) {
        return FORMAT.format(t.withNano(0));
    }

    /** The time, or null when {@code text} is not in CAP's form or not a real time. */
    static OffsetDateTime parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
