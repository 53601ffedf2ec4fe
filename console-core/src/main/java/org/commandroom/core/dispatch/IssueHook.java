package org.commandroom.core.dispatch;

import org.jdbi.v3.core.Handle;

/**
 * Told by {@link OrderService} that an order has just been issued, or changed after it was issued, inside the
 * transaction that did it, so that what it writes commits or rolls back with the order. The push outbox is the one
 * user: every change reaches the unit's terminal (docs/PUSH.md).
 */
@FunctionalInterface
public interface IssueHook {

    IssueHook NONE = (handle, order) -> { };

    /** What happened to an issued order. */
    enum Change {
        /** What it says changed (a correction). */
        AMENDED,
        /** Taken from {@code previousUnitId} and given to the order's unit now. */
        REASSIGNED,
        /** Withdrawn. */
        CANCELLED,
        /** Reviewed and closed. */
        CLOSED,
        /** Reviewed and sent back to the unit for more work. */
        RETURNED
    }

    void issued(Handle handle, Order order);

    /**
     * An issued order changed; {@code order} is as it stands now. {@code previousUnitId} is the unit it was taken
     * from (REASSIGNED only), {@code note} the commander's words, may be null.
     */
    default void changed(Handle handle, Order order, Change change, Long previousUnitId, String note) {
    }
}
