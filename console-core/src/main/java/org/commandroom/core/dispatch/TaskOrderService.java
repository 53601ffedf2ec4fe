package org.commandroom.core.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Jdbi;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;

/**
 * Orders that are not a dispatch to an incident, created and issued in one step with their deadlines:
 * deploy and intercept at a point (布控, INTERCEPT), door visit or re-visit (上门回访, VISIT), dispute
 * follow-up (DISPUTE_FOLLOW_UP, its feedback limit by kind of dispute), house inspection and standard
 * basic tasks (标准件, STANDARD_TASK, the task's own time limit). And corrections: a corrected order keeps
 * its trail, the old wording goes into a CORRECTED event; nothing is deleted.
 */
public final class TaskOrderService {

    private static final Set<OrderKind> KINDS = EnumSet.of(OrderKind.INTERCEPT, OrderKind.VISIT,
            OrderKind.DISPUTE_FOLLOW_UP, OrderKind.HOUSE_INSPECTION, OrderKind.STANDARD_TASK);

    private final Jdbi jdbi;
    private final OrderService orders;
    private final UnitService units;
    private final ChangeRecorder changes;
    private final AccessGuard guard;

    /** Deadlines come from the order service's policy when each order is issued. */
    public TaskOrderService(Jdbi jdbi, OrderService orders, UnitService units, ChangeRecorder changes) {
        this(jdbi, orders, units, changes, AccessGuard.trusted());
    }

    /** @param guard issuing needs {@link Permission#ORDERS}, correcting {@link Permission#CORRECT} (docs/ACCESS.md) */
    public TaskOrderService(Jdbi jdbi, OrderService orders, UnitService units, ChangeRecorder changes,
                            AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.orders = orders;
        this.units = units;
        this.changes = changes;
    }

    /**
     * As {@link #TaskOrderService(Jdbi, OrderService, UnitService, ChangeRecorder)}; {@code deadlines} is not used
     * (the order service's policy, which knows the incident's priority, sets every window). Kept for its callers.
     */
    public TaskOrderService(Jdbi jdbi, OrderService orders, UnitService units, DeadlinePolicy deadlines,
                            ChangeRecorder changes) {
        this(jdbi, orders, units, changes);
    }

    /**
     * What to issue. Give a unit (with the version read, for an intercept it is sent EN_ROUTE), an officer,
     * or neither (the station as a whole). {@code incidentType} sets a dispute follow-up's limit;
     * {@code feedbackWithin} overrides the policy (a standard task's limit); {@code incidentId} links a
     * visit to the incident it follows up.
     */
    public record TaskRequest(OrderKind kind, long stationId, Long unitId, Integer unitVersion, Long officerId,
                              String summary, GeoPoint target, IncidentType incidentType, Long incidentId,
                              Duration feedbackWithin) {
    }

    /** A station or post an order can go to. */
    public record StationChoice(long id, String name) {
    }

    /**
     * Who at a station can take an order: an available unit (with the version read, for the optimistic lock)
     * or an officer; {@code label} is the call-sign or the officer's name.
     */
    public record Assignee(Long unitId, Integer unitVersion, Long officerId, String label, boolean communityOfficer) {
        public boolean isUnit() {
            return unitId != null;
        }
    }

