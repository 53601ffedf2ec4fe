package org.commandroom.core.dispatch.push;

import java.time.Instant;

/**
 * Where an order's push stands, for the order list: {@code queuedAt} when it entered the outbox,
 * {@code deliveredAt} when the broker took it, {@code receivedAt} when the unit's terminal said it has it (its
 * RECEIPT), {@code signedAt} when the unit signed for it; attempts and the last error explain a message that is stuck.
 * Only the terminal's receipt counts as delivered (已送达): a broker's acknowledgement is {@link State#AT_BROKER}.
 */
public record PushStatus(State state, Instant queuedAt, Instant deliveredAt, Instant receivedAt, Instant signedAt,
                         int attempts, String lastError) {

    public enum State {
        /** Nothing was pushed for this order (no unit, or not issued, or a drill without terminals). */
        NOT_PUSHED,
        /** In the outbox, not yet accepted by the broker. */
        QUEUED,
        /** Accepted by the broker (MQTT PUBACK); the terminal has not said it has it. */
        AT_BROKER,
        /** The unit's terminal has it (its RECEIPT): delivered, 已送达. */
        RECEIVED,
        /** The unit signed for the order (or went further: feedback, closed). */
        SIGNED
    }

    public static final PushStatus NOT_PUSHED = new PushStatus(State.NOT_PUSHED, null, null, null, null, 0, null);

    /** Signed beats received beats at the broker beats queued (the latest ORDER/AMEND message is the one that counts). */
    public static State stateOf(Instant signedAt, Instant receivedAt, Instant lastDeliveredAt) {
        return signedAt != null ? State.SIGNED : receivedAt != null ? State.RECEIVED
                : lastDeliveredAt != null ? State.AT_BROKER : State.QUEUED;
    }
}
