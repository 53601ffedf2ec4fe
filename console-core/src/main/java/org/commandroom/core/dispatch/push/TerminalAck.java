package org.commandroom.core.dispatch.push;

import java.time.Instant;
import java.util.Objects;

/**
 * An acknowledgement a terminal published: its own message id (the key for de-duplication), the order,
 * the action, an optional text and the terminal's own time (optional, recorded, not trusted for deadlines).
 * {@code orderUid} is the order's identity as the order message gave it, when the terminal echoes it (optional):
 * an acknowledgement whose uid is not the order's is about another order that once had that id, and is refused.
 */
public record TerminalAck(String callSign, String messageId, long orderId, AckAction action, String text, Instant at,
                          String orderUid) {

    public TerminalAck {
        Objects.requireNonNull(callSign, "callSign");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
    }

    /** Without the order's uid (terminals that do not echo it). */
    public TerminalAck(String callSign, String messageId, long orderId, AckAction action, String text, Instant at) {
        this(callSign, messageId, orderId, action, text, at, null);
    }
}
