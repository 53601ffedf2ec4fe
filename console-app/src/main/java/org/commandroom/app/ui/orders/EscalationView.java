package org.commandroom.app.ui.orders;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.dispatch.escalation.EscalationEntry;

/** The escalation list: countdown (negative = overdue by), which deadline, the order and who has it. */
public final class EscalationView {

    private final EscalationViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox();
    private final TableView<EscalationRow> table = new TableView<>();
    private final Runnable tick;

    public EscalationView(EscalationViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        this.tick = vm::tick;
        I18n i18n = ui.i18n();
        root.getStyleClass().addAll("panel", "escalation-list");
        root.setId("escalation-list");
        Label title = new Label(i18n.tr("escalation.title"));
        title.getStyleClass().add("panel-title");
        Label count = new Label();
        count.getStyleClass().add("panel-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("escalation.count", vm.rows().size(),
                vm.overdueProperty().get()), vm.rows(), vm.overdueProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, count);
        header.getStyleClass().add("panel-header");

        table.setId("escalation-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(vm.rows());
        table.setRowFactory(org.commandroom.app.ui.common.WatchingRow.factory(EscalationRow::remainingProperty,
                d -> d.isNegative() ? OrdersView.OVERDUE : null, OrdersView.OVERDUE));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.tr("escalation.empty")));
        TableColumn<EscalationRow, Duration> left = new TableColumn<>(i18n.tr("escalation.col.left"));
        left.setCellValueFactory(cd -> cd.getValue().remainingProperty());
        left.setCellFactory(c -> new CountdownCellAdapter(i18n));
        Columns.setup(left, 110, "col-left");
        table.getColumns().add(left);
        table.getColumns().add(text("escalation.col.kind", 90, "col-kind", e -> i18n.label(e.kind())));
        table.getColumns().add(text("escalation.col.order", 150, "col-order", e -> e.order().orderNo()));
        table.getColumns().add(text("escalation.col.assignee", 130, "col-assignee",
                e -> e.order().assignee() == null ? i18n.tr("common.none") : e.order().assignee()));
        table.getColumns().add(text("escalation.col.station", 120, "col-station", e -> e.order().stationName()));
        table.getColumns().add(text("escalation.col.status", 90, "col-status", e -> i18n.label(e.order().status())));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, table);
        Lifecycle.whileShowing(root, this::onShow, this::onHide);
    }

    private void onShow() {
        vm.activate();
        ui.ticker().subscribe(tick);
    }

    private void onHide() {
        ui.ticker().unsubscribe(tick);
        vm.deactivate();
    }

    private TableColumn<EscalationRow, String> text(String key, double width, String style,
                                                    Function<EscalationEntry, String> f) {
        TableColumn<EscalationRow, String> c = new TableColumn<>(ui.i18n().tr(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(cd.getValue().getEntry())));
        Columns.setup(c, width, style);
        return c;
    }

    public Node root() {
        return root;
    }

    public TableView<EscalationRow> table() {
        return table;
    }

    /** The orders panel's countdown cell, for this table's rows. */
    private static final class CountdownCellAdapter extends javafx.scene.control.TableCell<EscalationRow, Duration> {
        private final I18n i18n;

        CountdownCellAdapter(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(Duration d, boolean empty) {
            super.updateItem(d, empty);
            boolean none = empty || d == null;
            setText(none ? null : d.isNegative()
                    ? i18n.tr("countdown.overdue", org.commandroom.app.ui.common.Durations.stopwatch(d.negated()))
                    : org.commandroom.app.ui.common.Durations.countdown(d));
            pseudoClassStateChanged(OrdersView.OVERDUE, !none && d.isNegative());
            pseudoClassStateChanged(OrdersView.SOON, !none && !d.isNegative());
        }
    }

}
