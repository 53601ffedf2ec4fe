package org.commandroom.core.access;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the administrator sees it (never with the password hash). {@code lastSignInAt} and
 * {@code lastSignInWorkstation}: the last accepted sign-in (null if never); {@code failedSinceSignIn}: attempts refused
 * since then (wrong passwords, and tries while locked or switched off), which unlike {@code failedAttempts} is not
 * cleared by a lock-out or an unlock.
 */
public record UserAccount(long id, String login, String displayName, Set<Role> roles, int failedAttempts,
                          Instant lockedUntil, boolean active, Instant lastSignInAt, String lastSignInWorkstation,
                          int failedSinceSignIn) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
