package org.commandroom.app.wall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.app.AppContext;
import org.commandroom.app.Executors2;
import org.commandroom.app.IndexModule;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.wall.WallPrevention;
import org.commandroom.core.wall.WallStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall display's composition root, beside the desk's {@link AppContext}: it opens the database, watches its
 * health, tails the change feed and builds the read-only services of {@link WallServices}. It starts no background
 * writer: no demo generator or simulator, no escalation monitor, no push outbox publisher or broker, no drafts saver,
 * no prevention-index updater. Nothing in the constructor does I/O; {@link #connect()} runs on the I/O executor.
 */
public final class WallContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WallContext.class);

    /** The wall's layout file in the data directory, used when {@code --wall-layout} names none. */
    public static final String LAYOUT_FILE = "wall-layout.txt";

    private final LaunchOptions options;
    private final WallOptions wall;
    private final Clock clock;
    private final I18n i18n;
    private final ExecutorService ioExecutor;
    private final ExecutorService longIoExecutor;
    private final ScheduledExecutorService feedScheduler;
    private final Tasks tasks;
    private volatile WallServices services;

    public WallContext(LaunchOptions options, WallOptions wall, Clock clock, Executor fxExecutor) {
        this.options = options;
        this.wall = wall;
        this.clock = clock;
        this.i18n = I18n.load(options.locale());
        this.ioExecutor = Tasks.newIoExecutor("wall-io");
        this.longIoExecutor = Tasks.newIoExecutor("wall-io-long");
        this.feedScheduler = Tasks.newScheduler("wall-change-feed");
        this.tasks = new Tasks(ioExecutor, longIoExecutor, fxExecutor);
        this.fxExecutor = fxExecutor;
    }

    private final Executor fxExecutor;

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

    public WallOptions wallOptions() {
        return wall;
    }

    /** The layout file the wall reads: {@code --wall-layout}, else {@value #LAYOUT_FILE} in the data directory, else none. */
    public java.util.Optional<Path> layoutFile() {
        if (wall.layoutFile().isPresent()) {
            return wall.layoutFile();
        }
        Path inData = options.dataDir().resolve(LAYOUT_FILE);
        return Files.isRegularFile(inData) ? java.util.Optional.of(inData) : java.util.Optional.empty();
    }

    /**
     * Opens the database (the schema is checked and brought up to date as for the desk), starts its health probe and
     * the change feed, and builds the read-only services. Blocking: call it through {@link Tasks}.
     */
    public WallServices connect() throws Exception {
        DbSettings settings = options.dbUrl().isPresent()
                ? DbSettings.remote(options.dbUrl().get(), System.getenv(), options.dataDir())
                : DbSettings.embedded(options.dataDir(), AppContext.EMBEDDED_DB_NAME);
        if (options.dbUrl().isEmpty()) {
            Files.createDirectories(options.dataDir());
        }
        LOG.info("Wall display: opening database {}", settings.displayUrl());
        IndexDefinitions definitions = definitions(options.dataDir());
        Database database = Database.open(settings);
        try {
            ChangeFeed feed = new ChangeFeed(database.jdbi(), feedScheduler, fxExecutor, clock, AppContext.FEED_INTERVAL,
                    AppContext.FEED_GAP_WAIT).listen(database.settings(), AppContext.FEED_WHILE_LISTENING);
            WallServices built = new WallServices(database, feed,
                    new WallStatistics(database.jdbi(), clock, clock.getZone()), definitions,
                    new IndexTrace(database.jdbi(), clock, definitions),
                    new IndexRanking(database.jdbi(), definitions),
                    new IndexTrend(database.jdbi(), definitions),
                    new WallPrevention(database.jdbi(), clock));
            feed.start();
            database.health().start(clock);
            services = built;
            LOG.info("Wall display connected; no background writer runs on this workstation");
            return built;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The prevention index's definitions in force, as the desk reads them: the product's default with the bureau's
     * {@code prevention-index.yaml} laid over it (a file with a problem is logged and the default stays). Read here,
     * not through the desk's IndexModule, which also builds the index's writers.
     */
    static IndexDefinitions definitions(Path dataDir) {
        IndexDefinitions defs = IndexDefinitions.withDefault();
        Path file = dataDir.resolve(IndexModule.OVERRIDE_FILE);
        if (Files.isRegularFile(file)) {
            IndexDefinitions.LoadResult r = defs.reload(file);
            if (!r.accepted()) {
                LOG.warn("{} rejected, the product's default prevention index stays in force: {}", file, r.problem());
            }
        }
        return defs;
    }

    /** The services once connected, else null. */
    public WallServices services() {
        return services;
    }

    /** Stops the feed, lets running reads finish (never interrupted: H2), closes the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        WallServices s = services;
        if (s != null) {
            s.feed().close();
        }
        List<ExecutorService> work = List.of(feedScheduler, longIoExecutor, ioExecutor);
        if (!Executors2.shutdownWithin(work, CLOSE_WAIT)) {
            LOG.warn("Wall reads still running at exit after {} s", CLOSE_WAIT.toSeconds());
        }
        if (s != null) {
            s.database().close();
            services = null;
        }
    }

    static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
}
