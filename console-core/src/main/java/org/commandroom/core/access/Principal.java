package org.commandroom.core.access;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is signed in at a workstation: the user, the roles they hold and the workstation. What the principal may do
 * is {@link #permissions()}, from {@link RolePermissions}.
 *
 * @param userId      the user's row in {@code app_user}, or 0 for {@link #nobody} and a system principal
 * @param login       the log-in name
 * @param displayName the name shown and recorded as actor (at most 64 characters)
 * @param roles       the roles held (at least one for a real user)
 * @param workstation where the principal signed in
 * @param drill       whether the workstation works on a drill database
 */
public record Principal(long userId, String login, String displayName, Set<Role> roles, String workstation,
                        boolean drill) {

    public Principal {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(workstation, "workstation");
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** No one is signed in: nothing is permitted. */
    public static Principal nobody(String workstation) {
        return new Principal(0, "", "", Set.of(), workstation, false);
    }

    public Set<Permission> permissions() {
        return RolePermissions.of(roles, drill);
    }

    public boolean may(Permission p) {
        return permissions().contains(p);
    }

    public boolean signedIn() {
        return !login.isEmpty();
    }

    /**
     * Whether background writers (escalation monitor, outbox publisher, demo simulator, drafts saver) may run for
     * this principal: only where it may itself change orders and incidents.
     */
    public boolean mayRunBackgroundWriters() {
        Set<Permission> p = permissions();
        return p.contains(Permission.ORDERS) || p.contains(Permission.DISPATCH) || p.contains(Permission.INTAKE);
    }

    /**
     * The role shown in the status bar and used where one role is asked for (masking): the one that acts most,
     * in the order of {@link Role}'s declaration; {@link Role#WALL_DISPLAY} (read-only, masked) when none.
     */
    public Role primaryRole() {
        return roles.stream().min(Comparator.comparingInt(RolePriority::of)).orElse(Role.WALL_DISPLAY);
    }

    private static final class RolePriority {
        static int of(Role r) {
            return switch (r) {
                case COMMAND_LEADER -> 0;
                case DUTY_COMMANDER -> 1;
                case ADMINISTRATOR -> 2;
                case TRAINEE -> 3;
                case WALL_DISPLAY -> 4;
            };
        }
    }
}
