package org.commandroom.core.prevention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GridLocator;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 分色预警: each community coloured red, orange or green by a score from what the console knows of it, by a rule kept
 * as data (table {@code community_risk_param}, defaults in migration V41; docs/PREVENTION.md, "Communities coloured by
 * risk"):
 * <pre>
 * score = incidents received in the last windowDays days whose position lies in the community × incidentWeight
 *       + active houses of the register in it with at most lowStarsAtMost stars × lowStarWeight
 *       + hazards found at each of its houses' latest inspection fed back × hazardWeight
 *       + model alerts on its houses whose order is still open × alertWeight
 * red from redAt points, orange from orangeAt, green below.
 * </pre>
 * Reading the colours needs no permission (every desk shows the map); changing the rule needs
 * {@link Permission#SETUP} and is audited.
 */
public final class CommunityRisk {

    /** The names of the rule's numbers, in the form's order. */
    public static final List<String> PARAMS = List.of("windowDays", "incidentWeight", "lowStarsAtMost", "lowStarWeight",
            "hazardWeight", "alertWeight", "orangeAt", "redAt");

    /** A community's colour. */
    public enum Grade { RED, ORANGE, GREEN }

    /** The rule: the window of incidents, the weights, the stars that count as low, the two thresholds. */
    public record Rule(int windowDays, double incidentWeight, int lowStarsAtMost, double lowStarWeight, double hazardWeight,
                       double alertWeight, double orangeAt, double redAt) {

        /** The product's default, as V41 stores it. */
        public static Rule defaults() {
            return new Rule(90, 0.1, 2, 3, 2, 2, 15, 25);
        }

        /** The rule from its numbers by name (as stored); a missing one takes the default's. */
        public static Rule of(Map<String, Double> v) {
            Rule d = defaults();
            return new Rule((int) Math.round(v.getOrDefault("windowDays", (double) d.windowDays())),
                    v.getOrDefault("incidentWeight", d.incidentWeight()),
                    (int) Math.round(v.getOrDefault("lowStarsAtMost", (double) d.lowStarsAtMost())),
                    v.getOrDefault("lowStarWeight", d.lowStarWeight()), v.getOrDefault("hazardWeight", d.hazardWeight()),
                    v.getOrDefault("alertWeight", d.alertWeight()), v.getOrDefault("orangeAt", d.orangeAt()),
                    v.getOrDefault("redAt", d.redAt()));
        }

        /** The numbers by name, in {@link #PARAMS} order. */
        public Map<String, Double> values() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("windowDays", (double) windowDays);
            m.put("incidentWeight", incidentWeight);
            m.put("lowStarsAtMost", (double) lowStarsAtMost);
            m.put("lowStarWeight", lowStarWeight);
            m.put("hazardWeight", hazardWeight);
            m.put("alertWeight", alertWeight);
            m.put("orangeAt", orangeAt);
            m.put("redAt", redAt);
            return m;
        }

        /** What makes the rule unusable, each with the number it is about; empty when it can be saved. */
        public List<Problem> problems() {
            List<Problem> out = new ArrayList<>();
            if (windowDays < 1 || windowDays > 366) {
                out.add(new Problem("windowDays", Text.of("core.risk.windowDays", 1, 366)));
            }
            if (lowStarsAtMost < 1 || lowStarsAtMost > 5) {
                out.add(new Problem("lowStarsAtMost", Text.of("core.risk.lowStars")));
            }
            weight(out, "incidentWeight", incidentWeight);
            weight(out, "lowStarWeight", lowStarWeight);
            weight(out, "hazardWeight", hazardWeight);
            weight(out, "alertWeight", alertWeight);
            if (!Double.isFinite(orangeAt) || orangeAt <= 0) {
                out.add(new Problem("orangeAt", Text.of("core.risk.orangeAt")));
            }
            if (!Double.isFinite(redAt) || redAt <= orangeAt) {
                out.add(new Problem("redAt", Text.of("core.risk.redAt")));
            }
            return out;
        }

        private static void weight(List<Problem> out, String name, double v) {
            if (!Double.isFinite(v) || v < 0 || v > 100) {
                out.add(new Problem(name, Text.of("core.risk.weight", 0, 100)));
            }
        }

        /** The score of these counts. */
        public double score(int incidents, int lowStarHouses, int hazards, int openAlerts) {
            return incidents * incidentWeight + lowStarHouses * lowStarWeight + hazards * hazardWeight + openAlerts * alertWeight;
        }

        /** The colour of a score: red from {@link #redAt}, orange from {@link #orangeAt}, green below. */
        public Grade grade(double score) {
            return score >= redAt ? Grade.RED : score >= orangeAt ? Grade.ORANGE : Grade.GREEN;
        }
    }

    /** A problem of a rule: the number it is about ({@link #PARAMS}) and what is wrong. */
    public record Problem(String param, Text text) {
    }

    /** A rule refused: its problems, to be shown beside their fields. */
    public static final class InvalidRule extends IllegalArgumentException {
        private final transient List<Problem> problems;

        public InvalidRule(List<Problem> problems) {
            super(problems.stream().map(p -> p.param() + ": " + p.text().english()).reduce((a, b) -> a + "; " + b).orElse(""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** One community as assessed: its outline, the four counts, its score and colour. */
    public record Assessment(long id, String code, String name, String wkt, Datum datum, int incidents, int lowStarHouses,
                             int hazards, int openAlerts, double score, Grade grade) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;

    public CommunityRisk(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
    }

    /** The rule in force. */
    public Rule rule() {
        return jdbi.withHandle(CommunityRisk::load);
    }

    static Rule load(Handle h) {
        Map<String, Double> v = new HashMap<>();
        h.createQuery("SELECT name, val FROM community_risk_param")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2))).forEach(e -> v.put(e.getKey(), e.getValue()));
        return Rule.of(v);
    }

    /** Replaces the rule; needs {@link Permission#SETUP}; refuses an unusable one ({@link InvalidRule}). Audited. */
    public void saveRule(Rule rule, String actor) {
        guard.require(Permission.SETUP, "COMMUNITY_RISK_RULE", "COMMUNITY_RISK_RULE", null);
        List<Problem> problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRule(problems);
        }
        jdbi.useTransaction(h -> {
            for (Map.Entry<String, Double> e : rule.values().entrySet()) {
                int n = h.createUpdate("UPDATE community_risk_param SET val = :v WHERE name = :n")
                        .bind("v", e.getValue()).bind("n", e.getKey()).execute();
                if (n == 0) {
                    h.createUpdate("INSERT INTO community_risk_param (name, val) VALUES (:n, :v)")
                            .bind("v", e.getValue()).bind("n", e.getKey()).execute();
                }
            }
            guard.audit(h, clock.instant(), actor, "COMMUNITY_RISK_RULE", "COMMUNITY_RISK_RULE", null, rule.values().toString());
        });
    }

    /** Every community with its counts, score and colour by the rule in force, in code order. */
    public List<Assessment> assess() {
        return jdbi.withHandle(h -> assess(h, load(h), clock.instant()));
    }

    /**
     * Every community as {@link #assess()} gives it, by the rule stored, in the caller's handle: for readers that hold
     * no service (the wall). Reading needs no permission, as {@link #assess()}.
     */
    public static List<Assessment> assess(Handle h, Instant now) {
        return assess(h, load(h), now);
    }

    static List<Assessment> assess(Handle h, Rule rule, Instant now) {
        List<GeoDao.Area> communities = h.attach(GeoDao.class).communities();
        if (communities.isEmpty()) {
            return List.of();
        }
        List<GridLocator.Area<Long>> areas = new ArrayList<>();
        communities.forEach(c -> areas.add(new GridLocator.Area<>(c.id(), c.boundaryWkt())));
        GridLocator<Long> locator = new GridLocator<>(areas, communities.get(0).datum());
        Map<Long, Integer> incidents = new HashMap<>();
        h.createQuery("SELECT lat, lon, datum FROM incident WHERE received_at >= :since AND lat IS NOT NULL AND lon IS NOT NULL")
                .bind("since", now.minus(Duration.ofDays(rule.windowDays())))
                .map((rs, ctx) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2), Datum.valueOf(rs.getString(3))))
                .forEach(p -> locator.locate(p).ifPresent(id -> incidents.merge(id, 1, Integer::sum)));
        Map<Long, Integer> lowStar = counts(h, "SELECT community_id, COUNT(*) FROM house WHERE active = TRUE AND stars <= :s "
                + "AND community_id IS NOT NULL GROUP BY community_id", rule.lowStarsAtMost());
        Map<Long, Integer> hazards = counts(h, "SELECT h.community_id, SUM(hi.hazards) FROM house_inspection hi "
                + "JOIN house h ON h.id = hi.house_id WHERE h.active = TRUE AND h.community_id IS NOT NULL AND hi.hazards > 0 "
                + "AND hi.due_date = (SELECT MAX(x.due_date) FROM house_inspection x WHERE x.house_id = hi.house_id "
                + "AND x.hazards IS NOT NULL) GROUP BY h.community_id", null);
        Map<Long, Integer> alerts = counts(h, "SELECT h.community_id, COUNT(*) FROM model_alert ma JOIN house h ON h.id = ma.house_id "
                + "JOIN work_order o ON o.id = ma.order_id WHERE h.community_id IS NOT NULL AND o.fed_back_at IS NULL "
                + "AND o.closed_at IS NULL AND o.cancelled_at IS NULL GROUP BY h.community_id", null);
        List<Assessment> out = new ArrayList<>();
        for (GeoDao.Area c : communities) {
            int i = incidents.getOrDefault(c.id(), 0);
            int l = lowStar.getOrDefault(c.id(), 0);
            int z = hazards.getOrDefault(c.id(), 0);
            int a = alerts.getOrDefault(c.id(), 0);
            double score = rule.score(i, l, z, a);
            out.add(new Assessment(c.id(), c.code(), c.name(), c.boundaryWkt(), c.datum(), i, l, z, a, score, rule.grade(score)));
        }
        return out;
    }

    private static Map<Long, Integer> counts(Handle h, String sql, Integer stars) {
        var q = h.createQuery(sql);
        if (stars != null) {
            q.bind("s", stars);
        }
        Map<Long, Integer> m = new HashMap<>();
        q.map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }
}
