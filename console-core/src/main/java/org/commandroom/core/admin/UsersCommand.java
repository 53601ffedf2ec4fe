package org.commandroom.core.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Role;
import org.commandroom.core.access.UserAccount;
import org.commandroom.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code console-admin users …}: create users, reset passwords, list, unlock (through {@link AccessService}). */
@Command(name = "users", description = "Users who sign in to the console.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ResetPassword.class, UsersCommand.ListUsers.class,
                UsersCommand.Unlock.class})
final class UsersCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Role names as the console shows them, and the enum's. */
    private static final Map<String, Role> CHINESE = Map.of("值班长", Role.DUTY_COMMANDER, "指挥长", Role.COMMAND_LEADER,
            "大屏", Role.WALL_DISPLAY, "领导", Role.WALL_DISPLAY, "学员", Role.TRAINEE, "管理员", Role.ADMINISTRATOR);

    static Set<Role> roles(List<String> given) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String g : given) {
            for (String part : g.split("[,，、]")) {
                if (part.isBlank()) {
                    continue;
                }
                Role r = CHINESE.get(part.strip());
                roles.add(r != null ? r : Role.parse(part));
            }
        }
        return roles;
    }

    static AccessService access(AdminEnv admin, Database db) {
        return new AccessService(db.jdbi(), admin.clock(), admin.guard(db.jdbi()), new PasswordHasher(),
                LockoutPolicy.defaults());
    }

    @Command(name = "add", description = "Create a user. The password comes from --password-env, --password-file or "
            + "the terminal, never from the command line.")
    static final class Add extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;
        @Mixin
        PasswordSource password;

        @Parameters(index = "0", paramLabel = "<login>", description = "log-in name: letters, digits, . _ @ -")
        String login;

        @Option(names = "--name", paramLabel = "<name>", description = "the name shown and recorded (default: the log-in)")
        String name;

        @Option(names = "--role", required = true, paramLabel = "<role>",
                description = "DUTY_COMMANDER (值班长), COMMAND_LEADER (指挥长), WALL_DISPLAY (大屏), TRAINEE (学员), "
                        + "ADMINISTRATOR (管理员); repeat or separate with commas")
        List<String> roles;

        Add(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            Set<Role> r = roles(roles);
            String pw = password.read(admin, login);
            try (Database opened = open(db)) {
                UserAccount u = access(admin, opened).createUser(login, name, r, pw);
                admin.out().println("user " + u.login() + " (" + u.displayName() + ") created with roles " + u.roles());
            }
            return ConsoleAdmin.OK;
        }
    }

    @Command(name = "reset-password", description = "Give a user a new password (also lifts a lock-out).")
    static final class ResetPassword extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;
        @Mixin
        PasswordSource password;

        @Parameters(index = "0", paramLabel = "<login>")
        String login;

        ResetPassword(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            String pw = password.read(admin, login);
            try (Database opened = open(db)) {
                access(admin, opened).resetPassword(login, pw);
                admin.out().println("password of " + login + " reset; a lock-out is lifted");
            }
            return ConsoleAdmin.OK;
        }
    }

    @Command(name = "list", description = "List the users with their roles and whether they are locked or switched off.")
    static final class ListUsers extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        ListUsers(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            try (Database opened = open(db)) {
                List<UserAccount> users = access(admin, opened).users();
                admin.out().printf("%-20s %-16s %-40s %s%n", "login", "name", "roles", "state");
                for (UserAccount u : users) {
                    String state = !u.active() ? "switched off"
                            : u.lockedAt(admin.clock().instant()) ? "locked until " + u.lockedUntil()
                            : u.failedAttempts() > 0 ? "active (" + u.failedAttempts() + " wrong password(s))" : "active";
                    admin.out().printf("%-20s %-16s %-40s %s%n", u.login(), u.displayName(),
                            u.roles().stream().map(Enum::name).collect(Collectors.joining(",")), state);
                }
                admin.out().println(users.size() + " user(s)");
            }
            return ConsoleAdmin.OK;
        }
    }

    @Command(name = "unlock", description = "Lift a user's lock-out without changing the password.")
    static final class Unlock extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Parameters(index = "0", paramLabel = "<login>")
        String login;

        Unlock(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            try (Database opened = open(db)) {
                access(admin, opened).unlock(login);
                admin.out().println(login + " unlocked");
            }
            return ConsoleAdmin.OK;
        }
    }
}
