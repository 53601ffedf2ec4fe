package org.commandroom.core.dispatch;

/** The closed loop: create → issue → sign for (签收) → feed back (反馈) → review and close (监督). */
public enum OrderStatus {
    CREATED,
    ISSUED,
    SIGNED,
    FED_BACK,
    CLOSED
}
