package org.commandroom.app.ui.queue;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.ColumnFit;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.Durations;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.util.StringConverter;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.QueueEntry;
import org.controlsfx.control.CheckComboBox;

/** The incident queue table. Binds to {@link IncidentQueueViewModel}; follows the feed only while shown. */
public final class IncidentQueueView {

    static final PseudoClass WAIT_WARNING = PseudoClass.getPseudoClass("wait-warning");
    static final PseudoClass WAIT_DANGER = PseudoClass.getPseudoClass("wait-danger");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final IncidentQueueViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox();
    private final TableView<QueueRow> table = new TableView<>();
    private final Label count = new Label();
    private final Runnable tick;
    private final Lifecycle lifecycle;

    public IncidentQueueView(IncidentQueueViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        this.tick = vm::tick;
        root.getStyleClass().addAll("panel", "incident-queue");
        root.setId("incident-queue");

        Label title = new Label(ui.i18n().tr("queue.title"));
        title.getStyleClass().add("panel-title");
        count.getStyleClass().add("panel-count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Today's response times beside the count (from the units' terminals: dispatch → on scene, call → on scene).
        Label response = new Label();
        response.setId("queue-response-times");
        response.getStyleClass().add("queue-response-times");
        response.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> responseText(vm.responseStatsProperty().get()), vm.responseStatsProperty()));
        response.managedProperty().bind(response.textProperty().isNotEmpty());
        response.visibleProperty().bind(response.managedProperty());
        // The panel's name and its count stay whole; the response times give way (cut with "…", whole on hover)
        // where the panel is narrow beside a side panel.
        title.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        response.setMinWidth(0);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(response.textProperty());
        response.setTooltip(whole);
        HBox header = new HBox(8, title, spacer, response, count);
        header.getStyleClass().add("panel-header");

        table.setId("incident-queue-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(vm.visibleRows());
        vm.visibleRows().addListener((javafx.collections.ListChangeListener<QueueRow>) c ->
                org.commandroom.app.ui.common.StartupTiming.firstDataShown(table, "incident queue",
                        vm.visibleRows().size()));
        table.setRowFactory(org.commandroom.app.ui.common.WatchingRow.factory(QueueRow::alarmProperty,
                alarm -> alarm == WaitAlarm.WARNING ? WAIT_WARNING : alarm == WaitAlarm.DANGER ? WAIT_DANGER : null,
                WAIT_WARNING, WAIT_DANGER));
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.loadingProperty().map(loading -> loading
                ? ui.i18n().tr("queue.loading") : ui.i18n().tr("queue.empty")));
        table.setPlaceholder(placeholder);
        addColumns();
        VBox.setVgrow(table, Priority.ALWAYS);

