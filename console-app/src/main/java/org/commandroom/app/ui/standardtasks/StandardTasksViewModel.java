package org.commandroom.app.ui.standardtasks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.prevention.tasks.LibraryTask;
import org.commandroom.core.prevention.tasks.StandardTaskService;
import org.commandroom.core.prevention.tasks.StandardTaskService.Grid;
import org.commandroom.core.prevention.tasks.StandardTaskService.Progress;

/**
 * The standard-task window's state (标准件): the library searched, the task chosen, the grids it can go to (one, or
 * many ticked for a campaign), and the campaigns with their progress. All reads and writes run on the I/O executor;
 * the core service checks the permission (the window only leaves out the buttons of a user who may not issue).
 */
public final class StandardTasksViewModel {

    /** A grid in the campaign list, ticked or not. */
    public static final class GridChoice {
        private final Grid grid;
        private final BooleanProperty ticked = new SimpleBooleanProperty(this, "ticked", false);

        GridChoice(Grid grid) {
            this.grid = grid;
        }

        public Grid grid() {
            return grid;
        }

        public BooleanProperty tickedProperty() {
            return ticked;
        }
    }

    private final StandardTaskService service;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final boolean mayIssue;
    private final ZoneId zone;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<LibraryTask> library = FXCollections.observableArrayList();
    private final ObjectProperty<LibraryTask> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<GridChoice> grids = FXCollections.observableArrayList();
    private final ObjectProperty<Grid> target = new SimpleObjectProperty<>(this, "target");
    private final ObservableList<Progress> campaigns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final SimpleBooleanProperty error = new SimpleBooleanProperty(this, "error", false);
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ObjectProperty<Progress> campaign = new SimpleObjectProperty<>(this, "campaign");
    private final ObservableList<StandardTaskService.Line> lines = FXCollections.observableArrayList();
    private final ObjectProperty<StandardTaskService.Line> line = new SimpleObjectProperty<>(this, "line");
    /** The items the chosen order's feedback must answer, each with what the user typed. */
    private final ObservableList<Answer> answers = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private long searchGeneration;
    private long startedCampaign = -1;

    /** One required feedback item and its answer. */
    public static final class Answer {
        private final String item;
        private final StringProperty text = new SimpleStringProperty(this, "text", "");

        Answer(String item) {
            this.item = item;
        }

        public String item() {
            return item;
        }

        public StringProperty textProperty() {
            return text;
        }
    }

