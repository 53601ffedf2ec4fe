package org.commandroom.core.dispatch.escalation;

import java.time.Instant;
import org.commandroom.core.dispatch.OrderEventType;

/**
 * One step of a trail: who did what to which order, when. A per-incident trail mixes the events of
 * several orders, hence the order's number. Corrections are events too (CORRECTED): nothing is edited.
 */
public record TrailEvent(long id, long orderId, String orderNo, Instant at, String actor, OrderEventType event,
                         String detail) {

    /** For an ESCALATED event, which deadline was missed; otherwise null. */
    public EscalationKind escalation() {
        return event == OrderEventType.ESCALATED ? EscalationKind.ofEventDetail(detail) : null;
    }
}
