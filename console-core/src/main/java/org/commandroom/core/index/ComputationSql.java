package org.commandroom.core.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of the computation kinds. For each indicator the kind gives a numerator and (for shares and
 * changes) a denominator predicate on one row of its base table; the same predicates serve the grouped
 * query (one per kind and period, all its indicators side by side, GROUP BY station) and the trace of
 * one indicator at one station, so the records a trace lists are exactly those that were counted.
 */
final class ComputationSql {

    /** Which rows of a computation a traced record counted in. */
    record TracedRow(long id, boolean numerator, boolean denominator) {
    }

    /** A period's bounds as the kinds need them. {@code now} cuts deadlines that have not passed yet. */
    record Range(Instant from, Instant to, Instant lastYearFrom, Instant lastYearTo, Instant now) {
        static Range of(Period p, Instant now) {
            Period ly = p.sameLastYear();
            return new Range(p.startsAt(), p.endsAt(), ly.startsAt(), ly.endsAt(), now);
        }

        Instant cut() {
            return to.isBefore(now) ? to : now;
        }
    }

    private ComputationSql() {
    }

    private static String alias(ComputationKind kind) {
        return kind.base() == ComputationKind.Base.INCIDENT ? "i" : "o";
    }

    /** FROM and the period's WHERE for a kind; rows carry station_id and id under the kind's alias. */
    private static String fromAndRange(ComputationKind kind, Range r, Binds b) {
        switch (kind) {
            case INCIDENT_CHANGE_YOY:
                return " FROM (SELECT id, station_id, incident_type, 1 AS cur FROM incident WHERE received_at >= " + b.add(r.from())
                        + " AND received_at < " + b.add(r.to())
                        + " UNION ALL SELECT id, station_id, incident_type, 0 AS cur FROM incident WHERE received_at >= " + b.add(r.lastYearFrom())
                        + " AND received_at < " + b.add(r.lastYearTo()) + ") i WHERE i.station_id IS NOT NULL";
            case SIGN_ON_TIME_SHARE:
                return " FROM work_order o WHERE o.station_id IS NOT NULL AND o.sign_deadline >= " + b.add(r.from())
                        + " AND o.sign_deadline < " + b.add(r.cut());
            case FEEDBACK_ON_TIME_SHARE:
                return " FROM work_order o WHERE o.station_id IS NOT NULL AND o.feedback_deadline >= " + b.add(r.from())
                        + " AND o.feedback_deadline < " + b.add(r.cut());
            case ORDER_COMPLETION_SHARE:
            case ORDER_COUNT_PER_GRID:
                return " FROM work_order o WHERE o.station_id IS NOT NULL AND o.issued_at >= " + b.add(r.from())
                        + " AND o.issued_at < " + b.add(r.to());
            default:
                return " FROM incident i WHERE i.station_id IS NOT NULL AND i.received_at >= " + b.add(r.from())
                        + " AND i.received_at < " + b.add(r.to());
        }
    }

    /** The numerator predicate of an indicator on one row. */
    private static String numerator(Computation c, Binds b) {
        String types = "i.incident_type IN " + b.in(c.types());
        String kinds = "o.kind IN " + b.in(c.orderKinds());
        return switch (c.kind()) {
            case INCIDENT_RATE, INCIDENT_COUNT -> types;
            case INCIDENT_CHANGE_YOY -> "i.cur = 1 AND " + types;
            case INCIDENT_STATUS_SHARE -> types + " AND i.status IN " + b.in(c.statuses());
            case REPEAT_INCIDENT_SHARE, REPEAT_INCIDENT_COUNT -> types + " AND (" + repeat(c, b) + ")";
            case FOLLOW_UP_ORDER_SHARE -> types + " AND EXISTS (SELECT 1 FROM work_order w WHERE w.incident_id = i.id AND w.kind IN "
                    + b.in(c.orderKinds()) + " AND w.created_at <= i.received_at + CAST(" + b.add(c.withinDays()) + " AS INTEGER) * INTERVAL '1' DAY)";
            case SIGN_ON_TIME_SHARE -> kinds + " AND o.signed_at IS NOT NULL AND o.signed_at <= o.sign_deadline";
            case FEEDBACK_ON_TIME_SHARE -> kinds + " AND o.fed_back_at IS NOT NULL AND o.fed_back_at <= o.feedback_deadline";
            case ORDER_COMPLETION_SHARE -> kinds + " AND o.fed_back_at IS NOT NULL";
            case ORDER_COUNT_PER_GRID -> kinds;
        };
    }

    /** The denominator predicate, or null when the denominator comes from the station's facts. */
    private static String denominator(Computation c, Binds b) {
        return switch (c.kind()) {
            case INCIDENT_RATE, INCIDENT_COUNT, REPEAT_INCIDENT_COUNT, ORDER_COUNT_PER_GRID -> null;
            case INCIDENT_CHANGE_YOY -> "i.cur = 0 AND i.incident_type IN " + b.in(c.types());
            case INCIDENT_STATUS_SHARE, REPEAT_INCIDENT_SHARE, FOLLOW_UP_ORDER_SHARE -> "i.incident_type IN " + b.in(c.types());
            case SIGN_ON_TIME_SHARE, FEEDBACK_ON_TIME_SHARE, ORDER_COMPLETION_SHARE -> "o.kind IN " + b.in(c.orderKinds());
        };
    }

