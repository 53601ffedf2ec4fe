package org.commandroom.core.dispatch.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.push.PushStatus;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;

/**
 * The follow-up side of the closed loop, for the orders panel: the open orders with who has them, their
 * deadlines, push state and feedback; the trail of an order or of every order of an incident; review and
 * close (监督) with a note; corrections, which are new events (nothing in a trail is ever changed).
 * Blocking: call it on the I/O executor.
 */
public final class OrderFollowUp {

    /** The longest note or correction the trail keeps (the event's detail column). */
    public static final int MAX_TEXT = 2000;

    private final Jdbi jdbi;
    private final OrderService orders;
    private final Clock clock;
    private final ChangeRecorder changes;
    private final AccessGuard guard;

    public OrderFollowUp(Jdbi jdbi, OrderService orders, Clock clock, ChangeRecorder changes) {
        this(jdbi, orders, clock, changes, AccessGuard.trusted());
    }

    /** @param guard review and close needs {@link Permission#REVIEW_CLOSE}, a correction {@link Permission#CORRECT} */
    public OrderFollowUp(Jdbi jdbi, OrderService orders, Clock clock, ChangeRecorder changes, AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.orders = orders;
        this.clock = clock;
        this.changes = changes;
    }

    /** Every order not yet closed, oldest first. */
    public List<OrderBoardEntry> openOrders() {
        return jdbi.withHandle(h -> enrich(h, h.attach(FollowUpDao.class).openBoard()));
    }

    /** The given orders whatever their status (to apply live changes); unknown ids are left out. */
    public List<OrderBoardEntry> entries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> enrich(h, h.attach(FollowUpDao.class).board(ids)));
    }

    /** When the order was dispatched, received, signed for, and its unit en route, on scene and clear (V21). */
    public java.util.Optional<org.commandroom.core.dispatch.OrderTimes> times(long orderId) {
        return jdbi.withExtension(org.commandroom.core.dispatch.OrderDao.class, dao -> dao.times(orderId));
    }

    /** Every step of one order, oldest first. */
    public List<TrailEvent> trail(long orderId) {
        return jdbi.withExtension(FollowUpDao.class, dao -> dao.orderTrail(orderId));
    }

    /** Every step of every order of one incident, oldest first. */
    public List<TrailEvent> incidentTrail(long incidentId) {
        return jdbi.withExtension(FollowUpDao.class, dao -> dao.incidentTrail(incidentId));
    }

    /**
     * The commander reviews the feedback and closes the order (监督), with a note that goes on the trail.
     *
     * @throws IllegalArgumentException the note is blank or too long
     * @throws IllegalStateException    the order does not exist or is not waiting for review
     */
    public void reviewAndClose(long orderId, String actor, String note) {
        guard.require(Permission.REVIEW_CLOSE, "ORDER_CLOSE", "ORDER", orderId);
        String text = requireText(note, "review note");
        Order o = orders.find(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " does not exist"));
        if (o.status() != OrderStatus.FED_BACK) {
            throw new IllegalStateException("order " + o.orderNo() + " is " + o.status()
                    + ": only an order with feedback (FED_BACK) can be reviewed and closed");
        }
        if (!orders.close(orderId, actor, text)) {
            // Somebody else closed it (or a correction moved it) between the read and the write.
            Order now = orders.find(orderId).orElseThrow();
            throw new IllegalStateException("order " + o.orderNo() + " was not closed: it is now " + now.status());
        }
    }

    /**
     * Records a correction on the order's trail (a wrong feedback text, a mistyped summary): a CORRECTED
     * event with who, when and what; the earlier events stay as they were.
     */
    public void correct(long orderId, String actor, String correction) {
        guard.require(Permission.CORRECT, "ORDER_CORRECT", "ORDER", orderId);
        String text = requireText(correction, "correction");
        jdbi.useTransaction(h -> {
            OrderDao dao = h.attach(OrderDao.class);
            if (dao.findById(orderId).isEmpty()) {
                throw new IllegalStateException("order " + orderId + " does not exist");
            }
            dao.appendEvent(orderId, clock.instant(), actor, OrderEventType.CORRECTED, text);
            changes.record(h, Entity.ORDER, orderId, ChangeOp.UPDATE);
            guard.audit(h, clock.instant(), actor, "ORDER_CORRECT", "ORDER", orderId, text);
        });
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty: say what was reviewed or corrected");
        }
        String t = s.strip();
        if (t.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the " + what + " has " + t.length() + " characters; at most "
                    + MAX_TEXT + " are kept");
        }
        return t;
    }

    /** Adds push state, feedback text and escalations to board rows, in three queries for all of them. */
    static List<OrderBoardEntry> enrich(Handle h, List<FollowUpDao.BoardRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        FollowUpDao dao = h.attach(FollowUpDao.class);
        List<Long> ids = rows.stream().map(FollowUpDao.BoardRow::id).toList();
        Map<Long, List<FollowUpDao.OutboxState>> outbox = new HashMap<>();
        Map<Long, String> feedback = new HashMap<>();
        Map<Long, Set<EscalationKind>> escalated = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            dao.outbox(chunk).forEach(o -> outbox.computeIfAbsent(o.orderId(), k -> new ArrayList<>()).add(o));
            dao.feedbackTexts(chunk).forEach(t -> feedback.put(t.orderId(), t.text()));
            dao.escalations(chunk).forEach(e -> escalated.computeIfAbsent(e.orderId(),
                    k -> EnumSet.noneOf(EscalationKind.class)).add(e.kind()));
        }
        List<OrderBoardEntry> out = new ArrayList<>(rows.size());
        for (FollowUpDao.BoardRow r : rows) {
            out.add(new OrderBoardEntry(r.id(), r.orderNo(), r.kind(), r.status(), r.incidentId(), r.incidentNo(),
                    r.stationName(), r.callSign(), r.officerName(), r.summary(), r.createdAt(), r.issuedAt(),
                    r.signDeadline(), r.signedAt(), r.feedbackDeadline(), r.fedBackAt(), r.closedAt(), r.version(),
                    pushStatus(r.signedAt(), r.receivedAt(), outbox.get(r.id())), feedback.get(r.id()), escalated.get(r.id()),
                    r.cancelledAt()));
        }
        return out;
    }

    /** As {@code PushStatusQuery}: signed beats received beats at the broker beats queued; no outbox row: not pushed. */
    static PushStatus pushStatus(Instant signedAt, Instant receivedAt, List<FollowUpDao.OutboxState> rows) {
        if (rows == null || rows.isEmpty()) {
            return PushStatus.NOT_PUSHED;
        }
        FollowUpDao.OutboxState last = rows.get(rows.size() - 1);
        PushStatus.State state = PushStatus.stateOf(signedAt, receivedAt, last.deliveredAt());
        return new PushStatus(state, rows.get(0).createdAt(), last.deliveredAt(), receivedAt, signedAt, last.attempts(),
                last.lastError());
    }

    /** IN lists of at most 500 ids. */
    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            out.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return out;
    }
}
