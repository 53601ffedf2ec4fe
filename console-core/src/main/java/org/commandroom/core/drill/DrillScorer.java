package org.commandroom.core.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitKind;
import org.jdbi.v3.core.Jdbi;

/**
 * Scores what a trainee did against a scenario's answer key (docs/drill/SCENARIOS.md, "Scoring"):
 * <ul>
 * <li>an expected action is answered by {@code count} orders of its kind, to different assignees of its sort, for its
 * call (DISPATCH, VISIT: the call's incident) or its sighting (INTERCEPT: an order made after the sighting with its
 * point within {@link #INTERCEPT_RADIUS_M} of it). Its points when the last of them was made within its window, its
 * {@code latePoints} when after, nothing when there are too few;</li>
 * <li>every dispatch for a drill call that no expected action took is a wrong dispatch: the rubric's
 * {@code wrongDispatch} points off (a call the instructor made up during the drill is no drill call: it has no
 * answer);</li>
 * <li>an expected action for an injectable event counts (in the total possible too) only once it was injected.</li>
 * </ul>
 * Only the trainee's own orders count (their CREATED event names the trainee).
 */
public final class DrillScorer {

    /** How near the sighting an intercept order's point must be. */
    public static final double INTERCEPT_RADIUS_M = 500;

    /** An available unit as it stood when an event happened, with its distance and travel time to it. */
    public record Ranked(long unitId, String callSign, UnitKind kind, double metres, Duration eta) {
    }

    private final Jdbi jdbi;

    public DrillScorer(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The trainee's orders made since {@code since}, oldest first. */
    public List<TraineeAction> actions(String trainee, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.id, o.order_no, o.kind, o.incident_id, o.unit_id, u.call_sign, "
                        + "o.assignee_officer_id, COALESCE(u.station_id, o.station_id) AS station_id, o.target_lat, o.target_lon, "
                        + "o.created_at FROM work_order o JOIN work_order_event e ON e.order_id = o.id AND e.event = 'CREATED' "
                        + "LEFT JOIN patrol_unit u ON u.id = o.unit_id "
                        + "WHERE e.actor = :trainee AND o.created_at >= :since ORDER BY o.created_at, o.id")
                .bind("trainee", trainee).bind("since", since)
                .map((rs, ctx) -> {
                    double lat = rs.getDouble("target_lat");
                    GeoPoint target = rs.wasNull() ? null : GeoPoint.wgs84(lat, rs.getDouble("target_lon"));
                    return new TraineeAction(rs.getLong("id"), rs.getString("order_no"), OrderKind.valueOf(rs.getString("kind")),
                            (Long) rs.getObject("incident_id", Long.class), (Long) rs.getObject("unit_id", Long.class),
                            rs.getString("call_sign"), (Long) rs.getObject("assignee_officer_id", Long.class),
                            rs.getLong("station_id"), target, rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
                }).list());
    }

