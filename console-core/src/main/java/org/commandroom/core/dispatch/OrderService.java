package org.commandroom.core.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Numbering;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The closed loop of orders: create → issue → sign for → feed back → close. Each step is guarded by
 * the status it starts from, so a repeated or late acknowledgement changes nothing and returns false;
 * each step that happens appends an event (who, when, what) and a change-log row.
 */
public final class OrderService {

    public static final String ORDER_PREFIX = "ZL";

    private final Jdbi jdbi;
    private final Clock clock;
    private final DeadlinePolicy deadlines;
    private final Numbering numbering;
    private final ChangeRecorder changes;
    private final IssueHook issueHook;
    private final AccessGuard guard;

    public OrderService(Jdbi jdbi, Clock clock, DeadlinePolicy deadlines, Numbering numbering, ChangeRecorder changes) {
        this(jdbi, clock, deadlines, numbering, changes, IssueHook.NONE);
    }

    /**
     * @param issueHook told of every issued order inside the issuing transaction (the push outbox:
     *                  {@code dispatch.push.OrderPushEnqueuer}); {@link IssueHook#NONE} for none
     */
    public OrderService(Jdbi jdbi, Clock clock, DeadlinePolicy deadlines, Numbering numbering, ChangeRecorder changes,
                        IssueHook issueHook) {
        this(jdbi, clock, deadlines, numbering, changes, issueHook, AccessGuard.trusted());
    }

    /**
     * @param guard checks the caller of each public step that starts its own transaction (docs/ACCESS.md): creating
     *              and issuing and recording a sign-for or feedback need {@link Permission#ORDERS}, closing needs
     *              {@link Permission#REVIEW_CLOSE}. The steps that take a {@link Handle} run inside a transaction
     *              whose service has checked already, or record a terminal's own acknowledgement.
     */
    public OrderService(Jdbi jdbi, Clock clock, DeadlinePolicy deadlines, Numbering numbering, ChangeRecorder changes,
                        IssueHook issueHook, AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.clock = clock;
        this.deadlines = deadlines;
        this.numbering = numbering;
        this.changes = changes;
        this.issueHook = issueHook;
    }

    /** Creates an order in state CREATED and returns it. */
    public Order create(Handle h, OrderDraft draft, String actor) {
        Instant now = clock.instant();
        String no = numbering.next(h, ORDER_PREFIX);
        Order o = new Order(0, no, draft.kind(), draft.incidentId(), draft.stationId(), draft.unitId(),
                draft.assigneeOfficerId(), draft.summary(), draft.target(), OrderStatus.CREATED, now,
                null, null, null, null, null, null, 0);
        OrderDao dao = h.attach(OrderDao.class);
        long id = dao.insert(o);
        dao.appendEvent(id, now, actor, OrderEventType.CREATED, draft.summary());
        changes.record(h, Entity.ORDER, id, ChangeOp.INSERT);
        refreshIncidentTimes(h, id);
        return dao.findById(id).orElseThrow();
    }

    /** Creates and issues in one transaction: the usual path for a dispatch. */
    public Order createAndIssue(OrderDraft draft, String actor) {
        guard.require(Permission.ORDERS, "ORDER_ISSUE", "ORDER", null);
        return jdbi.inTransaction(h -> {
            Order o = create(h, draft, actor);
            issue(h, o.id(), draft, actor);
            return h.attach(OrderDao.class).findById(o.id()).orElseThrow();
        });
    }

    /**
     * Issues a created order, starting its sign-for and feedback clocks: the policy's windows for the order's kind
     * and the priority of its incident (an urgent dispatch is signed for within minutes, docs/ORDERS.md).
     */
    public boolean issue(Handle h, long orderId, OrderDraft draft, String actor) {
        return issue(h, orderId, draft, actor, null);
    }

    /**
     * As {@link #issue(Handle, long, OrderDraft, String)} with a feedback limit of the order's own (a standard
     * task's time limit) instead of the policy's; null for the policy's.
     */
    public boolean issue(Handle h, long orderId, OrderDraft draft, String actor, java.time.Duration feedbackWithin) {
        Instant now = clock.instant();
        Integer priority = draft.incidentId() == null ? null
                : h.attach(OrderDao.class).incidentPriority(draft.incidentId()).orElse(null);
        Instant signBy = now.plus(deadlines.signWithin(draft.kind(), priority));
        Instant feedbackBy = now.plus(feedbackWithin != null ? feedbackWithin
                : deadlines.feedbackWithin(draft.kind(), draft.incidentType(), priority));
        boolean issued = step(h, orderId, () -> h.attach(OrderDao.class).markIssued(orderId, now, signBy, feedbackBy),
                now, actor, OrderEventType.ISSUED, null);
        if (issued) {
            issueHook.issued(h, h.attach(OrderDao.class).findById(orderId).orElseThrow());
        }
        return issued;
    }

    /** A unit or station signs for the order (签收). A duplicate signing returns false and changes nothing. */
    public boolean sign(long orderId, String actor) {
        guard.require(Permission.ORDERS, "ORDER_SIGN", "ORDER", orderId);
        return jdbi.inTransaction(h -> sign(h, orderId, actor));
    }