        Label error = new Label();
        error.getStyleClass().add("load-error");
        error.textProperty().bind(vm.loadErrorProperty().map(m -> ui.i18n().tr("queue.loadError", m)));
        error.visibleProperty().bind(vm.loadErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        root.getChildren().addAll(header, filterBar(), error, table);
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.visibleRows().size()
                        == vm.rows().size() ? ui.i18n().tr("queue.count", vm.rows().size())
                        : ui.i18n().tr("queue.countFiltered", vm.visibleRows().size(), vm.rows().size()),
                vm.rows(), vm.visibleRows()));
        lifecycle = Lifecycle.whileShowing(root, this::onShow, this::onHide);
    }

    /** Status, category, station and grid: several may be ticked in each; none ticked means all. */
    private Node filterBar() {
        var i18n = ui.i18n();
        List<IncidentStatus> open = Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isOpen).toList();
        CheckComboBox<IncidentStatus> status = filter("queue-filter-status", "queue.filter.status",
                javafx.collections.FXCollections.observableArrayList(open), i18n::label, vm::setStatusFilter);
        CheckComboBox<IncidentCategory> category = filter("queue-filter-category", "queue.filter.category",
                javafx.collections.FXCollections.observableArrayList(IncidentCategory.values()), i18n::label,
                vm::setCategoryFilter);
        CheckComboBox<String> station = filter("queue-filter-station", "queue.filter.station", vm.stationOptions(),
                s -> s, vm::setStationFilter);
        CheckComboBox<String> grid = filter("queue-filter-grid", "queue.filter.grid", vm.gridOptions(), s -> s,
                vm::setGridFilter);
        Button clear = new Button(i18n.tr("queue.filter.clear"));
        clear.setId("queue-filter-clear");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> {
            for (CheckComboBox<?> c : List.of(status, category, station, grid)) {
                c.getCheckModel().clearChecks();
            }
            vm.clearFilters();
        });
        // A flow rather than a row: beside a side panel the filters wrap to a second line instead of cutting
        // their titles ("派出所 (0/6)") and the clear button.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 4, status, category, station, grid, clear);
        bar.getStyleClass().add("queue-filters");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    private <T> CheckComboBox<T> filter(String id, String titleKey, ObservableList<T> items,
                                        java.util.function.Function<T, String> label, Consumer<List<T>> apply) {
        CheckComboBox<T> box = new CheckComboBox<>(items);
        box.setId(id);
        box.setTitle(ui.i18n().tr(titleKey));
        box.setShowCheckedCount(true);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        boolean[] syncing = {false};
        java.util.Set<T> chosen = new java.util.HashSet<>();
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                chosen.clear();
                chosen.addAll(box.getCheckModel().getCheckedItems());
                apply.accept(List.copyOf(chosen));
            }
        });
        // When the options change (a new station appears in the queue), tick again what was ticked.
        items.addListener((ListChangeListener<T>) c -> {
            syncing[0] = true;
            try {
                box.getCheckModel().clearChecks();
                for (T t : chosen) {
                    if (items.contains(t)) {
                        box.getCheckModel().check(t);
                    }
                }
            } finally {
                syncing[0] = false;
            }
        });
        box.setPrefWidth(160);
        return box;
    }

    private void onShow() {
        vm.activate();
        ui.ticker().subscribe(tick);
    }

    private void onHide() {
        ui.ticker().unsubscribe(tick);
        vm.deactivate();
    }

    /**
     * Key columns first (number, priority, type, status, waiting time; the address last, taking what is left);
     * when the table is narrow (a side panel open, a small screen) the caller, category, grid, received time and
     * station columns are hidden in that order, so the key columns stay on screen (ColumnFit).
     */
    private void addColumns() {
        var i18n = ui.i18n();
        var zone = ui.clock().getZone();
        TableColumn<QueueRow, String> number = textColumn("queue.col.number", 150, "col-number", QueueEntry::incidentNo);
        Columns.values(number, List.of("J20261231-00000"));

        TableColumn<QueueRow, QueueEntry> priority = new TableColumn<>(i18n.tr("queue.col.priority"));
        priority.setCellValueFactory(cd -> cd.getValue().entryProperty());
        priority.setCellFactory(c -> new PriorityCell());
        Columns.setup(priority, 60, "col-priority");
        Columns.boldValues(priority, List.of(i18n.priority(1), i18n.priority(2), i18n.priority(3)));

        // Most types fit in 100 px; the few longer ones (交通事故（有人受伤）) may be cut, whole in the tooltip.
        TableColumn<QueueRow, String> type = textColumn("queue.col.type", 150, "col-type", e -> i18n.label(e.type()));
        Columns.freeText(type);
        Columns.minWidth(type, 100);
        Columns.preferredValues(type, Arrays.stream(org.commandroom.core.incident.IncidentType.values())
                .map(i18n::label).toList());

        TableColumn<QueueRow, QueueEntry> status = new TableColumn<>(i18n.tr("queue.col.status"));
        status.setCellValueFactory(cd -> cd.getValue().entryProperty());
        status.setCellFactory(c -> new StatusCell());
        Columns.setup(status, 80, "col-status");
        Columns.values(status, Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isOpen).map(i18n::label).toList());

        TableColumn<QueueRow, String> waiting = new TableColumn<>(i18n.tr("queue.col.waiting"));
        waiting.setCellValueFactory(cd -> cd.getValue().waitingProperty().map(Durations::stopwatch));
        Columns.setup(waiting, 80, "col-waiting");
        Columns.boldValues(waiting, List.of("10:00:00"));

        TableColumn<QueueRow, String> received = textColumn("queue.col.received", 90, "col-received",
                e -> TIME.format(e.receivedAt().atZone(zone)));
        Columns.values(received, List.of("00:00:00"));
        TableColumn<QueueRow, String> category = textColumn("queue.col.category", 70, "col-category",
                e -> i18n.label(e.type().category()));
        Columns.values(category, Arrays.stream(IncidentCategory.values()).map(i18n::label).toList());
        TableColumn<QueueRow, String> grid = textColumn("queue.col.grid", 150, "col-grid", e -> orDash(e.gridName()));
        Columns.freeText(grid);
        Columns.minWidth(grid, 110); // a grid's name cut to two characters says nothing: hidden before that
        TableColumn<QueueRow, String> station = textColumn("queue.col.station", 120, "col-station", e -> orDash(e.stationName()));
        Columns.freeText(station);
        Columns.minWidth(station, 90);
        TableColumn<QueueRow, String> caller = textColumn("queue.col.caller", 120, "col-caller", vm::caller);
        Columns.values(caller, List.of("13800001234"));
        TableColumn<QueueRow, String> address = textColumn("queue.col.address", 180, "col-address", QueueEntry::address);
        Columns.freeText(address);
        Columns.minWidth(address, 100);

        table.getColumns().addAll(List.of(number, priority, type, status, waiting, received, category, grid, station,
                caller, address));
        ColumnFit.install(table, caller, category, grid, received, station);
    }

    private String orDash(String s) {
        return s == null || s.isBlank() ? ui.i18n().tr("common.none") : s;
    }

    private TableColumn<QueueRow, String> textColumn(String key, double width, String styleClass,
                                                Function<QueueEntry, String> text) {
        return Columns.text(ui.i18n().tr(key), width, styleClass, QueueRow::entryProperty, text);
    }

    public Node root() {
        return root;
    }

    public TableView<QueueRow> table() {
        return table;
    }


    private final class PriorityCell extends TableCell<QueueRow, QueueEntry> {
        @Override
        protected void updateItem(QueueEntry e, boolean empty) {
            super.updateItem(e, empty);
            int p = empty || e == null ? 0 : e.priority();
            setText(p == 0 ? null : ui.i18n().priority(p));
            for (int i = 1; i <= 3; i++) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass("priority-" + i), p == i);
            }
        }
    }

    private final class StatusCell extends TableCell<QueueRow, QueueEntry> {
        @Override
        protected void updateItem(QueueEntry e, boolean empty) {
            super.updateItem(e, empty);
            IncidentStatus s = empty || e == null ? null : e.status();
            setText(s == null ? null : ui.i18n().label(s));
            pseudoClassStateChanged(PseudoClass.getPseudoClass("status-new"), s == IncidentStatus.NEW);
        }
    }

    /** "今日到场 3 起 · 派警→到场 均 6分5秒 P90 9分0秒 · 接警→到场 均 …"; empty before it is read. */
    private String responseText(org.commandroom.core.dispatch.ResponseTimes.Stats stats) {
        if (stats == null) {
            return "";
        }
        var d = stats.dispatchToOnScene();
        var c = stats.callToOnScene();
        if (d.count() == 0) {
            return ui.i18n().tr("queue.response.none");
        }
        return ui.i18n().tr("queue.response", d.count(), span(d.mean()), span(d.p90()), span(c.mean()));
    }

    private String span(java.time.Duration d) {
        return d == null ? "–" : ui.i18n().tr("orders.times.span", d.toMinutes(), d.toSecondsPart());
    }
}
