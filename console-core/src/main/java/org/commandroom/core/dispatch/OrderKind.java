package org.commandroom.core.dispatch;

/** What an order (指令) asks for. */
public enum OrderKind {
    /** Go to an incident (出警). */
    DISPATCH,
    /** Deploy and intercept at a point (布控). */
    INTERCEPT,
    /** Door visit or re-visit (上门回访). */
    VISIT,
    DISPUTE_FOLLOW_UP,
    HOUSE_INSPECTION,
    /** A standard basic task (标准件). */
    STANDARD_TASK,
    /** A prevention-index reminder notice (提醒单). */
    REMINDER
}
