package org.commandroom.core.admin;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.commandroom.core.store.DbSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or upgrades a console database's schema (the same Flyway migrations the console applies on connect),
 * saying what it does as it goes: the version found, each migration as it starts and how long it took, and, while
 * one runs for long (a Bao'an-scale upgrade rewrites a million incidents), a line every {@code heartbeat} saying it
 * still runs. A console started afterwards finds nothing to do. Usable by the console itself to show the same
 * progress on its start screen (it takes a {@link Consumer} of lines and never touches the FX thread).
 */
public final class SchemaMigration {

    /** What was done: the version before (null for an empty database) and after, and the migrations applied. */
    public record Outcome(String from, String to, int applied, Duration took) {
    }

    private SchemaMigration() {
    }

    public static Outcome migrate(DbSettings settings, Consumer<String> progress, Duration heartbeat) {
        Flyway probe = configure(settings).load();
        MigrationInfo current = probe.info().current();
        MigrationInfo[] pending = probe.info().pending();
        String from = current == null ? null : current.getVersion().getVersion();
        if (pending.length == 0) {
            return new Outcome(from, from, 0, Duration.ZERO);
        }
        refuseUnlessOwner(settings, current, pending);
        progress.accept((from == null ? "empty database: creating the schema, " : "schema at version " + from + ", ")
                + pending.length + " migration(s) to apply: " + String.join(", ", Arrays.stream(pending)
                .map(m -> "V" + m.getVersion().getVersion()).toList()));
        Steps steps = new Steps(pending.length, progress);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-admin-migration-progress");
            t.setDaemon(true);
            return t;
        });
        long heartbeatMs = Math.max(50, heartbeat.toMillis());
        // Only prints; never interrupts the thread inside the database (an interrupt closes H2's file).
        ticker.scheduleAtFixedRate(steps::stillRunning, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        try {
            MigrateResult result = configure(settings).callbacks(steps, org.commandroom.core.store.DbRoles.regrantAfterMigrate()).load()
                    .migrate();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            String to = result.targetSchemaVersion != null ? result.targetSchemaVersion : from;
            progress.accept("schema at version " + to + ": " + result.migrationsExecuted + " migration(s) applied in "
                    + took.toMillis() + " ms");
            return new Outcome(from, to, result.migrationsExecuted, took);
        } finally {
            ticker.shutdown();
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(DbSettings settings) {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration");
    }

    /** A desk or wall login may not migrate: said plainly (docs/DATABASE-ROLES.md) instead of a permission error. */
    private static void refuseUnlessOwner(DbSettings settings, MigrationInfo current, MigrationInfo[] pending) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password())) {
            org.commandroom.core.store.SchemaUpgradeRequired.refuseUnlessOwner(c, current, pending);
        } catch (java.sql.SQLException e) {
            // Not known: Flyway tries, and says why it fails.
        }
    }

    /** Flyway's callback: a line as each migration starts and ends. */
    private static final class Steps implements Callback {
        private final int total;
        private final Consumer<String> progress;
        private volatile String running;
        private volatile long startedAt;
        private int done;

        Steps(int total, Consumer<String> progress) {
            this.total = total;
            this.progress = progress;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo m = context.getMigrationInfo();
            String name = m == null ? "?" : "V" + m.getVersion().getVersion() + " " + m.getDescription();
            if (event == Event.BEFORE_EACH_MIGRATE) {
                running = name;
                startedAt = System.nanoTime();
                progress.accept("applying " + name + " (" + (done + 1) + " of " + total + ")");
            } else {
                long ms = (System.nanoTime() - startedAt) / 1_000_000;
                running = null;
                done++;
                progress.accept((event == Event.AFTER_EACH_MIGRATE ? "  done: " : "  FAILED: ") + name + " in " + ms
                        + " ms");
            }
        }

        void stillRunning() {
            String r = running;
            if (r != null) {
                progress.accept("  still applying " + r + ": " + (System.nanoTime() - startedAt) / 1_000_000_000L + " s");
            }
        }

        @Override
        public String getCallbackName() {
            return "console-admin-progress";
        }
    }
}
