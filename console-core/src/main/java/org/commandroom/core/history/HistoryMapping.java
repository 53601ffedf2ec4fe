package org.commandroom.core.history;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.incident.IncidentType;

/**
 * How the columns of one source's history files become incidents: which column fills which field, the format of each
 * time column and the zone its times are in, the datum of its coordinates, and the tables that map the source's
 * priorities onto the console's levels (1 urgent, 2 prompt, 3 routine) and its call types onto the console's incident
 * types. A type the table does not name is a problem of the file, unless {@link #otherType} says where such types go.
 *
 * <p>{@link #toText()} writes it as properties text (UTF-8), which {@link #parse} reads back: what is stored per source
 * in {@code history_mapping} and what {@code console-admin import history --mapping-from-file} reads:
 * <pre>
 * source=old-cad
 * zone=Asia/Shanghai
 * datum=WGS84
 * column.external_id=警情编号
 * column.received_at=报警时间
 * format.received_at=YMD_SLASH
 * priority.1=1
 * type.盗窃=PICKPOCKET
 * other_type=HELP_OTHER
 * </pre>
 */
public record HistoryMapping(String source, Map<HistoryField, String> columns, Map<HistoryField, TimeFormat> formats,
                             ZoneId zone, Datum datum, Map<String, Integer> priorities,
                             Map<String, IncidentType> types, IncidentType otherType) {

    /** The zone a source's times are read in unless it says otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public HistoryMapping {
        columns = Collections.unmodifiableMap(new EnumMap<>(withEmpty(columns)));
        formats = Collections.unmodifiableMap(new EnumMap<>(withEmptyFormats(formats)));
        priorities = Collections.unmodifiableMap(new LinkedHashMap<>(priorities));
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        zone = zone == null ? DEFAULT_ZONE : zone;
        datum = datum == null ? Datum.WGS84 : datum;
        source = source == null ? "" : source.strip();
    }

    private static Map<HistoryField, String> withEmpty(Map<HistoryField, String> m) {
        return m.isEmpty() ? new EnumMap<>(HistoryField.class) : m;
    }

    private static Map<HistoryField, TimeFormat> withEmptyFormats(Map<HistoryField, TimeFormat> m) {
        return m.isEmpty() ? new EnumMap<>(HistoryField.class) : m;
    }

    /** The column mapped onto a field, or null. */
    public String column(HistoryField f) {
        return columns.get(f);
    }

    /** A copy with another source name. */
    public HistoryMapping withSource(String name) {
        return new HistoryMapping(name, columns, formats, zone, datum, priorities, types, otherType);
    }

    // ---- proposal -----------------------------------------------------------------------------------------------

    /**
     * A mapping proposed for a file: each field onto the column whose header is most like one of its names
     * ({@link HistoryField#names()}), a time format detected from each time column's values, the priority scale
     * spread over the console's three levels, and the types recognised by keyword. Where {@code saved} (the source's
     * stored mapping) names a column the file has, its choices are kept instead, and its tables extended.
     */
    public static HistoryMapping propose(String source, HistoryTable table, HistoryMapping saved) {
        Map<HistoryField, String> columns = new EnumMap<>(HistoryField.class);
        if (saved != null) {
            saved.columns().forEach((f, c) -> {
                if (table.column(c) >= 0) {
                    columns.put(f, c);
                }
            });
        }
        record Score(HistoryField field, String column, int score) {
        }
        List<Score> scores = new ArrayList<>();
        for (HistoryField f : HistoryField.values()) {
            for (String h : table.header()) {
                int s = similarity(f, h);
                if (s >= 60) {
                    scores.add(new Score(f, h, s));
                }
            }
        }
        scores.sort((a, b) -> Integer.compare(b.score(), a.score()));
        for (Score s : scores) {
            if (!columns.containsKey(s.field()) && !columns.containsValue(s.column())) {
                columns.put(s.field(), s.column());
            }
        }
        ZoneId zone = saved != null ? saved.zone() : DEFAULT_ZONE;
        Map<HistoryField, TimeFormat> formats = new EnumMap<>(HistoryField.class);
        columns.forEach((f, c) -> {
            if (f.time()) {
                TimeFormat kept = saved == null ? null : saved.formats().get(f);
                List<String> values = table.samples(c, 50);
                if (kept != null && values.stream().allMatch(v -> kept.parse(v, zone).isPresent())) {
                    formats.put(f, kept);
                } else {
                    TimeFormat t = TimeFormat.detect(table, c, zone).format();
                    if (t != null) {
                        formats.put(f, t);
                    }
                }
            }
        });
        Map<String, Integer> priorities = new LinkedHashMap<>();
        if (columns.containsKey(HistoryField.PRIORITY)) {
            Map<String, Integer> found = table.distinct(columns.get(HistoryField.PRIORITY));
            Map<String, Integer> proposed = proposePriorities(found.keySet());
            for (String v : sortedValues(found.keySet())) {
                Integer kept = saved == null ? null : saved.priorities().get(v);
                Integer level = kept != null ? kept : proposed.get(v);
                if (level != null) {
                    priorities.put(v, level);
                }
            }
        }
        Map<String, IncidentType> types = new LinkedHashMap<>();
        if (columns.containsKey(HistoryField.TYPE)) {
            for (String v : table.distinct(columns.get(HistoryField.TYPE)).keySet()) {
                IncidentType kept = saved == null ? null : saved.types().get(v);
                IncidentType t = kept != null ? kept : proposeType(v);
                if (t != null) {
                    types.put(v, t);
                }
            }
        }
        return new HistoryMapping(source, columns, formats, zone, saved == null ? Datum.WGS84 : saved.datum(),
                priorities, types, saved == null ? null : saved.otherType());
    }

    /** How alike a header is to a field's names, 0 to 100. */
    static int similarity(HistoryField f, String header) {
        String h = normal(header);
        if (h.isEmpty()) {
            return 0;
        }
        int best = 0;
        for (String name : f.names()) {
            String n = normal(name);
            if (n.isEmpty()) {
                continue;
            }
            int s = 0;
            if (h.equals(n)) {
                s = 100;
            } else if (Math.min(h.length(), n.length()) >= 2 && (h.contains(n) || n.contains(h))) {
                s = 50 + 40 * Math.min(h.length(), n.length()) / Math.max(h.length(), n.length());
            }
            best = Math.max(best, s);
        }
        if (best > 0 && best < 100 && f.time() && isTimeWord(header)) {
            best += 5;
        }
        return best;
    }

    private static boolean isTimeWord(String header) {
        String l = header.toLowerCase(Locale.ROOT);
        return l.contains("time") || l.contains("dttm") || l.contains("date") || header.contains("时间");
    }

    /** Lower case, letters and digits only, without the words every time column has (date, time, 时间, 日期). */
    static String normal(String s) {
        String l = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return l.replace("datetime", "").replace("dttm", "").replace("date", "").replace("time", "")
                .replace("时间", "").replace("日期", "");
    }

    /**
     * Spreads a numeric scale (1-7, 0-4, P1-P5, …) evenly over the three levels, the smallest number being the most
     * urgent; words (紧急, urgent, high, …) by meaning. Values neither can read are left out for the user.
     */
    static Map<String, Integer> proposePriorities(java.util.Collection<String> values) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String v : values) {
            String digits = v.replaceAll("[^0-9]", "");
            if (!digits.isEmpty() && digits.length() <= 3 && v.replaceAll("(?i)[0-9p级\\s]", "").isEmpty()) {
                numbers.put(v, Integer.parseInt(digits));
            } else {
                Integer w = priorityWord(v);
                if (w != null) {
                    out.put(v, w);
                }
            }
        }
        if (!numbers.isEmpty()) {
            int min = Collections.min(numbers.values());
            int max = Collections.max(numbers.values());
            numbers.forEach((v, n) -> out.put(v, max == min ? 2 : 1 + (n - min) * 3 / (max - min + 1)));
        }
        return out;
    }

    private static Integer priorityWord(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        if (l.contains("urgent") || l.contains("emergency") || l.contains("high") || l.contains("紧急")
                || l.contains("一级") || l.contains("特急")) {
            return 1;
        }
        if (l.contains("medium") || l.contains("normal") || l.contains("二级") || l.contains("较急")) {
            return 2;
        }
        if (l.contains("low") || l.contains("routine") || l.contains("三级") || l.contains("一般")) {
            return 3;
        }
        return null;
    }

    /** Keywords, most specific first, that say which console type a foreign call type is. */
    private static final List<Map.Entry<IncidentType, List<String>>> TYPE_WORDS = List.of(
            Map.entry(IncidentType.TRAFFIC_INJURY, List.of("injury accident", "伤人事故", "交通事故伤")),
            Map.entry(IncidentType.BURGLARY, List.of("burglary", "break-in", "break in", "入室")),
            Map.entry(IncidentType.ROBBERY, List.of("robbery", "holdup", "hold up", "抢劫", "抢夺")),
            Map.entry(IncidentType.EBIKE_THEFT, List.of("bicycle", "bike", "电动车", "电瓶车")),
            Map.entry(IncidentType.TELECOM_FRAUD, List.of("fraud", "scam", "诈骗")),
            Map.entry(IncidentType.PICKPOCKET, List.of("pickpocket", "larceny", "theft", "扒窃", "盗窃", "被盗")),
            Map.entry(IncidentType.ASSAULT, List.of("assault", "shooting", "shots", "stabbing", "伤害", "持刀")),
            Map.entry(IncidentType.FIGHT, List.of("fight", "打架", "斗殴", "殴打")),
            Map.entry(IncidentType.GAMBLING_VICE, List.of("gambling", "prostitution", "vice", "赌博", "卖淫", "嫖娼")),
            Map.entry(IncidentType.SUSPICIOUS_PERSON, List.of("suspicious", "可疑")),
            Map.entry(IncidentType.NOISE, List.of("noise", "fireworks", "噪音", "扰民")),
            Map.entry(IncidentType.TRAFFIC_ACCIDENT, List.of("accident", "collision", "crash", "leaving scene",
                    "交通事故", "车祸", "剐蹭")),
            Map.entry(IncidentType.TRAFFIC_JAM, List.of("traffic", "parking", "拥堵", "堵车", "违停")),
            Map.entry(IncidentType.FAMILY_DISPUTE, List.of("domestic", "家庭纠纷", "家暴", "家庭")),
            Map.entry(IncidentType.NEIGHBOUR_DISPUTE, List.of("neighbor", "neighbour", "邻里")),
            Map.entry(IncidentType.LABOUR_DISPUTE, List.of("labor", "labour", "wage", "劳资", "欠薪")),
            Map.entry(IncidentType.CONSUMER_DISPUTE, List.of("consumer", "消费")),
            Map.entry(IncidentType.SELF_HARM_RISK, List.of("suicide", "自杀", "轻生")),
            Map.entry(IncidentType.MISSING_PERSON, List.of("missing", "走失", "失踪")),
            Map.entry(IncidentType.NON_POLICE, List.of("non-police", "非警务")),
            Map.entry(IncidentType.HELP_OTHER, List.of("calling for help", "sick", "welfare", "求助")));

    /** The console type a foreign call type is recognised as, or null. */
    static IncidentType proposeType(String foreign) {
        String l = foreign.toLowerCase(Locale.ROOT).strip();
        for (IncidentType t : IncidentType.values()) {
            if (t.name().equalsIgnoreCase(l)) {
                return t;
            }
        }
        for (Map.Entry<IncidentType, List<String>> e : TYPE_WORDS) {
            for (String w : e.getValue()) {
                if (l.contains(w)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Numbers in numeric order, then the rest in text order. */
    static List<String> sortedValues(java.util.Collection<String> values) {
        List<String> out = new ArrayList<>(values);
        out.sort((a, b) -> {
            boolean na = a.matches("\\d{1,9}");
            boolean nb = b.matches("\\d{1,9}");
            if (na && nb) {
                return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
            }
            return na ? -1 : nb ? 1 : a.compareTo(b);
        });
        return out;
    }

    // ---- text form ----------------------------------------------------------------------------------------------

    /** The mapping as properties text, keys sorted (see the class comment). */
    public String toText() {
        Map<String, String> p = new TreeMap<>();
        p.put("source", source);
        p.put("zone", zone.getId());
        p.put("datum", datum.name());
        columns.forEach((f, c) -> p.put("column." + f.key(), c));
        formats.forEach((f, t) -> p.put("format." + f.key(), t.name()));
        priorities.forEach((v, l) -> p.put("priority." + v, Integer.toString(l)));
        types.forEach((v, t) -> p.put("type." + v, t.name()));
        if (otherType != null) {
            p.put("other_type", otherType.name());
        }
        Properties props = new Properties();
        props.putAll(p);
        StringWriter w = new StringWriter();
        try {
            props.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>(w.toString().lines().filter(l -> !l.startsWith("#")).toList());
        Collections.sort(lines);
        return "# console history mapping\n" + String.join("\n", lines) + "\n";
    }

    /** A mapping that cannot be read, with every wrong line named. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        public Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads {@link #toText()}'s form; unknown keys and wrong values are problems. */
    public static HistoryMapping parse(String text) throws Invalid {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(List.of("not a properties text: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<HistoryField, String> columns = new EnumMap<>(HistoryField.class);
        Map<HistoryField, TimeFormat> formats = new EnumMap<>(HistoryField.class);
        Map<String, Integer> priorities = new LinkedHashMap<>();
        Map<String, IncidentType> types = new LinkedHashMap<>();
        String source = "";
        ZoneId zone = DEFAULT_ZONE;
        Datum datum = Datum.WGS84;
        IncidentType other = null;
        for (String key : new TreeMap<>(Map.copyOf(toStrings(props))).keySet()) {
            String value = props.getProperty(key).strip();
            if (key.equals("source")) {
                source = value;
            } else if (key.equals("zone")) {
                try {
                    zone = ZoneId.of(value);
                } catch (DateTimeException e) {
                    problems.add("zone: '" + value + "' is not a time zone (e.g. Asia/Shanghai)");
                }
            } else if (key.equals("datum")) {
                try {
                    datum = Datum.valueOf(value.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("datum: '" + value + "' is not WGS84 or GCJ02");
                }
            } else if (key.equals("other_type")) {
                other = type(value, key, problems);
            } else if (key.startsWith("column.")) {
                HistoryField f = HistoryField.ofKey(key.substring(7));
                if (f == null) {
                    problems.add(key + ": no such field");
                } else if (!value.isEmpty()) {
                    columns.put(f, value);
                }
            } else if (key.startsWith("format.")) {
                HistoryField f = HistoryField.ofKey(key.substring(7));
                TimeFormat t = TimeFormat.of(value);
                if (f == null || !f.time()) {
                    problems.add(key + ": no such time field");
                } else if (t == null) {
                    problems.add(key + ": '" + value + "' is not one of ISO, YMD_DASH, YMD_SLASH, US_12H, EPOCH_SECONDS");
                } else {
                    formats.put(f, t);
                }
            } else if (key.startsWith("priority.")) {
                if (!value.matches("[123]")) {
                    problems.add(key + ": '" + value + "' is not a level 1, 2 or 3");
                } else {
                    priorities.put(key.substring(9).strip(), Integer.parseInt(value));
                }
            } else if (key.startsWith("type.")) {
                IncidentType t = type(value, key, problems);
                if (t != null) {
                    types.put(key.substring(5).strip(), t);
                }
            } else {
                problems.add(key + ": unknown key");
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new HistoryMapping(source, columns, formats, zone, datum, priorities, types, other);
    }

    private static Map<String, String> toStrings(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static IncidentType type(String value, String key, List<String> problems) {
        try {
            return IncidentType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": '" + value + "' is not an incident type");
            return null;
        }
    }
}