    DrillScore score(Scenario scenario, String trainee, Instant start, Map<String, Long> incidentOfEvent,
                     Map<String, GeoPoint> whereOfEvent, Map<String, Instant> whenOfEvent,
                     Map<String, List<Ranked>> nearestOfEvent) {
        List<TraineeAction> actions = actions(trainee, start);
        Set<Long> used = new HashSet<>();
        List<DrillScore.Result> results = new ArrayList<>();
        int max = 0;
        for (Scenario.Expected x : scenario.answerKey().expected()) {
            Instant eventAt = whenOfEvent.get(x.forId());
            if (eventAt == null && scenario.isInjectable(x.forId())) {
                // An injectable event the instructor never injected asks nothing of the trainee.
                continue;
            }
            max += x.points();
            if (eventAt == null) {
                results.add(new DrillScore.Result(x, null, null, null, List.of(), DrillScore.Outcome.PENDING, 0));
                continue;
            }
            Instant deadline = eventAt.plus(x.within());
            Long incidentId = incidentOfEvent.get(x.forId());
            GeoPoint where = whereOfEvent.get(x.forId());
            Responsibility duty = incidentId == null ? null : responsibility(incidentId);
            List<TraineeAction> taken = new ArrayList<>();
            Set<String> assignees = new HashSet<>();
            for (TraineeAction a : actions) {
                if (taken.size() == x.count()) {
                    break;
                }
                if (used.contains(a.orderId()) || a.kind() != kindOf(x.action()) || assignees.contains(a.assigneeKey())) {
                    continue;
                }
                boolean forEvent = x.action() == Scenario.Action.INTERCEPT
                        ? !a.at().isBefore(eventAt) && a.target() != null && where != null
                        && a.target().distanceMetres(where) <= INTERCEPT_RADIUS_M
                        : incidentId != null && incidentId.equals(a.incidentId());
                if (forEvent && fits(x, a, duty, nearestOfEvent.getOrDefault(x.forId(), List.of()))) {
                    taken.add(a);
                    assignees.add(a.assigneeKey());
                }
            }
            if (taken.size() < x.count()) {
                results.add(new DrillScore.Result(x, eventAt, deadline, null, List.of(), DrillScore.Outcome.MISSED, 0));
                continue;
            }
            taken.forEach(a -> used.add(a.orderId()));
            Instant doneAt = taken.get(taken.size() - 1).at();
            boolean onTime = !doneAt.isAfter(deadline);
            results.add(new DrillScore.Result(x, eventAt, deadline, doneAt, taken.stream().map(TraineeAction::orderNo).toList(),
                    onTime ? DrillScore.Outcome.ON_TIME : DrillScore.Outcome.LATE, onTime ? x.points() : x.latePoints()));
        }
        List<DrillScore.Deduction> deductions = new ArrayList<>();
        Set<Long> drillIncidents = new HashSet<>(incidentOfEvent.values());
        for (TraineeAction a : actions) {
            if (a.kind() == OrderKind.DISPATCH && !used.contains(a.orderId()) && drillIncidents.contains(a.incidentId())
                    && scenario.answerKey().wrongDispatch() > 0) {
                deductions.add(new DrillScore.Deduction(a.orderNo(), a.at(), "wrong-dispatch",
                        scenario.answerKey().wrongDispatch()));
            }
        }
        return new DrillScore(results, deductions, actions, max);
    }

    private static OrderKind kindOf(Scenario.Action action) {
        switch (action) {
            case VISIT:
                return OrderKind.VISIT;
            case INTERCEPT:
                return OrderKind.INTERCEPT;
            default:
                return OrderKind.DISPATCH;
        }
    }

    /** Whose the incident is: its station and its grid's community officer (with the units he crews). */
    private record Responsibility(Long stationId, Long officerId, Set<Long> officersUnits) {
    }

    private Responsibility responsibility(long incidentId) {
        return jdbi.withHandle(h -> {
            Long station = h.createQuery("SELECT station_id FROM incident WHERE id = :id").bind("id", incidentId)
                    .mapTo(Long.class).findOne().orElse(null);
            Optional<Long> officer = h.createQuery("SELECT g.officer_id FROM incident i JOIN police_grid g ON g.id = i.police_grid_id "
                    + "WHERE i.id = :id").bind("id", incidentId).mapTo(Long.class).findOne();
            Set<Long> crewed = officer.isEmpty() ? Set.of() : new HashSet<>(h.createQuery(
                    "SELECT unit_id FROM unit_crew WHERE officer_id = :o").bind("o", officer.get()).mapTo(Long.class).list());
            return new Responsibility(station, officer.orElse(null), crewed);
        });
    }

    private static boolean fits(Scenario.Expected x, TraineeAction a, Responsibility duty, List<Ranked> nearest) {
        switch (x.assignee()) {
            case GRID_OFFICER:
                return duty != null && duty.officerId() != null && (duty.officerId().equals(a.officerId())
                        || a.unitId() != null && duty.officersUnits().contains(a.unitId()));
            case RESPONSIBLE:
                return duty != null && (duty.stationId() != null && duty.stationId() == a.stationId()
                        || duty.officerId() != null && duty.officerId().equals(a.officerId())
                        || a.unitId() != null && duty.officersUnits().contains(a.unitId()));
            case NEAREST:
                return a.unitId() != null && nearest.stream()
                        .filter(r -> x.unitKind() == null || r.kind().name().equals(x.unitKind()))
                        .limit(x.count()).anyMatch(r -> r.unitId() == a.unitId());
            default:
                return true;
        }
    }
}
