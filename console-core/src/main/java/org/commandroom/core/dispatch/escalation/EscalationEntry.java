package org.commandroom.core.dispatch.escalation;

import java.time.Duration;
import java.time.Instant;

/**
 * A line of the escalation list: an order whose sign-for or feedback deadline has passed, is close, or has
 * reached its early warning.
 *
 * @param warnAt    when the early warning starts: two thirds of the way from the order's issue to the deadline
 *                  ({@link #warnAt(Instant, Instant)}); null when the issue time is unknown
 * @param escalated whether the missed deadline is recorded (an ESCALATED event and an order_escalation row)
 */
public record EscalationEntry(OrderBoardEntry order, EscalationKind kind, Instant deadline, Instant warnAt,
                              boolean escalated) {

    /** Where a listed deadline stands, from the quietest to the loudest. */
    public enum State {
        /** Listed because it is close (within the list's horizon), not yet at its early warning. */
        RUNNING,
        /** Two thirds of the window have gone: approaching the deadline. */
        WARNING,
        /** The deadline has passed. */
        OVERDUE
    }

    /** A line without an early warning (the issue time unknown). */
    public EscalationEntry(OrderBoardEntry order, EscalationKind kind, Instant deadline, boolean escalated) {
        this(order, kind, deadline, null, escalated);
    }

    /** Two thirds of the way from {@code issuedAt} to {@code deadline}; null when there is no such window. */
    public static Instant warnAt(Instant issuedAt, Instant deadline) {
        if (issuedAt == null || deadline == null || !deadline.isAfter(issuedAt)) {
            return null;
        }
        return issuedAt.plus(Duration.between(issuedAt, deadline).multipliedBy(2).dividedBy(3));
    }

    /** Time left at {@code now}; negative = overdue by that much. */
    public Duration remaining(Instant now) {
        return Duration.between(now, deadline);
    }

    public boolean overdueAt(Instant now) {
        return now.isAfter(deadline);
    }

    public State state(Instant now) {
        if (overdueAt(now)) {
            return State.OVERDUE;
        }
        return warnAt != null && !now.isBefore(warnAt) ? State.WARNING : State.RUNNING;
    }

    /** Unique per order and deadline, e.g. {@code 42:SIGN}. */
    public String key() {
        return order.id() + ":" + kind.name();
    }
}
