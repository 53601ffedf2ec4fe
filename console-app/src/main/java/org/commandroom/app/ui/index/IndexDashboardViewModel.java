package org.commandroom.app.ui.index;

import org.commandroom.app.ui.common.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.jobs.Job;
import org.commandroom.core.job.JobCancelled;
import org.commandroom.core.job.JobProgress;
import org.commandroom.core.index.EvaluationSheet;
import org.commandroom.core.index.ReminderService;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;
import org.commandroom.core.index.IndexDefinition;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.app.report.CjkFont;
import org.commandroom.app.report.IndexReport;
import org.commandroom.app.report.IndexReportPdf;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.IndicatorResult;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeResult;
import org.commandroom.core.index.StationFacts;

/**
 * The prevention index dashboard: a station and a period chosen; the stored index and its seven
 * capabilities for the gauges; the ranking of the station's kind; and the drill-down from a capability
 * to its indicators and from an indicator to the records behind it. All reads run on the I/O executor.
 */
public final class IndexDashboardViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexDashboardViewModel.class);

    /** One indicator as the drill-down table shows it (named by the view, in the user's language, from its definition). */
    public record IndicatorRow(String id, IndicatorDef definition, Double raw, Double points, boolean manual) {
    }

    /**
     * What a sheet action came to: a message for the user, and for an import every wrong cell. {@code cancelled}: the
     * user stopped it and nothing was written (no file, no value).
     */
    public record SheetOutcome(boolean ok, String action, Path file, int recorded, int unchanged, List<String> problems,
                               boolean cancelled) {

        public SheetOutcome(boolean ok, String action, Path file, int recorded, int unchanged, List<String> problems) {
            this(ok, action, file, recorded, unchanged, problems, false);
        }
    }

    /** The language of an import's problems: the console's (the launcher makes it the default) until a view says its own. */
    private java.util.Locale problemsIn = java.util.Locale.getDefault();

    private final IndexTrace trace;
    private final IndexRanking ranking;
    private final IndexDefinitions definitions;
    private final Tasks tasks;
    private final IndexModule module;
    private final ChangeFeed feed;
    private final String actor;
    private final ObservableList<ReminderService.Listed> reminders = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SheetOutcome> sheetOutcome = new ReadOnlyObjectWrapper<>(this, "sheetOutcome");
    private final ReadOnlyIntegerWrapper refreshes = new ReadOnlyIntegerWrapper(this, "refreshes");
    private final ChangeFeed.Listener feedListener = this::onChanges;
    private boolean listening;
    private boolean reloadPending;
    private boolean reloadRunning;

    private final ObservableList<StationFacts> stations = FXCollections.observableArrayList();
    private final ObjectProperty<StationFacts> station = new SimpleObjectProperty<>(this, "station");
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period");
    private final ReadOnlyObjectWrapper<ScopeResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<IndexRanking.RankRow> rankingRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper capability = new ReadOnlyStringWrapper(this, "capability");
    private final ObservableList<IndicatorRow> indicators = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IndexTrace.Trace> selectedTrace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final IndexTrend trends;
    private final ReadOnlyObjectWrapper<IndexTrend.Trend> trend = new ReadOnlyObjectWrapper<>(this, "trend");
    private final ReadOnlyObjectWrapper<ReportOutcome> reportOutcome = new ReadOnlyObjectWrapper<>(this, "reportOutcome");
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final javafx.beans.property.ReadOnlyBooleanWrapper provisional =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "provisional");
    private String trendSubject = "INDEX";
    private ManualEntryViewModel manualEntry;

    public IndexDashboardViewModel(IndexTrace trace, IndexRanking ranking, IndexDefinitions definitions, Tasks tasks) {
        this.trace = trace;
        this.ranking = ranking;
        this.definitions = definitions;
        this.tasks = tasks;
        this.module = null;
        this.feed = null;
        this.actor = null;
        this.trends = null;
    }

    /**
     * The console's dashboard: reads through the module, refreshes when the change feed brings stored index
     * values (INDEX changes, from this workstation's updater or another's) or order steps (reminder notices),
     * and offers the evaluation sheet actions.
     */
    public IndexDashboardViewModel(IndexModule module, ChangeFeed feed, Tasks tasks, String actor) {
        this.trace = module.trace();
        this.ranking = module.ranking();
        this.definitions = module.definitions();
        this.tasks = tasks;
        this.module = module;
        this.feed = feed;
        this.actor = actor;
        this.trends = module.trend();
    }

    /** Starts following the change feed (the window is shown). */
    public void startListening() {
        if (feed != null && !listening) {
            feed.addListener(feedListener);
            listening = true;
        }
    }

    /** Stops following the change feed (the window is hidden). */
    public void stopListening() {
        if (feed != null && listening) {
            feed.removeListener(feedListener);
            listening = false;
        }
    }

    private void onChanges(List<Change> changes) {
        if (!Change.idsOf(changes, Entity.INDEX).isEmpty() || !Change.idsOf(changes, Entity.ORDER).isEmpty()) {
            refresh();
        }
    }

    /** Reloads the shown scores, ranking and notices, at most one read at a time, keeping the drill-down. */
    public void refresh() {
        if (reloadRunning) {
            reloadPending = true;
            return;
        }
        reload();
    }

    /** Loads the station list, then the first station's scores for the period. */
    public void activate(Period initial) {
        period.set(initial);
        tasks.run(trace::stations, list -> {
            stations.setAll(list);
            if (station.get() == null && !list.isEmpty()) {
                // A station rather than a street post first: stations are what the index compares.
                station.set(list.stream().filter(f -> f.scopeKind() == org.commandroom.core.index.ScopeKind.STATION)
                        .findFirst().orElse(list.get(0)));
            }
            reload();
        }, this::failed);
    }

    /** Reads the chosen station's stored index and the ranking of its kind for the chosen period. */
    public void reload() {
        StationFacts s = station.get();
        Period p = period.get();
        if (s == null || p == null) {
            return;
        }
        record Loaded(Optional<ScopeResult> result, List<IndexRanking.RankRow> ranking, List<ReminderService.Listed> notices) {
        }
        ReminderService rs = module == null ? null : module.reminders();
        reloadRunning = true;
        tasks.run(() -> new Loaded(trace.result(Scope.of(s), p), ranking.rank(p, s.scopeKind(), "INDEX"),
                rs == null ? List.of() : rs.notices(s.id(), 200)), loaded -> {
            boolean same = s.equals(station.get()) && p.equals(period.get());
            ScopeResult r = loaded.result().orElse(null);
            boolean changed = r == null ? result.get() != null : !r.equals(result.get());
            provisional.set(provisional(p));
            result.set(r);
            rankingRows.setAll(loaded.ranking());
            reminders.setAll(loaded.notices());
            problem.set(loaded.result().isEmpty() ? "notComputed" : null);
            if (changed || !same) {
                showIndicators(capability.get());
                loadTrend(trendSubject);
            }
            refreshes.set(refreshes.get() + 1);
            reloadDone();
        }, e -> {
            failed(e);
            reloadDone();
        });
    }

    private void reloadDone() {
        reloadRunning = false;
        if (reloadPending) {
            reloadPending = false;
            reload();
        }
    }

    /** Shows the indicators of a capability (null: all 41) from the loaded result. */
    public void selectCapability(String code) {
        selectedTrace.set(null);
        showIndicators(code);
        loadTrend(code == null ? "INDEX" : code);
    }

    private void showIndicators(String code) {
        capability.set(code);
        ScopeResult r = result.get();
        if (r == null) {
            indicators.clear();
            return;
        }
        IndexDefinition def = definitions.current();
        List<IndicatorRow> rows = new ArrayList<>();
        for (IndicatorResult i : r.indicators()) {
            Optional<IndicatorDef> d = def.indicator(i.id());
            if (d.isEmpty() || (code != null && !d.get().capability().equals(code))) {
                continue;
            }
            rows.add(new IndicatorRow(i.id(), d.get(), i.raw(), i.points(), d.get().isManual()));
        }
        indicators.setAll(rows);
    }

    /** Traces an indicator of the chosen station and period to its formula and records. */
    public void selectIndicator(String id) {
        StationFacts s = station.get();
        Period p = period.get();
        if (s == null || p == null || id == null) {
            selectedTrace.set(null);
            return;
        }
        tasks.run(() -> trace.trace(s.id(), p, id), selectedTrace::set, this::failed);
        loadTrend(id);
    }

    /**
     * Reads the twelve-month trend of the index ("INDEX"), a capability or an indicator of the chosen station,
     * ending at the chosen period's last month (this month at the latest), with its peer group and the bureau.
     */
    public void loadTrend(String subject) {
        trendSubject = subject;
        StationFacts s = station.get();
        Period p = period.get();
        if (trends == null || s == null || p == null || subject == null) {
            return;
        }
        java.time.YearMonth last = java.time.YearMonth.from(p.endExclusive().minusMonths(1));
        java.time.YearMonth now = module == null ? last
                : java.time.YearMonth.from(java.time.LocalDate.ofInstant(module.clock().instant(), Period.ZONE));
        java.time.YearMonth end = last.isAfter(now) ? now : last;
        tasks.run(() -> trends.trend(s.id(), end, subject), t -> {
            if (subject.equals(trendSubject) && s.equals(station.get()) && p.equals(period.get())) {
                trend.set(t);
            }
        }, this::failed);
    }

    /**
     * What the report export came to: the file written, or why not (noFont: no Chinese font on this machine;
     * cancelled: the user stopped it and no file was left).
     */
    public record ReportOutcome(boolean ok, Path file, boolean noFont, String message, boolean cancelled) {

        public ReportOutcome(boolean ok, Path file, boolean noFont, String message) {
            this(ok, file, noFont, message, false);
        }
    }

    /**
     * Writes the printable PDF report of the chosen station and period as a job (its own executor, never before the
     * queue's reads; {@link #jobProperty()}): the Chinese font is looked for first, and without one nothing is
     * written and the outcome says so. A cancel stops it between sections and leaves no file.
     */
    public void exportReport(Path file, IndexReportPdf.Texts texts, java.util.Locale locale) {
        StationFacts s = station.get();
        Period p = period.get();
        if (module == null || file == null || s == null || p == null || busy()) {
            return;
        }
        Job j = start("report");
        tasks.runJob(j, () -> {
            CjkFont font = CjkFont.find();
            j.checkpoint();
            IndexReport report = IndexReport.load(module, s, p, module.clock(), actor);
            j.checkpoint();
            new IndexReportPdf(font, texts, locale, Period.ZONE).exercise(module.exercise()).write(report, file, j);
            return file;
        }, f -> reportOutcome.set(new ReportOutcome(true, f, false, null)), e -> {
            if (e instanceof JobCancelled) {
                reportOutcome.set(new ReportOutcome(false, file, false, null, true));
                return;
            }
            boolean noFont = e instanceof CjkFont.NotFound;
            LOG.warn("Report {} not written: {}", file, Tasks.rootMessage(e));
            reportOutcome.set(new ReportOutcome(false, file, noFont, Failures.text(e)));
        });
    }

    private Job start(String kind) {
        Job j = tasks.job(kind);
        job.set(j);
        return j;
    }

    /** Whether a job of this dashboard runs (its buttons wait). */
    public boolean busy() {
        return job.get() != null && !job.get().stateProperty().get().finished();
    }

    /** The dashboard's job running or run last (report, export, template, import), for the job bar; null before any. */
    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** Whether a period is not over on the console's clock: its scores are provisional (false for a bare view). */
    public boolean provisional(Period p) {
        return module != null && p != null && p.provisionalAt(module.clock().instant());
    }

    /**
     * Whether the period shown is not over: the gauges, the ranking and the trend's last month say their scores are
     * provisional (counts and rates scaled to a whole month by the time elapsed, docs/INDEX.md).
     */
    public javafx.beans.property.ReadOnlyBooleanProperty provisionalProperty() {
        return provisional.getReadOnlyProperty();
    }

    /** The manual-entry form's model (the console's dashboard only; null for a bare view). */
    public ManualEntryViewModel manualEntry() {
        if (manualEntry == null && module != null) {
            manualEntry = new ManualEntryViewModel(module, stations, tasks, actor, this::reload);
        }
        return manualEntry;
    }

    public ReadOnlyObjectProperty<IndexTrend.Trend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReportOutcome> reportOutcomeProperty() {
        return reportOutcome.getReadOnlyProperty();
    }

    /** The subject of the trend shown: "INDEX", a capability code or an indicator id. */
    public String trendSubject() {
        return trendSubject;
    }

    /** The capability's score in the loaded result, or the index for {@code null}. */
    public Double score(String code) {
        ScopeResult r = result.get();
        if (r == null) {
            return null;
        }
        if (code == null) {
            return r.index();
        }
        Map<String, Double> caps = r.capabilities();
        return caps.get(code);
    }

    /** Writes the evaluation table (scores and raw values of every unit) of the chosen period to an .xlsx file. */
    public void exportScores(Path file) {
        Period p = period.get();
        writeSheet("export", file, (out, progress) -> module.sheet().exportScores(p, out, progress));
    }

    /** Writes the evaluation sheet template of the chosen period (manual indicators, values in force filled in). */
    public void writeTemplate(Path file) {
        Period p = period.get();
        writeSheet("template", file, (out, progress) -> module.sheet().writeTemplate(p, out, progress));
    }

    private interface SheetWriter {
        void write(OutputStream out, JobProgress progress) throws IOException;
    }

    /** A workbook written as a job, next to its final name and moved into place: a failure or a cancel leaves no file. */
    private void writeSheet(String action, Path file, SheetWriter writer) {
        if (module == null || file == null || period.get() == null || busy()) {
            return;
        }
        Job j = start(action);
        tasks.runJob(j, () -> {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".sheet-", ".xlsx.part");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    writer.write(out, j);
                }
                j.checkpoint();
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        }, f -> sheetOutcome.set(new SheetOutcome(true, action, f, 0, 0, List.of())),
                e -> sheetOutcome.set(e instanceof JobCancelled ? new SheetOutcome(false, action, file, 0, 0, List.of(), true)
                        : new SheetOutcome(false, action, file, 0, 0, List.of(Failures.text(e)))));
    }

    /**
     * Imports a filled evaluation sheet as a job; the outcome lists every wrong cell, or the count recorded. A cancel
     * before the values are committed records nothing; after, the import and its recomputation finish whole.
     */
    public void importSheet(Path file) {
        if (module == null || file == null || busy()) {
            return;
        }
        Job j = start("import");
        tasks.runJob(j, () -> module.importSheet(file, actor, j), (EvaluationSheet.ImportResult r) -> {
            sheetOutcome.set(new SheetOutcome(r.accepted(), "import", file, r.recorded(), r.unchanged(),
                    r.problemLines(problemsIn)));
            if (r.accepted()) {
                reload();
            }
        }, e -> sheetOutcome.set(e instanceof JobCancelled ? new SheetOutcome(false, "import", file, 0, 0, List.of(), true)
                : new SheetOutcome(false, "import", file, 0, 0, List.of(Failures.text(e)))));
    }

    /** Says an import's problems in {@code locale}'s language (the view's). */
    public void sayProblemsIn(java.util.Locale locale) {
        problemsIn = java.util.Objects.requireNonNull(locale, "locale");
    }

    /** Whether the sheet actions are available (the console's dashboard, not a bare view). */
    public boolean sheetsAvailable() {
        return module != null;
    }

    public ObservableList<ReminderService.Listed> reminders() {
        return reminders;
    }

    public ReadOnlyObjectProperty<SheetOutcome> sheetOutcomeProperty() {
        return sheetOutcome.getReadOnlyProperty();
    }

    /** Counts completed reloads (tests wait on it). */
    public ReadOnlyIntegerProperty refreshesProperty() {
        return refreshes.getReadOnlyProperty();
    }

    private void failed(Exception e) {
        problem.set(Failures.text(e));
    }

    public ObservableList<StationFacts> stations() {
        return stations;
    }

    public ObjectProperty<StationFacts> stationProperty() {
        return station;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ReadOnlyObjectProperty<ScopeResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<IndexRanking.RankRow> ranking() {
        return rankingRows;
    }

    public ReadOnlyStringProperty capabilityProperty() {
        return capability.getReadOnlyProperty();
    }

    public ObservableList<IndicatorRow> indicators() {
        return indicators;
    }

    public ReadOnlyObjectProperty<IndexTrace.Trace> traceProperty() {
        return selectedTrace.getReadOnlyProperty();
    }

    /** "notComputed" when the period has no stored scores, an error message, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public IndexDefinitions definitions() {
        return definitions;
    }
}