    /** An earlier incident of the prior types from the same caller and/or address within the window. */
    private static String repeat(Computation c, Binds b) {
        List<String> matches = new ArrayList<>();
        if (c.matchOn() != Computation.MatchOn.ADDRESS) {
            matches.add("p.caller_number = i.caller_number");
        }
        if (c.matchOn() != Computation.MatchOn.CALLER) {
            matches.add("p.address = i.address");
        }
        List<String> exists = new ArrayList<>();
        for (String m : matches) {
            String prior = "EXISTS (SELECT 1 FROM incident p WHERE " + m + " AND p.id <> i.id AND p.received_at <= i.received_at"
                    + " AND p.received_at >= i.received_at - CAST(" + b.add(c.windowDays()) + " AS INTEGER) * INTERVAL '1' DAY"
                    + " AND p.incident_type IN " + b.in(c.priorTypes());
            if (c.priorOrderKind() != null) {
                prior += " AND EXISTS (SELECT 1 FROM work_order w WHERE w.incident_id = p.id AND w.kind = " + b.add(c.priorOrderKind().name())
                        + " AND w.fed_back_at IS NOT NULL AND w.fed_back_at < i.received_at)";
            }
            exists.add(prior + ")");
        }
        return String.join(" OR ", exists);
    }

    /**
     * The numerator count and (where it is a count) the denominator count per station for every indicator of
     * one kind, in one query. Returns indicator id → station id → {numerator, denominator count}.
     *
     * @param stations only these stations, or null for all
     */
    static Map<String, Map<Long, long[]>> grouped(Handle h, ComputationKind kind, List<IndicatorDef> indicators, Range r,
                                                  Collection<Long> stations) {
        Binds b = new Binds();
        String a = alias(kind);
        StringBuilder select = new StringBuilder("SELECT " + a + ".station_id AS sid");
        for (int k = 0; k < indicators.size(); k++) {
            Computation c = indicators.get(k).computation();
            select.append(", SUM(CASE WHEN ").append(numerator(c, b)).append(" THEN 1 ELSE 0 END) AS n").append(k);
            String den = denominator(c, b);
            select.append(", ").append(den == null ? "0" : "SUM(CASE WHEN " + den + " THEN 1 ELSE 0 END)").append(" AS d").append(k);
        }
        String sql = select + fromAndRange(kind, r, b)
                + (stations == null ? "" : " AND " + a + ".station_id IN " + b.in(stations))
                + " GROUP BY " + a + ".station_id";
        Map<String, Map<Long, long[]>> out = new HashMap<>();
        for (IndicatorDef d : indicators) {
            out.put(d.id(), new HashMap<>());
        }
        Query q = b.bindTo(h.createQuery(sql));
        q.map((rs, ctx) -> {
            long sid = rs.getLong("sid");
            for (int k = 0; k < indicators.size(); k++) {
                out.get(indicators.get(k).id()).put(sid, new long[] {rs.getLong("n" + k), rs.getLong("d" + k)});
            }
            return sid;
        }).list();
        return out;
    }

    /** The records one station's value of one indicator was counted from, in id order. */
    static List<TracedRow> trace(Handle h, IndicatorDef indicator, long stationId, Range r) {
        Computation c = indicator.computation();
        Binds b = new Binds();
        String a = alias(c.kind());
        String num = numerator(c, b);
        String den = denominator(c, b);
        String sql = "SELECT " + a + ".id AS rid, CASE WHEN " + num + " THEN 1 ELSE 0 END AS n, "
                + (den == null ? "0" : "CASE WHEN " + den + " THEN 1 ELSE 0 END") + " AS d"
                + fromAndRange(c.kind(), r, b) + " AND " + a + ".station_id = " + b.add(stationId);
        // every row of the station and period comes back once; those counted in neither part are dropped here
        return b.bindTo(h.createQuery(sql + " ORDER BY rid"))
                .map((rs, ctx) -> new TracedRow(rs.getLong("rid"), rs.getInt("n") == 1, rs.getInt("d") == 1))
                .list().stream().filter(t -> t.numerator() || t.denominator()).toList();
    }

    /** The per-month denominator a kind takes from the station's facts (null when it counts rows). */
    static Double factDenominator(Computation c, StationFacts s) {
        return switch (c.kind()) {
            case INCIDENT_RATE -> s.population() / (double) c.perResidents();
            case INCIDENT_COUNT, REPEAT_INCIDENT_COUNT -> 1.0;
            case ORDER_COUNT_PER_GRID -> (double) s.policeGrids();
            default -> null;
        };
    }
}
