package org.commandroom.core.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.incident.IncidentType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of the computation kinds. For each indicator a kind gives a numerator and (for shares) a
 * denominator predicate on one row of its scan; the same predicates serve the grouped query (one per
 * scan and period, all its indicators side by side, GROUP BY station) and the trace of one indicator at
 * one station, so the records a trace lists are exactly those that were counted.
 */
final class ComputationSql {

    /** Which rows of a computation a traced record counted in; number: the incident or order number. */
    record TracedRow(long id, String number, boolean numerator, boolean denominator) {
    }

    /** A period's bounds as the kinds need them. {@code now} cuts deadlines that have not passed yet. */
    record Range(Instant from, Instant to, Instant lastYearFrom, Instant lastYearTo, Instant now) {
        /**
         * A period as read at {@code now}. A period not over yet compares with the same span of last year's period,
         * up to the same local time a year before now, so that a month in progress is not set against a whole one.
         */
        static Range of(Period p, Instant now) {
            Period ly = p.sameLastYear();
            Instant lastYearTo = ly.endsAt();
            if (now.isBefore(p.endsAt())) {
                Instant sameTime = java.time.LocalDateTime.ofInstant(now, Period.ZONE).minusYears(1).atZone(Period.ZONE).toInstant();
                lastYearTo = sameTime.isBefore(ly.startsAt()) ? ly.startsAt() : sameTime.isAfter(lastYearTo) ? lastYearTo : sameTime;
            }
            return new Range(p.startsAt(), p.endsAt(), ly.startsAt(), lastYearTo, now);
        }

        Instant cut() {
            return to.isBefore(now) ? to : now;
        }
    }

    /**
     * The table scans the kinds share. Each is one query per period: a month of incidents is read once for the
     * rates, counts, status shares, repeats, follow-ups and this year's side of the year-on-year changes.
     */
    enum Scan {
        /** Incidents received in the period. */
        INCIDENTS,
        /**
         * Incidents of the year-on-year indicators' types received in the same period a year before: the
         * denominators of INCIDENT_CHANGE_YOY (their numerators come from INCIDENTS). Narrow: read by type and time.
         */
        LAST_YEAR,
        /** Orders whose signing deadline fell in the period (and has passed). */
        ORDERS_BY_SIGN_DEADLINE,
        /** Orders whose feedback deadline fell in the period (and has passed). */
        ORDERS_BY_FEEDBACK_DEADLINE,
        /** Orders issued in the period. */
        ORDERS_ISSUED,
        /** House inspections (house_inspection) whose deadline fell in the period (and has passed), with their order. */
        HOUSE_INSPECTIONS,
        /** Model alerts (model_alert) whose time limit fell in the period (and has passed), with their order. */
        MODEL_ALERTS,
        /** Work-hours from the order trail (core workhours), computed in Java: not a table scan of its own. */
        WORK_HOURS
    }

    private ComputationSql() {
    }

    /** The scan that gives a kind its numerator (and its denominator, except INCIDENT_CHANGE_YOY's: LAST_YEAR). */
    static Scan scanOf(ComputationKind kind) {
        return switch (kind) {
            case SIGN_ON_TIME_SHARE -> Scan.ORDERS_BY_SIGN_DEADLINE;
            case FEEDBACK_ON_TIME_SHARE -> Scan.ORDERS_BY_FEEDBACK_DEADLINE;
            case ORDER_COMPLETION_SHARE, ORDER_COUNT_PER_GRID -> Scan.ORDERS_ISSUED;
            case HOUSE_INSPECTION_ON_SCHEDULE -> Scan.HOUSE_INSPECTIONS;
            case MODEL_ALERT_HANDLED_IN_TIME -> Scan.MODEL_ALERTS;
            case COMMUNITY_WORK_SHARE -> Scan.WORK_HOURS;
            default -> Scan.INCIDENTS;
        };
    }

    private static String alias(Scan scan) {
        return scan == Scan.HOUSE_INSPECTIONS ? "hi" : scan == Scan.MODEL_ALERTS ? "ma" : scan == Scan.INCIDENTS || scan == Scan.LAST_YEAR ? "i" : "o";
    }

    /** The id a traced row is listed by: the incident's or order's, for a house inspection its house's. */
    private static String idColumn(Scan scan) {
        return scan == Scan.HOUSE_INSPECTIONS ? "hi.house_id" : alias(scan) + ".id";
    }

