package org.commandroom.core.access;

import java.time.Instant;
import java.util.Set;

/** A user as the administrator sees it (never with the password hash). */
public record UserAccount(long id, String login, String displayName, Set<Role> roles, int failedAttempts,
                          Instant lockedUntil, boolean active) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
