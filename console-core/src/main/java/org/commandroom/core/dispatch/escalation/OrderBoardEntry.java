package org.commandroom.core.dispatch.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.push.PushStatus;

/**
 * One order as the orders panel and the escalation list show it: where it stands in the closed loop,
 * who has it (the unit's call-sign and/or the officer), its deadlines, its push state, the feedback text
 * and which deadlines were already escalated.
 */
public record OrderBoardEntry(
        long id,
        String orderNo,
        OrderKind kind,
        OrderStatus status,
        Long incidentId,
        String incidentNo,
        String stationName,
        String unitCallSign,
        String officerName,
        String summary,
        Instant createdAt,
        Instant issuedAt,
        Instant signDeadline,
        Instant signedAt,
        Instant feedbackDeadline,
        Instant fedBackAt,
        Instant closedAt,
        int version,
        PushStatus push,
        String feedbackText,
        Set<EscalationKind> escalated,
        Instant cancelledAt) {

    public OrderBoardEntry {
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        push = push == null ? PushStatus.NOT_PUSHED : push;
        escalated = escalated == null ? Set.of() : Set.copyOf(escalated);
    }

    /** Closed by withdrawing it (撤销), not by review: {@link #cancelledAt} is set. */
    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** The call-sign and the officer, whichever the order names ("城关01 / 张伟"), or null when neither. */
    public String assignee() {
        if (unitCallSign != null && officerName != null) {
            return unitCallSign + " / " + officerName;
        }
        return unitCallSign != null ? unitCallSign : officerName;
    }

    /** The deadline of this kind that is still running (not met yet), or null. */
    public Instant pendingDeadline(EscalationKind k) {
        if (status == OrderStatus.CLOSED || status == OrderStatus.CREATED) {
            return null;
        }
        return switch (k) {
            case SIGN -> signedAt == null ? signDeadline : null;
            case FEEDBACK -> fedBackAt == null ? feedbackDeadline : null;
        };
    }

    /** Time left to the deadline at {@code now}; negative when overdue. Null when it is not running. */
    public Duration remaining(EscalationKind k, Instant now) {
        Instant d = pendingDeadline(k);
        return d == null ? null : Duration.between(now, d);
    }

    /** True when a running deadline of this kind has passed at {@code now}. */
    public boolean overdue(EscalationKind k, Instant now) {
        Instant d = pendingDeadline(k);
        return d != null && now.isAfter(d);
    }

    /** The deadline that comes next (the earliest still running), or null: what the countdown shows. */
    public EscalationKind nextDeadline() {
        Instant s = pendingDeadline(EscalationKind.SIGN);
        Instant f = pendingDeadline(EscalationKind.FEEDBACK);
        if (s == null) {
            return f == null ? null : EscalationKind.FEEDBACK;
        }
        return f == null || !f.isBefore(s) ? EscalationKind.SIGN : EscalationKind.FEEDBACK;
    }
}