    /** FROM and the period's WHERE of a scan; rows carry station_id and id under the scan's alias. */
    private static String fromAndRange(Scan scan, List<IndicatorDef> indicators, Range r, Binds b) {
        switch (scan) {
            case LAST_YEAR: {
                Set<IncidentType> types = new LinkedHashSet<>();
                indicators.forEach(d -> types.addAll(d.computation().types()));
                return " FROM incident i WHERE i.station_id IS NOT NULL AND i.incident_type IN " + b.in(types)
                        + " AND i.received_at >= " + b.add(r.lastYearFrom()) + " AND i.received_at < " + b.add(r.lastYearTo());
            }
            case ORDERS_BY_SIGN_DEADLINE:
                return " FROM work_order o WHERE o.station_id IS NOT NULL AND o.sign_deadline >= " + b.add(r.from())
                        + " AND o.sign_deadline < " + b.add(r.cut());
            case ORDERS_BY_FEEDBACK_DEADLINE:
                return " FROM work_order o WHERE o.station_id IS NOT NULL AND o.feedback_deadline >= " + b.add(r.from())
                        + " AND o.feedback_deadline < " + b.add(r.cut());
            case HOUSE_INSPECTIONS:
                return " FROM house_inspection hi JOIN house hs ON hs.id = hi.house_id LEFT JOIN work_order hw ON hw.id = hi.order_id"
                        + " WHERE hi.station_id IS NOT NULL AND hi.deadline >= " + b.add(r.from()) + " AND hi.deadline < " + b.add(r.cut());
            case MODEL_ALERTS:
                return " FROM model_alert ma JOIN house mh ON mh.id = ma.house_id LEFT JOIN work_order mw ON mw.id = ma.order_id"
                        + " WHERE ma.deadline >= " + b.add(r.from()) + " AND ma.deadline < " + b.add(r.cut());
            case ORDERS_ISSUED:
                return " FROM work_order o WHERE o.station_id IS NOT NULL AND o.issued_at >= " + b.add(r.from())
                        + " AND o.issued_at < " + b.add(r.to());
            default:
                return " FROM incident i WHERE i.station_id IS NOT NULL AND i.received_at >= " + b.add(r.from())
                        + " AND i.received_at < " + b.add(r.to());
        }
    }

    /** The numerator predicate of an indicator on one row of its scan (for LAST_YEAR: the row counts). */
    private static String numerator(Scan scan, Computation c, Range r, boolean postgres, Repeats mode, Binds b) {
        String types = "i.incident_type IN " + b.in(c.types());
        if (scan == Scan.LAST_YEAR) {
            return types;
        }
        String kinds = "o.kind IN " + b.in(c.orderKinds());
        return switch (c.kind()) {
            case INCIDENT_RATE, INCIDENT_COUNT, INCIDENT_CHANGE_YOY -> types;
            case INCIDENT_STATUS_SHARE -> types + " AND i.status IN " + b.in(c.statuses());
            case REPEAT_INCIDENT_SHARE, REPEAT_INCIDENT_COUNT -> types + " AND (" + repeat(c, r, postgres, mode, b) + ")";
            case FOLLOW_UP_ORDER_SHARE -> types + " AND EXISTS (SELECT 1 FROM work_order w WHERE w.incident_id = i.id AND w.kind IN "
                    + b.in(c.orderKinds()) + " AND w.created_at <= i.received_at + CAST(" + b.add(c.withinDays()) + " AS INTEGER) * INTERVAL '1' DAY)";
            case SIGN_ON_TIME_SHARE -> kinds + " AND o.signed_at IS NOT NULL AND o.signed_at <= o.sign_deadline";
            case FEEDBACK_ON_TIME_SHARE -> kinds + " AND o.fed_back_at IS NOT NULL AND o.fed_back_at <= o.feedback_deadline";
            case ORDER_COMPLETION_SHARE -> kinds + " AND o.fed_back_at IS NOT NULL";
            case ORDER_COUNT_PER_GRID -> kinds;
            case HOUSE_INSPECTION_ON_SCHEDULE -> "hw.fed_back_at IS NOT NULL AND hw.fed_back_at <= hi.deadline";
            case MODEL_ALERT_HANDLED_IN_TIME -> "mw.fed_back_at IS NOT NULL AND mw.fed_back_at <= ma.deadline";
            case COMMUNITY_WORK_SHARE -> "1 = 0"; // counted in Java (core workhours), never in SQL
        };
    }

