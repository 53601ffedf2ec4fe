package org.commandroom.core.dispatch.push;

/** What a terminal sends (the {@code type} of a protocol-2 message from a terminal, docs/PUSH.md). */
public enum AckAction {
    /** The terminal has the order (shown as delivered, 已送达). */
    RECEIPT,
    /** The unit signs for the order (签收). */
    SIGN,
    /** The unit feeds back on the order (反馈), with a text and references to photos. */
    FEEDBACK,
    /** The unit's status changed (en route, on scene, available, busy, off duty). */
    STATUS,
    /** A position fix. */
    POSITION,
    /** The emergency button (民警遇险). */
    EMERGENCY
}
