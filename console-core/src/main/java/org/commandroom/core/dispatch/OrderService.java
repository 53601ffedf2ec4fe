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
            return step(h, orderId, () -> h.attach(OrderDao.class).markClosed(orderId, now), now, actor,
                    OrderEventType.CLOSED, note);
        });
    }

    private boolean step(Handle h, long orderId, IntSupplier update, Instant now, String actor,
                         OrderEventType event, String detail) {
        if (update.getAsInt() != 1) {
            return false;
        }
        h.attach(OrderDao.class).appendEvent(orderId, now, actor, event, detail);
        changes.record(h, Entity.ORDER, orderId, ChangeOp.UPDATE);
        String no = h.createQuery("SELECT order_no FROM work_order WHERE id = :id").bind("id", orderId)
                .mapTo(String.class).one();
        guard.audit(h, now, actor, "ORDER_" + event.name(), "ORDER", orderId,
                no + (detail == null ? "" : ": " + detail));
        return true;
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
