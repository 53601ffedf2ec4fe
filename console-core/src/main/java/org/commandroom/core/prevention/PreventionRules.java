package org.commandroom.core.prevention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The register's rules as the bureau keeps them in the database (docs/PREVENTION.md), read in one go: the star rating
 * (星级化) and the inspection cycles. Nothing here is a constant of the code: the defaults are rows of migration V25,
 * changed with {@link HouseRegister#saveRules}.
 *
 * <p><b>Star rating.</b> A house starts at {@link #FULL_SCORE} points and loses the points of each risk factor that
 * applies to it: the factors recorded on it, and any factor with an occupant threshold the house's occupants reach.
 * Its stars are those of the highest band whose minimum the score reaches (never below 0). 5 stars: well managed and
 * low risk; 1 star: high risk, inspected most often.
 *
 * <p><b>Cycles.</b> The cycle of a house is the row for its kind and its stars, else its kind's row for any stars
 * (stars 0). An inspection is due every cycle from the house's anchor date: the n-th due date is the anchor plus n
 * cycles, computed from the anchor each time, so a monthly cycle anchored on 31 January is due on 28 (or 29)
 * February, 31 March, 30 April… and never drifts to the 28th.
 */
public record PreventionRules(List<Factor> factors, List<Band> bands, List<Cycle> cycles) {

    public static final int FULL_SCORE = 100;

    public PreventionRules {
        factors = List.copyOf(factors);
        bands = bands.stream().sorted(Comparator.comparingInt(Band::minScore).reversed()).toList();
        cycles = List.copyOf(cycles);
    }

    /** A risk factor: its code, names and the points it costs; {@code occupantsAtLeast} non-null: applies by itself. */
    public record Factor(String code, String nameZh, String nameEn, int points, Integer occupantsAtLeast) {
        public Factor {
            Objects.requireNonNull(code, "code");
            if (points < 0 || points > FULL_SCORE) {
                throw new IllegalArgumentException("factor " + code + ": points must be 0 to " + FULL_SCORE + ", got " + points);
            }
        }
    }

    /** Houses scoring at least {@code minScore} get {@code stars}. */
    public record Band(int stars, int minScore) {
        public Band {
            if (stars < 1 || stars > 5) {
                throw new IllegalArgumentException("stars must be 1 to 5, got " + stars);
            }
        }
    }

    /** Every {@code every} {@code unit}s, fed back within {@code feedbackDays}; {@code stars} 0 = any stars. */
    public record Cycle(HouseKind kind, int stars, int every, PeriodUnit unit, int feedbackDays) {
        public Cycle {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
            if (stars < 0 || stars > 5 || every < 1 || every > 400 || feedbackDays < 1 || feedbackDays > 60) {
                throw new IllegalArgumentException("cycle " + kind + "/" + stars + ": stars 0-5, every 1-400, feedback days 1-60");
            }
        }

        /** The n-th due date from the anchor (n ≥ 0; n = 0 is the anchor itself). */
        public LocalDate due(LocalDate anchor, long n) {
            return switch (unit) {
                case DAY -> anchor.plusDays(n * every);
                case WEEK -> anchor.plusWeeks(n * every);
                case MONTH -> anchor.plusMonths(n * every);
            };
        }

        /**
         * The index of the last due date on or before {@code day} (at least 1: the anchor itself is never due), or 0 when
         * the first due date is after {@code day}.
         */
        public long lastIndexOnOrBefore(LocalDate anchor, LocalDate day) {
            if (due(anchor, 1).isAfter(day)) {
                return 0;
            }
            long approx = switch (unit) {
                case DAY -> java.time.temporal.ChronoUnit.DAYS.between(anchor, day) / every;
                case WEEK -> java.time.temporal.ChronoUnit.WEEKS.between(anchor, day) / every;
                case MONTH -> java.time.temporal.ChronoUnit.MONTHS.between(anchor, day) / every;
            };
            long n = Math.max(1, approx - 1);
            while (!due(anchor, n + 1).isAfter(day)) {
                n++;
            }
            while (n > 1 && due(anchor, n).isAfter(day)) {
                n--;
            }
            return n;
        }

        public String describeZh() {
            return "每" + (every == 1 ? "" : every) + switch (unit) {
                case DAY -> "天";
                case WEEK -> "周";
                case MONTH -> every == 6 ? "个月(半年)" : "个月";
            } + "一次,须在" + feedbackDays + "天内反馈";
        }
    }

    /** A house's rating: score and stars, and the factors that cost it points. */
    public record Rating(int score, int stars, List<String> applied) {
    }

    public Optional<Factor> factor(String codeOrName) {
        String v = codeOrName == null ? "" : codeOrName.strip();
        return factors.stream().filter(f -> f.code().equalsIgnoreCase(v) || f.nameZh().equals(v) || f.nameEn().equalsIgnoreCase(v))
                .findFirst();
    }

    /** The rating of a house with these recorded factors (codes) and this many occupants. */
    public Rating rate(Collection<String> recorded, int occupants) {
        Set<String> applied = new LinkedHashSet<>();
        int score = FULL_SCORE;
        for (Factor f : factors) {
            boolean applies = recorded.contains(f.code())
                    || (f.occupantsAtLeast() != null && occupants >= f.occupantsAtLeast());
            if (applies) {
                applied.add(f.code());
                score -= f.points();
            }
        }
        score = Math.max(0, score);
        int stars = 1;
        for (Band b : bands) {
            if (score >= b.minScore()) {
                stars = b.stars();
                break;
            }
        }
        return new Rating(score, stars, List.copyOf(applied));
    }

    /** The cycle for a kind at these stars, if the rules have one. */
    public Optional<Cycle> cycle(HouseKind kind, int stars) {
        Cycle any = null;
        for (Cycle c : cycles) {
            if (c.kind() == kind && c.stars() == stars) {
                return Optional.of(c);
            }
            if (c.kind() == kind && c.stars() == 0) {
                any = c;
            }
        }
        return Optional.ofNullable(any);
    }

    /** Problems that make the rules unusable (bands not covering 0, a kind without a cycle, a duplicate); empty when fine. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (bands.isEmpty() || bands.get(bands.size() - 1).minScore() > 0) {
            out.add("the star bands must include one with minimum score 0 (every house gets stars)");
        }
        if (bands.stream().map(Band::stars).distinct().count() != bands.size()) {
            out.add("a number of stars appears in two bands");
        }
        if (factors.stream().map(Factor::code).distinct().count() != factors.size()) {
            out.add("a risk factor code appears twice");
        }
        Map<String, Cycle> seen = new LinkedHashMap<>();
        for (Cycle c : cycles) {
            if (seen.put(c.kind() + "/" + c.stars(), c) != null) {
                out.add("two cycles for " + c.kind() + " at " + c.stars() + " stars");
            }
        }
        for (HouseKind k : HouseKind.values()) {
            if (cycles.stream().noneMatch(c -> c.kind() == k && c.stars() == 0)) {
                out.add("no cycle for " + k + " at any stars (stars 0)");
            }
        }
        return out;
    }

    public static PreventionRules load(Handle h) {
        List<Factor> factors = h.createQuery("SELECT code, name_zh, name_en, points, occupants_at_least FROM house_star_factor "
                        + "ORDER BY points DESC, code")
                .map((rs, ctx) -> new Factor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5) == null ? null : rs.getInt(5))).list();
        List<Band> bands = h.createQuery("SELECT stars, min_score FROM house_star_band")
                .map((rs, ctx) -> new Band(rs.getInt(1), rs.getInt(2))).list();
        List<Cycle> cycles = h.createQuery("SELECT kind, stars, every_n, period_unit, feedback_days FROM inspection_cycle "
                        + "ORDER BY kind, stars")
                .map((rs, ctx) -> new Cycle(HouseKind.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        PeriodUnit.valueOf(rs.getString(4)), rs.getInt(5))).list();
        return new PreventionRules(factors, bands, cycles);
    }

    /** Replaces every rule row (inside the caller's transaction). */
    void store(Handle h) {
        h.execute("DELETE FROM house_star_factor");
        h.execute("DELETE FROM house_star_band");
        h.execute("DELETE FROM inspection_cycle");
        for (Factor f : factors) {
            h.createUpdate("INSERT INTO house_star_factor (code, name_zh, name_en, points, occupants_at_least) "
                            + "VALUES (:c, :z, :e, :p, :o)")
                    .bind("c", f.code()).bind("z", f.nameZh()).bind("e", f.nameEn()).bind("p", f.points())
                    .bind("o", f.occupantsAtLeast()).execute();
        }
        for (Band b : bands) {
            h.createUpdate("INSERT INTO house_star_band (stars, min_score) VALUES (:s, :m)")
                    .bind("s", b.stars()).bind("m", b.minScore()).execute();
        }
        for (Cycle c : cycles) {
            h.createUpdate("INSERT INTO inspection_cycle (kind, stars, every_n, period_unit, feedback_days) "
                            + "VALUES (:k, :s, :e, :u, :f)")
                    .bind("k", c.kind().name()).bind("s", c.stars()).bind("e", c.every()).bind("u", c.unit().name())
                    .bind("f", c.feedbackDays()).execute();
        }
    }
}
