package org.commandroom.core.index;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Twelve-month trends (趋势) of a station's stored monthly scores: the index or a capability
 * ({@code index_score}), or an indicator's points and raw values ({@code indicator_value}), for the
 * twelve months ending at a chosen month, side by side with the average of the station's peer group
 * (the stations of its kind grouped as the ranking groups them for the chosen month) and the bureau.
 * A month without a stored score is null, so a chart shows a gap there, never a zero.
 */
public final class IndexTrend {

    /** How many months a trend covers. */
    public static final int MONTHS = 12;

    /**
     * One trend; every list has one entry per month of {@link #months()}, null where nothing is stored.
     *
     * @param subject     "INDEX", a capability code or an indicator id
     * @param indicator   whether {@code subject} is an indicator (values are its points; {@code raw} its raw values)
     * @param station     the station's score (or points) per month
     * @param raw         an indicator's raw value per month; all null for the index or a capability
     * @param peerAverage the mean of the peer group's stations that have a value that month
     * @param peerGroup   the peer group; {@code peerCount} how many stations it holds (the station included)
     * @param bureau      the bureau's score (or points) per month
     */
    public record Trend(long stationId, String subject, boolean indicator, List<YearMonth> months, List<Double> station,
                        List<Double> raw, List<Double> peerAverage, PeerGroup peerGroup, int peerCount, List<Double> bureau) {

        public Trend {
            months = List.copyOf(months);
            station = Collections.unmodifiableList(new ArrayList<>(station));
            raw = Collections.unmodifiableList(new ArrayList<>(raw));
            peerAverage = Collections.unmodifiableList(new ArrayList<>(peerAverage));
            bureau = Collections.unmodifiableList(new ArrayList<>(bureau));
        }

        /** The station's value in a month of the trend, or null. */
        public Double at(YearMonth m) {
            int i = months.indexOf(m);
            return i < 0 ? null : station.get(i);
        }
    }

    private final Jdbi jdbi;
    private final IndexRanking ranking;
    private final IndexDefinitions definitions;

    public IndexTrend(Jdbi jdbi, IndexDefinitions definitions) {
        this.jdbi = jdbi;
        this.definitions = definitions;
        this.ranking = new IndexRanking(jdbi, definitions);
    }

    /** The twelve months ending at {@code end}, oldest first. */
    public static List<YearMonth> monthsEnding(YearMonth end) {
        List<YearMonth> out = new ArrayList<>(MONTHS);
        for (int i = MONTHS - 1; i >= 0; i--) {
            out.add(end.minusMonths(i));
        }
        return out;
    }

    /**
     * The trend of the index ({@code "INDEX"}) or of a capability (its code), or of an indicator (its id, as
     * points) of a station or street post, for the twelve months ending at {@code end}.
     *
     * @throws IllegalArgumentException for an unknown subject or station
     */
    public Trend trend(long stationId, YearMonth end, String subject) {
        IndexDefinition def = definitions.current();
        boolean indicator = def.indicator(subject).isPresent();
        if (!indicator && !IndexStore.INDEX_PART.equals(subject) && def.capability(subject).isEmpty()) {
            throw new IllegalArgumentException("'" + subject + "' is neither INDEX, a capability nor an indicator of definition "
                    + def.version());
        }
        Period endMonth = Period.month(end);
        return jdbi.withHandle(h -> {
            List<StationFacts> all = StationFacts.load(h);
            StationFacts s = all.stream().filter(f -> f.id() == stationId).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no station with id " + stationId));
            Map<Long, PeerGroup> groups = ranking.peerGroups(endMonth, s.scopeKind());
            PeerGroup group = groups.get(stationId);
            List<Long> peers = all.stream().filter(f -> f.scopeKind() == s.scopeKind() && group != null
                    && group.equals(groups.get(f.id()))).map(StationFacts::id).toList();
            List<YearMonth> months = monthsEnding(end);
            LocalDate from = months.get(0).atDay(1);
            LocalDate to = end.atDay(1);
            Map<YearMonth, Double[]> own = read(h, indicator, subject, s.scopeKind(), List.of(stationId), from, to, false);
            Map<YearMonth, Double[]> peer = read(h, indicator, subject, s.scopeKind(), peers, from, to, true);
            Map<YearMonth, Double[]> bureau = read(h, indicator, subject, ScopeKind.BUREAU, List.of(s.bureauId()), from, to, false);
            List<Double> st = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> avg = new ArrayList<>();
            List<Double> bu = new ArrayList<>();
            for (YearMonth m : months) {
                st.add(value(own, m, 0));
                raw.add(value(own, m, 1));
                Double a = value(peer, m, 0);
                avg.add(a == null ? null : Scorer.round(a));
                bu.add(value(bureau, m, 0));
            }
            return new Trend(stationId, subject, indicator, months, st, raw, avg, group, peers.size(), bu);
        });
    }

    private static Double value(Map<YearMonth, Double[]> byMonth, YearMonth m, int i) {
        Double[] v = byMonth.get(m);
        return v == null ? null : v[i];
    }

    /** Month → {score or points, raw} of one scope, or → {mean, null} over several ({@code average}). */
    private static Map<YearMonth, Double[]> read(Handle h, boolean indicator, String subject, ScopeKind kind, List<Long> ids,
                                                 LocalDate from, LocalDate to, boolean average) {
        Map<YearMonth, Double[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Binds b = new Binds();
        String table = indicator ? "indicator_value" : "index_score";
        String value = indicator ? "points" : "score";
        String subjectColumn = indicator ? "indicator_code" : "part";
        boolean withRaw = indicator && !average;
        String select = average ? "AVG(" + value + ")" : value + (withRaw ? ", raw_value" : "");
        // table and column names come from the two fixed choices above; every value is bound
        String sql = "SELECT period_start, " + select + " FROM " + table + " WHERE period_kind = 'MONTH' AND " + subjectColumn
                + " = " + b.add(subject) + " AND scope_kind = " + b.add(kind.name()) + " AND scope_id IN " + b.in(ids)
                + " AND period_start >= " + b.add(from) + " AND period_start <= " + b.add(to)
                + (average ? " AND " + value + " IS NOT NULL GROUP BY period_start" : "");
        b.bindTo(h.createQuery(sql)).map((rs, ctx) -> out.put(YearMonth.from(rs.getObject(1, LocalDate.class)),
                new Double[] {rs.getObject(2, Double.class), withRaw ? rs.getObject(3, Double.class) : null})).list();
        return out;
    }
}