    /** As {@link #sign(long, String)}, inside the caller's transaction. */
    public boolean sign(Handle h, long orderId, String actor) {
        Instant now = clock.instant();
        return step(h, orderId, () -> h.attach(OrderDao.class).markSigned(orderId, now), now, actor,
                OrderEventType.SIGNED, null);
    }

    /** Feedback on the order (反馈). A duplicate returns false and changes nothing. */
    public boolean feedback(long orderId, String actor, String text) {
        guard.require(Permission.ORDERS, "ORDER_FEEDBACK", "ORDER", orderId);
        return jdbi.inTransaction(h -> feedback(h, orderId, actor, text));
    }

    /** As {@link #feedback(long, String, String)}, inside the caller's transaction. */
    public boolean feedback(Handle h, long orderId, String actor, String text) {
        Instant now = clock.instant();
        return step(h, orderId, () -> h.attach(OrderDao.class).markFedBack(orderId, now), now, actor,
                OrderEventType.FED_BACK, text);
    }

    /** The commander reviews the feedback and closes the order (监督). */
    public boolean close(long orderId, String actor, String note) {
        guard.require(Permission.REVIEW_CLOSE, "ORDER_CLOSE", "ORDER", orderId);
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            boolean closed = step(h, orderId, () -> h.attach(OrderDao.class).markClosed(orderId, now), now, actor,
                    OrderEventType.CLOSED, note);
            if (closed) {
                hook(h, orderId, IssueHook.Change.CLOSED, null, note);
            }
            return closed;
        });
    }

    /**
     * Gives an issued (or signed, not yet fed back) order to another unit: the old unit's terminal is told to drop it
     * and the new one gets it (docs/PUSH.md); the order is ISSUED again with a new sign-for deadline. Needs
     * {@link Permission#DISPATCH}. False when the order is not in a state that can be re-assigned or already has that
     * unit, or when the unit is retired.
     */
    public boolean reassign(long orderId, long newUnitId, String actor, String note) {
        guard.require(Permission.DISPATCH, "ORDER_REASSIGN", "ORDER", orderId);
        return jdbi.inTransaction(h -> {
            OrderDao dao = h.attach(OrderDao.class);
            Order before = dao.findById(orderId).orElse(null);
            if (before == null || before.unitId() == null) {
                return false;
            }
            if (h.createQuery("SELECT COUNT(*) FROM patrol_unit WHERE id = :u AND retired_at IS NULL").bind("u", newUnitId)
                    .mapTo(Long.class).one() == 0) {
                return false; // no such unit, or retired (停用): it takes no more work
            }
            Instant now = clock.instant();
            Integer priority = before.incidentId() == null ? null : dao.incidentPriority(before.incidentId()).orElse(null);
            Instant signBy = now.plus(deadlines.signWithin(before.kind(), priority));
            String from = callSign(h, before.unitId());
            String to = callSign(h, newUnitId);
            String detail = from + " → " + to + (note == null || note.isBlank() ? "" : "：" + note.strip());
            boolean moved = step(h, orderId, () -> dao.reassign(orderId, newUnitId, signBy), now, actor,
                    OrderEventType.REASSIGNED, detail);
            if (moved) {
                hook(h, orderId, IssueHook.Change.REASSIGNED, before.unitId(), note);
            }
            return moved;
        });
    }

    /** Withdraws an order that is not closed yet; its unit's terminal is told. Needs {@link Permission#ORDERS}. */
    public boolean cancel(long orderId, String actor, String reason) {
        guard.require(Permission.ORDERS, "ORDER_CANCEL", "ORDER", orderId);
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            boolean cancelled = step(h, orderId, () -> h.attach(OrderDao.class).markCancelled(orderId, now), now, actor,
                    OrderEventType.CANCELLED, reason);
            if (cancelled) {
                hook(h, orderId, IssueHook.Change.CANCELLED, null, reason);
            }
            return cancelled;
        });
    }

    /**
     * The reviewer sends the feedback back for more work (监督 退回): FED_BACK → SIGNED with a new feedback deadline
     * by the policy; the unit's terminal gets the order again with the note. Needs {@link Permission#REVIEW_CLOSE}.
     */
    public boolean returnForMoreWork(long orderId, String actor, String note) {
        guard.require(Permission.REVIEW_CLOSE, "ORDER_RETURN", "ORDER", orderId);
        return jdbi.inTransaction(h -> {
            OrderDao dao = h.attach(OrderDao.class);
            Order before = dao.findById(orderId).orElse(null);
            if (before == null) {
                return false;
            }
            Instant now = clock.instant();
            Integer priority = before.incidentId() == null ? null : dao.incidentPriority(before.incidentId()).orElse(null);
            Instant feedbackBy = now.plus(deadlines.feedbackWithin(before.kind(), null, priority));
            boolean back = step(h, orderId, () -> dao.markReturned(orderId, feedbackBy), now, actor,
                    OrderEventType.RETURNED, note);
            if (back) {
                hook(h, orderId, IssueHook.Change.RETURNED, null, note);
            }
            return back;
        });
    }

    /** Tells the hook that what an issued order says was corrected, inside the correcting transaction. */
    public void amended(Handle h, long orderId, String note) {
        Order o = h.attach(OrderDao.class).findById(orderId).orElseThrow();
        if (o.issuedAt() != null && o.status() != OrderStatus.CLOSED) {
            issueHook.changed(h, o, IssueHook.Change.AMENDED, null, note);
        }
    }

    private void hook(Handle h, long orderId, IssueHook.Change change, Long previousUnitId, String note) {
        Order o = h.attach(OrderDao.class).findById(orderId).orElseThrow();
        if (o.issuedAt() != null) {
            issueHook.changed(h, o, change, previousUnitId, note);
        }
    }

    private static String callSign(Handle h, long unitId) {
        return h.createQuery("SELECT call_sign FROM patrol_unit WHERE id = :id").bind("id", unitId)
                .mapTo(String.class).findOne().orElse("#" + unitId);
    }

    /** The unit's terminal has the order (a terminal's RECEIPT, inside the listener's transaction). */
    public boolean received(Handle h, long orderId, String actor) {
        Instant now = clock.instant();
        return step(h, orderId, () -> h.attach(OrderDao.class).markReceived(orderId, now), now, actor,
                OrderEventType.RECEIVED, null);
    }

    /**
     * The order's unit reported a status from its terminal (inside the listener's transaction): EN_ROUTE and ON_SCENE
     * stamp the order's first such time, AVAILABLE after ON_SCENE its cleared time; each stamp appends its event.
     * Returns whether the order's times moved.
     */
    public boolean unitReported(Handle h, long orderId, String status, Instant terminalAt, String actor) {
        Instant now = clock.instant();
        OrderDao dao = h.attach(OrderDao.class);
        String detail = terminalAt == null ? null : "终端时间 " + terminalAt;
        return switch (status) {
            case "EN_ROUTE" -> step(h, orderId, () -> dao.markEnRoute(orderId, now, terminalAt), now, actor,
                    OrderEventType.EN_ROUTE, detail);
            case "ON_SCENE" -> step(h, orderId, () -> dao.markOnScene(orderId, now, terminalAt), now, actor,
                    OrderEventType.ON_SCENE, detail);
            case "AVAILABLE" -> step(h, orderId, () -> dao.markCleared(orderId, now), now, actor,
                    OrderEventType.CLEARED, detail);
            default -> false;
        };
    }

    /** When things happened to the order (call, dispatch, receipt, sign-for, en route, on scene, cleared). */
    public Optional<OrderTimes> times(long orderId) {
        return jdbi.withExtension(OrderDao.class, dao -> dao.times(orderId));
    }

    /** Response times of the dispatch orders issued in [from, to) (the queue's statistics). */
    public ResponseTimes.Stats responseStats(Instant from, Instant to) {
        return ResponseTimes.Stats.of(dispatchTimes(from, to));
    }

    /** The times of every dispatch order issued in [from, to): the queue's statistics and the index use them. */
    public List<OrderTimes> dispatchTimes(Instant from, Instant to) {
        return jdbi.withExtension(OrderDao.class, dao -> dao.dispatchTimes(from, to));
    }

    private boolean step(Handle h, long orderId, IntSupplier update, Instant now, String actor,
                         OrderEventType event, String detail) {
        if (update.getAsInt() != 1) {
            return false;
        }
        h.attach(OrderDao.class).appendEvent(orderId, now, actor, event, detail);
        changes.record(h, Entity.ORDER, orderId, ChangeOp.UPDATE);
        refreshIncidentTimes(h, orderId);
        String no = h.createQuery("SELECT order_no FROM work_order WHERE id = :id").bind("id", orderId)
                .mapTo(String.class).one();
        guard.audit(h, now, actor, "ORDER_" + event.name(), "ORDER", orderId,
                no + (detail == null ? "" : ": " + detail));
        return true;
    }

    /**
     * Brings the times of the order's incident (incident.dispatched_at … cleared_at) in line with its orders, inside
     * the caller's transaction: every change of an order made here ends with it, so no write path keeps its own copy
     * of the rule ({@link OrderDao#refreshIncidentTimes}).
     */
    private static void refreshIncidentTimes(Handle h, long orderId) {
        OrderDao dao = h.attach(OrderDao.class);
        dao.incidentOf(orderId).ifPresent(dao::refreshIncidentTimes);
    }

    /** The service's clock reading (events appended by companions use the same time source). */
    public Instant now() {
        return clock.instant();
    }

    public Optional<Order> find(long orderId) {
        return jdbi.withExtension(OrderDao.class, dao -> dao.findById(orderId));
    }

    public List<OrderEvent> trail(long orderId) {
        return jdbi.withExtension(OrderDao.class, dao -> dao.trail(orderId));
    }

    public List<Order> openOrders() {
        return jdbi.withExtension(OrderDao.class, OrderDao::openOrders);
    }
}
