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
    NOTE,
    /** The unit's terminal has the order (protocol 2 RECEIPT). */
    RECEIVED,
    /** The unit reported itself en route for the order. */
    EN_ROUTE,
    /** The unit reported itself on scene. */
    ON_SCENE,
    /** The unit reported itself available again after being on scene: the order's scene is cleared. */
    CLEARED,
    /** Taken from one unit and given to another. */
    REASSIGNED,
    /** Withdrawn before it was done. */
    CANCELLED,
    /** Reviewed and sent back to the unit for more work. */
    RETURNED
}
