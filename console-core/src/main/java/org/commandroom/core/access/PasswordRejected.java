package org.commandroom.core.access;

/** A new password or a user's details were refused; {@link #reason()} says which rule, for the screen's words. */
public final class PasswordRejected extends RuntimeException {

    public enum Reason {
        TOO_SHORT, WRONG_CURRENT, UNKNOWN_USER, LOGIN_TAKEN, BAD_LOGIN, NO_ROLE,
        /** An administrator tried to switch themself off (they would lock themself out). */
        SELF_DISABLE,
        /** An administrator tried to take the administrator role from themself. */
        SELF_ADMIN_ROLE,
        /** The user is locked out after too many wrong passwords (a password change waits like a log-in). */
        LOCKED
    }

    private final Reason reason;

    public PasswordRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
