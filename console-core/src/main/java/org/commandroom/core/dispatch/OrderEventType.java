package org.commandroom.core.dispatch;

/** What happened to an order; the trail is append-only, a correction is a new event. */
public enum OrderEventType {
    CREATED,
    ISSUED,
    SIGNED,
    FED_BACK,
    CLOSED,
    ESCALATED,
    CORRECTED,
    NOTE
}
