package org.commandroom.app.ui.orders;

import atlantafx.base.theme.Styles;
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
import org.commandroom.app.ui.common.Durations;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.dispatch.escalation.EscalationEntry;

/**
 * The escalation list: countdown (negative = overdue by), which deadline and where it stands — quiet while merely
 * close, amber at its early warning (two thirds of the window gone, 临期), red once missed (超时) — the order and who
 * has it.
 */
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
                vm.warningProperty().get(), vm.overdueProperty().get()), vm.rows(), vm.warningProperty(),
                vm.overdueProperty()));
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
        TableColumn<EscalationRow, EscalationRow.Standing> left = new TableColumn<>(i18n.tr("escalation.col.left"));
        left.setCellValueFactory(cd -> cd.getValue().standingProperty());
        left.setCellFactory(c -> new StandingCell(s -> s.remaining().isNegative()
                ? i18n.tr("countdown.overdue", Durations.span(s.remaining().negated(), i18n))
                : Durations.countdown(s.remaining(), i18n)));
        Columns.setup(left, 110, "col-left");
        table.getColumns().add(left);
        TableColumn<EscalationRow, EscalationRow.Standing> kind = new TableColumn<>(i18n.tr("escalation.col.kind"));
        kind.setCellValueFactory(cd -> cd.getValue().standingProperty());
        kind.setCellFactory(c -> new StandingCell(s -> i18n.tr(switch (s.state()) {
            case RUNNING -> "escalation.state.RUNNING";
            case WARNING -> "escalation.state.WARNING";
            case OVERDUE -> "escalation.state.OVERDUE";
        }, i18n.label(s.kind()))));
        Columns.setup(kind, 136, "col-kind");
        table.getColumns().add(kind);
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

    /**
     * A cell of a deadline's standing: red (:overdue) once missed, amber (:soon) at its early warning, plain while
     * it is only close.
     */
    private static final class StandingCell extends javafx.scene.control.TableCell<EscalationRow, EscalationRow.Standing> {
        private final Function<EscalationRow.Standing, String> text;

        StandingCell(Function<EscalationRow.Standing, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(EscalationRow.Standing s, boolean empty) {
            super.updateItem(s, empty);
            boolean none = empty || s == null;
            setText(none ? null : text.apply(s));
            pseudoClassStateChanged(OrdersView.OVERDUE, !none && s.state() == EscalationEntry.State.OVERDUE);
            pseudoClassStateChanged(OrdersView.SOON, !none && s.state() == EscalationEntry.State.WARNING);
        }
    }

}
