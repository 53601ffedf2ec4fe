package org.commandroom.core.dispatch.escalation;

/** Which deadline of an order was missed: signing for it (30 min) or feeding back (3/6/9/24 h). */
public enum EscalationKind {
    SIGN,
    FEEDBACK;

    /** The detail written on the order's ESCALATED event, e.g. {@code SIGN_OVERDUE}. */
    public String eventCode() {
        return name() + "_OVERDUE";
    }

    /** The kind named by an ESCALATED event's detail, or null when the detail is not one of ours. */
    public static EscalationKind ofEventDetail(String detail) {
        if (detail == null) {
            return null;
        }
        for (EscalationKind k : values()) {
            if (detail.startsWith(k.eventCode())) {
                return k;
            }
        }
        return null;
    }
}
