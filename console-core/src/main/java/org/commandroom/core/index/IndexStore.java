package org.commandroom.core.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Reads and writes stored index values (indicator_value, index_score) and manual entries. */
final class IndexStore {

    /** The part of index_score that holds the index itself; the other parts are capability codes. */
    static final String INDEX_PART = "INDEX";

    private IndexStore() {
    }

    /** Replaces every stored value of periods starting in [from, to). */
    static void deletePeriodsStarting(Handle h, LocalDate from, LocalDate to) {
        for (String table : List.of("indicator_value", "index_score")) {
            // table names come from the fixed list above
            h.createUpdate("DELETE FROM " + table + " WHERE period_start >= :f AND period_start < :t")
                    .bind("f", from).bind("t", to).execute();
        }
    }

    /** Removes the stored values of these scopes and periods. */
    static void delete(Handle h, Collection<ScopeResult> results) {
        for (String table : List.of("indicator_value", "index_score")) {
            PreparedBatch batch = h.prepareBatch("DELETE FROM " + table
                    + " WHERE scope_kind = :sk AND scope_id = :sid AND period_kind = :pk AND period_start = :ps");
            for (ScopeResult r : results) {
                batch.bind("sk", r.scope().kind().name()).bind("sid", r.scope().id())
                        .bind("pk", r.period().kind().name()).bind("ps", r.period().start()).add();
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    static void insert(Handle h, Collection<ScopeResult> results, String version, Instant now) {
        PreparedBatch values = h.prepareBatch("INSERT INTO indicator_value (indicator_code, scope_kind, scope_id, period_kind, "
                + "period_start, numerator, denominator, raw_value, points, computed_at) VALUES (:code, :sk, :sid, :pk, :ps, :n, :d, :raw, :pts, :at)");
        PreparedBatch scores = h.prepareBatch("INSERT INTO index_score (scope_kind, scope_id, period_kind, period_start, part, score, "
                + "uncapped_score, vetoed_by, definition_version, computed_at) VALUES (:sk, :sid, :pk, :ps, :part, :score, :unc, :veto, :ver, :at)");
        for (ScopeResult r : results) {
            for (IndicatorResult i : r.indicators()) {
                values.bind("code", i.id()).bind("sk", r.scope().kind().name()).bind("sid", r.scope().id())
                        .bind("pk", r.period().kind().name()).bind("ps", r.period().start())
                        .bind("n", i.numerator()).bind("d", i.denominator()).bind("raw", i.raw()).bind("pts", i.points())
                        .bind("at", now).add();
            }
            r.capabilities().forEach((cap, score) -> scores.bind("sk", r.scope().kind().name()).bind("sid", r.scope().id())
                    .bind("pk", r.period().kind().name()).bind("ps", r.period().start()).bind("part", cap).bind("score", score)
                    .bind("unc", score).bind("veto", (String) null).bind("ver", version).bind("at", now).add());
            scores.bind("sk", r.scope().kind().name()).bind("sid", r.scope().id())
                    .bind("pk", r.period().kind().name()).bind("ps", r.period().start()).bind("part", INDEX_PART)
                    .bind("score", r.index()).bind("unc", r.uncappedIndex()).bind("veto", r.vetoedBy()).bind("ver", version)
                    .bind("at", now).add();
        }
        if (values.size() > 0) {
            values.execute();
        }
        if (scores.size() > 0) {
            scores.execute();
        }
    }

    /** Stored monthly inputs of every station of a year: indicator → station → month (0-11) → {n, d}. */
    static Map<String, Map<Long, double[][]>> monthlyInputs(Handle h, int year) {
        Map<String, Map<Long, double[][]>> out = new HashMap<>();
        h.createQuery("SELECT indicator_code, scope_id, period_start, numerator, denominator FROM indicator_value "
                        + "WHERE period_kind = 'MONTH' AND scope_kind IN ('STATION', 'STREET_POST') AND period_start >= :f AND period_start < :t "
                        + "AND numerator IS NOT NULL")
                .bind("f", LocalDate.of(year, 1, 1)).bind("t", LocalDate.of(year + 1, 1, 1))
                .map((rs, ctx) -> {
                    double[][] months = out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new double[12][]);
                    int m = rs.getObject(3, LocalDate.class).getMonthValue() - 1;
                    months[m] = new double[] {rs.getDouble(4), rs.getDouble(5)};
                    return m;
                }).list();
        return out;
    }

    /** A manual entry as kept: latest per indicator, station and period counts. */
    record ManualEntry(long id, String indicator, long stationId, Period period, double value, String enteredBy,
                       Instant enteredAt, String source, String note) {
    }

    /** The latest entry per indicator, station and period for periods starting in [from, to). */
    static List<ManualEntry> latestManual(Handle h, LocalDate from, LocalDate to, Collection<Long> stations) {
        Binds b = new Binds();
        String sql = "SELECT m.id, m.indicator_code, m.station_id, m.period_kind, m.period_start, m.raw_value, m.entered_by, "
                + "m.entered_at, m.source, m.note FROM manual_score m WHERE m.period_start >= " + b.add(from)
                + " AND m.period_start < " + b.add(to)
                + (stations == null ? "" : " AND m.station_id IN " + b.in(stations))
                + " AND m.id = (SELECT MAX(m2.id) FROM manual_score m2 WHERE m2.indicator_code = m.indicator_code "
                + "AND m2.station_id = m.station_id AND m2.period_kind = m.period_kind AND m2.period_start = m.period_start)";
        return b.bindTo(h.createQuery(sql)).map((rs, ctx) -> manual(rs)).list();
    }

    /** Every entry (history included) of one indicator at one station for periods starting in [from, to). */
    static List<ManualEntry> manualHistory(Handle h, String indicator, long station, LocalDate from, LocalDate to) {
        return h.createQuery("SELECT id, indicator_code, station_id, period_kind, period_start, raw_value, entered_by, entered_at, "
                        + "source, note FROM manual_score WHERE indicator_code = :i AND station_id = :s AND period_start >= :f "
                        + "AND period_start < :t ORDER BY id")
                .bind("i", indicator).bind("s", station).bind("f", from).bind("t", to)
                .map((rs, ctx) -> manual(rs)).list();
    }

    private static ManualEntry manual(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ManualEntry(rs.getLong("id"), rs.getString("indicator_code"), rs.getLong("station_id"),
                new Period(PeriodKind.valueOf(rs.getString("period_kind")), rs.getObject("period_start", LocalDate.class)),
                rs.getDouble("raw_value"), rs.getString("entered_by"),
                rs.getObject("entered_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("source"), rs.getString("note"));
    }

    /** A stored indicator value. */
    static Optional<IndicatorResult> indicatorValue(Handle h, Scope scope, Period p, String indicator) {
        return h.createQuery("SELECT numerator, denominator, raw_value, points FROM indicator_value WHERE indicator_code = :i "
                        + "AND scope_kind = :sk AND scope_id = :sid AND period_kind = :pk AND period_start = :ps")
                .bind("i", indicator).bind("sk", scope.kind().name()).bind("sid", scope.id())
                .bind("pk", p.kind().name()).bind("ps", p.start())
                .map((rs, ctx) -> new IndicatorResult(indicator, (Double) rs.getObject(1, Double.class),
                        rs.getObject(2, Double.class), rs.getObject(3, Double.class), rs.getObject(4, Double.class)))
                .findOne();
    }

    /** Stored scores (parts INDEX and the capabilities) of every scope of a kind for a period: scope id → part → score. */
    static Map<Long, Map<String, Double>> scores(Handle h, Collection<ScopeKind> kinds, Period p) {
        Map<Long, Map<String, Double>> out = new HashMap<>();
        Binds b = new Binds();
        String sql = "SELECT scope_id, part, score FROM index_score WHERE period_kind = " + b.add(p.kind().name())
                + " AND period_start = " + b.add(p.start()) + " AND scope_kind IN " + b.in(kinds);
        b.bindTo(h.createQuery(sql)).map((rs, ctx) -> out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .put(rs.getString(2), rs.getObject(3, Double.class))).list();
        return out;
    }

    /** Stored points of every indicator of every scope of the kinds for a period: scope id → indicator → points. */
    static Map<Long, Map<String, Double>> points(Handle h, Collection<ScopeKind> kinds, Period p) {
        Map<Long, Map<String, Double>> out = new HashMap<>();
        Binds b = new Binds();
        String sql = "SELECT scope_id, indicator_code, points FROM indicator_value WHERE period_kind = " + b.add(p.kind().name())
                + " AND period_start = " + b.add(p.start()) + " AND scope_kind IN " + b.in(kinds);
        b.bindTo(h.createQuery(sql)).map((rs, ctx) -> out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .put(rs.getString(2), rs.getObject(3, Double.class))).list();
        return out;
    }

    static List<YearMonth> monthsOf(int year) {
        List<YearMonth> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(YearMonth.of(year, m));
        }
        return out;
    }
}
