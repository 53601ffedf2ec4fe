package org.commandroom.core.prevention;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;

/**
 * The water-meter models (seed 000: "对水表查抄数据的建模分析,搭建疑似新增入住、疑似搬离、疑似群租…技战法模型") and their
 * rules, kept as data (tables {@code model_alert_rule} and {@code model_alert_threshold}, defaults in migration V37).
 *
 * <p>A meter's readings, in date order, make intervals; an interval's rate is the water used over it divided by its
 * days (m³ a day). Each model looks at the <em>latest</em> stretch of intervals (a run of intervals, ending with the
 * newest, that all meet a condition) and the run just before it (docs/PREVENTION.md, "The models"):
 * <ul>
 *   <li>{@code SUDDEN_OCCUPANCY} 疑似新增入住: the latest run uses at least {@code occupiedRate} a day, and the run before
 *       it, at most {@code vacantRate} a day, lasted at least {@code vacantDays}: a vacant flat is lived in.</li>
 *   <li>{@code GONE_SILENT} 疑似搬离: the latest run, at most {@code silentRate} a day, has lasted at least
 *       {@code silentDays}, and the run before it used at least {@code occupiedRate} a day for at least
 *       {@code occupiedDays}: a long-occupied flat has stopped using water.</li>
 *   <li>{@code GROUP_RENTING} 疑似群租: the latest run uses water for at least {@code minPersons} people at
 *       {@code perPersonRate} a person a day, for at least {@code minDays}. Not asked of a house the register already
 *       has as group-rented.</li>
 * </ul>
 * The models read flats only: self-occupied, rented and group-rented houses, not sites or key units.
 */
public final class MeterModels {

    public static final String SUDDEN_OCCUPANCY = "SUDDEN_OCCUPANCY";
    public static final String GONE_SILENT = "GONE_SILENT";
    public static final String GROUP_RENTING = "GROUP_RENTING";

    /** The thresholds each rule must have. */
    static final Map<String, List<String>> THRESHOLDS = Map.of(
            SUDDEN_OCCUPANCY, List.of("vacantRate", "vacantDays", "occupiedRate"),
            GONE_SILENT, List.of("occupiedRate", "occupiedDays", "silentRate", "silentDays"),
            GROUP_RENTING, List.of("perPersonRate", "minPersons", "minDays"));

    /** At most this many readings are quoted as an alert's evidence (the newest). */
    static final int EVIDENCE_READINGS = 12;

    /** One rule as stored: whether it runs, how long its orders have, its thresholds by name. */
    public record Rule(String code, String nameZh, String nameEn, boolean enabled, int feedbackDays,
                       Map<String, Double> thresholds) {
        public Rule {
            thresholds = Map.copyOf(thresholds);
        }

        double t(String name) {
            Double v = thresholds.get(name);
            if (v == null) {
                throw new IllegalStateException("rule " + code + " has no threshold " + name);
            }
            return v;
        }
    }

    /** What a model found on one meter: the rule, the first day of the stretch that triggered it, the readings. */
    public record Finding(String rule, LocalDate episodeStart, List<MeterReading> evidence, double rateBefore, double rateNow,
                          int daysNow) {
    }

    private final Map<String, Rule> rules;

    public MeterModels(List<Rule> rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        rules.forEach(r -> m.put(r.code(), r));
        this.rules = Map.copyOf(m);
    }

    public static MeterModels defaults() {
        return new MeterModels(List.of(
                new Rule(SUDDEN_OCCUPANCY, "疑似新增入住", "sudden occupancy of a vacant flat", true, 5,
                        Map.of("vacantRate", 0.03, "vacantDays", 60.0, "occupiedRate", 0.15)),
                new Rule(GONE_SILENT, "疑似搬离", "long-occupied flat gone silent", true, 7,
                        Map.of("occupiedRate", 0.15, "occupiedDays", 180.0, "silentRate", 0.03, "silentDays", 45.0)),
                new Rule(GROUP_RENTING, "疑似群租", "consumption suggests group renting", true, 5,
                        Map.of("perPersonRate", 0.12, "minPersons", 8.0, "minDays", 28.0))));
    }

