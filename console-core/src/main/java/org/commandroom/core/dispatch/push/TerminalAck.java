package org.commandroom.core.dispatch.push;

import java.time.Instant;
import java.util.Objects;

/**
 * An acknowledgement a terminal published: its own message id (the key for de-duplication), the order,
 * the action, an optional text and the terminal's own time (optional, recorded, not trusted for deadlines).
 */
public record TerminalAck(String callSign, String messageId, long orderId, AckAction action, String text, Instant at) {

    public TerminalAck {
        Objects.requireNonNull(callSign, "callSign");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
    }
}
