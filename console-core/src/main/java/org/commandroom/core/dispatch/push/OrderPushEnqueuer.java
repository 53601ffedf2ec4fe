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
 * Puts an issued order for a unit into the push outbox, in the issuing transaction: give it to
 * {@code new OrderService(..., enqueuer)}. Orders without a unit (for a station or an officer) are not
 * pushed. The message's position is the order's target, else the incident's position. The order gets its
 * terminal identity ({@code orderUid}, a random UUID) here, in the same transaction.
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

    /** Enqueues the order's message and returns the outbox id, or -1 when the order has no unit. */
    public long enqueue(Handle handle, Order order) {
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
                PushMessages.orderJson(order, uid, target.incident(), position), clock.instant());
        LOG.debug("Order {} queued for {} as outbox #{}", order.orderNo(), target.callSign(), id);
        return id;
    }
}
