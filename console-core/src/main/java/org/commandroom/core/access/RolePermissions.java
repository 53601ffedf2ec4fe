package org.commandroom.core.access;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place where roles become permissions (docs/ACCESS.md has the same table for people). A user holding
 * several roles has the union of their permissions. A trainee's permissions apply in a drill only: on a live
 * database the trainee role grants nothing.
 */
public final class RolePermissions {

    private static final Map<Role, Set<Permission>> LIVE = new EnumMap<>(Role.class);
    private static final Set<Permission> TRAINEE_IN_DRILL = EnumSet.of(Permission.INTAKE, Permission.DISPATCH,
            Permission.ORDERS, Permission.REVIEW_CLOSE, Permission.ACK_ALERTS);

    static {
        Set<Permission> commander = EnumSet.of(Permission.INTAKE, Permission.IMPORT_CALLS, Permission.DISPATCH,
                Permission.ORDERS, Permission.CORRECT, Permission.ACK_ALERTS, Permission.INDEX_ENTRY,
                Permission.SEE_CALLER_DATA, Permission.ISSUE_WARNINGS);
        LIVE.put(Role.DUTY_COMMANDER, commander);
        Set<Permission> leader = EnumSet.copyOf(commander);
        leader.addAll(EnumSet.of(Permission.REVIEW_CLOSE, Permission.OVERRIDE, Permission.EDIT_ROSTER));
        LIVE.put(Role.COMMAND_LEADER, leader);
        LIVE.put(Role.WALL_DISPLAY, EnumSet.noneOf(Permission.class));
        LIVE.put(Role.TRAINEE, EnumSet.noneOf(Permission.class));
        LIVE.put(Role.ADMINISTRATOR, EnumSet.of(Permission.MANAGE_USERS, Permission.READ_AUDIT, Permission.SETUP,
                Permission.EDIT_ROSTER));
    }

    private RolePermissions() {
    }

    /** What one role allows on live data. */
    public static Set<Permission> live(Role role) {
        return EnumSet.copyOf(withEmpty(LIVE.get(role)));
    }

    /**
     * What a set of roles allows.
     *
     * @param drill true on a drill database (a trainee acts there; nothing reaches a real unit)
     */
    public static Set<Permission> of(Collection<Role> roles, boolean drill) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Role r : roles) {
            all.addAll(LIVE.get(r));
            if (drill && r == Role.TRAINEE) {
                all.addAll(TRAINEE_IN_DRILL);
            }
        }
        return all;
    }

    private static Set<Permission> withEmpty(Set<Permission> s) {
        return s.isEmpty() ? EnumSet.noneOf(Permission.class) : s;
    }
}
