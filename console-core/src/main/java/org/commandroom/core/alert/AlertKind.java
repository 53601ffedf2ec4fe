package org.commandroom.core.alert;

/** What raises an alert on the commander's screen (visual and audible). */
public enum AlertKind {
    /** A new incident in the queue. */
    NEW_INCIDENT,
    /** An incident of priority 1 (urgent): new, or raised to priority 1. */
    HIGH_PRIORITY_INCIDENT,
    /** An order missed its sign-for or feedback deadline. */
    ORDER_OVERDUE
}
