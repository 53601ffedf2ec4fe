package org.commandroom.core.dispatch;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentType;

/**
 * A bureau's own sign and feedback windows ({@code deadlines.properties} in the data directory, docs/ORDERS.md),
 * laid over a policy. ISO-8601 durations, longer than zero:
 *
 * <pre>
 * sign=PT30M                                  every order
 * sign.kind.&lt;OrderKind&gt;=PT20M                 orders of this kind
 * sign.kind.&lt;OrderKind&gt;.priority.&lt;1-3&gt;=PT5M  orders of this kind about an incident of this priority
 * feedback.kind.&lt;OrderKind&gt;=PT3H
 * feedback.kind.&lt;OrderKind&gt;.priority.&lt;1-3&gt;=PT1H
 * feedback.dispute.&lt;dispute IncidentType&gt;=PT6H   dispute follow-ups of this kind of dispute
 * </pre>
 *
 * An entry that cannot be used is reported with its line, key and why, and the window it meant to set keeps its
 * value; the other entries apply.
 */
public final class DeadlineTable {

    /** An entry not used: where it is (1-based line; 0 when not found), what it says and why. */
    public record Problem(int line, String key, String value, String reason) {

        /** One line for the log, e.g. {@code /data/deadlines.properties line 3: sign=半小时: ... ; the default stays}. */
        public String describe(Path file) {
            return file + (line > 0 ? " line " + line : "") + ": " + key + "=" + value + ": " + reason
                    + "; this entry is not used, its window keeps the default";
        }
    }

    /** The policy with every usable entry applied, and the entries that were not. */
    public record Result(DeadlinePolicy policy, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private DeadlineTable() {
    }

    /**
     * Reads the file (UTF-8) and lays it over {@code base}.
     *
     * @throws IOException when it cannot be read as UTF-8 text at all
     */
    public static Result read(Path file, DeadlinePolicy base) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), base);
    }

    /** Lays the table in {@code text} (properties syntax) over {@code base}. */
    public static Result parse(String text, DeadlinePolicy base) {
        DeadlinePolicy.Builder b = new DeadlinePolicy.Builder(base);
        List<Problem> problems = new ArrayList<>();
        for (Entry e : entries(text)) {
            if (e.value() == null) {
                problems.add(new Problem(e.line(), e.key(), "", "a malformed \\uXXXX escape"));
                continue;
            }
            try {
                apply(b, e.key(), e.value());
            } catch (IllegalArgumentException x) {
                problems.add(new Problem(e.line(), e.key(), e.value(), x.getMessage()));
            }
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Result(b.build(), problems);
    }

    private static void apply(DeadlinePolicy.Builder b, String key, String value) {
        String[] s = key.split("\\.", -1);
        boolean clock = s[0].equals("sign") || s[0].equals("feedback");
        if (key.equals("sign")) {
            b.sign(duration(value));
        } else if (clock && s.length >= 3 && s[1].equals("kind")
                && (s.length == 3 || s.length == 5 && s[3].equals("priority"))) {
            OrderKind kind = constant(OrderKind.class, s[2], "kind of order");
            Integer priority = s.length == 5 ? priority(s[4]) : null;
            Duration d = duration(value);
            if (s[0].equals("sign")) {
                b.sign(kind, priority, d);
            } else {
                b.feedback(kind, priority, d);
            }
        } else if (s.length == 3 && s[0].equals("feedback") && s[1].equals("dispute")) {
            IncidentType type = constant(IncidentType.class, s[2], "incident type");
            if (type.category() != IncidentCategory.DISPUTE) {
                throw new IllegalArgumentException("'" + s[2] + "' is not a kind of dispute");
            }
            b.feedback(type, duration(value));
        } else {
            throw new IllegalArgumentException("unknown key (use sign, sign.kind.<kind>, sign.kind.<kind>.priority.<1-3>, "
                    + "feedback.kind.<kind>, feedback.kind.<kind>.priority.<1-3> or feedback.dispute.<dispute type>)");
        }
    }

    private static Duration duration(String value) {
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (write PT30M, PT6H)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + value + "' must be longer than zero");
        }
        return d;
    }

    private static Integer priority(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p >= DeadlinePolicy.HIGHEST_PRIORITY && p <= DeadlinePolicy.LOWEST_PRIORITY) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "' is not a priority (1 紧急, 2 较急, 3 一般)");
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a " + what + ", one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** One entry; {@code value} null when the line could not be read at all (then {@code key} is the line). */
    private record Entry(int line, String key, String value) {
    }

    /**
     * The table's entries with the line each starts on. Each logical line (with its continuations) is read by
     * {@link Properties} itself, so escapes and separators mean what they mean to the JDK; a key given twice keeps
     * its last value, as {@code Properties} does.
     */
    private static List<Entry> entries(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<String, Entry> byKey = new HashMap<>();
        int i = 0;
        while (i < lines.length) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines[i]);
            String stripped = lines[i].stripLeading();
            boolean comment = stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!");
            while (!comment && continues(lines[i]) && i + 1 < lines.length) {
                i++;
                logical.append('\n').append(lines[i]);
            }
            i++;
            if (comment) {
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                byKey.put("\u0000" + first, new Entry(first + 1, stripped, null));
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                byKey.put(key, new Entry(first + 1, key, one.getProperty(key)));
            }
        }
        return byKey.values().stream().sorted(Comparator.comparingInt(Entry::line)).toList();
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }
}
