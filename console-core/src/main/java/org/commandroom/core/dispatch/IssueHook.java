package org.commandroom.core.dispatch;

import org.jdbi.v3.core.Handle;

/**
 * Told by {@link OrderService} that an order has just been issued, inside the issuing transaction, so
 * that what it writes commits or rolls back with the order. The push outbox is the one user.
 */
@FunctionalInterface
public interface IssueHook {

    IssueHook NONE = (handle, order) -> { };

    void issued(Handle handle, Order order);
}
