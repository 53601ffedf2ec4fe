package org.commandroom.core.workhours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Police work-hours (警务工时, seed 003: "以警务工时为计量单位,统一不同岗位的工作度量衡") per officer and per unit, from the
 * order trail, by day, ISO week or month in Shanghai time (docs/PREVENTION.md, "Police work-hours", states every rule):
 * <ul>
 *   <li>a dispatch or an intercept (a unit's): travel from its issue to arriving on scene, on scene from then to
 *       clearing (else feedback, withdrawal or closing); an order still open counts up to now, at most
 *       {@link #OPEN_AT_MOST} after its issue or arrival (a status left on is not work);</li>
 *   <li>an officer's own order (house inspection or model alert, visit, dispute follow-up, standard task): the time on
 *       scene the terminal reported (arrival to clearing, with the travel before it) when it did, else a standard time
 *       ending at its feedback ({@link #standard}); an order not fed back has no hours yet;</li>
 *   <li>an officer works a unit's orders while on its crew (the crew as it is now: the console keeps no crew history),
 *       and his own orders; where two orders overlap, each second is counted once ({@link WorkTime}).</li>
 * </ul>
 * A community officer's time is <b>in his community</b> when the order's place (its incident's police grid, or the
 * grid of the house it inspects) is a grid he is the community officer of: indicator 36.
 *
 * <p>Reading officers' hours needs {@link Permission#INDEX_ENTRY} (the commanders and leaders who keep the index);
 * the index reads the per-station figure without a principal.
 */
public final class WorkHours {

    /** An open dispatch counts at most this long after its issue (or arrival on scene). */
    public static final Duration OPEN_AT_MOST = Duration.ofHours(12);

    /** The standard time of an officer's order fed back without times on scene from a terminal. */
    public static Duration standard(String orderKind) {
        return switch (orderKind) {
            case "HOUSE_INSPECTION", "VISIT" -> Duration.ofMinutes(30);
            case "DISPUTE_FOLLOW_UP", "STANDARD_TASK" -> Duration.ofMinutes(60);
            default -> Duration.ZERO;
        };
    }

    static WorkKind kindOf(String orderKind) {
        return switch (orderKind) {
            case "HOUSE_INSPECTION" -> WorkKind.INSPECTION;
            case "VISIT", "DISPUTE_FOLLOW_UP" -> WorkKind.VISIT;
            case "STANDARD_TASK" -> WorkKind.TASK;
            default -> null;
        };
    }

    /** Who worked: an officer or a unit (patrol car, motorbike, foot patrol), of a station. */
    public record Worker(Type type, long id, String name, long stationId, String stationName, boolean communityOfficer) {
        public enum Type { OFFICER, UNIT }
    }

    /** One worker's hours in one period (keyed by its first day). */
    public record Row(Worker worker, LocalDate period, WorkTime.Totals totals) {
    }

    /** One order as the trail has it, with the officer of the police grid its place lies in (null: none known). */
    record OrderTimes(long id, String orderNo, String kind, Long unitId, Long assigneeId, Instant issued, Instant enRoute,
                      Instant onScene, Instant cleared, Instant fedBack, Instant cancelled, Instant closed, Long placeOfficer) {

        Instant ended() {
            return cleared != null ? cleared : fedBack != null ? fedBack : cancelled != null ? cancelled : closed;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;

    public WorkHours(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
    }

    /**
     * Every officer's and unit's hours (of one station, or all when null) per period from {@code from} to
     * {@code toExclusive} (Shanghai days); workers with no hours are left out. Needs {@link Permission#INDEX_ENTRY}.
     */
    public List<Row> report(Long stationId, LocalDate from, LocalDate toExclusive, WorkTime.Granularity g) {
        guard.require(Permission.INDEX_ENTRY, "WORK_HOURS_READ", "STATION", stationId);
        Instant start = WorkTime.periodStart(from, g).atStartOfDay(WorkTime.ZONE).toInstant();
        Instant end = toExclusive.atStartOfDay(WorkTime.ZONE).toInstant();
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            Map<Worker, List<Segment>> segments = segments(h, start, end, now, stationId == null ? null : List.of(stationId));
            List<Row> out = new ArrayList<>();
            segments.forEach((w, s) -> WorkTime.totals(s, start, end.isBefore(now) ? end : now, g)
                    .forEach((d, t) -> out.add(new Row(w, d, t))));
            out.sort(java.util.Comparator.comparing((Row r) -> r.worker().stationName()).thenComparing(r -> r.worker().type())
                    .thenComparing(r -> r.worker().name()).thenComparing(Row::period));
            return out;
        });
    }

    /**
     * Indicator 36 per station: community officers' minutes in their community and all their minutes within [from, to),
     * work still open counted up to {@code now}. Station id → {in community, all}.
     */
    public static Map<Long, long[]> communityShareByStation(Handle h, Instant from, Instant to, Instant now, Collection<Long> stations) {
        Instant cut = to.isBefore(now) ? to : now;
        Map<Long, long[]> seconds = new HashMap<>();
        segments(h, from, to, now, stations).forEach((w, s) -> {
            if (w.type() != Worker.Type.OFFICER || !w.communityOfficer()) {
                return;
            }
            long[] into = seconds.computeIfAbsent(w.stationId(), k -> new long[2]);
            for (WorkTime.Piece p : WorkTime.pieces(s, from, cut)) {
                into[1] += p.seconds();
                if (p.owner().inCommunity()) {
                    into[0] += p.seconds();
                }
            }
        });
        Map<Long, long[]> minutes = new HashMap<>();
        seconds.forEach((k, v) -> minutes.put(k, new long[] {Math.round(v[0] / 60.0), Math.round(v[1] / 60.0)}));
        return minutes;
    }

    /**
     * One station's officers' work in a span: every officer's seconds, its community officers' seconds and the part of
     * theirs in their own community (indicator 36's numerator and denominator, in seconds). Units are not added: a
     * unit's hours are its crew's.
     */
    public record StationHours(long stationId, String stationName, long officerSeconds, long communityOfficerSeconds,
                               long inCommunitySeconds) {

        /** The community officers' share of time in their community, 0-1, or null when they have no time. */
        public Double communityShare() {
            return communityOfficerSeconds == 0 ? null : (double) inCommunitySeconds / communityOfficerSeconds;
        }
    }

    /**
     * Each station's officers' seconds in [from, to), work still open counted up to {@code now}, by the rules of
     * {@link #report}; stations whose officers have no time are left out. Sums per station only, no officer named:
     * like indicator 36, it needs no permission (the wall shows it); {@link #report} with its officers needs
     * {@link Permission#INDEX_ENTRY}.
     */
    public static Map<Long, StationHours> byStation(Handle h, Instant from, Instant to, Instant now) {
        Instant cut = to.isBefore(now) ? to : now;
        Map<Long, long[]> seconds = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        segments(h, from, to, now, null).forEach((w, s) -> {
            if (w.type() != Worker.Type.OFFICER) {
                return;
            }
            names.put(w.stationId(), w.stationName());
            long[] into = seconds.computeIfAbsent(w.stationId(), k -> new long[3]);
            for (WorkTime.Piece p : WorkTime.pieces(s, from, cut)) {
                into[0] += p.seconds();
                if (w.communityOfficer()) {
                    into[1] += p.seconds();
                    if (p.owner().inCommunity()) {
                        into[2] += p.seconds();
                    }
                }
            }
        });
        Map<Long, StationHours> out = new HashMap<>();
        seconds.forEach((k, v) -> {
            if (v[0] > 0) {
                out.put(k, new StationHours(k, names.get(k), v[0], v[1], v[2]));
            }
        });
        return out;
    }

    /** The orders behind a station's indicator 36: order id → {number, in community}, those with counted time only. */
    public static Map<Long, Map.Entry<String, Boolean>> communityOrders(Handle h, long stationId, Instant from, Instant to,
                                                                       Instant now) {
        Instant cut = to.isBefore(now) ? to : now;
        Map<Long, Map.Entry<String, Boolean>> out = new TreeMap<>();
        segments(h, from, to, now, List.of(stationId)).forEach((w, s) -> {
            if (w.type() == Worker.Type.OFFICER && w.communityOfficer() && w.stationId() == stationId) {
                for (WorkTime.Piece p : WorkTime.pieces(s, from, cut)) {
                    Segment o = p.owner();
                    out.merge(o.orderId(), Map.entry(o.orderNo(), o.inCommunity()),
                            (a, b) -> Map.entry(a.getKey(), a.getValue() || b.getValue()));
                }
            }
        });
        return out;
    }

    /** Each worker's segments of the orders that may have time in [from, to). */
    static Map<Worker, List<Segment>> segments(Handle h, Instant from, Instant to, Instant now, Collection<Long> stations) {
        Map<Long, Worker> officers = new HashMap<>();
        h.createQuery("SELECT o.id, o.name, o.station_id, s.name, o.duty FROM officer o JOIN station s ON s.id = o.station_id")
                .map((rs, ctx) -> new Worker(Worker.Type.OFFICER, rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        "COMMUNITY_OFFICER".equals(rs.getString(5))))
                .forEach(w -> officers.put(w.id(), w));
        Map<Long, Worker> units = new HashMap<>();
        h.createQuery("SELECT u.id, u.call_sign, u.station_id, s.name FROM patrol_unit u JOIN station s ON s.id = u.station_id")
                .map((rs, ctx) -> new Worker(Worker.Type.UNIT, rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), false))
                .forEach(w -> units.put(w.id(), w));
        Map<Long, List<Long>> crews = new HashMap<>();
        h.createQuery("SELECT unit_id, officer_id FROM unit_crew").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> crews.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Instant earliest = from.minus(OPEN_AT_MOST).minus(Duration.ofDays(1));
        List<OrderTimes> orders = h.createQuery("SELECT o.id, o.order_no, o.kind, o.unit_id, o.assignee_officer_id, o.issued_at, "
                        + "o.en_route_at, o.on_scene_at, o.cleared_at, o.fed_back_at, o.cancelled_at, o.closed_at, "
                        + "COALESCE(ig.officer_id, g1.officer_id, g2.officer_id) AS place_officer FROM work_order o "
                        + "LEFT JOIN incident i ON i.id = o.incident_id LEFT JOIN police_grid ig ON ig.id = i.police_grid_id "
                        + "LEFT JOIN house_inspection hi ON hi.order_id = o.id LEFT JOIN house h1 ON h1.id = hi.house_id "
                        + "LEFT JOIN police_grid g1 ON g1.id = h1.police_grid_id "
                        + "LEFT JOIN model_alert ma ON ma.order_id = o.id LEFT JOIN house h2 ON h2.id = ma.house_id "
                        + "LEFT JOIN police_grid g2 ON g2.id = h2.police_grid_id "
                        + "WHERE o.issued_at IS NOT NULL AND o.issued_at < :to AND o.kind <> 'REMINDER' "
                        + "AND COALESCE(o.cleared_at, o.fed_back_at, o.cancelled_at, o.closed_at, :to) >= :earliest "
                        + "ORDER BY o.id")
                .bind("to", to).bind("earliest", earliest)
                .map((rs, ctx) -> new OrderTimes(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9), instant(rs, 10),
                        instant(rs, 11), instant(rs, 12), rs.getObject(13, Long.class)))
                .list();
        Map<Worker, List<Segment>> out = new LinkedHashMap<>();
        for (OrderTimes o : orders) {
            if (o.unitId() != null && units.containsKey(o.unitId())) {
                add(out, units.get(o.unitId()), o, now, false);
                for (long officer : crews.getOrDefault(o.unitId(), List.of())) {
                    if (officers.containsKey(officer) && !Objects.equals(o.assigneeId(), officer)) {
                        add(out, officers.get(officer), o, now, o.placeOfficer() != null && o.placeOfficer() == officer);
                    }
                }
            }
            if (o.assigneeId() != null && officers.containsKey(o.assigneeId())) {
                add(out, officers.get(o.assigneeId()), o, now, Objects.equals(o.placeOfficer(), o.assigneeId()));
            }
        }
        if (stations != null) {
            out.keySet().removeIf(w -> !stations.contains(w.stationId()));
        }
        return out;
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void add(Map<Worker, List<Segment>> out, Worker w, OrderTimes o, Instant now, boolean inCommunity) {
        List<Segment> s = segmentsOf(o, now, inCommunity);
        if (!s.isEmpty()) {
            out.computeIfAbsent(w, k -> new ArrayList<>()).addAll(s);
        }
    }

    /** The segments of one order (the rules above). */
    static List<Segment> segmentsOf(OrderTimes o, Instant now, boolean inCommunity) {
        List<Segment> out = new ArrayList<>();
        WorkKind own = kindOf(o.kind());
        if (own == null) {
            // a dispatch or an intercept
            Instant end = o.ended();
            if (end == null) {
                Instant cap = (o.onScene() != null ? o.onScene() : o.issued()).plus(OPEN_AT_MOST);
                end = now.isBefore(cap) ? now : cap;
            }
            Instant arrive = o.onScene();
            if (arrive != null && arrive.isBefore(end)) {
                segment(out, o, WorkKind.TRAVEL, o.issued(), arrive, inCommunity);
                segment(out, o, WorkKind.ON_SCENE, arrive.isBefore(o.issued()) ? o.issued() : arrive, end, inCommunity);
            } else {
                segment(out, o, WorkKind.TRAVEL, o.issued(), end, inCommunity);
            }
        } else if (o.onScene() != null && o.cleared() != null && o.cleared().isAfter(o.onScene())) {
            if (o.enRoute() != null) {
                segment(out, o, WorkKind.TRAVEL, o.enRoute(), o.onScene(), inCommunity);
            }
            segment(out, o, own, o.onScene(), o.cleared(), inCommunity);
        } else if (o.fedBack() != null) {
            segment(out, o, own, o.fedBack().minus(standard(o.kind())), o.fedBack(), inCommunity);
        }
        return out;
    }

    private static void segment(List<Segment> out, OrderTimes o, WorkKind kind, Instant from, Instant to, boolean inCommunity) {
        if (from != null && to != null && to.isAfter(from)) {
            out.add(new Segment(o.id(), o.orderNo(), kind, from, to, inCommunity));
        }
    }
}
