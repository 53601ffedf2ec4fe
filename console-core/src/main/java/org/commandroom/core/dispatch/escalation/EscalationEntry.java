package org.commandroom.core.dispatch.escalation;

import java.time.Duration;
import java.time.Instant;

/**
 * A line of the escalation list: an order whose sign-for or feedback deadline has passed or is close.
 *
 * @param escalated whether the missed deadline is recorded (an ESCALATED event and an order_escalation row)
 */
public record EscalationEntry(OrderBoardEntry order, EscalationKind kind, Instant deadline, boolean escalated) {

    /** Time left at {@code now}; negative = overdue by that much. */
    public Duration remaining(Instant now) {
        return Duration.between(now, deadline);
    }

    public boolean overdueAt(Instant now) {
        return now.isAfter(deadline);
    }

    /** Unique per order and deadline, e.g. {@code 42:SIGN}. */
    public String key() {
        return order.id() + ":" + kind.name();
    }
}
