package org.commandroom.core.admin;

import java.nio.file.Path;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbRoles;
import org.commandroom.core.store.DbSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console-admin db roles}: the owner, desk (read-write) and wall (read-only) logins of a PostgreSQL console
 * database ({@link DbRoles}, docs/DATABASE-ROLES.md). Run connected as the owner (with CREATEROLE) or a superuser;
 * passwords from the environment or a file, never the command line; may be run again at any time.
 */
@Command(name = "roles", description = "PostgreSQL: create or update the owner, desk (read-write) and wall (read-only) "
        + "roles and their grants; idempotent (docs/DATABASE-ROLES.md).")
final class DbRolesCommand extends ConsoleAdmin.Base {

    @Mixin
    DbOptions db;

    @Option(names = "--owner", paramLabel = "<role>",
            description = "the role that owns the tables and runs the migrations (default: the one that owns them now)")
    String owner;

    @Option(names = "--desk-role", required = true, paramLabel = "<role>", description = "the desks' read-write role")
    String desk;

    @Option(names = "--wall-role", required = true, paramLabel = "<role>", description = "the walls' read-only role")
    String wall;

    @Option(names = "--owner-password-env", paramLabel = "<VARIABLE>", description = "the owner's new password, from this variable")
    String ownerEnv;
    @Option(names = "--owner-password-file", paramLabel = "<path>", description = "the owner's new password, from this file")
    Path ownerFile;
    @Option(names = "--desk-password-env", paramLabel = "<VARIABLE>", description = "the desk role's password, from this variable")
    String deskEnv;
    @Option(names = "--desk-password-file", paramLabel = "<path>", description = "the desk role's password, from this file")
    Path deskFile;
    @Option(names = "--wall-password-env", paramLabel = "<VARIABLE>", description = "the wall role's password, from this variable")
    String wallEnv;
    @Option(names = "--wall-password-file", paramLabel = "<path>", description = "the wall role's password, from this file")
    Path wallFile;

    DbRolesCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        DbSettings settings = db.settings(admin);
        if (!settings.isPostgres()) {
            admin.err().println("console-admin: database roles are set up on PostgreSQL only. H2 has users and table "
                    + "grants but no column grants, so an H2 read-only login would still read caller numbers "
                    + "(docs/DATABASE-ROLES.md)");
            return ConsoleAdmin.REFUSED;
        }
        DbRoles.Request request = new DbRoles.Request(owner, desk, wall, password(ownerEnv, ownerFile, "owner"),
                password(deskEnv, deskFile, "desk"), password(wallEnv, wallFile, "wall"));
        try (Database opened = open(db)) {
            try {
                opened.jdbi().useHandle(h -> DbRoles.apply(h.getConnection(), request, admin.out()::println));
            } catch (DbRoles.Refused e) {
                admin.err().println("refused: " + e.getMessage());
                return ConsoleAdmin.REFUSED;
            }
            admin.audit(opened, "DB_ROLES", "DATABASE", "desk role " + desk + ", wall role " + wall
                    + (owner == null ? "" : ", owner " + owner));
            admin.out().println("database roles in place: desks connect as " + desk + ", walls as " + wall);
        }
        return ConsoleAdmin.OK;
    }

    private char[] password(String env, Path file, String whose) throws java.io.IOException {
        if (env == null && file == null) {
            return null;
        }
        PasswordSource source = new PasswordSource();
        source.env = env;
        source.file = file;
        return source.read(admin, whose + " role").toCharArray();
    }
}
