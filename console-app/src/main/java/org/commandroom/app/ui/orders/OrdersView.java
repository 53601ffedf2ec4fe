package org.commandroom.app.ui.orders;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.Durations;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.escalation.EscalationKind;
import org.commandroom.core.dispatch.escalation.EscalationService;
import org.commandroom.core.dispatch.escalation.OrderBoardEntry;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.dispatch.push.PushConnectionState;

/**
 * The orders panel: the open orders with live countdowns and push state, and below the selected order's
 * feedback, its trail (or its incident's) and the review-and-close and correction actions.
 */
public final class OrdersView {

    static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    static final PseudoClass SOON = PseudoClass.getPseudoClass("soon");
    private static final Duration SOON_WITHIN = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final OrdersViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox();
    private final TableView<OrderRow> table = new TableView<>();
    private final TableView<TrailEvent> trailTable = new TableView<>();
    private final TextField note = new TextField();
    private final Runnable tick;

    public OrdersView(OrdersViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        this.tick = vm::tick;
        I18n i18n = ui.i18n();
        root.getStyleClass().addAll("panel", "orders-panel");
        root.setId("orders-panel");

        Label title = new Label(i18n.tr("orders.title"));
        title.getStyleClass().add("panel-title");
        Label count = new Label();
        count.getStyleClass().add("panel-count");
        count.textProperty().bind(Bindings.size(vm.rows()).map(n -> i18n.tr("orders.count", n.intValue())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, count);
        header.getStyleClass().add("panel-header");

        Label banner = new Label();
        banner.setId("push-banner");
        banner.getStyleClass().add("push-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(Bindings.createStringBinding(() -> bannerText(vm.pushStateProperty().get(),
                vm.queuedProperty().get()), vm.pushStateProperty(), vm.queuedProperty()));
        banner.visibleProperty().bind(vm.pushStateProperty().map(s -> !s.connected()).orElse(false));
        banner.managedProperty().bind(banner.visibleProperty());

        Label error = new Label();
        error.getStyleClass().add("load-error");
        error.textProperty().bind(vm.loadErrorProperty().map(m -> i18n.tr("orders.loadError", m)));
        error.visibleProperty().bind(vm.loadErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        table.setId("orders-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(vm.rows());
        table.setRowFactory(org.commandroom.app.ui.common.WatchingRow.factory(OrderRow::overdueProperty,
                overdue -> overdue ? OVERDUE : null, OVERDUE));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.loadingProperty().map(l -> l ? i18n.tr("orders.loading") : i18n.tr("orders.empty")));
        table.setPlaceholder(placeholder);
        addColumns();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.select(is));

