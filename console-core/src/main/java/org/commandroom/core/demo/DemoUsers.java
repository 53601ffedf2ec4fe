package org.commandroom.core.demo;

import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.Role;

/**
 * The users of the demo county (README, docs/ACCESS.md): created on the embedded demo database when it has no user
 * yet, with passwords that are published and so good for a demonstration only. A real bureau's database never gets
 * them (the console creates them in demo mode only).
 */
public final class DemoUsers {

    /** 值班长: intake, dispatch, orders. */
    public static final AccessService.NewUser DUTY = new AccessService.NewUser("duty", "李明",
            Set.of(Role.DUTY_COMMANDER), "duty-demo-1");
    /** 指挥长: also review and close. */
    public static final AccessService.NewUser LEADER = new AccessService.NewUser("leader", "王强",
            Set.of(Role.COMMAND_LEADER), "leader-demo-1");
    /** 大屏: read-only. */
    public static final AccessService.NewUser WALL = new AccessService.NewUser("wall", "指挥大屏",
            Set.of(Role.WALL_DISPLAY), "wall-demo-1");
    /** 学员: drills only. */
    public static final AccessService.NewUser TRAINEE = new AccessService.NewUser("trainee", "张华",
            Set.of(Role.TRAINEE), "trainee-demo-1");
    /** 管理员: users, audit, set-up. */
    public static final AccessService.NewUser ADMIN = new AccessService.NewUser("admin", "周敏",
            Set.of(Role.ADMINISTRATOR), "admin-demo-1");

    public static final List<AccessService.NewUser> ALL = List.of(DUTY, LEADER, WALL, TRAINEE, ADMIN);

    private DemoUsers() {
    }

    /** Creates them unless the database has users already; returns whether it did. */
    public static boolean createIfNone(AccessService access, String workstation) {
        return !access.hasUsers() && access.createFirstUsers(ALL, workstation);
    }
}