    /** Every station and post, by code. */
    public List<StationChoice> stations() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM station ORDER BY code")
                .map((rs, ctx) -> new StationChoice(rs.getLong("id"), rs.getString("name"))).list());
    }

    /**
     * Who at the station can take a task: its AVAILABLE units by call-sign, then its officers, community
     * officers first, by name; retired units and officers are not offered.
     */
    public List<Assignee> assignees(long stationId) {
        return jdbi.withHandle(h -> {
            List<Assignee> all = new ArrayList<>(h.createQuery("SELECT id, call_sign, version FROM patrol_unit "
                            + "WHERE station_id = :s AND status = 'AVAILABLE' AND retired_at IS NULL ORDER BY call_sign")
                    .bind("s", stationId)
                    .map((rs, ctx) -> new Assignee(rs.getLong("id"), rs.getInt("version"), null,
                            rs.getString("call_sign"), false)).list());
            all.addAll(h.createQuery("SELECT id, name, duty FROM officer WHERE station_id = :s AND retired_at IS NULL "
                            + "ORDER BY CASE WHEN duty = 'COMMUNITY_OFFICER' THEN 0 ELSE 1 END, name, id")
                    .bind("s", stationId)
                    .map((rs, ctx) -> new Assignee(null, null, rs.getLong("id"), rs.getString("name"),
                            "COMMUNITY_OFFICER".equals(rs.getString("duty")))).list());
            return all;
        });
    }

    /**
     * Creates and issues the order.
     *
     * @throws IllegalArgumentException naming what is missing or wrong; nothing written
     * @throws ConcurrentChangeException when the unit was changed by another workstation; nothing written
     */
    public Order issue(TaskRequest r, String actor) {
        return issue(r, actor, null);
    }

    /**
     * Issues an order kept as a draft while the database was gone ({@link TaskDrafts}): at most once under
     * {@code clientRef} (an attempt that committed before the connection broke is found and returned), and to the unit
     * as it is now, not at the version the form read, provided it is still free.
     *
     * @throws ConcurrentChangeException when the unit is no longer available; nothing written
     */
    public Order issueKept(TaskRequest r, String actor, String clientRef) {
        java.util.Objects.requireNonNull(clientRef, "clientRef");
        Optional<Order> done = jdbi.withHandle(h -> byClientRef(h, clientRef));
        if (done.isPresent()) {
            return done.get();
        }
        Integer version = r.unitId() == null ? null : jdbi.withHandle(h -> h.createQuery(
                        "SELECT version FROM patrol_unit WHERE id = :u AND status = 'AVAILABLE' AND retired_at IS NULL")
                .bind("u", r.unitId()).mapTo(Integer.class).findOne())
                .orElseThrow(() -> new ConcurrentChangeException("patrol_unit", r.unitId()));
        return issue(new TaskRequest(r.kind(), r.stationId(), r.unitId(), version, r.officerId(), r.summary(), r.target(),
                r.incidentType(), r.incidentId(), r.feedbackWithin()), actor, clientRef);
    }

    private static Optional<Order> byClientRef(org.jdbi.v3.core.Handle h, String clientRef) {
        return h.createQuery("SELECT id FROM work_order WHERE client_ref = :r").bind("r", clientRef).mapTo(Long.class)
                .findOne().flatMap(id -> h.attach(OrderDao.class).findById(id));
    }

    private Order issue(TaskRequest r, String actor, String clientRef) {
        guard.require(Permission.ORDERS, "ORDER_ISSUE", "ORDER", null);
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ", got " + r.kind());
        }
        String summary = r.summary() == null ? "" : r.summary().strip();
        if (summary.isEmpty()) {
            throw new IllegalArgumentException("the order says nothing: the summary is missing");
        }
        if (summary.length() > 500) {
            throw new IllegalArgumentException("the summary has " + summary.length() + " characters, at most 500");
        }
        if (r.kind() == OrderKind.INTERCEPT && r.target() == null) {
            throw new IllegalArgumentException("a deploy-and-intercept order needs the point to deploy at");
        }
        if (r.unitId() != null && r.unitVersion() == null) {
            throw new IllegalArgumentException("a unit is assigned without the version it was read at");
        }
        if (r.kind() == OrderKind.DISPUTE_FOLLOW_UP && r.incidentType() != null
                && r.incidentType().category() != IncidentCategory.DISPUTE) {
            throw new IllegalArgumentException("a dispute follow-up needs a kind of dispute, got " + r.incidentType());
        }
        OrderDraft draft = new OrderDraft(r.kind(), r.incidentId(), r.incidentType(), r.stationId(), r.unitId(),
                r.officerId(), summary, r.target());
        // null: the policy's limit for the kind (and the incident's priority), applied when the order is issued.
        Duration feedback = r.feedbackWithin();
        return jdbi.inTransaction(h -> {
            if (r.officerId() != null && h.createQuery("SELECT COUNT(*) FROM officer WHERE id = :o AND retired_at IS NOT NULL")
                    .bind("o", r.officerId()).mapTo(Long.class).one() > 0) {
                throw new IllegalArgumentException("officer " + r.officerId() + " is retired and takes no tasks");
            }
            if (r.unitId() != null) {
                units.changeStatus(h, r.unitId(), r.unitVersion(),
                        r.kind() == OrderKind.INTERCEPT ? UnitStatus.EN_ROUTE : UnitStatus.BUSY);
            }
            if (clientRef != null) {
                Optional<Order> done = byClientRef(h, clientRef);
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Order o = orders.create(h, draft, actor);
            if (clientRef != null) {
                h.createUpdate("UPDATE work_order SET client_ref = :r WHERE id = :id").bind("r", clientRef)
                        .bind("id", o.id()).execute();
            }
            orders.issue(h, o.id(), draft, actor, feedback);
            return h.attach(OrderDao.class).findById(o.id()).orElseThrow();
        });
    }

    /** Deploy and intercept at a point (布控): "a fugitive is at Qianjin Rd 1, go". */
    public Order intercept(long stationId, Long unitId, Integer unitVersion, GeoPoint point, String summary, String actor) {
        return issue(new TaskRequest(OrderKind.INTERCEPT, stationId, unitId, unitVersion, null, summary, point, null,
                null, null), actor);
    }

    /** A door visit or re-visit (上门回访) by an officer, optionally following up an incident. */
    public Order visit(long stationId, Long officerId, Long incidentId, IncidentType incidentType, GeoPoint at,
                       String summary, String actor) {
        return issue(new TaskRequest(OrderKind.VISIT, stationId, null, null, officerId, summary, at, incidentType,
                incidentId, null), actor);
    }

    /** Issues a proposed draft as it stands (the door visit proposed by repeat detection). */
    public Order issueDraft(OrderDraft draft, String actor) {
        return issue(new TaskRequest(draft.kind(), draft.stationId(), null, null, draft.assigneeOfficerId(),
                draft.summary(), draft.target(), draft.incidentType(), draft.incidentId(), null), actor);
    }

    /** A dispute follow-up: the feedback limit comes from the kind of dispute (3, 6, 9 or 24 hours). */
    public Order disputeFollowUp(long stationId, Long officerId, IncidentType disputeType, Long incidentId,
                                 String summary, String actor) {
        return issue(new TaskRequest(OrderKind.DISPUTE_FOLLOW_UP, stationId, null, null, officerId, summary, null,
                disputeType, incidentId, null), actor);
    }

    /** A standard basic task (标准件) with its own time limit. */
    public Order standardTask(StandardTask task, long stationId, Long officerId, GeoPoint at, String actor) {
        return issue(new TaskRequest(OrderKind.STANDARD_TASK, stationId, null, null, officerId, task.summary(), at,
                null, null, task.timeLimit()), actor);
    }

    /**
     * Corrects what an order says (its summary and target), if nobody changed it since {@code expectedVersion}.
     * The old and new wording and the reason are appended as a CORRECTED event; nothing is deleted.
     *
     * @throws ConcurrentChangeException if the order changed in between; nothing written
     */
    public Order correct(long orderId, int expectedVersion, String newSummary, GeoPoint newTarget, String reason,
                         String actor) {
        guard.require(Permission.CORRECT, "ORDER_CORRECT", "ORDER", orderId);
        String summary = newSummary == null ? "" : newSummary.strip();
        if (summary.isEmpty() || summary.length() > 500) {
            throw new IllegalArgumentException("the corrected summary must have 1 to 500 characters");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs its reason");
        }
        return jdbi.inTransaction(h -> {
            OrderDao dao = h.attach(OrderDao.class);
            Order before = dao.findById(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
            int n = dao.correct(orderId, expectedVersion, summary, newTarget == null ? null : newTarget.lat(),
                    newTarget == null ? null : newTarget.lon(), newTarget == null ? "WGS84" : newTarget.datum().name());
            if (n != 1) {
                throw new ConcurrentChangeException("order", orderId);
            }
            String detail = "摘要：「" + before.summary() + "」→「" + summary + "」；位置：" + point(before.target()) + " → "
                    + point(newTarget) + "；原因：" + reason.strip();
            dao.appendEvent(orderId, orders.now(), actor, OrderEventType.CORRECTED,
                    detail.length() > 2000 ? detail.substring(0, 2000) : detail);
            changes.record(h, Entity.ORDER, orderId, ChangeOp.UPDATE);
            guard.audit(h, orders.now(), actor, "ORDER_CORRECT", "ORDER", orderId, before.orderNo() + ": " + detail);
            orders.amended(h, orderId, reason.strip());
            return dao.findById(orderId).orElseThrow();
        });
    }

    private static String point(GeoPoint p) {
        return p == null ? "无" : String.format(Locale.ROOT, "%.6f,%.6f %s", p.lat(), p.lon(), p.datum());
    }
}
