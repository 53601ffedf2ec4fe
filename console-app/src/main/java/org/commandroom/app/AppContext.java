package org.commandroom.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.UnitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: everything the console needs is built here once and closed here on exit.
 * Nothing in this constructor does I/O; {@link #connect()} opens the database and runs on the I/O
 * executor, never on the FX thread.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    /** How often the change feed looks for other workstations' writes. */
    public static final Duration FEED_INTERVAL = Duration.ofMillis(250);
    /** How long the feed waits for a missing change-log id before treating it as rolled back. */
    public static final Duration FEED_GAP_WAIT = Duration.ofSeconds(10);
    /** The embedded database's file name in the data directory. */
    public static final String EMBEDDED_DB_NAME = "console";

    private final LaunchOptions options;
    private final Clock clock;
    private final Executor fxExecutor;
    private final I18n i18n;
    private final ExecutorService ioExecutor;
    private final ScheduledExecutorService feedScheduler;
    private final Tasks tasks;
    private final String workstation;
    private volatile AppServices services;

    public AppContext(LaunchOptions options, Clock clock, Executor fxExecutor) {
        this.options = options;
        this.clock = clock;
        this.fxExecutor = fxExecutor;
        this.i18n = I18n.load(options.locale());
        this.ioExecutor = Tasks.newIoExecutor("console-io");
        this.feedScheduler = Tasks.newScheduler("console-change-feed");
        this.tasks = new Tasks(ioExecutor, fxExecutor);
        this.workstation = workstationName();
    }

    public Clock clock() {
        return clock;
    }

    public I18n i18n() {
        return i18n;
    }

    public Tasks tasks() {
        return tasks;
    }

    public LaunchOptions options() {
        return options;
    }

    /** The duty commander shown in the status bar; the OS user until log-in exists. */
    public String commanderName() {
        return System.getProperty("user.name", "?");
    }

    /** The database as the status bar shows it: never with a password. */
    public String databaseDisplay() {
        return options.dbUrl()
                .map(url -> new DbSettings(url, null, null, false).displayUrl())
                .orElseGet(() -> i18n.tr("status.db.embedded",
                        options.dataDir().resolve(EMBEDDED_DB_NAME + ".mv.db").toAbsolutePath()));
    }

    public boolean embedded() {
        return options.dbUrl().isEmpty();
    }

    /**
     * Opens the database, builds the services and starts the change feed. Blocking: call it through
     * {@link Tasks} so that it runs on the I/O executor.
     */
    public AppServices connect() throws IOException {
        Files.createDirectories(options.dataDir());
        DbSettings settings = options.dbUrl().isPresent()
                ? DbSettings.remote(options.dbUrl().get(), System.getenv(), options.dataDir())
                : DbSettings.embedded(options.dataDir(), EMBEDDED_DB_NAME);
        LOG.info("Opening database {}", settings.displayUrl());
        Database database = Database.open(settings);
        try {
            AppServices built = build(database);
            prepareDemoData(built, options.simulator());
            built.feed().start();
            services = built;
            return built;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private AppServices build(Database database) {
        ChangeRecorder recorder = new ChangeRecorder(clock, workstation);
        IncidentService incidents = new IncidentService(database.jdbi(), recorder);
        UnitService units = new UnitService(database.jdbi(), recorder);
        OrderService orders = new OrderService(database.jdbi(), clock, DeadlinePolicy.defaults(),
                new Numbering(clock, clock.getZone()), recorder);
        ChangeFeed feed = new ChangeFeed(database.jdbi(), feedScheduler, fxExecutor, clock, FEED_INTERVAL, FEED_GAP_WAIT);
        return new AppServices(database, incidents, units, orders, feed);
    }

    /**
     * The place where the demo county and its simulator will be wired (a colleague is writing them).
     * Runs on the I/O executor after the schema is migrated and before the change feed starts.
     * For now it only says so when the database is empty; it never invents data.
     */
    void prepareDemoData(AppServices built, boolean simulatorWanted) {
        long incidents = built.database().jdbi().withExtension(IncidentDao.class, IncidentDao::count);
        long units = built.units().all().size();
        if (incidents == 0 && units == 0) {
            LOG.info("The database is empty and no demo data exists yet (the demo-county generator is not wired; "
                    + "simulator {})", simulatorWanted ? "requested" : "disabled by --no-simulator");
        } else {
            LOG.info("Database holds {} incidents and {} units", incidents, units);
        }
    }

    private static String workstationName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "workstation");
        String name = System.getProperty("user.name", "console") + "@" + host;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** Stops the feed, the executors and the database, in that order. Safe to call twice. */
    @Override
    public void close() {
        AppServices s = services;
        if (s != null) {
            s.feed().close();
        }
        feedScheduler.shutdownNow();
        ioExecutor.shutdown();
        try {
            if (!ioExecutor.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("I/O tasks still running at exit; interrupting them");
                ioExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            ioExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (s != null) {
            s.database().close();
            services = null;
        }
    }
}