    /** The rules in the database. */
    public static MeterModels load(Handle h) {
        Map<String, Map<String, Double>> t = new LinkedHashMap<>();
        h.createQuery("SELECT rule_code, name, val FROM model_alert_threshold ORDER BY rule_code, name")
                .map((rs, ctx) -> {
                    t.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
                    return 0;
                }).list();
        List<Rule> rules = h.createQuery("SELECT code, name_zh, name_en, enabled, feedback_days FROM model_alert_rule ORDER BY code")
                .map((rs, ctx) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
                        t.getOrDefault(rs.getString(1), Map.of())))
                .list();
        return new MeterModels(rules);
    }

    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<Rule> rule(String code) {
        return Optional.ofNullable(rules.get(code));
    }

    /** What makes these rules unusable, in English (empty when they can be saved). */
    public List<String> problems() {
        return fieldProblems().stream()
                .map(p -> p.field() == null ? p.text().english() : "rule " + p.rule() + ": " + p.text().english()).toList();
    }

    /**
     * A problem of the rules, located: the rule, the field it is about ({@code feedbackDays} or a threshold's name; null
     * for the rule as a whole) and what is wrong, to be said beside the field in the user's language.
     */
    public record RuleProblem(String rule, String field, Text text) {
    }

    /** Rules refused: their problems, each with its rule and field. */
    public static final class InvalidRules extends IllegalArgumentException {
        private final transient List<RuleProblem> problems;

        public InvalidRules(List<RuleProblem> problems) {
            super(problems.stream().map(p -> p.rule() + (p.field() == null ? "" : "." + p.field()) + ": " + p.text().english())
                    .reduce((a, b) -> a + "; " + b).orElse(""));
            this.problems = List.copyOf(problems);
        }

        public List<RuleProblem> problems() {
            return problems;
        }
    }

    /** What makes these rules unusable, each problem with its rule and field (empty when they can be saved). */
    public List<RuleProblem> fieldProblems() {
        List<RuleProblem> out = new ArrayList<>();
        for (String code : List.of(SUDDEN_OCCUPANCY, GONE_SILENT, GROUP_RENTING)) {
            Rule r = rules.get(code);
            if (r == null) {
                out.add(new RuleProblem(code, null, Text.of("core.modelRule.missing", code)));
                continue;
            }
            if (r.feedbackDays() < 1 || r.feedbackDays() > 60) {
                out.add(new RuleProblem(code, "feedbackDays", Text.of("core.modelRule.feedbackDays", 1, 60)));
            }
            for (String name : THRESHOLDS.get(code)) {
                Double v = r.thresholds().get(name);
                if (v == null || !Double.isFinite(v) || v < 0) {
                    out.add(new RuleProblem(code, name, Text.of("core.modelRule.threshold", name)));
                }
            }
        }
        Rule s = rules.get(SUDDEN_OCCUPANCY);
        if (s != null && out.isEmpty() && s.t("vacantRate") >= s.t("occupiedRate")) {
            out.add(new RuleProblem(SUDDEN_OCCUPANCY, "vacantRate", Text.of("core.modelRule.vacantBelowOccupied")));
        }
        Rule g = rules.get(GONE_SILENT);
        if (g != null && out.isEmpty() && g.t("silentRate") >= g.t("occupiedRate")) {
            out.add(new RuleProblem(GONE_SILENT, "silentRate", Text.of("core.modelRule.silentBelowOccupied")));
        }
        rules.keySet().stream().filter(c -> !THRESHOLDS.containsKey(c))
                .forEach(c -> out.add(new RuleProblem(c, null, Text.of("core.modelRule.unknown", c))));
        return out;
    }

    /** One interval between two readings of a meter. */
    record Interval(MeterReading from, MeterReading to) {
        long days() {
            return ChronoUnit.DAYS.between(from.readOn(), to.readOn());
        }

        double rate() {
            return (to.reading() - from.reading()) / days();
        }
    }

    /** A run of intervals ending at index {@code end} (inclusive), from {@code start}. */
    private record Run(List<Interval> intervals, int start, int end) {
        long days() {
            return intervals.subList(start, end + 1).stream().mapToLong(Interval::days).sum();
        }

        double rate() {
            double used = intervals.get(end).to().reading() - intervals.get(start).from().reading();
            return used / days();
        }

        LocalDate startDay() {
            return intervals.get(start).from().readOn();
        }
    }

    /**
     * What the enabled models find on one meter's readings (any order; the same day twice is not expected). A house of a
     * kind the models do not read gives nothing.
     */
    public List<Finding> evaluate(List<MeterReading> readings, HouseKind kind) {
        if (kind == HouseKind.CONSTRUCTION_SITE || kind == HouseKind.KEY_UNIT) {
            return List.of();
        }
        List<MeterReading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(MeterReading::readOn));
        List<Interval> intervals = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).readOn().isAfter(sorted.get(i - 1).readOn())) {
                intervals.add(new Interval(sorted.get(i - 1), sorted.get(i)));
            }
        }
        List<Finding> out = new ArrayList<>();
        if (intervals.isEmpty()) {
            return out;
        }
        Rule s = rules.get(SUDDEN_OCCUPANCY);
        if (s != null && s.enabled()) {
            Run now = trailing(intervals, intervals.size() - 1, r -> r >= s.t("occupiedRate"));
            Run before = now == null ? null : trailing(intervals, now.start() - 1, r -> r <= s.t("vacantRate"));
            if (before != null && before.days() >= s.t("vacantDays")) {
                out.add(finding(SUDDEN_OCCUPANCY, before, now));
            }
        }
        Rule g = rules.get(GONE_SILENT);
        if (g != null && g.enabled()) {
            Run now = trailing(intervals, intervals.size() - 1, r -> r <= g.t("silentRate"));
            if (now != null && now.days() >= g.t("silentDays")) {
                Run before = trailing(intervals, now.start() - 1, r -> r >= g.t("occupiedRate"));
                if (before != null && before.days() >= g.t("occupiedDays")) {
                    out.add(finding(GONE_SILENT, before, now));
                }
            }
        }
        Rule gr = rules.get(GROUP_RENTING);
        if (gr != null && gr.enabled() && kind != HouseKind.GROUP_RENTED) {
            double perDay = gr.t("perPersonRate") * gr.t("minPersons");
            Run now = trailing(intervals, intervals.size() - 1, r -> r >= perDay);
            if (now != null && now.days() >= gr.t("minDays")) {
                Run before = now.start() == 0 ? null : trailing(intervals, now.start() - 1, r -> true);
                out.add(finding(GROUP_RENTING, before, now));
            }
        }
        return out;
    }

    /** The longest run ending at {@code end} whose intervals' rates all pass; null when the interval at end does not. */
    private static Run trailing(List<Interval> intervals, int end, DoublePredicate rate) {
        if (end < 0 || !rate.test(intervals.get(end).rate())) {
            return null;
        }
        int start = end;
        while (start > 0 && rate.test(intervals.get(start - 1).rate())) {
            start--;
        }
        return new Run(intervals, start, end);
    }

    private static Finding finding(String rule, Run before, Run now) {
        List<MeterReading> evidence = new ArrayList<>();
        int from = before != null ? before.start() : now.start();
        evidence.add(now.intervals().get(from).from());
        for (int i = from; i <= now.end(); i++) {
            evidence.add(now.intervals().get(i).to());
        }
        if (evidence.size() > EVIDENCE_READINGS) {
            evidence = evidence.subList(evidence.size() - EVIDENCE_READINGS, evidence.size());
        }
        return new Finding(rule, now.startDay(), List.copyOf(evidence), before == null ? Double.NaN : before.rate(), now.rate(),
                (int) now.days());
    }
}
