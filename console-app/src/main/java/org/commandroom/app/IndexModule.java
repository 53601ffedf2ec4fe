package org.commandroom.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.index.EvaluationSheet;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexEngine;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.core.index.IndexUpdater;
import org.commandroom.core.index.ManualScores;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.PingAnIndex;
import org.commandroom.core.index.ReminderService;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Numbering;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prevention index (主防指数) as the console uses it: the definitions in force, the engine and its
 * incremental updater, the trace and rankings the dashboard reads, the evaluation sheet, reminder notices
 * and the Ping'an index. All database work of {@link #feedListener()} and {@link #recomputeInBackground}
 * runs on one worker executor (never the FX thread), so a full run and incremental updates never overlap.
 */
public final class IndexModule {

    /** The file in the data directory that, when present, replaces the product's default definitions. */
    public static final String OVERRIDE_FILE = "prevention-index.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(IndexModule.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final IndexDefinitions definitions;
    private final IndexEngine engine;
    private final IndexUpdater updater;
    private final IndexTrace trace;
    private final IndexRanking ranking;
    private final ManualScores manual;
    private final EvaluationSheet sheet;
    private final ReminderService reminders;
    private final PingAnIndex pingAn;
    private final IndexTrend trend;
    private final Executor worker;
    private final String definitionProblem;
    /** On a drill database: the reports made from it are marked as an exercise's. */
    private final boolean exercise;

