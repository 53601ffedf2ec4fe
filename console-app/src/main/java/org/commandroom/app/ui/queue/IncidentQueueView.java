package org.commandroom.app.ui.queue;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.Durations;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.QueueEntry;

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
        HBox header = new HBox(title, spacer, count);
        header.getStyleClass().add("panel-header");

        table.setId("incident-queue-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(vm.rows());
        table.setRowFactory(tv -> new AlarmRow());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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

        root.getChildren().addAll(header, error, table);
        count.textProperty().bind(javafx.beans.binding.Bindings.size(vm.rows())
                .map(n -> ui.i18n().tr("queue.count", n.intValue())));
        lifecycle = Lifecycle.whileShowing(root, this::onShow, this::onHide);
    }

    private void onShow() {
        vm.activate();
        ui.ticker().subscribe(tick);
    }

    private void onHide() {
        ui.ticker().unsubscribe(tick);
        vm.deactivate();
    }

    private void addColumns() {
        var i18n = ui.i18n();
        var zone = ui.clock().getZone();
        table.getColumns().add(textColumn("queue.col.number", 150, "col-number", QueueEntry::incidentNo));
        table.getColumns().add(textColumn("queue.col.received", 90, "col-received",
                e -> TIME.format(e.receivedAt().atZone(zone))));
        table.getColumns().add(textColumn("queue.col.category", 80, "col-category",
                e -> i18n.label(e.type().category())));
        table.getColumns().add(textColumn("queue.col.type", 175, "col-type", e -> i18n.label(e.type())));

        TableColumn<QueueRow, QueueEntry> priority = new TableColumn<>(i18n.tr("queue.col.priority"));
        priority.setCellValueFactory(cd -> cd.getValue().entryProperty());
        priority.setCellFactory(c -> new PriorityCell());
        Columns.setup(priority, 80, "col-priority");
        table.getColumns().add(priority);

        table.getColumns().add(textColumn("queue.col.grid", 130, "col-grid", e -> orDash(e.gridName())));
        table.getColumns().add(textColumn("queue.col.station", 130, "col-station", e -> orDash(e.stationName())));

        TableColumn<QueueRow, QueueEntry> status = new TableColumn<>(i18n.tr("queue.col.status"));
        status.setCellValueFactory(cd -> cd.getValue().entryProperty());
        status.setCellFactory(c -> new StatusCell());
        Columns.setup(status, 90, "col-status");
        table.getColumns().add(status);

        TableColumn<QueueRow, String> waiting = new TableColumn<>(i18n.tr("queue.col.waiting"));
        waiting.setCellValueFactory(cd -> cd.getValue().waitingProperty().map(Durations::stopwatch));
        Columns.setup(waiting, 100, "col-waiting");
        table.getColumns().add(waiting);

        table.getColumns().add(textColumn("queue.col.address", 260, "col-address", QueueEntry::address));
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

    /** Colours the whole row by its waiting alarm; follows the row's item while it is shown. */
    private static final class AlarmRow extends TableRow<QueueRow> {
        private final ChangeListener<WaitAlarm> listener = (o, was, is) -> show(is);
        private ObservableValue<WaitAlarm> watched;

        @Override
        protected void updateItem(QueueRow item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.removeListener(listener);
                watched = null;
            }
            if (item != null && !empty) {
                watched = item.alarmProperty();
                watched.addListener(listener);
                show(item.getAlarm());
            } else {
                show(WaitAlarm.NONE);
            }
        }

        private void show(WaitAlarm alarm) {
            pseudoClassStateChanged(WAIT_WARNING, alarm == WaitAlarm.WARNING);
            pseudoClassStateChanged(WAIT_DANGER, alarm == WaitAlarm.DANGER);
        }
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
}