        SplitPane split = new SplitPane(table, detail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, banner, error, split);
        Lifecycle.whileShowing(root, this::onShow, this::onHide);
    }

    private String bannerText(PushConnectionState s, int queued) {
        if (s == null || s.connected()) {
            return "";
        }
        String since = DateTimeFormatter.ofPattern("HH:mm:ss").format(s.since().atZone(ui.clock().getZone()));
        return ui.i18n().tr("orders.push.down", since, queued, s.detail());
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
        I18n i18n = ui.i18n();
        TableColumn<OrderRow, String> number = text("orders.col.number", 150, "col-number", OrderBoardEntry::orderNo);
        number.setMinWidth(150); // the number is never cut
        table.getColumns().add(number);
        table.getColumns().add(text("orders.col.kind", 80, "col-kind", e -> i18n.label(e.kind())));
        table.getColumns().add(text("orders.col.status", 70, "col-status", e -> i18n.label(e.status())));
        table.getColumns().add(text("orders.col.assignee", 90, "col-assignee", e -> orDash(e.assignee())));
        table.getColumns().add(countdown("orders.col.signLeft", "col-sign-left", OrderRow::signLeftProperty));
        table.getColumns().add(countdown("orders.col.feedbackLeft", "col-feedback-left", OrderRow::feedbackLeftProperty));
        table.getColumns().add(text("orders.col.push", 75, "col-push", e -> i18n.label(e.push().state())));
        table.getColumns().add(text("orders.col.feedback", 140, "col-feedback", e -> orDash(e.feedbackText())));
    }

    private TableColumn<OrderRow, String> text(String key, double width, String style, Function<OrderBoardEntry, String> f) {
        return Columns.text(ui.i18n().tr(key), width, style, OrderRow::entryProperty, f);
    }

    private TableColumn<OrderRow, Duration> countdown(String key, String style,
                                                      Function<OrderRow, ObservableValue<Duration>> left) {
        TableColumn<OrderRow, Duration> c = new TableColumn<>(ui.i18n().tr(key));
        c.setCellValueFactory(cd -> left.apply(cd.getValue()));
        c.setCellFactory(col -> new CountdownCell(ui.i18n()));
        Columns.setup(c, 95, style);
        c.setMinWidth(90); // "超时 1:23:45" stays whole
        return c;
    }

    private String orDash(String s) {
        return s == null || s.isBlank() ? ui.i18n().tr("common.none") : s;
    }

    private Node detail() {
        I18n i18n = ui.i18n();
        Label feedback = new Label();
        feedback.setId("orders-feedback");
        feedback.setWrapText(true);
        feedback.getStyleClass().add("orders-feedback");
        feedback.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        feedback.textProperty().bind(vm.selectedProperty().flatMap(OrderRow::entryProperty).map(e -> i18n.tr(
                "orders.detail", e.orderNo(), orDash(e.incidentNo()), e.summary(), orDash(e.feedbackText())))
                .orElse(i18n.tr("orders.noSelection")));

        ToggleGroup scope = new ToggleGroup();
        ToggleButton ofOrder = new ToggleButton(i18n.tr("orders.trail.order"));
        ofOrder.setId("trail-order");
        ToggleButton ofIncident = new ToggleButton(i18n.tr("orders.trail.incident"));
        ofIncident.setId("trail-incident");
        ofOrder.setToggleGroup(scope);
        ofIncident.setToggleGroup(scope);
        ofOrder.setSelected(true);
        ofOrder.getStyleClass().addAll(Styles.SMALL, Styles.LEFT_PILL);
        ofIncident.getStyleClass().addAll(Styles.SMALL, Styles.RIGHT_PILL);
        scope.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                was.setSelected(true);
            } else {
                vm.setTrailScope(is == ofIncident ? OrdersViewModel.TrailScope.INCIDENT : OrdersViewModel.TrailScope.ORDER);
            }
        });
        Label trailTitle = new Label(i18n.tr("orders.trail.title"));
        trailTitle.getStyleClass().add("panel-subtitle");
        HBox trailScope = new HBox(0, ofOrder, ofIncident);
        trailScope.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        trailTable.setId("orders-trail");
        trailTable.getStyleClass().add(Styles.DENSE);
        trailTable.setItems(vm.trail());
        trailTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        trailTable.setPlaceholder(new Label(i18n.tr("orders.trail.empty")));
        var zone = ui.clock().getZone();
        trailTable.getColumns().add(trailColumn("orders.trail.col.at", 130, "col-at", e -> TIME.format(e.at().atZone(zone))));
        trailTable.getColumns().add(trailColumn("orders.trail.col.order", 150, "col-order", TrailEvent::orderNo));
        trailTable.getColumns().add(trailColumn("orders.trail.col.actor", 110, "col-actor",
                e -> EscalationService.ACTOR.equals(e.actor()) ? i18n.tr("orders.trail.system") : e.actor()));
        trailTable.getColumns().add(trailColumn("orders.trail.col.event", 90, "col-event", e -> i18n.label(e.event())));
        trailTable.getColumns().add(trailColumn("orders.trail.col.detail", 260, "col-detail", this::eventDetail));
        VBox.setVgrow(trailTable, Priority.ALWAYS);

        note.setId("orders-note");
        note.setPromptText(i18n.tr("orders.note.prompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        Button close = new Button(i18n.tr("orders.close"));
        close.setId("orders-close");
        close.getStyleClass().add(Styles.ACCENT);
        ObservableValue<OrderBoardEntry> selectedEntry = vm.selectedProperty().flatMap(OrderRow::entryProperty);
        close.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            OrderBoardEntry e = selectedEntry.getValue();
            return !vm.mayAct() || e == null || e.status() != OrderStatus.FED_BACK || note.getText().isBlank();
        }, selectedEntry, note.textProperty()));
        close.setOnAction(e -> vm.reviewAndClose(note.getText()));
        Button correct = new Button(i18n.tr("orders.correct"));
        correct.setId("orders-correct");
        correct.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !vm.mayAct() || vm.selectedProperty().get() == null || note.getText().isBlank(),
                vm.selectedProperty(), note.textProperty()));
        correct.setOnAction(e -> vm.correct(note.getText()));
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        correct.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        trailTitle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(6, trailTitle, trailScope, note, close, correct);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        actions.getStyleClass().add("orders-actions");

        Label outcome = new Label();
        outcome.setId("orders-outcome");
        outcome.textProperty().bind(Bindings.createStringBinding(() -> vm.actionErrorProperty().get() != null
                ? i18n.tr("orders.action.refused", vm.actionErrorProperty().get())
                : vm.actionDoneProperty().get() != null ? i18n.tr("orders.action.done", vm.actionDoneProperty().get()) : "",
                vm.actionErrorProperty(), vm.actionDoneProperty()));
        outcome.getStyleClass().add("orders-outcome");
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.visibleProperty().bind(outcome.managedProperty());
        vm.actionDoneProperty().addListener((o, was, is) -> {
            if (is != null) {
                note.clear();
            }
        });
        vm.actionErrorProperty().addListener((o, was, is) ->
                outcome.pseudoClassStateChanged(PseudoClass.getPseudoClass("refused"), is != null));

        VBox box = new VBox(4, feedback, trailTable, actions, outcome);
        box.getStyleClass().add("orders-detail");
        return box;
    }

    private String eventDetail(TrailEvent e) {
        EscalationKind k = e.escalation();
        if (k != null) {
            return ui.i18n().tr("orders.trail.escalated", ui.i18n().label(k));
        }
        return e.detail() == null ? "" : e.detail();
    }

    private TableColumn<TrailEvent, String> trailColumn(String key, double width, String style,
                                                       Function<TrailEvent, String> f) {
        TableColumn<TrailEvent, String> c = new TableColumn<>(ui.i18n().tr(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(cd.getValue())));
        Columns.setup(c, width, style);
        return c;
    }

    public Node root() {
        return root;
    }

    public TableView<OrderRow> table() {
        return table;
    }

    public TableView<TrailEvent> trailTable() {
        return trailTable;
    }

    /**
     * A countdown: {@code 12:34} left, {@code -3:21} once past (overdue by; red), amber under 5 minutes. The
     * compact form keeps the column narrow; the escalation list spells "超时" out.
     */
    static final class CountdownCell extends TableCell<OrderRow, Duration> {
        CountdownCell(I18n i18n) {
            setTooltip(new javafx.scene.control.Tooltip(i18n.tr("orders.countdown.tip")));
        }

        @Override
        protected void updateItem(Duration d, boolean empty) {
            super.updateItem(d, empty);
            boolean none = empty || d == null;
            setText(none ? null : Durations.countdown(d));
            pseudoClassStateChanged(OVERDUE, !none && d.isNegative());
            pseudoClassStateChanged(SOON, !none && !d.isNegative() && d.compareTo(SOON_WITHIN) < 0);
        }
    }

}
