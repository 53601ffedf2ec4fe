package org.commandroom.app.ui.dispatch;

import org.commandroom.app.ui.common.Failures;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.map.PositionInput;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.StandardTask;
import org.commandroom.core.dispatch.TaskDrafts;
import org.commandroom.core.dispatch.TaskOrderService;
import org.commandroom.core.draft.Draft;
import org.commandroom.core.store.Database;
import org.commandroom.core.dispatch.TaskOrderService.Assignee;
import org.commandroom.core.dispatch.TaskOrderService.StationChoice;
import org.commandroom.core.dispatch.TaskOrderService.TaskRequest;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.PointLocation;
import org.commandroom.core.store.ConcurrentChangeException;

/**
 * The task order form (F4, 任务指令): an order that is not about an incident — deploy and intercept at a
 * point (布控), a door visit or re-visit, a dispute follow-up, a standard basic task — to a station's unit or
 * officer (or the station as a whole), with a summary and an optional position. Issuing runs on the I/O
 * executor through {@link TaskOrderService}; a refusal is one line saying why, and nothing is written.
 */
public final class TaskOrderViewModel {

    /** The kinds this form issues, in the order offered. */
    public static final List<OrderKind> KINDS = List.of(OrderKind.INTERCEPT, OrderKind.VISIT,
            OrderKind.DISPUTE_FOLLOW_UP, OrderKind.STANDARD_TASK);

    private final TaskOrderService service;
    private final TaskDrafts drafts;
    private final java.util.function.BooleanSupplier databaseUp;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;

    private final ObjectProperty<OrderKind> kind = new SimpleObjectProperty<>(this, "kind", OrderKind.INTERCEPT);
    private final ObservableList<StationChoice> stations = FXCollections.observableArrayList();
    private final ObjectProperty<StationChoice> station = new SimpleObjectProperty<>(this, "station");
    private final ObservableList<Assignee> assignees = FXCollections.observableArrayList();
    private final ObjectProperty<Assignee> assignee = new SimpleObjectProperty<>(this, "assignee");
    private final ObservableList<IncidentType> disputeTypes = FXCollections.observableArrayList(Arrays.stream(IncidentType.values())
            .filter(t -> t.category() == IncidentCategory.DISPUTE).toList());
    private final ObjectProperty<IncidentType> disputeType = new SimpleObjectProperty<>(this, "disputeType");
    private final ObservableList<StandardTask> standardTasks = FXCollections.observableArrayList(StandardTask.examples());
    private java.util.concurrent.Callable<List<StandardTask>> library;
    private final ObjectProperty<StandardTask> standardTask = new SimpleObjectProperty<>(this, "standardTask");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final PositionInput position;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyObjectWrapper<Order> issued = new ReadOnlyObjectWrapper<>(this, "issued");

    public TaskOrderViewModel(TaskOrderService service, Tasks tasks, I18n i18n, String actor) {
        this(service, null, tasks, i18n, actor);
    }

    /**
     * @param locator where a point falls (police grid, station), shown under the position; null shows nothing.
     *                Runs on the I/O executor.
     */
    public TaskOrderViewModel(TaskOrderService service, Function<GeoPoint, PointLocation> locator, Tasks tasks, I18n i18n,
                              String actor) {
        this(service, locator, tasks, i18n, actor, null, () -> true);
    }

    /**
     * @param drafts     where an order waits while the database is gone (issued when it returns); null: no drafts
     * @param databaseUp whether the database answers now ({@code DatabaseHealth}); while it does not, the order is kept
     *                   at once instead of waiting for a connection that will not come
     */
    public TaskOrderViewModel(TaskOrderService service, Function<GeoPoint, PointLocation> locator, Tasks tasks, I18n i18n,
                              String actor, TaskDrafts drafts, java.util.function.BooleanSupplier databaseUp) {
        this.drafts = drafts;
        this.databaseUp = databaseUp;
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
        this.position = new PositionInput(tasks, i18n, locator);
        station.addListener((o, was, is) -> loadAssignees(is, null));
        // A standard task's wording is the task's own; choosing one writes it into the summary.
        standardTask.addListener((o, was, is) -> {
            if (is != null) {
                summary.set(is.summary());
            }
        });
        disputeType.set(disputeTypes.isEmpty() ? null : disputeTypes.get(0));
    }

