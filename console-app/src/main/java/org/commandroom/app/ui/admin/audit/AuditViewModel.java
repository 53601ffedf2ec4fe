package org.commandroom.app.ui.admin.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.jobs.Job;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.audit.AuditEntry;
import org.commandroom.core.audit.AuditFilter;
import org.commandroom.core.audit.AuditPage;
import org.commandroom.core.audit.AuditService;
import org.commandroom.core.job.JobCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit screen's state (issue 11): the filter as typed, the rows found (newest first, a page at a time, more on
 * request), the verification of the hash chain and the CSV export. Every read goes through {@link AuditService}
 * off the FX thread (searches as short reads, the verification and the export as jobs the user can follow and
 * cancel); results and failures come back as properties, failures in the user's words.
 *
 * <p>Times are typed and shown in the station's time zone (the clock's). The filter's start is inclusive; its end
 * includes the whole minute typed (to 10:30 finds 10:30:59), and a date without a time means the whole day. The
 * default is the last 24 hours, with no end, so that a new search also finds what happened since.
 */
public final class AuditViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);

    /** Rows per page. */
    public static final int PAGE = 200;
    /** The most breaks the problem list shows; the rest are counted. */
    static final int SHOWN_BREAKS = 200;
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);

    /** Where the verification of the chain stands. */
    public enum Chain { NOT_CHECKED, CHECKING, INTACT, BROKEN, FAILED }

    /**
     * One line of the chain's problem list.
     *
     * @param seq the row the line is about (the table can show it), or 0 when it is not one row
     */
    public record ChainProblem(String text, long seq) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final AuditService audit;
    private final org.commandroom.app.ui.common.Tasks tasks;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final AuditWords words;

    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final StringProperty fromTime = new SimpleStringProperty(this, "fromTime", "");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final StringProperty toTime = new SimpleStringProperty(this, "toTime", "");
    private final StringProperty actor = new SimpleStringProperty(this, "actor", "");
    private final BooleanProperty actorExact = new SimpleBooleanProperty(this, "actorExact");
    private final StringProperty action = new SimpleStringProperty(this, "action", "");
    private final StringProperty entity = new SimpleStringProperty(this, "entity", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    private final ObservableList<String> actions = FXCollections.observableArrayList("");
    private final ObservableList<String> entities = FXCollections.observableArrayList("");
    private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyObjectWrapper<Chain> chain = new ReadOnlyObjectWrapper<>(this, "chain", Chain.NOT_CHECKED);
    private final ReadOnlyStringWrapper chainText = new ReadOnlyStringWrapper(this, "chainText", "");
    private final ObservableList<ChainProblem> problems = FXCollections.observableArrayList();
    private final ObservableSet<Long> brokenSeqs = FXCollections.observableSet(new HashSet<>());
    private final ObservableList<String> actionsView = FXCollections.unmodifiableObservableList(actions);
    private final ObservableList<String> entitiesView = FXCollections.unmodifiableObservableList(entities);
    private final ObservableList<AuditEntry> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ChainProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableSet<Long> brokenSeqsView = FXCollections.unmodifiableObservableSet(brokenSeqs);
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyBooleanWrapper jobRunning = new ReadOnlyBooleanWrapper(this, "jobRunning");
    /** The row to bring into view and select after {@link #goTo}, or 0. */
    private final ReadOnlyObjectWrapper<Long> selectSeq = new ReadOnlyObjectWrapper<>(this, "selectSeq", 0L);

    /** The filter of the rows shown (what "more" and the table mean), null before the first search. */
    private AuditFilter applied;
    /** Bumped by every new search: an older search's or page's answer arriving late is dropped. */
    private long generation;
    private boolean started;

    public AuditViewModel(AuditService audit, UiContext ui) {
        this.audit = audit;
        this.tasks = ui.tasks();
        this.i18n = ui.i18n();
        this.clock = ui.clock();
        this.zone = ui.clock().getZone();
        this.words = new AuditWords(i18n);
        resetFilter();
    }

    /** The first time the screen is shown: the choices of actions and records, and the last 24 hours. */
    public void activate() {
        if (started) {
            return;
        }
        started = true;
        reloadChoices();
        search();
    }

    /** The filter back to its default: the last 24 hours, everyone, every action. */
    public void resetFilter() {
        ZonedDateTime since = clock.instant().minus(Duration.ofHours(24)).atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        fromDate.set(since.toLocalDate());
        fromTime.set(HOUR_MINUTE.format(since));
        toDate.set(null);
        toTime.set("");
        actor.set("");
        actorExact.set(false);
        action.set("");
        entity.set("");
        text.set("");
    }

    /** Reads the actions and kinds of record present, for the two choices. */
    public void reloadChoices() {
        tasks.run(() -> List.of(audit.actions(), audit.entities()), lists -> {
            actions.setAll(withAll(lists.get(0)));
            entities.setAll(withAll(lists.get(1)));
        }, e -> say(i18n.tr("admin.audit.failed", Failures.text(e, i18n)), true));
    }

    private static List<String> withAll(List<String> codes) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(codes);
        return all;
    }

    /** Searches with the filter as typed: the newest page. A filter that cannot be read is said, and nothing is asked. */
    public void search() {
        AuditFilter f = typedFilter();
        if (f == null) {
            return;
        }
        show(f, null, 0L);
    }

    /** The page of rows older than the last one shown, with the same filter. */
    public void loadMore() {
        if (applied == null || !more.get() || loading.get() || rows.isEmpty()) {
            return;
        }
        AuditFilter f = applied;
        long before = rows.get(rows.size() - 1).seq();
        long asked = generation;
        loading.set(true);
        tasks.run(() -> audit.more(f, before, PAGE), page -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            rows.addAll(page.rows());
            more.set(page.more());
            updateStatus();
        }, e -> {
            if (asked == generation) {
                loading.set(false);
                say(i18n.tr("admin.audit.failed", Failures.text(e, i18n)), true);
            }
        });
    }

    /**
     * Shows row {@code seq} and those before it, whatever the filter (a problem of the chain names a row): the
     * filter is cleared so that the table says what it holds, and the row is selected.
     */
    public void goTo(long seq) {
        if (seq <= 0) {
            return;
        }
        fromDate.set(null);
        fromTime.set("");
        toDate.set(null);
        toTime.set("");
        actor.set("");
        action.set("");
        entity.set("");
        text.set("");
        show(AuditFilter.ALL, seq + 1, seq);
    }

    private void show(AuditFilter f, Long before, long select) {
        applied = f;
        long asked = ++generation;
        loading.set(true);
        tasks.run(() -> before == null ? audit.search(f, PAGE) : audit.more(f, before, PAGE), (AuditPage page) -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            rows.setAll(page.rows());
            more.set(page.more());
            updateStatus();
            if (messageIsError.get()) {
                say("", false);
            }
            selectSeq.set(select);
        }, e -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            rows.clear();
            more.set(false);
            updateStatus();
            say(i18n.tr("admin.audit.failed", Failures.text(e, i18n)), true);
        });
    }

    private void updateStatus() {
        status.set(rows.isEmpty() ? "" : more.get() ? i18n.tr("admin.audit.status.more", Integer.toString(rows.size()))
                : i18n.tr("admin.audit.status.all", Integer.toString(rows.size())));
    }

    /** The filter as typed, or null after saying what is wrong with it. */
    AuditFilter typedFilter() {
        Instant from = null;
        Instant to = null;
        if (fromDate.get() != null) {
            LocalTime t = time(fromTime.get(), LocalTime.MIDNIGHT);
            if (t == null) {
                say(i18n.tr("admin.audit.filter.badFrom"), true);
                return null;
            }
            from = fromDate.get().atTime(t).atZone(zone).toInstant();
        }
        if (toDate.get() != null) {
            LocalTime t = time(toTime.get(), null);
            if (t == null && !blank(toTime.get())) {
                say(i18n.tr("admin.audit.filter.badTo"), true);
                return null;
            }
            // The whole minute typed, or the whole day when no time is.
            to = t == null ? toDate.get().plusDays(1).atStartOfDay(zone).toInstant()
                    : toDate.get().atTime(t.truncatedTo(ChronoUnit.MINUTES)).atZone(zone).toInstant()
                            .plus(Duration.ofMinutes(1));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            say(i18n.tr("admin.audit.filter.fromAfterTo"), true);
            return null;
        }
        if (messageIsError.get()) {
            say("", false);
        }
        return new AuditFilter(from, to, actor.get(), !actorExact.get(), action.get(), entity.get(), text.get());
    }

    private static LocalTime time(String typed, LocalTime whenBlank) {
        if (blank(typed)) {
            return whenBlank;
        }
        try {
            return LocalTime.parse(typed.strip().replace('：', ':'), TYPED_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- the chain ------------------------------------------------------------------------------------------------

    /** Recomputes the hash chain as a job: "审计链完整：共 N 行", or each break found, in red. */
    public void verify() {
        if (jobRunning.get()) {
            return;
        }
        Job j = start("verify");
        chain.set(Chain.CHECKING);
        chainText.set("");
        problems.clear();
        brokenSeqs.clear();
        tasks.runJob(j, () -> audit.verify(j), this::verified, e -> {
            if (e instanceof JobCancelled) {
                chain.set(Chain.NOT_CHECKED);
                chainText.set(i18n.tr("admin.audit.chain.cancelled"));
                return;
            }
            chain.set(Chain.FAILED);
            chainText.set(i18n.tr("admin.audit.chain.failed", Failures.text(e, i18n)));
        });
    }

    private void verified(AuditChain.Verification v) {
        String unchained = v.unchained() > 0 ? i18n.tr("admin.audit.chain.unchained", Long.toString(v.unchained())) : "";
        if (v.intact()) {
            chain.set(Chain.INTACT);
            chainText.set(i18n.tr("admin.audit.chain.intact", Long.toString(v.rows())) + unchained);
            return;
        }
        List<ChainProblem> lines = new ArrayList<>();
        Set<Long> broken = new HashSet<>();
        for (AuditChain.Break b : v.breaks()) {
            boolean aRow = b.kind() == AuditChain.Break.Kind.CHANGED || b.kind() == AuditChain.Break.Kind.DOES_NOT_FOLLOW;
            if (aRow) {
                broken.add(b.seq());
            }
            if (lines.size() < SHOWN_BREAKS) {
                lines.add(new ChainProblem(words.chainBreak(b), aRow ? b.seq() : 0));
            }
        }
        long notShown = v.breakCount() - lines.size();
        if (notShown > 0) {
            lines.add(new ChainProblem(i18n.tr("admin.audit.chain.moreProblems", Long.toString(notShown)), 0));
        }
        chain.set(Chain.BROKEN);
        chainText.set(i18n.tr("admin.audit.chain.broken", Long.toString(v.breakCount()), Long.toString(v.rows()))
                + unchained);
        problems.setAll(lines);
        brokenSeqs.addAll(broken);
        if (applied != null) {
            show(applied, null, 0L); // the rows as they are now, the changed ones with what they hold now
        }
        LOG.warn("The audit chain is broken: {} problem(s) over {} rows, first: {}", v.breakCount(), v.rows(),
                v.problems().get(0));
    }

    // ---- the export -----------------------------------------------------------------------------------------------

    /** A file name for the export: the trail and when it was taken, in the station's time. */
    public String suggestedFileName() {
        return i18n.tr("admin.audit.export.fileName", FILE_STAMP.format(clock.instant().atZone(zone)));
    }

    /**
     * Writes every row of the filter as typed to {@code file} (CSV for Excel) as a job; the table shows the same
     * filter. Says how many rows went where, or that nothing was written and why.
     */
    public void export(Path file) {
        if (jobRunning.get() || file == null) {
            return;
        }
        AuditFilter f = typedFilter();
        if (f == null) {
            return;
        }
        if (!f.equals(applied)) {
            show(f, null, 0L);
        }
        List<String> header = List.of(i18n.tr("admin.audit.col.seq"), i18n.tr("admin.audit.csv.time", zone.getId()),
                i18n.tr("admin.audit.col.actor"), i18n.tr("admin.audit.col.workstation"),
                i18n.tr("admin.audit.col.action"), i18n.tr("admin.audit.col.entity"), i18n.tr("admin.audit.col.entityId"),
                i18n.tr("admin.audit.col.detail"), i18n.tr("admin.audit.csv.hash"));
        Job j = start("export");
        say(i18n.tr("admin.audit.export.running", file.getFileName().toString()), false);
        tasks.runJob(j, () -> audit.exportCsv(f, file, header, j), n -> {
            say(i18n.tr("admin.audit.export.done", Long.toString(n), file.toAbsolutePath().toString()), false);
            reloadChoices();
        }, e -> {
            if (e instanceof JobCancelled) {
                say(i18n.tr("admin.audit.export.cancelled"), false);
            } else if (e instanceof IOException) {
                LOG.warn("Audit export to {} failed: {}", file, e.toString());
                say(i18n.tr("admin.audit.export.notWritten", file.toAbsolutePath().toString()), true);
            } else {
                say(i18n.tr("admin.audit.export.failed", Failures.text(e, i18n)), true);
            }
        });
    }

    private Job start(String kind) {
        Job j = tasks.job(kind);
        job.set(j);
        jobRunning.set(true);
        j.stateProperty().addListener((o, was, is) -> {
            if (is.finished() && job.get() == j) {
                jobRunning.set(false);
            }
        });
        return j;
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    // ---- words for the view ---------------------------------------------------------------------------------------

    /** A row's time as the table shows it, in the station's zone. */
    public String time(Instant at) {
        return SHOWN_TIME.format(at.atZone(zone));
    }

    public String actionLabel(String code) {
        return words.action(code);
    }

    public String actionChoice(String code) {
        return words.actionChoice(code);
    }

    public String entityLabel(String code) {
        return words.entity(code);
    }

    public String entityChoice(String code) {
        return words.entityChoice(code);
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public StringProperty fromTimeProperty() {
        return fromTime;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public StringProperty toTimeProperty() {
        return toTime;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    /** Whether the actor is the whole log-in name; otherwise its beginning ({@code li} finds lim and lixia). */
    public BooleanProperty actorExactProperty() {
        return actorExact;
    }

    /** The action chosen, "" for every action. */
    public StringProperty actionProperty() {
        return action;
    }

    /** The kind of record chosen, "" for every kind. */
    public StringProperty entityProperty() {
        return entity;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The actions present, "" (every action) first. */
    public ObservableList<String> actions() {
        return actionsView;
    }

    /** The kinds of record present, "" (every kind) first. */
    public ObservableList<String> entities() {
        return entitiesView;
    }

    /** The rows found, newest first. */
    public ObservableList<AuditEntry> rows() {
        return rowsView;
    }

    /** Whether older rows match the filter (加载更多). */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** Whether a search or a page is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How many rows are shown, and whether more are there. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last outcome said to the user (a refused filter, a failed read, an export). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Chain> chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The verification's outcome in a sentence. */
    public ReadOnlyStringProperty chainTextProperty() {
        return chainText.getReadOnlyProperty();
    }

    /** Each break of the chain found by the last verification. */
    public ObservableList<ChainProblem> problems() {
        return problemsView;
    }

    /** The seqs of rows the last verification found changed or out of the chain (the table marks them). */
    public ObservableSet<Long> brokenSeqs() {
        return brokenSeqsView;
    }

    /** The verification or export running or run last, for the job bar; null before any. */
    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty jobRunningProperty() {
        return jobRunning.getReadOnlyProperty();
    }

    /** The row {@link #goTo} asked to select, or 0. */
    public ReadOnlyObjectProperty<Long> selectSeqProperty() {
        return selectSeq.getReadOnlyProperty();
    }
}