    public StandardTasksViewModel(StandardTaskService service, Tasks tasks, I18n i18n, String actor, boolean mayIssue,
                                  ZoneId zone) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
        this.mayIssue = mayIssue;
        this.zone = zone;
        campaign.addListener((o, was, is) -> {
            lines.setAll(is == null ? List.of() : is.lines());
            line.set(null);
        });
        line.addListener((o, was, is) -> loadItems(is));
    }

    /** Reads the library (filled with the defaults on first use), the grids and the campaigns. */
    public void load() {
        search();
        tasks.run(service::grids, list -> {
            grids.setAll(list.stream().map(GridChoice::new).toList());
            if (target.get() == null && !list.isEmpty()) {
                target.set(list.get(0));
            }
        }, this::failed);
        refreshCampaigns();
    }

    /** The library filtered by the query's words; a later search's answer wins over an earlier one. */
    public void search() {
        long generation = ++searchGeneration;
        String q = query.get();
        tasks.run(() -> service.library().search(q), list -> {
            if (generation != searchGeneration) {
                return;
            }
            LibraryTask keep = selected.get();
            library.setAll(list);
            selected.set(keep != null && list.contains(keep) ? keep : list.isEmpty() ? null : list.get(0));
        }, this::failed);
    }

    /** Re-reads the campaigns' progress, keeping the campaign and order chosen. */
    public void refreshCampaigns() {
        tasks.run(service::campaigns, list -> {
            Progress keep = campaign.get();
            StandardTaskService.Line keepLine = line.get();
            campaigns.setAll(list);
            long wanted = startedCampaign >= 0 ? startedCampaign : keep == null ? -1 : keep.campaignId();
            Progress again = list.stream().filter(p -> p.campaignId() == wanted).findFirst().orElse(null);
            campaign.set(again);
            startedCampaign = -1;
            if (again != null && keepLine != null) {
                again.lines().stream().filter(l -> l.orderId() == keepLine.orderId()).findFirst().ifPresent(line::set);
            }
        }, this::failed);
    }

    private void loadItems(StandardTaskService.Line l) {
        answers.clear();
        note.set("");
        if (l == null) {
            return;
        }
        tasks.run(() -> service.requiredItems(l.orderId()).orElse(List.of()), items -> {
            if (line.get() == l) {
                answers.setAll(items.stream().map(Answer::new).toList());
            }
        }, this::failed);
    }

    /**
     * Records the chosen order's feedback as phoned in by its officer: the core service refuses it while a required
     * item is unanswered, naming the items.
     */
    public void recordFeedback() {
        StandardTaskService.Line l = line.get();
        if (l == null) {
            say(i18n.tr("stdtask.error.noOrder"), true);
            return;
        }
        java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
        answers.forEach(a -> given.put(a.item(), a.textProperty().get()));
        String text = note.get();
        busy.set(true);
        tasks.run(() -> service.feedback(l.orderId(), given, text, actor), done -> {
            busy.set(false);
            if (done) {
                say(i18n.tr("stdtask.feedbackRecorded", l.orderNo()), false);
                refreshCampaigns();
            } else {
                say(i18n.tr("stdtask.error.notSigned", l.orderNo()), true);
            }
        }, this::failed);
    }

    /** Issues the chosen task to the chosen grid. */
    public void issueToGrid() {
        LibraryTask t = selected.get();
        Grid g = target.get();
        if (t == null) {
            say(i18n.tr("stdtask.error.noTask"), true);
            return;
        }
        if (g == null) {
            say(i18n.tr("stdtask.error.noGrid"), true);
            return;
        }
        busy.set(true);
        tasks.run(() -> service.issue(t.code(), g.id(), actor), (Order o) -> {
            busy.set(false);
            say(i18n.tr("stdtask.issued", o.orderNo(), t.title(i18n.locale()), g.name(), time(o.feedbackDeadline())), false);
        }, this::failed);
    }

    /** Sends the chosen task to every ticked grid as one campaign. */
    public void startCampaign() {
        LibraryTask t = selected.get();
        List<Long> ids = grids.stream().filter(c -> c.tickedProperty().get()).map(c -> c.grid().id()).toList();
        if (t == null) {
            say(i18n.tr("stdtask.error.noTask"), true);
            return;
        }
        if (ids.isEmpty()) {
            say(i18n.tr("stdtask.error.noTicked"), true);
            return;
        }
        busy.set(true);
        tasks.run(() -> service.campaign(t.code(), ids, actor), c -> {
            busy.set(false);
            grids.forEach(x -> x.tickedProperty().set(false));
            startedCampaign = c.id();
            say(i18n.tr("stdtask.campaignStarted", t.title(i18n.locale()), c.orders().size(), time(c.feedbackDeadline())),
                    false);
            refreshCampaigns();
        }, this::failed);
    }

    /** Ticks every grid (or clears them all when all are ticked). */
    public void tickAll() {
        boolean all = grids.stream().allMatch(c -> c.tickedProperty().get());
        grids.forEach(c -> c.tickedProperty().set(!all));
    }

    private void failed(Exception e) {
        busy.set(false);
        if (e instanceof StandardTaskService.Refused r) {
            say(r.reason().in(i18n.locale()), true);
        } else {
            say(i18n.tr("stdtask.error.failed", Failures.text(e, i18n)), true);
        }
    }

    private void say(String text, boolean isError) {
        error.set(isError);
        message.set(text);
    }

    /** A time as the window shows it: {@code 12-12 10:00}. */
    public String time(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("MM-dd HH:mm").format(t.atZone(zone));
    }

    /** A grid as the lists show it: name, station and who takes the order. */
    public String gridLabel(Grid g) {
        return g.officerName() == null ? i18n.tr("stdtask.grid.noOfficer", g.name(), g.stationName())
                : i18n.tr("stdtask.grid", g.name(), g.stationName(), g.officerName());
    }

    /** A time limit in the user's words. */
    public String limit(LibraryTask t) {
        int h = t.timeLimitHours();
        return h > 24 && h % 24 == 0 ? i18n.tr("stdtask.limit.days", h / 24) : i18n.tr("stdtask.limit.hours", h);
    }

    public boolean mayIssue() {
        return mayIssue;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<LibraryTask> library() {
        return library;
    }

    public ObjectProperty<LibraryTask> selectedProperty() {
        return selected;
    }

    public ObservableList<GridChoice> grids() {
        return grids;
    }

    public ObjectProperty<Grid> targetProperty() {
        return target;
    }

    public ObservableList<Progress> campaigns() {
        return campaigns;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Whether {@code p} is the campaign this window has just started (it is then shown). */
    public boolean justStarted(Progress p) {
        return p.campaignId() == startedCampaign;
    }

    public ObjectProperty<Progress> campaignProperty() {
        return campaign;
    }

    public ObservableList<StandardTaskService.Line> lines() {
        return lines;
    }

    public ObjectProperty<StandardTaskService.Line> lineProperty() {
        return line;
    }

    public ObservableList<Answer> answers() {
        return answers;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** An order's state in the user's words, overdue said first. */
    public String state(StandardTaskService.Line l) {
        String s = i18n.label(org.commandroom.core.dispatch.OrderStatus.valueOf(l.status()));
        return l.overdue() ? i18n.tr("stdtask.overdue", s) : s;
    }

    public I18n i18n() {
        return i18n;
    }
}
