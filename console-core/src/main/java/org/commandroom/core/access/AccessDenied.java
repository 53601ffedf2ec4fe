package org.commandroom.core.access;

/**
 * A core service refused an action because its caller lacks the permission (the refusal is in the audit trail).
 * The message is for the log; screens show their own words for {@link #permission()}.
 */
public final class AccessDenied extends RuntimeException {

    private final Permission permission;
    private final String action;
    private final String login;

    public AccessDenied(Permission permission, String action, String login) {
        super((login.isEmpty() ? "no one signed in" : "'" + login + "'") + " may not " + action
                + " (needs " + permission + ")");
        this.permission = permission;
        this.action = action;
        this.login = login;
    }

    public Permission permission() {
        return permission;
    }

    public String action() {
        return action;
    }

    public String login() {
        return login;
    }
}
