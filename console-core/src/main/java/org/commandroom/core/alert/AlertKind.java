package org.commandroom.core.alert;

/**
 * What raises an alert on the commander's screen (visual and audible). An urgent kind stands apart: one alert
 * per event (grouped only in a burst), louder, until acknowledged. A routine kind goes into one counter.
 */
public enum AlertKind {
    /** A new incident in the queue (routine: counted). */
    NEW_INCIDENT(false),
    /** An incident of priority 1 (urgent): new, or raised to priority 1. */
    HIGH_PRIORITY_INCIDENT(true),
    /** An order missed its sign-for or feedback deadline. */
    ORDER_OVERDUE(true),
    /** A unit's emergency button (民警遇险), with its last position: above every other alert. */
    UNIT_EMERGENCY(true);

    private final boolean urgent;

    AlertKind(boolean urgent) {
        this.urgent = urgent;
    }

    /** Urgent alerts stand apart and sound louder; the others are counted together. */
    public boolean urgent() {
        return urgent;
    }
}
