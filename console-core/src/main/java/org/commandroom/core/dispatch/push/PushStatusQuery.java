package org.commandroom.core.dispatch.push;

import java.util.List;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.jdbi.v3.core.Jdbi;

/** Reads where an order's push stands (call it on the I/O executor, never on the FX thread). */
public final class PushStatusQuery {

    private final Jdbi jdbi;

    public PushStatusQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public PushStatus statusOf(long orderId) {
        return jdbi.withHandle(h -> {
            List<PushDao.OutboxRow> rows = h.attach(PushDao.class).forOrder(orderId);
            Order order = h.attach(OrderDao.class).findById(orderId).orElse(null);
            if (rows.isEmpty() || order == null) {
                return PushStatus.NOT_PUSHED;
            }
            PushDao.OutboxRow last = rows.get(rows.size() - 1);
            java.time.Instant receivedAt = h.createQuery("SELECT received_at FROM work_order WHERE id = :id")
                    .bind("id", orderId).mapTo(java.time.Instant.class).findOne().orElse(null);
            PushStatus.State state = PushStatus.stateOf(order.signedAt(), receivedAt, last.deliveredAt());
            return new PushStatus(state, rows.get(0).createdAt(), last.deliveredAt(), receivedAt, order.signedAt(),
                    last.attempts(), last.lastError());
        });
    }
}