    /**
     * Offers the bureau's standard-task library (标准件) instead of the product's examples: {@code source} is read off the
     * FX thread at every {@link #load()} (the active tasks, by code).
     */
    public void useLibrary(java.util.concurrent.Callable<List<StandardTask>> source) {
        this.library = source;
    }

    /** Reads the stations (and the first one's units and officers), and the standard-task library when there is one. */
    public void load() {
        if (library != null) {
            java.util.concurrent.Callable<List<StandardTask>> source = library;
            tasks.run(source, list -> {
                StandardTask was = standardTask.get();
                standardTasks.setAll(list);
                if (was != null && !list.contains(was)) {
                    standardTask.set(null);
                }
            }, e -> error(i18n.tr("task.error.library", Failures.text(e, i18n))));
        }
        busy.set(true);
        tasks.run(service::stations, list -> {
            busy.set(false);
            StationChoice was = station.get();
            stations.setAll(list);
            StationChoice keep = was == null ? null : list.stream().filter(s -> s.id() == was.id()).findFirst().orElse(null);
            if (keep == null) {
                station.set(list.isEmpty() ? null : list.get(0));
            } else {
                loadAssignees(keep, assignee.get());
            }
        }, e -> {
            busy.set(false);
            error(i18n.tr("task.error.failed", Failures.text(e, i18n)));
        });
    }

    private void loadAssignees(StationChoice s, Assignee keep) {
        if (s == null) {
            assignees.clear();
            assignee.set(null);
            return;
        }
        tasks.run(() -> service.assignees(s.id()), list -> {
            if (station.get() == null || station.get().id() != s.id()) {
                return; // another station was chosen meanwhile
            }
            assignees.setAll(list);
            Assignee same = keep == null ? null : list.stream().filter(a -> sameAssignee(a, keep)).findFirst().orElse(null);
            assignee.set(same);
        }, e -> error(i18n.tr("task.error.failed", Failures.text(e, i18n))));
    }

    private static boolean sameAssignee(Assignee a, Assignee b) {
        return a.isUnit() ? a.unitId().equals(b.unitId()) : b.officerId() != null && a.officerId().equals(b.officerId());
    }

    /** Issues the order, or says in one line why not. */
    public void issue() {
        if (busy.get()) {
            return;
        }
        OrderKind k = kind.get();
        StationChoice s = station.get();
        if (s == null) {
            error(i18n.tr("task.error.station"));
            return;
        }
        GeoPoint at;
        try {
            at = position.point();
        } catch (IllegalArgumentException e) {
            error(i18n.tr("task.error.position", position.textProperty().get()));
            return;
        }
        if (k == OrderKind.INTERCEPT && at == null) {
            error(i18n.tr("task.error.interceptPoint"));
            return;
        }
        if (k == OrderKind.STANDARD_TASK && standardTask.get() == null) {
            error(i18n.tr("task.error.standardTask"));
            return;
        }
        String text = summary.get() == null ? "" : summary.get().strip();
        if (text.isEmpty()) {
            error(i18n.tr("task.error.summary"));
            return;
        }
        Assignee a = assignee.get();
        IncidentType dispute = k == OrderKind.DISPUTE_FOLLOW_UP ? disputeType.get() : null;
        Duration limit = k == OrderKind.STANDARD_TASK ? standardTask.get().timeLimit() : null;
        TaskRequest request = new TaskRequest(k, s.id(), a == null ? null : a.unitId(), a == null ? null : a.unitVersion(),
                a == null ? null : a.officerId(), text, at, dispute, null, limit);
        busy.set(true);
        String draftSummary = i18n.label(k) + " · " + (a == null ? s.name() : a.label());
        tasks.run(() -> {
            if (drafts != null && !databaseUp.getAsBoolean()) {
                return Issuing.kept(drafts.keep(request, actor, draftSummary));
            }
            try {
                return Issuing.issued(service.issue(request, actor));
            } catch (RuntimeException e) {
                if (drafts != null && Database.isConnectionLoss(e)) {
                    // Nothing typed is lost: the order waits on this workstation's disk and is issued when the database
                    // answers, once, to the unit if it is still free.
                    return Issuing.kept(drafts.keep(request, actor, draftSummary));
                }
                throw e;
            }
        }, done -> {
            busy.set(false);
            messageIsError.set(false);
            // An intercept (布控) goes to several units at one point: its wording and point stay for the next unit
            // (the trial's trainee had to type and pick them again for the second car). Other orders start afresh.
            boolean again = k == OrderKind.INTERCEPT && done.order() != null;
            if (!again) {
                summary.set("");
                position.clear();
            }
            standardTask.set(null);
            if (done.draft() != null) {
                message.set(i18n.tr("task.keptAsDraft", done.draft().summary()));
                return;
            }
            Order o = done.order();
            issued.set(o);
            message.set(i18n.tr("task.done", i18n.label(o.kind()), o.orderNo(),
                    a == null ? s.name() : a.label()) + (again ? i18n.tr("task.interceptAgain") : ""));
            loadAssignees(s, a != null && a.isUnit() ? null : a);
        }, e -> {
            busy.set(false);
            if (e instanceof ConcurrentChangeException) {
                error(i18n.tr("task.error.conflict", a == null ? s.name() : a.label()));
                loadAssignees(s, null);
            } else {
                error(i18n.tr("task.error.failed", Failures.text(e, i18n)));
            }
        });
    }

