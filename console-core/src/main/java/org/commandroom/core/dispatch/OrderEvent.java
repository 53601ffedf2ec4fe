package org.commandroom.core.dispatch;

import java.time.Instant;

/** One step in an order's trail: who did what, when. */
public record OrderEvent(long id, long orderId, Instant at, String actor, OrderEventType event, String detail) {
}