    // Changes that arrive while an update runs are gathered into the next one, so a busy feed
    // (the demo simulator writes every few seconds) never queues one update per batch.
    private final Set<Long> pendingIncidents = new LinkedHashSet<>();
    private final Set<Long> pendingOrders = new LinkedHashSet<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private IndexModule(Jdbi jdbi, Clock clock, IndexDefinitions definitions, String definitionProblem, ChangeRecorder recorder,
                        Numbering numbering, Executor worker, org.commandroom.core.access.AccessGuard guard) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.exercise = guard != null && guard.exercise();
        this.definitions = definitions;
        this.definitionProblem = definitionProblem;
        this.worker = worker;
        this.engine = new IndexEngine(jdbi, clock, definitions, recorder);
        this.updater = new IndexUpdater(jdbi, clock, engine, worker);
        this.trace = new IndexTrace(jdbi, clock, definitions);
        this.ranking = new IndexRanking(jdbi, definitions);
        this.manual = new ManualScores(jdbi, clock, definitions, recorder, guard);
        this.sheet = new EvaluationSheet(manual, trace, exercise);
        this.reminders = new ReminderService(jdbi, clock, definitions, DeadlinePolicy.defaults(), numbering, recorder);
        this.pingAn = new PingAnIndex(jdbi, clock, definitions);
        this.trend = new IndexTrend(jdbi, definitions);
    }

    /**
     * Builds the module with the definitions from {@code dataDir/prevention-index.yaml} if that file exists
     * (a file with a problem is logged and the product's default stays in force), else the default.
     *
     * @param dataDir  where an override file is looked for; null for the default only
     * @param recorder records an INDEX change per run so dashboards refresh; null records nothing
     * @param worker   where updates and full runs do their database work
     */
    public static IndexModule create(Jdbi jdbi, Clock clock, Path dataDir, ChangeRecorder recorder, Numbering numbering,
                                     Executor worker) {
        return withDefinitions(jdbi, clock, loadDefinitions(dataDir), recorder, numbering, worker);
    }

    /** Builds the module on definitions read beforehand (the console reads them while the database opens). */
    public static IndexModule withDefinitions(Jdbi jdbi, Clock clock, Definitions loaded, ChangeRecorder recorder,
                                     Numbering numbering, Executor worker) {
        return withDefinitions(jdbi, clock, loaded, recorder, numbering, worker,
                org.commandroom.core.access.AccessGuard.trusted());
    }

    /** As above, manual entry and the evaluation sheet's import checked by {@code guard} (docs/ACCESS.md). */
    public static IndexModule withDefinitions(Jdbi jdbi, Clock clock, Definitions loaded, ChangeRecorder recorder,
                                     Numbering numbering, Executor worker, org.commandroom.core.access.AccessGuard guard) {
        return new IndexModule(jdbi, clock, loaded.definitions(), loaded.problem(), recorder, numbering, worker, guard);
    }

    /** The definitions in force and, when the data directory's file was rejected, why (else null). */
    public record Definitions(IndexDefinitions definitions, String problem) {
    }

    /**
     * Reads the product's default and, if {@code dataDir/prevention-index.yaml} exists, lays it over it (a file
     * with a problem is logged and the default stays in force). Needs no database.
     *
     * @param dataDir where an override file is looked for; null for the default only
     */
    public static Definitions loadDefinitions(Path dataDir) {
        IndexDefinitions defs = IndexDefinitions.withDefault();
        String problem = null;
        if (dataDir != null) {
            Path file = dataDir.resolve(OVERRIDE_FILE);
            if (Files.isRegularFile(file)) {
                IndexDefinitions.LoadResult r = defs.reload(file);
                if (!r.accepted()) {
                    problem = r.problem();
                    LOG.warn("{} rejected, the product's default prevention index stays in force: {}", file, problem);
                }
            }
        }
        return new Definitions(defs, problem);
    }

    /** Feeds new incidents and order steps to the updater, coalesced, on the worker. */
    public ChangeFeed.Listener feedListener() {
        return this::onChanges;
    }

    private void onChanges(List<Change> changes) {
        List<Long> incidents = Change.idsOf(changes, Entity.INCIDENT);
        List<Long> orders = Change.idsOf(changes, Entity.ORDER);
        if (incidents.isEmpty() && orders.isEmpty()) {
            return;
        }
        synchronized (this) {
            pendingIncidents.addAll(incidents);
            pendingOrders.addAll(orders);
        }
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        List<Long> incidents;
        List<Long> orders;
        synchronized (this) {
            scheduled.set(false);
            incidents = List.copyOf(pendingIncidents);
            orders = List.copyOf(pendingOrders);
            pendingIncidents.clear();
            pendingOrders.clear();
        }
        if (incidents.isEmpty() && orders.isEmpty()) {
            return;
        }
        try {
            updater.update(incidents, orders);
        } catch (RuntimeException e) {
            LOG.warn("Prevention index not updated for {} incidents and {} orders: {}", incidents.size(), orders.size(), e.getMessage());
        }
    }

    /**
     * On the worker: recomputes the current year, reviews last month for reminder notices and computes the
     * Ping'an index of this month and last, logging the time it took. Returns at once.
     */
    public void recomputeInBackground() {
        worker.execute(() -> {
            try {
                recomputeNow();
            } catch (RuntimeException e) {
                LOG.error("Prevention index recomputation failed", e);
            }
        });
    }

    /** As {@link #recomputeInBackground()}, on the calling thread (never the FX thread). */
    public IndexEngine.RunReport recomputeNow() {
        long t0 = System.nanoTime();
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), Period.ZONE));
        if (now.getMonthValue() == 1) {
            // December belongs to last year's run: recompute it as over (it may have been stored while it was not)
            engine.updateMonth(now.minusMonths(1), trace.stations().stream().map(org.commandroom.core.index.StationFacts::id).toList());
        }
        IndexEngine.RunReport report = engine.recomputeYear(now.getYear());
        long computed = System.nanoTime();
        int notices = reminders.review(Period.month(now.minusMonths(1))).size();
        pingAn.compute(now.minusMonths(1));
        pingAn.compute(now);
        long done = System.nanoTime();
        LOG.info("Prevention index {} recomputed in the background in {} ms ({} scope-periods; then {} reminder notices "
                        + "and the Ping'an index in {} ms)", now.getYear(), (computed - t0) / 1_000_000, report.stored(), notices,
                (done - computed) / 1_000_000);
        return report;
    }

    /**
     * Imports a filled evaluation sheet and, when it is accepted, recomputes what it touched on the worker
     * (the month of the stations it names, or the whole year for a quarter or year sheet) before returning.
     * Blocking: call it from the I/O executor.
     */
    public EvaluationSheet.ImportResult importSheet(Path file, String enteredBy) throws java.io.IOException, InterruptedException {
        return importSheet(file, enteredBy, org.commandroom.core.job.JobProgress.NONE);
    }

    /**
     * As {@link #importSheet(Path, String)}, cancellable until the values are committed (a cancel then rolls them
     * back); the recomputation after the commit is finished whole, the progress saying it can no longer be cancelled.
     */
    public EvaluationSheet.ImportResult importSheet(Path file, String enteredBy, org.commandroom.core.job.JobProgress progress)
            throws java.io.IOException, InterruptedException {
        EvaluationSheet.ImportResult r;
        EvaluationSheet.LIMIT.check(file); // refused by its size on disk, before a byte is read
        try (java.io.InputStream in = Files.newInputStream(file)) {
            r = sheet.importSheet(in, file.getFileName().toString(), enteredBy, progress);
        }
        if (r.accepted() && r.recorded() > 0) {
            progress.cancellable(false);
            progress.progress(0, 0);
            Period p = r.period();
            java.util.concurrent.FutureTask<Object> recompute = new java.util.concurrent.FutureTask<>(() -> p.kind()
                    == org.commandroom.core.index.PeriodKind.MONTH
                    ? engine.updateMonth(YearMonth.from(p.start()), r.stations())
                    : engine.recomputeYear(p.start().getYear()));
            worker.execute(recompute);
            try {
                recompute.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the sheet was imported but the index was not recomputed: "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
        return r;
    }

    /**
     * Records one manual indicator value entered in the dashboard's form (who entered it, and a note) and then
     * recomputes that station's period on the worker (its month; or the year for a quarter or year value) before
     * returning, so the scores read next include it. The entry is one transaction: a value refused (not a manual
     * indicator, outside its bounds, unknown station) throws IllegalArgumentException and stores nothing.
     * Blocking: call it from the I/O executor.
     *
     * @return the new entry's id
     */
    public long enterManual(String indicatorId, long stationId, Period period, double value, String enteredBy, String note)
            throws InterruptedException {
        long id = manual.enter(indicatorId, stationId, period, value, enteredBy, note);
        java.util.concurrent.FutureTask<Object> recompute = new java.util.concurrent.FutureTask<>(() -> period.kind()
                == org.commandroom.core.index.PeriodKind.MONTH
                ? engine.updateMonth(YearMonth.from(period.start()), List.of(stationId))
                : engine.recomputeYear(period.start().getYear()));
        worker.execute(recompute);
        try {
            recompute.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the value was recorded but the index was not recomputed: "
                    + e.getCause().getMessage(), e.getCause());
        }
        return id;
    }

    /** The prevention index of every station and street post for a month, by station id (those without one absent). */
    public java.util.Map<Long, Double> stationValues(YearMonth month) {
        return org.commandroom.core.index.MapIndexValues.stations(ranking, month);
    }

    /**
     * Every station's area (its boundary, else the union of its police grids) and its prevention index for a month,
     * for colouring stations on the map. Blocking: call it from the I/O executor.
     */
    public StationColouring stationColouring(YearMonth month) {
        return new StationColouring(org.commandroom.core.geo.StationAreas.load(jdbi), stationValues(month));
    }

    /** Station areas and the index by station id (stations without one absent). */
    public record StationColouring(List<org.commandroom.core.geo.StationAreas.Area> areas, java.util.Map<Long, Double> values) {
    }

    /**
     * A value per police grid id for the map: the grid's Ping'an index of the month (computed first if it has
     * not been), or the prevention index of the grid's station for the month. Grids without one are absent.
     */
    public java.util.Map<String, Double> gridValues(boolean pingAnIndex, YearMonth month) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        if (pingAnIndex) {
            List<PingAnIndex.GridValue> values = pingAn.values(month);
            if (values.isEmpty()) {
                values = pingAn.compute(month);
            }
            for (PingAnIndex.GridValue v : values) {
                if (v.score() != null) {
                    out.put(Long.toString(v.policeGridId()), v.score());
                }
            }
            return out;
        }
        return org.commandroom.core.index.MapIndexValues.gridsByStation(jdbi, stationValues(month));
    }

    /** The problem of a rejected override file, or null. */
    public String definitionProblem() {
        return definitionProblem;
    }

    public IndexDefinitions definitions() {
        return definitions;
    }

    public IndexEngine engine() {
        return engine;
    }

    public IndexUpdater updater() {
        return updater;
    }

    public IndexTrace trace() {
        return trace;
    }

    public IndexRanking ranking() {
        return ranking;
    }

    public ManualScores manual() {
        return manual;
    }

    public EvaluationSheet sheet() {
        return sheet;
    }

    public ReminderService reminders() {
        return reminders;
    }

    public PingAnIndex pingAn() {
        return pingAn;
    }

    /** Whether the module works on a drill database (its reports are marked 演练 EXERCISE). */
    public boolean exercise() {
        return exercise;
    }

    public Clock clock() {
        return clock;
    }

    public IndexTrend trend() {
        return trend;
    }
}