    /** What became of an issue: the order, or a draft kept until the database answers. */
    private record Issuing(Order order, Draft draft) {
        static Issuing issued(Order o) {
            return new Issuing(o, null);
        }

        static Issuing kept(Draft d) {
            return new Issuing(null, d);
        }
    }

    /**
     * A point picked on the map becomes the order's position; once its station is known, that station is chosen
     * (with its units and officers), as the one responsible for the place. The commander may choose another.
     */
    public void pickedOnMap(GeoPoint point) {
        position.pickedOnMap(point);
        PointLocation now = position.locationProperty().get();
        if (now != null && now.point().equals(position.point())) {
            chooseStationOf(now);
            return;
        }
        javafx.beans.value.ChangeListener<PointLocation> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends PointLocation> o, PointLocation was, PointLocation is) {
                position.locationProperty().removeListener(this);
                if (is != null) {
                    chooseStationOf(is);
                }
            }
        };
        position.locationProperty().addListener(once);
    }

    private void chooseStationOf(PointLocation l) {
        if (l.stationId() == null || station.get() != null && station.get().id() == l.stationId()) {
            return;
        }
        stations.stream().filter(s -> s.id() == l.stationId()).findFirst().ifPresent(station::set);
    }

    /** Picking on the map was asked for, but no map could take it. */
    public void mapUnavailable() {
        error(i18n.tr("map.pick.unavailable"));
    }

    static GeoPoint parsePosition(String text) {
        return PositionInput.parse(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public ObjectProperty<OrderKind> kindProperty() {
        return kind;
    }

    public ObservableList<StationChoice> stations() {
        return stations;
    }

    public ObjectProperty<StationChoice> stationProperty() {
        return station;
    }

    public ObservableList<Assignee> assignees() {
        return assignees;
    }

    /** The unit or officer; null = the station as a whole. */
    public ObjectProperty<Assignee> assigneeProperty() {
        return assignee;
    }

    public ObservableList<IncidentType> disputeTypes() {
        return disputeTypes;
    }

    public ObjectProperty<IncidentType> disputeTypeProperty() {
        return disputeType;
    }

    public ObservableList<StandardTask> standardTasks() {
        return standardTasks;
    }

    public ObjectProperty<StandardTask> standardTaskProperty() {
        return standardTask;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** {@code lat, lon} in WGS-84 decimal degrees, or empty. */
    public StringProperty positionProperty() {
        return position.textProperty();
    }

    /** The position with the point behind it and where it falls. */
    public PositionInput position() {
        return position;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Order> issuedProperty() {
        return issued.getReadOnlyProperty();
    }
}
