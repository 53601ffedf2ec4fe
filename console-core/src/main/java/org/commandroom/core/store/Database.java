package org.commandroom.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's connection to its database: a small connection pool, the schema brought up to date
 * by Flyway on open, and a configured {@link Jdbi}. One instance per process, closed on exit.
 *
 * <p>Its health is watched by {@link DatabaseHealth}, which probes over a connection of its own (so a pool busy
 * with long reads never makes a healthy database look lost) and is told at once when a statement anywhere fails
 * because the connection or the database is gone ({@link ConnectionLoss}).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DbSettings settings;
    private final HikariDataSource dataSource;
    private final ConnectionLoss loss;
    private final Jdbi jdbi;
    private final DatabaseHealth health;

    private Database(DbSettings settings, HikariDataSource dataSource, ConnectionLoss loss) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.loss = loss;
        // Embedded H2 (file, and in memory so that every test runs the same way): one writing transaction at a time,
        // or a kill -9 can leave a table and its indexes from different moments on disk (SerialWrites).
        javax.sql.DataSource forJdbi = settings.embedded() ? new SerialWrites().wrap(dataSource) : dataSource;
        this.jdbi = Jdbi.create(forJdbi).installPlugin(new SqlObjectPlugin());
        InstantSupport.install(jdbi);
        this.health = DatabaseHealth.standard(this);
    }

    /** Opens the pool and migrates the schema; throws if the database cannot be reached. */
    public static Database open(DbSettings settings) {
        return open(settings, MigrationListener.NONE);
    }

    /**
     * Opens the pool and migrates the schema, telling {@code upgrade} of each pending migration as it starts (none
     * when the schema is current); throws if the database cannot be reached.
     */
    public static Database open(DbSettings settings, MigrationListener upgrade) {
        java.util.Objects.requireNonNull(upgrade, "upgrade");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("console-db");
        config.setMaximumPoolSize(settings.embedded() ? 4 : 6);
        config.setMinimumIdle(1);
        // A shared database that is gone makes every read wait this long for a connection before it fails, and the
        // screens' reads queue behind each other: 2 s, not 5. (The health monitor knows within a second anyway.)
        config.setConnectionTimeout(Duration.ofSeconds(settings.embedded() ? 5 : 2).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(5).toMillis());
        if (settings.embedded()) {
            // A connection to a database in this process does not age: retiring them every 30 minutes (the pool's
            // default) only makes the pool close and reopen sessions under a running console.
            config.setMaxLifetime(0);
        }
        ConnectionLoss loss = new ConnectionLoss(!settings.isPostgres());
        config.setExceptionOverride(loss);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            StepReporter steps = new StepReporter(upgrade);
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .callbacks(DbRoles.regrantAfterMigrate(), steps)
                    .load();
            // A desk or wall login (docs/DATABASE-ROLES.md) runs with a schema that is up to date, and is told plainly
            // when it is not, instead of failing on the first statement of the first migration. (An embedded database
            // is this process's own, opened as its administrator sa: nothing to ask.)
            if (!settings.embedded() || !"sa".equalsIgnoreCase(settings.user())) {
                SchemaUpgradeRequired.check(flyway, ds);
            }
            if (upgrade != MigrationListener.NONE) {
                steps.pending = flyway.info().pending().length;
            }
            MigrateResult result = flyway.migrate();
            LOG.info("Database {} at schema version {} ({} migrations applied)",
                    settings.displayUrl(),
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        if (!settings.embedded() && !settings.isPostgres()) {
            writeCommitsAtOnce(ds, settings);
        }
        return new Database(settings, ds, loss);
    }

    /** Reports each migration as Flyway starts it (BEFORE_EACH_MIGRATE), numbered against those pending. */
    private static final class StepReporter implements org.flywaydb.core.api.callback.Callback {
        private final MigrationListener listener;
        private int pending;
        private int done;

        StepReporter(MigrationListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean supports(org.flywaydb.core.api.callback.Event event, org.flywaydb.core.api.callback.Context context) {
            return event == org.flywaydb.core.api.callback.Event.BEFORE_EACH_MIGRATE && listener != MigrationListener.NONE;
        }

        @Override
        public boolean canHandleInTransaction(org.flywaydb.core.api.callback.Event event,
                                              org.flywaydb.core.api.callback.Context context) {
            return true;
        }

        @Override
        public void handle(org.flywaydb.core.api.callback.Event event, org.flywaydb.core.api.callback.Context context) {
            org.flywaydb.core.api.MigrationInfo m = context.getMigrationInfo();
            done++;
            String version = m == null || m.getVersion() == null ? "" : m.getVersion().getVersion();
            String description = m == null || m.getDescription() == null ? "" : m.getDescription();
            try {
                listener.migrating(new MigrationListener.Step(done, Math.max(pending, done), version, description));
            } catch (RuntimeException e) {
                // A screen that cannot show the step must not stop the upgrade.
                LOG.warn("The upgrade's progress could not be reported: {}", e.toString());
            }
        }

        @Override
        public String getCallbackName() {
            return "console-upgrade-progress";
        }
    }

    /**
     * An H2 server writes committed changes up to half a second later by default, so a server killed loses them;
     * WRITE_DELAY is a setting of the database, kept in it, that only an administrator may change. Asked once per
     * workstation start; when the login is not allowed to, the log says so and what it costs.
     */
    private static void writeCommitsAtOnce(HikariDataSource ds, DbSettings settings) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn("The H2 server {} keeps its default write delay (commits reach its disk up to 500 ms late; a killed "
                    + "server loses them): {}", settings.displayUrl(), e.getMessage());
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DbSettings settings() {
        return settings;
    }

    /** Whether the database answers, known within a second once {@linkplain DatabaseHealth#start started}. */
    public DatabaseHealth health() {
        return health;
    }

    /** True when a connection can be had and answers within two seconds. */
    public boolean isReachable() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * True when this exception (or one it wraps) says the connection or the database is gone, so that the work may
     * succeed later as it is; false for errors that would fail again (a constraint, a bug).
     */
    public static boolean isConnectionLoss(Throwable e) {
        return ConnectionLoss.isLoss(e);
    }

    /** Called, on the failing thread, whenever a statement fails because its connection or the database is gone. */
    void onConnectionLoss(ConnectionLoss.Signal signal) {
        loss.onLoss(signal);
    }

    /**
     * A connection of its own, outside the pool, for the health probe: a pool whose connections are all taken by
     * long reads must not make the database look lost. Short timeouts where the driver has them.
     */
    Connection openProbeConnection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        p.setProperty("password", settings.password());
        if (settings.isPostgres()) {
            p.setProperty("connectTimeout", "2");
            p.setProperty("socketTimeout", "3");
            p.setProperty("ApplicationName", "console-health");
        }
        // An embedded database that is gone is reopened from its file, never created empty: a file deleted under the
        // console, or an in-memory database shut down, stays lost and says so.
        String url = settings.embedded() ? settings.jdbcUrl() + ";IFEXISTS=TRUE" : settings.jdbcUrl();
        return DriverManager.getConnection(url, p);
    }

    /**
     * Closes every idle connection of the pool now and the others when they are returned: after the embedded
     * database was closed under the console, so that the next statement opens it again instead of failing on a
     * dead session.
     */
    void evictAll() {
        var pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    /**
     * Closes the pool. The embedded file database is then shut down (it stays open while the console runs,
     * {@code DB_CLOSE_DELAY=-1}) over a connection of its own once no pooled session is left, which writes it
     * completely so the next start needs no recovery.
     */
    @Override
    public void close() {
        health.close();
        boolean shutDown = settings.isEmbeddedFile() && !dataSource.isClosed();
        dataSource.close();
        if (shutDown) {
            try (Connection c = openProbeConnection(); Statement st = c.createStatement()) {
                Compaction due = Compaction.of(st);
                if (due.worthIt()) {
                    long t0 = System.nanoTime();
                    st.execute("SHUTDOWN COMPACT");
                    LOG.info("Embedded database compacted at close: {} MB, {} % of it in use, rewritten in {} ms",
                            due.fileBytes() / (1024 * 1024), due.fillPercent(), (System.nanoTime() - t0) / 1_000_000);
                } else {
                    st.execute("SHUTDOWN");
                }
            } catch (SQLException e) {
                LOG.warn("Database {} could not be shut down cleanly ({}); the next start recovers it",
                        settings.displayUrl(), e.getMessage());
            }
        }
    }

    /**
     * Whether the embedded file is worth rewriting at close: H2 keeps the pages a long transaction replaced (the demo
     * county's generation or a year's history import leave a file of 1 GB around 40 MB of data, 23.5 GB around 0.4 GB
     * at Bao'an scale), and only a {@code SHUTDOWN COMPACT} gives them back. It is done when the file is over
     * {@link #COMPACT_ABOVE_BYTES} and less than half of it is in use; it takes seconds for the demo county.
     */
    record Compaction(long fileBytes, int fillPercent) {

        static final long COMPACT_ABOVE_BYTES = 64L * 1024 * 1024;

        boolean worthIt() {
            return fileBytes > COMPACT_ABOVE_BYTES && fillPercent >= 0 && fillPercent < 50;
        }

        /** H2's own figures for the open file; unknown ones (another engine, an older H2) never compact. */
        static Compaction of(Statement st) {
            long size = -1;
            int fill = -1;
            try (java.sql.ResultSet r = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
                while (r.next()) {
                    String v = r.getString(2).strip();
                    if ("info.FILE_SIZE".equals(r.getString(1)) && v.matches("\\d{1,18}")) {
                        size = Long.parseLong(v);
                    } else if (r.getString(1).endsWith("FILL_RATE") && v.matches("\\d{1,3}")) {
                        // the file's share of chunks, and the chunks' share of live pages: the lower one says
                        int rate = Integer.parseInt(v);
                        fill = fill < 0 ? rate : Math.min(fill, rate);
                    }
                }
            } catch (SQLException e) {
                LOG.debug("No file figures from the database: {}", e.getMessage());
            }
            return new Compaction(size, fill);
        }
    }
}
