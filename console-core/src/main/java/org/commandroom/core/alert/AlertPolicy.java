package org.commandroom.core.alert;

import java.time.Duration;

/**
 * When urgent alerts are grouped: more than {@code groupAbove} events of one urgent kind within {@code window}
 * become one alert that counts them (routine kinds are always counted together, see {@link AlertCenter}). {@code remember} is how many event keys are kept to refuse a second alert
 * for the same event.
 */
public record AlertPolicy(int groupAbove, Duration window, int remember) {

    public AlertPolicy {
        if (groupAbove < 1) {
            throw new IllegalArgumentException("groupAbove must be at least 1: " + groupAbove);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    /** More than 5 within 2 seconds become one alert. */
    public static AlertPolicy defaults() {
        return new AlertPolicy(5, Duration.ofSeconds(2), 20_000);
    }
}
