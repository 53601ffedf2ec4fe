package org.commandroom.app.drill;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.commandroom.app.AppContext;
import org.commandroom.app.AppServices;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.Workflow;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.Role;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.dispatch.escalation.EscalationMonitor;
import org.commandroom.core.dispatch.escalation.EscalationService;
import org.commandroom.core.dispatch.escalation.OrderFollowUp;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.drill.Scenario;
import org.commandroom.core.drill.ScenarioLoader;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill's composition root, beside the desk's {@link AppContext} as the wall's is: it reads the scenario, creates
 * the {@link DrillSession} (its own database under the data directory's {@code drills/}, never the live one) and
 * builds the desk's services on the session's database and {@link org.commandroom.core.drill.DrillClock}, so the
 * normal desk views run unchanged on the drill. There is no push runtime: orders reach the simulated terminals through
 * the session's in-memory channel. A timer plays the timeline while the clock runs.
 */
public final class DrillContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrillContext.class);
    /** How often the timeline is looked at while the clock runs (at 20x, 4 s of scenario time). */
    static final Duration TICK = Duration.ofMillis(200);

    private final LaunchOptions options;
    private final DrillOptions drill;
    private final I18n i18n;
    private final Executor fx;
    private final ExecutorService io = Tasks.newIoExecutor("drill-io");
    private final ExecutorService longIo = Tasks.newIoExecutor("drill-io-long");
    private final ScheduledExecutorService feedScheduler = Tasks.newScheduler("drill-change-feed");
    private final ScheduledExecutorService timeline = Tasks.newScheduler("drill-timeline");
    private final ScheduledExecutorService escalationScheduler = Tasks.newScheduler("drill-escalation");
    private final Tasks tasks;
    private volatile DrillSession session;
    private volatile AppServices services;
    private ScheduledFuture<?> ticking;

    public DrillContext(LaunchOptions options, DrillOptions drill, Executor fx) {
        this.options = options;
        this.drill = drill;
        this.fx = fx;
        this.i18n = I18n.load(options.locale());
        this.tasks = new Tasks(io, longIo, fx);
    }

    public I18n i18n() {
        return i18n;
    }

    public Tasks tasks() {
        return tasks;
    }

    public DrillOptions drillOptions() {
        return drill;
    }

    /** Reads the scenario (a file, or a bundled one by name) in the console's language. Blocking. */
    public Scenario loadScenario() throws IOException {
        return new ScenarioLoader(options.locale()).parse(scenarioName(), scenarioText());
    }

    private String scenarioName() {
        Path file = drill.file().orElse(null);
        return file != null ? file.getFileName().toString() : drill.scenario().orElseThrow();
    }

    /** The scenario's text, kept in the drill's folder so that a drill a crash cut short can be taken up again. */
    private String scenarioText() throws IOException {
        Path file = drill.file().orElse(null);
        return file != null ? java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)
                : ScenarioLoader.bundledText(drill.scenario().orElseThrow());
    }

    /**
     * Creates the drill and the desk's services on it, and starts the timer that plays the timeline. Blocking: run it
     * through {@link Tasks}. The clock stands paused at the start until the trainee (or instructor) starts it.
     */
    public synchronized AppServices start() throws IOException {
        if (services != null) {
            return services;
        }
        // in English for an English console when the scenario has English texts (docs/drill/SCENARIOS.md)
        String text = scenarioText();
        Scenario scenario = new ScenarioLoader(options.locale()).parse(scenarioName(), text);
        DrillSession s = DrillSession.create(scenario, text, options.dataDir(), drill.trainee(), longIo);
        return start(s);
    }

    /**
     * Takes up again the drill left in {@code drillDir} without its report ({@link DrillSession#resume}: its own
     * database, the clock paused where it was left), with the desk's services on it. Blocking.
     */
    public synchronized AppServices resume(Path drillDir) throws IOException {
        if (services != null) {
            return services;
        }
        return start(DrillSession.resume(drillDir, longIo));
    }

    /** As {@link #start()} on a session made elsewhere (tests). */
    public synchronized AppServices start(DrillSession s) {
        session = s;
        var jdbi = s.database().jdbi();
        var clock = s.clock();
        ChangeRecorder recorder = new ChangeRecorder(clock, "drill " + drill.trainee());
        ChangeFeed feed = new ChangeFeed(jdbi, feedScheduler, fx, clock, AppContext.FEED_INTERVAL, AppContext.FEED_GAP_WAIT);
        EscalationMonitor escalation = new EscalationMonitor(new EscalationService(jdbi, recorder), escalationScheduler, fx,
                clock, AppContext.ESCALATION_INTERVAL);
        feed.addListener(changes -> {
            if (!Change.idsOf(changes, Entity.ORDER).isEmpty()) {
                escalation.requestScan();
            }
        });
        feed.addListener(s.intake().feedListener());
        Workflow workflow = new Workflow(new OrderFollowUp(jdbi, s.orders(), clock, recorder), escalation, null,
                new AlertAudit(jdbi, clock, DrillSession.ORIGIN), Role.DUTY_COMMANDER, drill.trainee(), clock.start());
        // Calls in and EIDO out through files, as on the desk; every EIDO exported from the drill is marked as an
        // exercise (docs/drill/SCENARIOS.md, "Exports of a drill").
        org.commandroom.core.eido.CallFiles callFiles = new org.commandroom.core.eido.CallFiles(jdbi, clock,
                s.intake().intake(), s.intake().bulk(), AppContext.EIDO_DOMAIN, "drill " + drill.trainee());
        callFiles.setExercise(true);
        // Warnings (预警信息) as the desk issues them, status Exercise, into the drill's own folder, never posted
        // (docs/drill/SCENARIOS.md, "Warnings in a drill").
        org.commandroom.core.access.Principal who = new org.commandroom.core.access.Principal(0, drill.trainee(),
                drill.trainee(), java.util.Set.of(Role.DUTY_COMMANDER), "drill", true);
        org.commandroom.app.CapModule cap = org.commandroom.app.CapModule.forDrill(jdbi, clock, options.dataDir(),
                s.directory(), AppContext.EIDO_DOMAIN, org.commandroom.core.access.AccessGuard.of(jdbi, clock, who), who);
        services = new AppServices(s.database(), s.incidents(), s.units(), s.orders(), feed, workflow, null, s.intake(),
                null, callFiles, null, cap);
        feed.start();
        escalation.start();
        ticking = timeline.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Drill {} ready for {} in {}", s.scenario().id(), drill.trainee(), s.directory());
        return services;
    }

    private void tick() {
        DrillSession s = session;
        if (s == null || !s.clock().isRunning()) {
            return;
        }
        try {
            s.tick();
        } catch (RuntimeException e) {
            LOG.error("Drill timeline step failed", e);
        }
    }

    /** The session once {@link #start()} returned, else null. */
    public DrillSession session() {
        return session;
    }

    public AppServices services() {
        return services;
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        timeline.shutdownNow();
        escalationScheduler.shutdownNow();
        feedScheduler.shutdownNow();
        AppServices s = services;
        if (s != null && s.workflow() != null) {
            s.workflow().escalation().close();
        }
        if (session != null) {
            session.close();
        }
        io.shutdownNow();
        longIo.shutdownNow();
    }
}
