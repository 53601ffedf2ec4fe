package org.commandroom.core.dispatch.push;

import java.time.Instant;

/**
 * Where an order's push stands, for the order list: {@code queuedAt} when it entered the outbox,
 * {@code deliveredAt} when the broker took it, {@code signedAt} when the unit signed for it; attempts
 * and the last error explain a message that is stuck.
 */
public record PushStatus(State state, Instant queuedAt, Instant deliveredAt, Instant signedAt, int attempts,
                         String lastError) {

    public enum State {
        /** Nothing was pushed for this order (no unit, or not issued, or a drill without terminals). */
        NOT_PUSHED,
        /** In the outbox, not yet accepted by the broker. */
        QUEUED,
        /** Accepted by the broker (MQTT PUBACK); the terminal has not signed yet. */
        DELIVERED,
        /** The unit signed for the order (or went further: feedback, closed). */
        SIGNED
    }

    public static final PushStatus NOT_PUSHED = new PushStatus(State.NOT_PUSHED, null, null, null, 0, null);
}
