package org.commandroom.core.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.flywaydb.core.Flyway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console-admin backup} / {@code restore}: H2 databases ({@link H2Backup}); PostgreSQL is backed up with
 * pg_dump (docs/ADMIN.md).
 */
@Command(name = "backup", description = "Back up an H2 database while others keep working on it: "
        + "--to <file>.zip (the database file) or <file>.sql / <file>.sql.zip (SQL). PostgreSQL: pg_dump (docs/ADMIN.md).")
final class BackupCommand extends ConsoleAdmin.Base {

    @Mixin
    DbOptions db;

    @Option(names = "--to", required = true, paramLabel = "<file>", description = "the backup file; never overwritten")
    Path to;

    BackupCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        DbSettings settings = db.settings(admin);
        if (settings.isPostgres()) {
            throw new IllegalArgumentException("a PostgreSQL database is backed up with pg_dump -Fc (docs/ADMIN.md, "
                    + "\"PostgreSQL\"); console-admin backs up H2 databases");
        }
        H2Backup.Format.of(to);
        admin.out().println("database " + settings.displayUrl());
        // A backup is taken of the database as it is: the schema is not upgraded first (back up, then upgrade).
        boolean current = Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").load().info().pending().length == 0;
        if (!current) {
            admin.out().println("the schema is older than this console-admin's; backing it up as it is, without an "
                    + "audit row (run db migrate afterwards)");
            var jdbi = org.jdbi.v3.core.Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
            H2Backup.backup(jdbi, to);
        } else {
            try (Database opened = Database.open(settings)) {
                // In the trail before the copy is taken, so the backup holds the record of itself.
                admin.audit(opened, "BACKUP", "DATABASE", "backup to " + to.toAbsolutePath());
                long t0 = System.nanoTime();
                H2Backup.backup(opened.jdbi(), to);
                admin.out().println("backup written in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        }
        if (settings.jdbcUrl().startsWith("jdbc:h2:tcp:")) {
            admin.out().println("an H2 server writes the backup on its own machine: " + to.toAbsolutePath());
        } else {
            admin.out().println("backup " + to.toAbsolutePath() + " (" + Files.size(to) + " bytes)");
        }
        return ConsoleAdmin.OK;
    }

    @Command(name = "restore", description = "Restore an H2 backup into a database that does not exist yet (the embedded "
            + "one of --data-dir, or --db jdbc:h2:file:...), upgrade it if it is older, and verify its audit chain.")
    static final class Restore extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--from", required = true, paramLabel = "<file>", description = "a backup made by console-admin backup")
        Path from;

        Restore(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            DbSettings settings = db.settings(admin);
            if (settings.isPostgres()) {
                throw new IllegalArgumentException("a PostgreSQL database is restored with pg_restore (docs/ADMIN.md)");
            }
            H2Backup.restore(from, settings);
            admin.out().println("restored " + from + " into " + H2Backup.fileOf(settings));
            try (Database opened = open(db)) {
                admin.audit(opened, "RESTORE", "DATABASE", "restored from " + from.toAbsolutePath());
                AuditChain.Verification v = AuditChain.verify(opened.jdbi());
                if (!v.intact()) {
                    admin.out().println("audit chain BROKEN in the restored database: " + v.problems());
                    return ConsoleAdmin.REFUSED;
                }
                admin.out().println("audit chain intact: " + v.rows() + " rows");
            }
            return ConsoleAdmin.OK;
        }
    }
}
