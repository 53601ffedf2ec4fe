package org.commandroom.core.access;

import java.time.Instant;

/** The outcome of a log-in. */
public sealed interface SignIn {

    /** Signed in. */
    record Success(Principal principal) implements SignIn {
    }

    /** Unknown user or wrong password (the two are not told apart); {@code attemptsLeft} before the lock-out. */
    record WrongPassword(int attemptsLeft) implements SignIn {
    }

    /** Locked after too many failures, until {@code until} (or an administrator's reset). */
    record Locked(Instant until) implements SignIn {
    }

    /** The user exists but has been switched off by an administrator. */
    record Disabled() implements SignIn {
    }
}
