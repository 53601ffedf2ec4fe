package org.commandroom.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.demo.DemoSimulator;
import org.commandroom.core.demo.GenerationReport;
import org.commandroom.core.demo.SimulatorSettings;
import org.commandroom.core.admin.AutoBackups;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Session;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.demo.DemoUsers;
import org.commandroom.core.demo.DemoTerminals;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.escalation.EscalationMonitor;
import org.commandroom.core.dispatch.escalation.EscalationService;
import org.commandroom.core.dispatch.escalation.OrderFollowUp;
import org.commandroom.core.dispatch.push.OrderPushEnqueuer;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulator;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.Entity;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.draft.Drafts;
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
    /** On PostgreSQL the feed wakes on the change log's notifications and reads at least this often besides. */
    public static final Duration FEED_WHILE_LISTENING = Duration.ofSeconds(2);
    /** How long the feed waits for a missing change-log id before treating it as rolled back. */
    public static final Duration FEED_GAP_WAIT = Duration.ofSeconds(10);
    /** The demo county is the same on every machine. */
    public static final long DEMO_SEED = 20240507L;
    /** The embedded database's file name in the data directory. */
    public static final String EMBEDDED_DB_NAME = "console";
    /** How often every open order's deadlines are checked (and sooner after an order changes). */
    public static final Duration ESCALATION_INTERVAL = Duration.ofSeconds(10);

    /** The agency domain in the EIDO identifiers this console writes (docs/INTAKE.md). */
    public static final String EIDO_DOMAIN = "commandroom.police.local";

    private final LaunchOptions options;
    private final Clock clock;
    private final Executor fxExecutor;
    private final I18n i18n;
    private final ExecutorService ioExecutor;
    /** Reads of seconds (map data, search index, gazetteer), so that the queue's reads never wait behind them. */
    private final ExecutorService longIoExecutor;
    /** Long jobs the user starts and can cancel (report, sheets, imports): neither short nor long reads wait behind them. */
    private final ExecutorService jobExecutor;
    private final ScheduledExecutorService feedScheduler;
    private final Tasks tasks;
    private final String workstation;
    private final ExecutorService demoExecutor;
    private final ScheduledExecutorService simulatorScheduler;
    private final ScheduledExecutorService escalationScheduler;
    private final ExecutorService soundExecutor;
    private final ExecutorService indexExecutor;
    /** Saves the workstation's drafts (calls typed while the database was gone) when it answers again. */
    private final ScheduledExecutorService draftsScheduler;
    private final java.time.Instant startedAt;
    private volatile AppServices services;
    /** Who is signed in at this workstation; every service's permission check reads it (docs/ACCESS.md). */
    private final Session session;
    private volatile AccessService access;
    /** Puts an issued order into the push outbox (also for the simulator's own order service). */
    private volatile IssueHook pushHook = IssueHook.NONE;
    /** Completes when someone who may write signs in: the background writers start then, never before. */
    private final CompletableFuture<Principal> writerSignedIn = new CompletableFuture<>();
    private volatile DemoSimulator simulator;
    /** Positions from vehicle receivers (and terminals) through the batched ingest (docs/RECEIVERS.md). */
    private volatile FieldRuntime field;
    private Future<AppServices> early;
    private final CompletableFuture<Boolean> demoSettled = new CompletableFuture<>();

    public AppContext(LaunchOptions options, Clock clock, Executor fxExecutor) {
        this.options = options;
        this.clock = clock;
        this.fxExecutor = fxExecutor;
        this.i18n = I18n.load(options.locale());
        this.ioExecutor = Tasks.newIoExecutor("console-io");
        this.feedScheduler = Tasks.newScheduler("console-change-feed");
        this.longIoExecutor = Tasks.newIoExecutor("console-io-long");
        this.jobExecutor = Tasks.newIoExecutor("console-jobs");
        this.tasks = new Tasks(ioExecutor, longIoExecutor, jobExecutor, fxExecutor);
        this.demoExecutor = Tasks.newIoExecutor("demo-county");
        this.simulatorScheduler = Tasks.newScheduler("demo-simulator");
        this.escalationScheduler = Tasks.newScheduler("console-escalation");
        this.soundExecutor = Tasks.newIoExecutor("alert-tone");
        this.indexExecutor = Tasks.newIoExecutor("prevention-index");
        this.draftsScheduler = Tasks.newScheduler("console-drafts");
        this.workstation = workstationName();
        this.startedAt = clock.instant();
        this.session = new Session(workstation);
        session.addListener(p -> {
            if (p.mayRunBackgroundWriters()) {
                writerSignedIn.complete(p);
            }
        });
    }

    /** The field side (the batched position ingest and the receivers); null before the services are built. */
    FieldRuntime field() {
        return field;
    }

    /** The workstation's sign-in: the log-in screen signs in here, every service checks against it. */
    public Session session() {
        return session;
    }

    /** Log-in, passwords and users, once the database is open (else null). */
    public AccessService access() {
        return access;
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

    /** Where the alert tone plays (never the FX thread); shut down on exit. */
    public Executor soundExecutor() {
        return soundExecutor;
    }

    /** Who is signed in, by the name trails record; the OS user before anyone signs in. */
    public String commanderName() {
        Principal p = session.current();
        return p.signedIn() ? p.displayName() : System.getProperty("user.name", "?");
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
     * The database is reached over the network (PostgreSQL, an H2 server), so other workstations may share it: the
     * push then needs a broker they all use, never the embedded one on loopback (PushRuntime).
     */
    public boolean sharedDatabase() {
        return options.dbUrl().map(u -> u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:h2:tcp:")
                || u.startsWith("jdbc:h2:ssl:")).orElse(false);
    }

    /** Who hears of the schema upgrade's steps (the start screen), and the last step, for one who comes late. */
    private final java.util.concurrent.atomic.AtomicReference<org.commandroom.core.store.MigrationListener> upgradeWatcher =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile org.commandroom.core.store.MigrationListener.Step lastUpgradeStep;

    /**
     * The start screen's listener for the steps of a schema upgrade while the database opens. The opening may have
     * begun before the window was built ({@link #connectEarly()}): a step already under way is told at once.
     */
    public void onUpgradeStep(org.commandroom.core.store.MigrationListener watcher) {
        upgradeWatcher.set(watcher);
        org.commandroom.core.store.MigrationListener.Step step = lastUpgradeStep;
        if (step != null) {
            watcher.migrating(step);
        }
    }

    private void upgradeStep(org.commandroom.core.store.MigrationListener.Step step) {
        lastUpgradeStep = step;
        org.commandroom.core.store.MigrationListener watcher = upgradeWatcher.get();
        if (watcher != null) {
            watcher.migrating(step);
        }
    }

    /**
     * Starts opening the database on the I/O executor at once, before the window is built; the next
     * {@link #connect()} picks up the result instead of starting again.
     */
    public synchronized void connectEarly() {
        if (early == null) {
            early = ioExecutor.submit(this::connectNow);
        }
    }

    /**
     * Opens the database, builds the services and starts the change feed (or takes the result of
     * {@link #connectEarly()}). Blocking: call it through {@link Tasks} so it runs on the I/O executor.
     */
    public AppServices connect() throws Exception {
        Future<AppServices> started;
        synchronized (this) {
            started = early;
            early = null;
        }
        if (started == null) {
            return connectNow();
        }
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private AppServices connectNow() throws IOException, InterruptedException {
        Files.createDirectories(options.dataDir());
        DbSettings settings = options.dbUrl().isPresent()
                ? DbSettings.remote(options.dbUrl().get(), System.getenv(), options.dataDir())
                : DbSettings.embedded(options.dataDir(), EMBEDDED_DB_NAME);
        LOG.info("Opening database {}", settings.displayUrl());
        ConsoleSettings console = ConsoleSettings.load(options, System.getenv());
        LOG.info("Workstation settings: {}", console);
        // Read while the database opens: the prevention index's definitions need no database.
        CompletableFuture<IndexModule.Definitions> definitions =
                CompletableFuture.supplyAsync(() -> IndexModule.loadDefinitions(options.dataDir()), indexExecutor);
        long t0 = System.nanoTime();
        Database database = Database.open(settings, this::upgradeStep);
        lastUpgradeStep = null;
        long t1 = System.nanoTime();
        AppServices built = null;
        try {
            built = build(database, console, definitions.join());
            long t2 = System.nanoTime();
            prepareDemoData(built, options.simulator());
            long t3 = System.nanoTime();
            built.feed().start();
            database.health().start(clock);
            // What writes in the background (escalation, push, drafts, simulator) waits for a sign-in that may write:
            // a wall display, an administrator or a trainee on live data never runs it (docs/ACCESS.md).
            try {
                int sealed = org.commandroom.core.audit.AuditChain.seal(database.jdbi());
                if (sealed > 0) {
                    LOG.info("{} audit rows from before the hash chain were sealed into it", sealed);
                }
            } catch (RuntimeException e) {
                LOG.warn("Audit rows from before the hash chain could not be sealed: {}", e.getMessage());
            }
            AppServices started = built;
            writerSignedIn.thenAccept(p -> startWriters(started, p));
            services = built;
            // The start-up figure's parts (docs/BENCHMARKS.md, scripts/measure-startup.sh).
            LOG.info("Services ready {} ms after JVM start: database {} ms, services {} ms, demo data {} ms",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            return built;
        } catch (RuntimeException e) {
            if (built != null) {
                built.workflow().escalation().close();
                built.workflow().push().close();
            }
            database.close();
            throw e;
        }
    }

    private AppServices build(Database database, ConsoleSettings console, IndexModule.Definitions definitions) {
        ChangeRecorder recorder = new ChangeRecorder(clock, workstation);
        IncidentService incidents = new IncidentService(database.jdbi(), recorder);
        UnitService units = new UnitService(database.jdbi(), recorder);
        // An issued order for a unit goes into the push outbox in the issuing transaction, and the publisher
        // is woken once that commits, so the order leaves at once rather than at the next poll.
        OrderPushEnqueuer enqueuer = new OrderPushEnqueuer(clock);
        java.util.concurrent.atomic.AtomicReference<PushRuntime> pushRef = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable wake = () -> {
            PushRuntime p = pushRef.get();
            if (p != null) {
                p.wake();
            }
        };
        // Issued and every later change (re-assigned, corrected, returned, cancelled, closed) reach the terminals.
        pushHook = new org.commandroom.core.dispatch.IssueHook() {
            @Override
            public void issued(org.jdbi.v3.core.Handle h, org.commandroom.core.dispatch.Order order) {
                enqueuer.issued(h, order);
                h.afterCommit(wake::run);
            }

            @Override
            public void changed(org.jdbi.v3.core.Handle h, org.commandroom.core.dispatch.Order order, Change change,
                                Long previousUnitId, String note) {
                enqueuer.changed(h, order, change, previousUnitId, note);
                h.afterCommit(wake::run);
            }
        };
        DeadlinePolicy deadlines = deadlines(options.dataDir());
        AccessGuard guard = AccessGuard.of(database.jdbi(), clock, session);
        access = new AccessService(database.jdbi(), clock, guard, new PasswordHasher(), LockoutPolicy.defaults());
        field = FieldRuntime.prepare(database.jdbi(), recorder, clock, options.dataDir(), FieldRuntime.mapDatum(), guard);
        OrderService orders = new OrderService(database.jdbi(), clock, deadlines,
                new Numbering(clock, clock.getZone()), recorder, pushHook, guard);
        ChangeFeed feed = new ChangeFeed(database.jdbi(), feedScheduler, fxExecutor, clock, FEED_INTERVAL, FEED_GAP_WAIT)
                .listen(database.settings(), FEED_WHILE_LISTENING);
        PushRuntime push = PushRuntime.prepare(database.jdbi(), orders, clock, console, mqttClientId(), fxExecutor,
                sharedDatabase());
        FieldRuntime fieldNow = field;
        push.feedField(fix -> {
            org.commandroom.core.field.PositionIngest ingest = fieldNow.ingest();
            return ingest == null ? org.commandroom.core.field.PositionIngest.Offer.CLOSED : ingest.offer(fix);
        }, recorder);
        pushRef.set(push);
        EscalationMonitor escalation = new EscalationMonitor(new EscalationService(database.jdbi(), recorder),
                escalationScheduler, fxExecutor, clock, ESCALATION_INTERVAL);
        // A signed, fed-back or new order changes the list at once, not at the next round.
        feed.addListener(changes -> {
            if (!Change.idsOf(changes, Entity.ORDER).isEmpty()) {
                escalation.requestScan();
            }
        });
        // The settings file's role= line grants nothing any more: the role is the signed-in user's.
        Principal who = session.current();
        Workflow workflow = new Workflow(new OrderFollowUp(database.jdbi(), orders, clock, recorder, guard), escalation, push,
                new AlertAudit(database.jdbi(), clock, workstation, guard), who.primaryRole(), commanderName(), startedAt);
        GeoImportService geoImport = new GeoImportService(database.jdbi(), recorder, clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA), guard);
        IntakeModule intake = IntakeModule.create(database.jdbi(), clock, incidents, units, orders, recorder,
                deadlines, longIoExecutor, new Drafts(options.dataDir().resolve(DRAFTS_DIR), clock), guard);
        feed.addListener(intake.feedListener());
        // New incidents and order steps update the current month of the prevention index on its own worker.
        IndexModule index = IndexModule.withDefinitions(database.jdbi(), clock, definitions, recorder,
                new Numbering(clock, clock.getZone()), indexExecutor, guard);
        feed.addListener(index.feedListener());
        if (embedded()) {
            // Demo mode: once the county is complete, compute the year so the dashboard has data.
            // It waits a few seconds: on two cores the year's recomputation (1-4 s of reading) otherwise competes
            // with the first screen for the CPU, and the commander needs the queue before the dashboard.
            demoSettled.thenAcceptAsync(complete -> {
                if (Boolean.TRUE.equals(complete)) {
                    index.recomputeInBackground();
                }
            }, java.util.concurrent.CompletableFuture.delayedExecutor(INDEX_START_DELAY.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        CallFiles callFiles = new CallFiles(database.jdbi(), clock, intake.intake(), intake.bulk(), EIDO_DOMAIN, workstation,
                guard);
        // The bureau's own EIDO type table, if it keeps one in the data directory (docs/INTAKE.md, "EIDO from elsewhere").
        callFiles.setEidoTypeTable(options.dataDir().resolve(org.commandroom.core.eido.EidoTypeMap.BUREAU_FILE));
        AdminModule admin = new AdminModule(this::access, new org.commandroom.core.org.SetupProgress(database.jdbi()),
                new org.commandroom.core.org.OrgImportService(database.jdbi(), clock, recorder, guard),
                new org.commandroom.core.org.OrgEditService(database.jdbi(), clock, recorder, guard), geoImport,
                new org.commandroom.core.prevention.HouseImportService(database.jdbi(), clock, guard),
                new org.commandroom.core.audit.AuditService(database.jdbi(), clock, guard),
                new org.commandroom.core.history.HistoryImportService(database.jdbi(), clock, guard),
                new org.commandroom.core.roster.RosterService(database.jdbi(), clock, clock.getZone(), recorder, guard));
        CapModule cap = CapModule.prepare(database.jdbi(), clock, options.dataDir(), EIDO_DOMAIN, guard, who);
        return new AppServices(database, incidents, units, orders, feed, workflow, geoImport, intake, index, callFiles,
                admin, cap, PreventionModule.prepare(database.jdbi(), clock, orders, guard));
    }

    /**
     * Starts what writes in the background once someone who may write has signed in: the escalation monitor, the
     * push (outbox publisher, terminals' acknowledgements) and the drafts saver. The demo simulator follows in
     * {@link #prepareDemoData}. Runs once.
     */
    private void startWriters(AppServices built, Principal who) {
        LOG.info("{} may write: starting the escalation monitor, the push and the drafts saver", who.login());
        if (built.workflow() != null) {
            built.workflow().escalation().start();
            if (built.workflow().push() != null) {
                built.workflow().push().begin();
            }
        }
        startSavingDrafts(built.database(), built.intake().calls().drafts());
        scheduleHouseInspections(built, who);
        FieldRuntime f = field;
        if (f != null) {
            f.start();
        }
        if (embedded()) {
            // Only this process can read the embedded database's file while it runs: it backs itself up (docs/ADMIN.md).
            AutoBackups backups = AutoBackups.daily(built.database().jdbi(), options.dataDir().resolve(BACKUPS_DIR), clock);
            draftsScheduler.scheduleWithFixedDelay(() -> longIoExecutor.execute(backups::takeIfDue),
                    BACKUP_FIRST_CHECK.toMinutes(), BACKUP_CHECK_EVERY.toMinutes(), TimeUnit.MINUTES);
        }
    }

    /** The register's due inspections become orders (core prevention, docs/PREVENTION.md), hourly, never in a drill. */
    private void scheduleHouseInspections(AppServices built, Principal who) {
        if (who.drill()) {
            return;
        }
        org.commandroom.core.prevention.InspectionGenerator inspections = new org.commandroom.core.prevention.InspectionGenerator(
                built.database().jdbi(), clock, built.orders(), AccessGuard.of(built.database().jdbi(), clock, who));
        draftsScheduler.scheduleWithFixedDelay(() -> longIoExecutor.execute(inspections::runQuietly),
                org.commandroom.core.prevention.InspectionGenerator.FIRST_RUN_AFTER.toMinutes(),
                org.commandroom.core.prevention.InspectionGenerator.RUN_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** Where the embedded database's daily backups go, in the data directory. */
    static final String BACKUPS_DIR = "backups";
    /** The first look for a due backup waits until the first screen and the demo's index are done. */
    static final Duration BACKUP_FIRST_CHECK = Duration.ofMinutes(10);
    static final Duration BACKUP_CHECK_EVERY = Duration.ofHours(1);

    /** Where the workstation keeps writes the database could not take (docs/DURABILITY.md). */
    static final String DRAFTS_DIR = "drafts";
    /** How often waiting drafts are tried while the database is thought to be up (a missed transition, a refusal). */
    static final Duration DRAFTS_RETRY = Duration.ofSeconds(5);

    /**
     * Drafts are saved, oldest first, as soon as the database answers again, every few seconds while any wait, and
     * at start for those an earlier run left. Never on the FX thread; never interrupted.
     */
    private void startSavingDrafts(Database database, Drafts drafts) {
        Runnable saveAll = () -> {
            try {
                if (database.health().state().up() && drafts.all().stream().anyMatch(d -> d.waiting())) {
                    drafts.saveAll();
                }
            } catch (RuntimeException e) {
                LOG.error("Saving drafts failed; they stay on disk and are tried again", e);
            }
        };
        database.health().addListener(draftsScheduler, s -> {
            if (s.up()) {
                saveAll.run();
            }
        });
        draftsScheduler.scheduleWithFixedDelay(saveAll, 0, DRAFTS_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The file in the data directory where a bureau sets its own sign and feedback limits (docs/ORDERS.md). */
    static final String DEADLINES_FILE = "deadlines.properties";

    /** How long after the demo county is complete its prevention index is computed (after the first screen). */
    static final java.time.Duration INDEX_START_DELAY = java.time.Duration.ofSeconds(8);

    /**
     * The seed's deadlines, with the bureau's table from {@value #DEADLINES_FILE} laid over them where the data
     * directory has one. Each entry that cannot be used is logged with the file, its line, the key and why, and
     * the window it meant to set keeps its default; the other entries apply. A file that cannot be read at all
     * leaves every default in force: a typo never leaves orders without deadlines.
     */
    static DeadlinePolicy deadlines(java.nio.file.Path dataDir) {
        java.nio.file.Path file = dataDir.resolve(DEADLINES_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return DeadlinePolicy.defaults();
        }
        try {
            var table = org.commandroom.core.dispatch.DeadlineTable.read(file, DeadlinePolicy.defaults());
            table.problems().forEach(p -> LOG.error("Order deadlines: {}", p.describe(file)));
            LOG.info("Order deadlines from {}: sign within {}, an urgent dispatch within {}; {} entries not used", file,
                    table.policy().signWithin(), table.policy().signWithin(org.commandroom.core.dispatch.OrderKind.DISPATCH, 1),
                    table.problems().size());
            return table.policy();
        } catch (java.io.IOException e) {
            LOG.error("Order deadlines: {} could not be read as UTF-8 text, the defaults stay in force: {}", file,
                    e.toString());
            return DeadlinePolicy.defaults();
        }
    }

    /** Stable per workstation and data directory (two consoles on one machine differ), ASCII only. */
    private String mqttClientId() {
        String base = workstation.replaceAll("[^A-Za-z0-9_-]", "-");
        String dir = Integer.toHexString(options.dataDir().toAbsolutePath().normalize().toString().hashCode());
        String id = "console-" + base + "-" + dir;
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    /**
     * Demo mode (the embedded database): on first start, generates the demo county; returns as soon as
     * its live state is committed, so the window shows the queue while the year of history is still
     * being written in the background. The simulator starts once the county is complete (at once on
     * later starts) unless {@code --no-simulator} was given. Against a real database nothing happens
     * here: the simulator must never write into live data.
     */
    void prepareDemoData(AppServices built, boolean simulatorWanted) throws InterruptedException {
        if (!embedded()) {
            demoSettled.complete(false);
            return;
        }
        var jdbi = built.database().jdbi();
        String state = DemoCountyGenerator.state(jdbi);
        boolean empty = DemoCountyGenerator.isEmpty(jdbi);
        if ("NONE".equals(state)) {
            if (!empty || (access != null && access.hasUsers())) {
                // A bureau's own database (console-admin made its users or imported its data): never a demo county,
                // never the simulator, which would write invented calls and move the bureau's real units.
                LOG.info("The embedded database holds a bureau's own data (no demo county): no demo, no simulator");
                demoSettled.complete(false);
                return;
            }
            DemoCountyGenerator.markPlanned(jdbi);
        }
        if (access != null && DemoUsers.createIfNone(access, workstation)) {
            LOG.info("Demo users created (duty, leader, wall, trainee, admin; passwords in the README, demo only)");
        }
        if (!empty) {
            if (!"COMPLETE".equals(state)) {
                LOG.warn("The demo county's history was not finished when the console last stopped (state {}); "
                        + "delete {} to generate it again", state, options.dataDir().resolve(EMBEDDED_DB_NAME + ".mv.db"));
            }
            // Off the connecting thread: the simulated terminals wait for the broker, the queue must not.
            simulatorScheduler.execute(() -> {
                try {
                    startSimulatorWhenSignedIn(built, simulatorWanted);
                    demoSettled.complete(true);
                } catch (RuntimeException e) {
                    demoSettled.completeExceptionally(e);
                    LOG.error("The demo simulator could not start", e);
                }
            });
            return;
        }
        CompletableFuture<Void> liveReady = new CompletableFuture<>();
        demoExecutor.execute(() -> {
            try {
                GenerationReport report = new DemoCountyGenerator(jdbi, DemoProfile.DEMO, DEMO_SEED)
                        .generate(clock.instant(), p -> {
                            if (p.liveReady()) {
                                liveReady.complete(null);
                            }
                        });
                LOG.info("Demo county generated: {} incidents in {}", report.counts().get("incident"), report.phaseTimes());
                liveReady.complete(null);
                announceOpenHistory(jdbi);
                startSimulatorWhenSignedIn(built, simulatorWanted);
                demoSettled.complete(true);
            } catch (RuntimeException e) {
                liveReady.completeExceptionally(e);
                demoSettled.completeExceptionally(e);
                LOG.error("Generating the demo county failed", e);
            }
        });
        try {
            liveReady.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the demo county could not be generated: " + Tasks.rootMessage(e), e);
        }
    }

    /**
     * The history phase writes no change log (a year of rows), but the last of its days still holds open work: dispute
     * follow-ups fed back and waiting for review, incidents not closed. The screens loaded the live part when it was
     * ready; one change per open row now brings the rest onto them, as it would for any other workstation's writes.
     */
    private void announceOpenHistory(org.jdbi.v3.core.Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            List<Long> orders = h.createQuery("SELECT id FROM work_order WHERE status <> 'CLOSED'").mapTo(Long.class).list();
            List<Long> incidents = h.createQuery("SELECT id FROM incident WHERE status <> 'CLOSED'").mapTo(Long.class).list();
            ChangeRecorder generator = new ChangeRecorder(clock, "demo county");
            generator.recordAll(h, Entity.ORDER, orders, ChangeOp.UPDATE);
            generator.recordAll(h, Entity.INCIDENT, incidents, ChangeOp.UPDATE);
            LOG.debug("Announced {} open orders and {} open incidents of the generated history", orders.size(), incidents.size());
        });
    }

    /**
     * Completes once demo mode is settled: true when the demo county is complete (and the simulator,
     * if wanted, started), false when this is a real database and demo mode does not apply.
     */
    public CompletableFuture<Boolean> demoSettled() {
        return demoSettled;
    }

    /** The services once connected, else null (for tests that drive the console as it runs). */
    AppServices services() {
        return services;
    }

    /** The running demo simulator, if any. */
    public Optional<DemoSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** At once when someone who may write is signed in already, else when they sign in (the simulator writes). */
    private void startSimulatorWhenSignedIn(AppServices built, boolean simulatorWanted) {
        if (writerSignedIn.isDone()) {
            startSimulator(built, simulatorWanted);
        } else {
            writerSignedIn.thenAcceptAsync(p -> {
                try {
                    startSimulator(built, simulatorWanted);
                } catch (RuntimeException e) {
                    LOG.error("The demo simulator could not start", e);
                }
            }, simulatorScheduler);
        }
    }

    private void startSimulator(AppServices built, boolean simulatorWanted) {
        if (!simulatorWanted) {
            LOG.info("Demo simulator disabled by --no-simulator");
            return;
        }
        // The simulated units answer through the broker as real terminals would (docs/ORDERS.md).
        TerminalSimulator terminals = built.workflow() == null || built.workflow().push() == null ? null
                : built.workflow().push().startDemoTerminals();
        // The simulated callers and other workstations record under their own origin: this console's own calls do
        // not alert it (ui/alerts), theirs must.
        String simulatorOrigin = (workstation.length() > 52 ? workstation.substring(0, 52) : workstation) + " (simulator)";
        IncidentService simulatedCalls = new IncidentService(built.database().jdbi(), new ChangeRecorder(clock, simulatorOrigin));
        // The simulated colleague and terminals act for themselves (they close orders a duty commander may not): their
        // own order service, trusted, running only because a user who may write is signed in here.
        OrderService simulatedOrders = new OrderService(built.database().jdbi(), clock, deadlines(options.dataDir()),
                new Numbering(clock, clock.getZone()), new ChangeRecorder(clock, workstation), pushHook);
        DemoSimulator sim = new DemoSimulator(built.database().jdbi(), simulatedCalls, built.units(), simulatedOrders,
                new Numbering(clock, clock.getZone()), clock, clock.getZone(), simulatorScheduler,
                SimulatorSettings.defaults(), clock.millis(), terminals == null ? null : DemoTerminals.mqtt(terminals));
        simulator = sim;
        // Off the connecting thread: the queue must not wait for the simulator to load its templates.
        simulatorScheduler.execute(sim::start);
    }

    private static String workstationName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "workstation");
        String name = System.getProperty("user.name", "console") + "@" + host;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /**
     * Stops the simulator, the escalation monitor, the push (terminals, publisher, channel, embedded broker) and
     * the feed, lets the work already running on the executors finish (for up to {@link #CLOSE_WAIT}), then closes
     * the database. Threads that read or write the database are never interrupted: an interrupt closes H2's file
     * under the statement and leaves the database to be recovered at the next start. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        AppServices s = services;
        DemoSimulator sim = simulator;
        tasks.cancelJobs(); // a running report or import stops at its next checkpoint, leaving nothing half-written
        if (sim != null) {
            sim.close();
        }
        if (s != null && s.workflow() != null) {
            s.workflow().escalation().close();
        }
        if (s != null && s.workflow() != null && s.workflow().push() != null) {
            s.workflow().push().close();
        }
        FieldRuntime f = field;
        if (f != null) {
            f.close();
        }
        if (s != null) {
            s.feed().close();
        }
        soundExecutor.shutdownNow();
        List<ExecutorService> databaseWork = List.of(draftsScheduler, simulatorScheduler, demoExecutor, escalationScheduler,
                indexExecutor, jobExecutor, longIoExecutor, feedScheduler, ioExecutor);
        if (!Executors2.shutdownWithin(databaseWork, CLOSE_WAIT)) {
            LOG.warn("Work still running at exit after {} s; the database is closed under it", CLOSE_WAIT.toSeconds());
        }
        if (s != null) {
            s.database().close();
            services = null;
        }
    }

    /** How long closing waits for running reads and writes before it closes the database anyway. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
}