    /** The denominator predicate in the indicator's own scan, or null when the denominator comes from elsewhere. */
    private static String denominator(Computation c, Binds b) {
        return switch (c.kind()) {
            case INCIDENT_RATE, INCIDENT_COUNT, REPEAT_INCIDENT_COUNT, ORDER_COUNT_PER_GRID, INCIDENT_CHANGE_YOY -> null;
            case INCIDENT_STATUS_SHARE, REPEAT_INCIDENT_SHARE, FOLLOW_UP_ORDER_SHARE -> "i.incident_type IN " + b.in(c.types());
            case SIGN_ON_TIME_SHARE, FEEDBACK_ON_TIME_SHARE, ORDER_COMPLETION_SHARE -> "o.kind IN " + b.in(c.orderKinds());
            case HOUSE_INSPECTION_ON_SCHEDULE, MODEL_ALERT_HANDLED_IN_TIME, COMMUNITY_WORK_SHARE -> "1 = 1";
        };
    }

    /**
     * How the repeat kinds find the earlier call. Both give the same counts (tested); EXACT is the definition as
     * written, kept for the benchmark's naive baseline and the tests that check the stored links against it.
     */
    enum Repeats {
        /**
         * Matching on the caller reads the row's stored link to its caller's previous call first
         * ({@code caller_prior_at}, core incident/CallerLinks): the exact test runs only for the calls whose caller
         * called within the window before (a few per cent), the rest cost one column comparison.
         */
        LINKED,
        /** The exact test for every call of the types. */
        EXACT
    }

    /**
     * An earlier incident (in received_at, id order) of the prior types from the same caller and/or address
     * within the window. A call without a number matches nothing; the guard keeps the index lookup from walking
     * every such call.
     *
     * <p>For the caller, {@link Repeats#LINKED} guards the exact EXISTS with the stored previous call: any earlier
     * call within the window means the most recent one is within it, so the guard drops only calls that cannot be
     * repeats, and the result is exact. The guard is {@code IS NOT NULL AND ...} so that a NULL never reaches the
     * AND (both databases go on to evaluate the EXISTS after a NULL, only a FALSE stops them).
     *
     * <p>Matching on the address has no stored link (nor does {@link Repeats#EXACT}): on PostgreSQL a whole-bureau run
     * first narrows the calls to addresses (numbers) that occur at least twice between the window before the period
     * and its end (one hashed subquery per query); H2 evaluates that subquery slower than it saves. This is how every
     * repeat was found before the links (V7), and what {@code IndexBenchmark} measures as "before".
     */
    private static String repeat(Computation c, Range r, boolean postgres, Repeats mode, Binds b) {
        List<String> exists = new ArrayList<>();
        for (Computation.MatchOn m : List.of(Computation.MatchOn.CALLER, Computation.MatchOn.ADDRESS)) {
            if (c.matchOn() != Computation.MatchOn.CALLER_OR_ADDRESS && c.matchOn() != m) {
                continue;
            }
            String column = m == Computation.MatchOn.CALLER ? "caller_number" : "address";
            String guard;
            if (m == Computation.MatchOn.CALLER && mode == Repeats.LINKED) {
                guard = "i.caller_prior_at IS NOT NULL AND i.caller_prior_at >= i.received_at - CAST(" + b.add(c.windowDays())
                        + " AS INTEGER) * INTERVAL '1' DAY";
            } else if (postgres) {
                guard = "i." + column + " IS NOT NULL AND i." + column + " IN (SELECT q." + column + " FROM incident q WHERE q." + column
                        + " IS NOT NULL AND q.received_at >= " + b.add(r.from().minus(java.time.Duration.ofDays(c.windowDays())))
                        + " AND q.received_at < " + b.add(r.to()) + " GROUP BY q." + column + " HAVING COUNT(*) > 1)";
            } else {
                guard = "i." + column + " IS NOT NULL";
            }
            String prior = guard + " AND EXISTS (SELECT 1 FROM incident p WHERE p." + column + " = i." + column
                    + " AND p.received_at >= i.received_at - CAST(" + b.add(c.windowDays()) + " AS INTEGER) * INTERVAL '1' DAY"
                    + " AND p.received_at <= i.received_at AND (p.received_at < i.received_at OR p.id < i.id)"
                    + " AND p.incident_type IN " + b.in(c.priorTypes());
            if (c.priorOrderKind() != null) {
                prior += " AND EXISTS (SELECT 1 FROM work_order w WHERE w.incident_id = p.id AND w.kind = " + b.add(c.priorOrderKind().name())
                        + " AND w.fed_back_at IS NOT NULL AND w.fed_back_at < i.received_at)";
            }
            exists.add(prior + ")");
        }
        return "(" + String.join(") OR (", exists) + ")";
    }

