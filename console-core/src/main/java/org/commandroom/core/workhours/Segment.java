package org.commandroom.core.workhours;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of one order's work: its kind, from and to (to after from), and whether it was done in the community of
 * the officer (the order's place lies in a police grid whose community officer the officer is).
 */
public record Segment(long orderId, String orderNo, WorkKind kind, Instant from, Instant to, boolean inCommunity) {

    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a segment ends after it starts: " + from + " to " + to);
        }
    }
}
