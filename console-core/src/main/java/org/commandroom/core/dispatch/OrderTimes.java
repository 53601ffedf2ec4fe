package org.commandroom.core.dispatch;

import java.time.Instant;

/**
 * When things happened to one order and its unit, all on the console's clock: the call (the incident's receipt,
 * null for an order not about an incident), the order issued (dispatched), received by the terminal, signed for,
 * the unit en route, on scene and clear again. Any may be null (not yet, or never reported).
 */
public record OrderTimes(long orderId, Instant callAt, Instant dispatchedAt, Instant receivedAt, Instant signedAt,
                         Instant enRouteAt, Instant onSceneAt, Instant clearedAt) {

    /** The response times these give. */
    public ResponseTimes responseTimes() {
        return ResponseTimes.of(this);
    }
}
