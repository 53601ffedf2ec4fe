package org.commandroom.core.dispatch.push;

import java.time.Clock;
import java.util.UUID;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.geo.GeoPoint;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the messages about an order for a unit into the push outbox, in the transaction that issues or changes the
 * order: give it to {@code new OrderService(..., enqueuer)}. Issued: ORDER. Corrected or sent back for more work:
 * AMEND (the whole order again, with the note). Re-assigned: CANCEL (reason REASSIGNED) to the unit it was taken
 * from, ORDER to the new one. Cancelled: CANCEL. Closed: CLOSE. Orders without a unit (for a station or an officer)
 * are not pushed. The message's position is the order's target, else the incident's position. The order gets its
 * terminal identity ({@code orderUid}, a random UUID) when first issued, in the same transaction; it keeps it.
 */
public final class OrderPushEnqueuer implements IssueHook {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPushEnqueuer.class);

    private final Clock clock;

    public OrderPushEnqueuer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void issued(Handle handle, Order order) {
        enqueue(handle, order);
    }

    @Override
    public void changed(Handle handle, Order order, Change change, Long previousUnitId, String note) {
        switch (change) {
            case AMENDED, RETURNED -> enqueueOrder(handle, order, "AMEND", note);
            case REASSIGNED -> {
                if (previousUnitId != null) {
                    enqueueChange(handle, order, previousUnitId, "CANCEL", "REASSIGNED", note);
                }
                enqueueOrder(handle, order, "ORDER", note);
            }
            case CANCELLED -> {
                if (order.unitId() != null) {
                    enqueueChange(handle, order, order.unitId(), "CANCEL", "CANCELLED", note);
                }
            }
            case CLOSED -> {
                if (order.unitId() != null) {
                    enqueueChange(handle, order, order.unitId(), "CLOSE", null, note);
                }
            }
        }
    }

    /** Enqueues the order's ORDER message and returns the outbox id, or -1 when the order has no unit. */
    public long enqueue(Handle handle, Order order) {
        return enqueueOrder(handle, order, "ORDER", null);
    }

    private long enqueueOrder(Handle handle, Order order, String type, String note) {
        if (order.unitId() == null) {
            return -1;
        }
        PushDao dao = handle.attach(PushDao.class);
        PushDao.PushTarget target = dao.target(order.id())
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " has no unit, station or bureau"));
        GeoPoint position = order.target() != null ? order.target() : target.incidentPosition();
        String topic = PushTopics.orders(target.bureauCode(), target.callSign());
        dao.assignOrderUid(order.id(), UUID.randomUUID().toString());
        String uid = dao.orderUid(order.id()).orElseThrow();
        long id = dao.enqueue(order.id(), order.unitId(), topic,
                PushMessages.orderJson(type, order, uid, target.incident(), position, note, clock.instant()),
                clock.instant(), type);
        LOG.debug("Order {} {} queued for {} as outbox #{}", order.orderNo(), type, target.callSign(), id);
        return id;
    }

    private void enqueueChange(Handle handle, Order order, long unitId, String type, String reason, String note) {
        PushDao dao = handle.attach(PushDao.class);
        String bureau = handle.createQuery("SELECT b.code FROM work_order o JOIN station s ON s.id = o.station_id "
                + "JOIN bureau b ON b.id = s.bureau_id WHERE o.id = :id").bind("id", order.id()).mapTo(String.class).one();
        String callSign = dao.callSignOfUnit(unitId).orElseThrow();
        String uid = dao.orderUid(order.id()).orElse(null);
        if (uid == null) {
            return; // never pushed: the terminal does not know it
        }
        long id = dao.enqueue(order.id(), unitId, PushTopics.orders(bureau, callSign),
                PushMessages.changeJson(type, order, uid, reason, note, clock.instant()), clock.instant(), type);
        LOG.debug("Order {} {} queued for {} as outbox #{}", order.orderNo(), type, callSign, id);
    }
}
