package org.commandroom.core.access;

import java.time.Duration;

/**
 * After {@code maxFailures} wrong passwords in a row a user is locked for {@code lockFor}; an administrator's
 * password reset unlocks at once.
 */
public record LockoutPolicy(int maxFailures, Duration lockFor, int minPasswordLength) {

    public LockoutPolicy {
        if (maxFailures < 1 || lockFor.isNegative() || lockFor.isZero() || minPasswordLength < 1) {
            throw new IllegalArgumentException("a lock-out needs at least 1 failure, a positive time and a length");
        }
    }

    /** 5 failures lock for 15 minutes; passwords of at least 8 characters. */
    public static LockoutPolicy defaults() {
        return new LockoutPolicy(5, Duration.ofMinutes(15), 8);
    }
}
