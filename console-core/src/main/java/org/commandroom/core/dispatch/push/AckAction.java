package org.commandroom.core.dispatch.push;

/** What a terminal reports about an order. */
public enum AckAction {
    /** The unit signs for the order (签收). */
    SIGN,
    /** The unit feeds back on the order (反馈), with a text. */
    FEEDBACK
}