    /** True on PostgreSQL, false on H2 (the two databases the console runs on). */
    static boolean isPostgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * The numerator count and (where it is a count) the denominator count per station for every indicator of
     * one scan, in one query. Returns indicator id → station id → {numerator, denominator count}; for the
     * LAST_YEAR scan the first is last year's count.
     *
     * @param stations only these stations, or null for all
     */
    static Map<String, Map<Long, long[]>> grouped(Handle h, Scan scan, List<IndicatorDef> indicators, Range r,
                                                  Collection<Long> stations) {
        return grouped(h, scan, indicators, r, stations, Repeats.LINKED);
    }

    /** As {@link #grouped(Handle, Scan, List, Range, Collection)}, finding repeats the given way. */
    static Map<String, Map<Long, long[]>> grouped(Handle h, Scan scan, List<IndicatorDef> indicators, Range r,
                                                  Collection<Long> stations, Repeats mode) {
        if (scan == Scan.WORK_HOURS) {
            Map<Long, long[]> share = org.commandroom.core.workhours.WorkHours.communityShareByStation(h, r.from(), r.to(), r.now(),
                    stations);
            Map<String, Map<Long, long[]>> out = new HashMap<>();
            indicators.forEach(d -> out.put(d.id(), new HashMap<>(share)));
            return out;
        }
        Binds b = new Binds();
        // the address prefilter pays off over every station's calls; for a few stations (an incremental update) the per-call
        // EXISTS over their own calls is cheaper than aggregating the whole bureau's calls
        boolean pg = isPostgres(h) && stations == null;
        String a = alias(scan);
        StringBuilder select = new StringBuilder("SELECT " + a + ".station_id AS sid");
        for (int k = 0; k < indicators.size(); k++) {
            Computation c = indicators.get(k).computation();
            select.append(", SUM(CASE WHEN ").append(numerator(scan, c, r, pg, mode, b)).append(" THEN 1 ELSE 0 END) AS n").append(k);
            String den = scan == Scan.LAST_YEAR ? null : denominator(c, b);
            select.append(", ").append(den == null ? "0" : "SUM(CASE WHEN " + den + " THEN 1 ELSE 0 END)").append(" AS d").append(k);
        }
        String sql = select + fromAndRange(scan, indicators, r, b)
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
        List<TracedRow> out = new ArrayList<>(traceScan(h, scanOf(c.kind()), indicator, stationId, r, false));
        if (c.kind() == ComputationKind.INCIDENT_CHANGE_YOY) {
            out.addAll(traceScan(h, Scan.LAST_YEAR, indicator, stationId, r, true));
        }
        return out;
    }

    private static List<TracedRow> traceScan(Handle h, Scan scan, IndicatorDef indicator, long stationId, Range r, boolean asDenominator) {
        if (scan == Scan.WORK_HOURS) {
            List<TracedRow> rows = new ArrayList<>();
            org.commandroom.core.workhours.WorkHours.communityOrders(h, stationId, r.from(), r.to(), r.now())
                    .forEach((id, e) -> rows.add(new TracedRow(id, e.getKey(), e.getValue(), true)));
            return rows;
        }
        Computation c = indicator.computation();
        Binds b = new Binds();
        String a = alias(scan);
        String num = numerator(scan, c, r, false, Repeats.LINKED, b);
        String den = scan == Scan.LAST_YEAR ? null : denominator(c, b);
        String no = scan == Scan.INCIDENTS || scan == Scan.LAST_YEAR ? "i.incident_no"
                : scan == Scan.HOUSE_INSPECTIONS ? "hs.address || ' ' || hs.house_no || ' ' || CAST(hi.due_date AS VARCHAR(10))"
                : scan == Scan.MODEL_ALERTS ? "mh.address || ' ' || mh.house_no || ' ' || ma.rule_code || ' ' || ma.meter_no"
                : "o.order_no";
        String sql = "SELECT " + idColumn(scan) + " AS rid, " + no + " AS rno, CASE WHEN " + num + " THEN 1 ELSE 0 END AS n, "
                + (den == null ? "0" : "CASE WHEN " + den + " THEN 1 ELSE 0 END") + " AS d"
                + fromAndRange(scan, List.of(indicator), r, b) + " AND " + a + ".station_id = " + b.add(stationId);
        // every row of the station and period comes back once; those counted in neither part are dropped here
        return b.bindTo(h.createQuery(sql + " ORDER BY rid" + (scan == Scan.HOUSE_INSPECTIONS ? ", hi.due_date" : "")))
                .map((rs, ctx) -> asDenominator
                        ? new TracedRow(rs.getLong("rid"), rs.getString("rno"), false, rs.getInt("n") == 1)
                        : new TracedRow(rs.getLong("rid"), rs.getString("rno"), rs.getInt("n") == 1, rs.getInt("d") == 1))
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
