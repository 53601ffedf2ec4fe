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
import org.commandroom.app.ui.common.ColumnFit;
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
    static final PseudoClass OF_INCIDENT = PseudoClass.getPseudoClass("of-incident");
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
        // In a short panel the banner is cut to one line: the whole of it is under the pointer.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(banner.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        banner.setTooltip(whole);
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
        table.setRowFactory(org.commandroom.app.ui.common.WatchingRow.multiFactory(OrderRow::marksProperty,
                marks -> marks.stream().map(m -> m == OrderRow.Mark.OVERDUE ? OVERDUE : OF_INCIDENT)
                        .collect(java.util.stream.Collectors.toSet()), OVERDUE, OF_INCIDENT));
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.loadingProperty().map(l -> l ? i18n.tr("orders.loading") : i18n.tr("orders.empty")));
        table.setPlaceholder(placeholder);
        addColumns();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.select(is));
        // The model lets an order go when another incident is selected in the queue, or picks a closed one.
        vm.selectedProperty().addListener((o, was, is) -> {
            if (table.getSelectionModel().getSelectedItem() != is) {
                if (is != null && table.getItems().contains(is)) {
                    table.getSelectionModel().select(is);
                } else {
                    table.getSelectionModel().clearSelection();
                }
            }
        });
        // The incident selected in the queue: its first open order is brought into view (not picked).
        vm.focusProperty().addListener((o, was, is) -> {
            if (is != null) {
                table.getItems().stream().filter(r -> r.ofIncidentProperty().get()).findFirst()
                        .ifPresent(this::reveal);
            }
        });

        table.setMinHeight(80);
        Node detail = detail();
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        keepWhole(split, detail);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, banner, error, split);
        Lifecycle.whileShowing(root, this::onShow, this::onHide);
    }

    /**
     * A split pane lays its lower part out in the room below the divider even when that is less than the part
     * needs, and the review buttons at its bottom fall out of sight (1600×900 beside a side panel, with an
     * incident's links). So the divider moves up as far as the lower part needs, whenever the sizes change.
     */
    private static void keepWhole(SplitPane split, Node lower) {
        Runnable clamp = () -> {
            double h = split.getHeight();
            if (h <= 0) {
                return;
            }
            double need = lower.minHeight(split.getWidth()) + 14; // the divider and its insets
            double highest = Math.max(0.2, 1 - need / h);
            if (split.getDividers().get(0).getPosition() > highest) {
                split.setDividerPosition(0, highest);
            }
        };
        org.commandroom.app.ui.common.AfterLayout after = new org.commandroom.app.ui.common.AfterLayout(split, clamp);
        javafx.beans.InvalidationListener later = o -> after.request();
        split.heightProperty().addListener(later);
        split.widthProperty().addListener(later);
        lower.layoutBoundsProperty().addListener(later);
    }

    private String bannerText(PushConnectionState s, int queued) {
        if (s == null || s.connected()) {
            return "";
        }
        if (vm.pushUnconfigured()) {
            // Not a fault of the moment but of the set-up: said in the user's words, with what to set.
            return ui.i18n().tr("orders.push.unconfigured", queued);
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

    /**
     * Key columns: number, status and the time left to its next deadline (to sign for it, or to feed back); who
     * has it, kind, push state and feedback text follow and are hidden (push first, who has it last) where the
     * table is narrow, e.g. beside a side panel at 1600 px; the incident's links name who has each order.
     */
    private void addColumns() {
        I18n i18n = ui.i18n();
        TableColumn<OrderRow, String> number = text("orders.col.number", 150, "col-number", OrderBoardEntry::orderNo);
        Columns.values(number, java.util.List.of("ZL20261231-00000"));
        TableColumn<OrderRow, String> status = text("orders.col.status", 70, "col-status", e -> statusLabel(i18n, e));
        // Sized for the loop's states only: a withdrawn order leaves the table (it is named as such in the links).
        Columns.values(status, java.util.Arrays.stream(OrderStatus.values()).map(i18n::label).toList());
        TableColumn<OrderRow, String> assignee = text("orders.col.assignee", 110, "col-assignee", e -> orDash(e.assignee()));
        Columns.freeText(assignee);
        Columns.minWidth(assignee, 90);
        TableColumn<OrderRow, Duration> left = countdown("orders.col.left", "col-left", OrderRow::nextLeftProperty);
        TableColumn<OrderRow, String> kind = text("orders.col.kind", 80, "col-kind", e -> i18n.label(e.kind()));
        Columns.values(kind, java.util.Arrays.stream(org.commandroom.core.dispatch.OrderKind.values()).map(i18n::label).toList());
        // An order for an officer or a station has no terminal to push to: a dash, not "not pushed".
        TableColumn<OrderRow, String> push = text("orders.col.push", 75, "col-push",
                e -> e.unitCallSign() == null ? "—" : i18n.label(e.push().state()));
        Columns.values(push, java.util.Arrays.stream(org.commandroom.core.dispatch.push.PushStatus.State.values())
                .map(i18n::label).toList());
        TableColumn<OrderRow, String> feedback = text("orders.col.feedback", 140, "col-feedback", e -> orDash(e.feedbackText()));
        Columns.freeText(feedback);
        Columns.minWidth(feedback, 100);
        table.getColumns().addAll(java.util.List.of(number, status, assignee, left, kind, push, feedback));
        ColumnFit.install(table, push, feedback, kind, assignee);
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
        Columns.boldValues(c, java.util.List.of("-10:00:00"));
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
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            OrderRow row = vm.selectedProperty().get();
            if (row != null) {
                OrderBoardEntry e = row.getEntry();
                return i18n.tr("orders.detail", e.orderNo(), orDash(e.incidentNo()), e.summary(), orDash(e.feedbackText()));
            }
            return vm.focusProperty().get() == null ? i18n.tr("orders.noSelection") : i18n.tr("orders.incident.pick");
        }, vm.selectedProperty(), vm.focusProperty()));

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
                OrdersViewModel.TrailScope chosen = is == ofIncident ? OrdersViewModel.TrailScope.INCIDENT
                        : OrdersViewModel.TrailScope.ORDER;
                if (vm.trailScopeProperty().get() != chosen) {
                    vm.setTrailScope(chosen);
                }
            }
        });
        // The model switches the scope itself: to the incident when one is selected in the queue, to the order
        // when one is picked.
        vm.trailScopeProperty().addListener((o, was, is) ->
                (is == OrdersViewModel.TrailScope.INCIDENT ? ofIncident : ofOrder).setSelected(true));
        Label trailTitle = new Label(i18n.tr("orders.trail.title"));
        trailTitle.getStyleClass().add("panel-subtitle");
        HBox trailScope = new HBox(0, ofOrder, ofIncident);
        trailScope.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        trailTable.setId("orders-trail");
        trailTable.getStyleClass().add(Styles.DENSE);
        trailTable.setItems(vm.trail());
        trailTable.setPlaceholder(new Label(i18n.tr("orders.trail.empty")));
        var zone = ui.clock().getZone();
        // Key columns: when, who and what; the detail (a feedback text, a note), then the order's number, may be hidden.
        var at = trailColumn("orders.trail.col.at", 130, "col-at", e -> TIME.format(e.at().atZone(zone)));
        Columns.values(at, java.util.List.of("12-31 00:00:00"));
        var orderNo = trailColumn("orders.trail.col.order", 150, "col-order", TrailEvent::orderNo);
        Columns.values(orderNo, java.util.List.of("ZL20261231-00000"));
        var actor = trailColumn("orders.trail.col.actor", 110, "col-actor",
                e -> EscalationService.ACTOR.equals(e.actor()) ? i18n.tr("orders.trail.system") : e.actor());
        Columns.freeText(actor);
        Columns.minWidth(actor, 80);
        var event = trailColumn("orders.trail.col.event", 90, "col-event", e -> i18n.label(e.event()));
        Columns.values(event, java.util.Arrays.stream(org.commandroom.core.dispatch.OrderEventType.values())
                .map(i18n::label).toList());
        var detailColumn = trailColumn("orders.trail.col.detail", 260, "col-detail", this::eventDetail);
        Columns.freeText(detailColumn);
        Columns.minWidth(detailColumn, 100);
        trailTable.getColumns().addAll(java.util.List.of(at, orderNo, actor, event, detailColumn));
        ColumnFit.install(trailTable, detailColumn, orderNo);
        VBox.setVgrow(trailTable, Priority.ALWAYS);
        // The trail gives way first where the panel is short (1600×900 beside a side panel): the review and
        // correction buttons below it stay whole.
        trailTable.setMinHeight(52); // its header and a row: the buttons below must stay whole at 1600x900

        note.setId("orders-note");
        note.setPromptText(i18n.tr("orders.note.prompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        Button close = new Button(i18n.tr("orders.close"));
        close.setId("orders-close");
        close.getStyleClass().add(Styles.ACCENT);
        ObservableValue<OrderBoardEntry> selectedEntry = vm.selectedProperty().flatMap(OrderRow::entryProperty);
        close.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            OrderBoardEntry e = selectedEntry.getValue();
            return !vm.mayClose() || e == null || e.status() != OrderStatus.FED_BACK || note.getText().isBlank();
        }, selectedEntry, note.textProperty()));
        close.setOnAction(e -> vm.reviewAndClose(note.getText()));
        Button correct = new Button(i18n.tr("orders.correct"));
        correct.setId("orders-correct");
        correct.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !vm.mayCorrect() || vm.selectedProperty().get() == null || note.getText().isBlank(),
                vm.selectedProperty(), note.textProperty()));
        correct.setOnAction(e -> vm.correct(note.getText()));
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        correct.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        trailTitle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Two short rows rather than one long one, so that the panel can be narrow beside a side panel: what
        // the trail shows above it, what can be done to the order below it.
        HBox trailHeader = new HBox(6, trailTitle, trailScope);
        trailHeader.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox actions = new HBox(6, note, close, correct);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        actions.getStyleClass().add("orders-actions");
        note.setMinWidth(120);
        HBox orderActions = orderActions();
        // Re-assign, cancel and send back sit after the note's buttons where the panel is wide enough for a useful
        // note field beside all five, else on a row of their own below (beside a side panel): a row less for the
        // orders table and the trail at 1600×900.
        HBox moreActions = new HBox(orderActions);
        moreActions.managedProperty().bind(Bindings.isNotEmpty(moreActions.getChildren()));
        moreActions.visibleProperty().bind(moreActions.managedProperty());
        Node chooser = unitChooser();

        Label outcome = new Label();
        outcome.setId("orders-outcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        outcome.textProperty().bind(Bindings.createStringBinding(() -> vm.refusalProperty().get() != null
                ? i18n.tr(vm.refusalProperty().get().key(), selectedNo())
                : vm.actionErrorProperty().get() != null
                ? i18n.tr("orders.action.refused", vm.actionErrorProperty().get())
                : vm.actionDoneProperty().get() != null ? i18n.tr("orders.action.done", vm.actionDoneProperty().get()) : "",
                vm.refusalProperty(), vm.actionErrorProperty(), vm.actionDoneProperty()));
        outcome.getStyleClass().add("orders-outcome");
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.visibleProperty().bind(outcome.managedProperty());
        vm.actionDoneProperty().addListener((o, was, is) -> {
            if (is != null) {
                note.clear();
            }
        });
        javafx.beans.InvalidationListener refusedLook = o -> outcome.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("refused"),
                vm.actionErrorProperty().get() != null || vm.refusalProperty().get() != null);
        vm.actionErrorProperty().addListener(refusedLook);
        vm.refusalProperty().addListener(refusedLook);
        // A cancel or return without its reason: the caret goes where the reason is typed.
        vm.refusalProperty().addListener((o, was, is) -> {
            if (is == OrdersViewModel.Refusal.REASON_REQUIRED || is == OrdersViewModel.Refusal.NOTE_REQUIRED
                    || is == OrdersViewModel.Refusal.TOO_LONG) {
                note.requestFocus();
            }
        });

        // The selected order's terminal times and response times (protocol 2: receipt, sign-for, on scene).
        Label times = new Label();
        times.setId("orders-response-times");
        times.getStyleClass().add("orders-times");
        times.setWrapText(true);
        times.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        times.textProperty().bind(Bindings.createStringBinding(() -> timesText(vm.timesProperty().get()),
                vm.timesProperty()));
        times.managedProperty().bind(times.textProperty().isNotEmpty());
        times.visibleProperty().bind(times.managedProperty());
        // While a unit is chosen for a re-assignment, its list takes the trail's place (the panel is short at
        // 1600×900 beside the queue); the trail is back, with the new step, once the order has moved.
        VBox trailPart = new VBox(4, trailHeader, times, trailTable);
        VBox.setVgrow(trailPart, Priority.ALWAYS);
        trailPart.visibleProperty().bind(vm.choosingUnitProperty().not());
        trailPart.managedProperty().bind(trailPart.visibleProperty());
        VBox box = new VBox(4, feedback, incidentStrip(), trailPart, chooser, actions, moreActions, outcome);
        org.commandroom.app.ui.common.AfterLayout place = new org.commandroom.app.ui.common.AfterLayout(box, () -> {
            double buttons = close.prefWidth(-1) + correct.prefWidth(-1) + orderActions.prefWidth(-1);
            boolean oneRow = box.getWidth() - box.snappedLeftInset() - box.snappedRightInset()
                    >= ONE_ROW_NOTE + buttons + 3 * actions.getSpacing();
            HBox want = oneRow ? actions : moreActions;
            if (orderActions.getParent() != want) {
                ((javafx.scene.layout.Pane) orderActions.getParent()).getChildren().remove(orderActions);
                want.getChildren().add(orderActions);
            }
        });
        box.widthProperty().addListener(o -> place.request());
        place.request();
        box.getStyleClass().add("orders-detail");
        return box;
    }

    private String selectedNo() {
        OrderRow row = vm.selectedProperty().get();
        return row == null ? "" : row.getEntry().orderNo();
    }

    /**
     * Re-assign (Ctrl+R), cancel (Ctrl+D) and return for more work (Ctrl+B) on the selected order: buttons below the
     * note, and the same in the table's context menu, whose accelerators make the keys work anywhere in the window
     * (as Ctrl+F does). Each is enabled where the order's state and the user's permission allow it
     * ({@link OrdersViewModel#canReassignProperty()} …). The cancel reason and the return note are the text in the
     * note field; the re-assign note there is optional.
     */
    private HBox orderActions() {
        I18n i18n = ui.i18n();
        Button reassign = actionButton("orders-reassign", i18n.tr("orders.reassign"), REASSIGN_KEY,
                vm.canReassignProperty(), this::openChooser);
        Button cancel = actionButton("orders-cancel", i18n.tr("orders.cancel"), CANCEL_KEY, vm.canCancelProperty(),
                () -> vm.cancel(note.getText()));
        cancel.getStyleClass().add(Styles.DANGER);
        Button back = actionButton("orders-return", i18n.tr("orders.return"), RETURN_KEY, vm.canReturnProperty(),
                () -> vm.returnForMoreWork(note.getText()));

        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(
                menuItem("orders-menu-reassign", i18n.tr("orders.reassign"), REASSIGN_KEY, vm.canReassignProperty(),
                        this::openChooser),
                menuItem("orders-menu-cancel", i18n.tr("orders.cancel"), CANCEL_KEY, vm.canCancelProperty(),
                        () -> vm.cancel(note.getText())),
                menuItem("orders-menu-return", i18n.tr("orders.return"), RETURN_KEY, vm.canReturnProperty(),
                        () -> vm.returnForMoreWork(note.getText())));
        menu.setId("orders-menu");
        table.setContextMenu(menu);

        HBox row = new HBox(6, reassign, cancel, back);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add("orders-actions");
        return row;
    }

    /** The narrowest note field worth keeping beside all five action buttons in one row. */
    private static final double ONE_ROW_NOTE = 220;

    static final javafx.scene.input.KeyCombination REASSIGN_KEY =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+R");
    static final javafx.scene.input.KeyCombination CANCEL_KEY =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+D");
    static final javafx.scene.input.KeyCombination RETURN_KEY =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+B");

    private Button actionButton(String id, String text, javafx.scene.input.KeyCombination key,
                                javafx.beans.value.ObservableBooleanValue allowed, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setTooltip(new javafx.scene.control.Tooltip(ui.i18n().tr("orders.action.key", key.getDisplayText())));
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> !allowed.get() || vm.busyProperty().get(),
                allowed, vm.busyProperty()));
        b.setOnAction(e -> action.run());
        return b;
    }

    private javafx.scene.control.MenuItem menuItem(String id, String text, javafx.scene.input.KeyCombination key,
                                                   javafx.beans.value.ObservableBooleanValue allowed, Runnable action) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setAccelerator(key);
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> !allowed.get() || vm.busyProperty().get(),
                allowed, vm.busyProperty()));
        item.setOnAction(e -> action.run());
        return item;
    }

    private final TextField unitSearch = new TextField();
    private final javafx.scene.control.ListView<org.commandroom.core.unit.UnitBoardEntry> unitList =
            new javafx.scene.control.ListView<>();

    private void openChooser() {
        unitSearch.clear();
        vm.openReassign();
        if (vm.choosingUnitProperty().get()) {
            unitSearch.requestFocus();
        }
    }

    /**
     * The list a re-assigned order's new unit is picked from: typing narrows it (call-sign, station, crew), Down
     * and Up move in it, Enter gives the order to the highlighted unit, Esc closes it. Available units come first.
     */
    private Node unitChooser() {
        I18n i18n = ui.i18n();
        Label title = new Label();
        title.getStyleClass().add("panel-subtitle");
        title.textProperty().bind(vm.selectedProperty().map(r -> i18n.tr("orders.reassign.title",
                r.getEntry().orderNo(), orDash(r.getEntry().unitCallSign()))).orElse(""));
        unitSearch.setId("reassign-search");
        unitSearch.setPromptText(i18n.tr("orders.reassign.search"));
        unitSearch.textProperty().addListener((o, was, is) -> {
            vm.filterUnits(is);
            unitList.getSelectionModel().selectFirst();
        });
        unitList.setId("reassign-units");
        unitList.setItems(vm.unitChoices());
        unitList.setPrefHeight(110);
        unitList.setMinHeight(60);
        unitList.setPlaceholder(new Label(i18n.tr("orders.reassign.none")));
        unitList.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(org.commandroom.core.unit.UnitBoardEntry u, boolean empty) {
                super.updateItem(u, empty);
                if (empty || u == null) {
                    setText(null);
                    return;
                }
                Double metres = vm.distanceToOrder(u);
                String away = metres == null ? i18n.tr("orders.reassign.distanceUnknown")
                        : i18n.tr("orders.reassign.away", i18n.distance(metres));
                setText(i18n.tr("orders.reassign.unit", u.callSign(), i18n.label(u.status()), away,
                        orDash(u.stationName()), u.crew().isEmpty() ? i18n.tr("common.none") : String.join("、", u.crew())));
            }
        });
        vm.unitChoices().addListener((javafx.collections.ListChangeListener<org.commandroom.core.unit.UnitBoardEntry>) c -> {
            if (unitList.getSelectionModel().getSelectedItem() == null && !unitList.getItems().isEmpty()) {
                unitList.getSelectionModel().selectFirst();
            }
        });
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> keys = e -> {
            switch (e.getCode()) {
                case ENTER -> {
                    vm.reassign(unitList.getSelectionModel().getSelectedItem(), note.getText());
                    e.consume();
                }
                case ESCAPE -> {
                    vm.closeReassign();
                    table.requestFocus();
                    e.consume();
                }
                case DOWN, UP -> {
                    if (e.getTarget() == unitSearch) {
                        var sel = unitList.getSelectionModel();
                        if (e.getCode() == javafx.scene.input.KeyCode.DOWN) {
                            sel.selectNext();
                        } else {
                            sel.selectPrevious();
                        }
                        unitList.scrollTo(Math.max(0, sel.getSelectedIndex()));
                        e.consume();
                    }
                }
                default -> {
                }
            }
        };
        unitSearch.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
        unitList.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, keys);
        unitList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.reassign(unitList.getSelectionModel().getSelectedItem(), note.getText());
            }
        });
        Button confirm = new Button(i18n.tr("orders.reassign.confirm"));
        confirm.setId("reassign-confirm");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        confirm.disableProperty().bind(unitList.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        confirm.setOnAction(e -> vm.reassign(unitList.getSelectionModel().getSelectedItem(), note.getText()));
        Button dismiss = new Button(i18n.tr("orders.reassign.dismiss"));
        dismiss.setId("reassign-dismiss");
        dismiss.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> vm.closeReassign());
        javafx.scene.control.Tooltip hint = new javafx.scene.control.Tooltip(i18n.tr("orders.reassign.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        unitSearch.setTooltip(hint);
        confirm.setTooltip(hint);
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(unitSearch, Priority.ALWAYS);
        unitSearch.setMinWidth(100);
        HBox searchRow = new HBox(6, unitSearch, confirm, dismiss);
        searchRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(unitList, Priority.ALWAYS);
        VBox box = new VBox(4, title, searchRow, unitList);
        VBox.setVgrow(box, Priority.ALWAYS);
        box.setId("reassign-box");
        box.getStyleClass().add("reassign-box");
        box.visibleProperty().bind(vm.choosingUnitProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * The orders of the incident selected in the queue, closed ones too: one link each (number, who has it,
     * status); a link picks the order, in the table when it is still open.
     */
    private Node incidentStrip() {
        I18n i18n = ui.i18n();
        Label title = new Label();
        title.setId("incident-orders-title");
        title.getStyleClass().add("panel-subtitle");
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            OrdersViewModel.IncidentRef f = vm.focusProperty().get();
            if (f == null) {
                return "";
            }
            if (!vm.incidentOrdersLoadedProperty().get()) {
                return i18n.tr("orders.incident.loading", f.number());
            }
            return vm.incidentOrders().isEmpty() ? i18n.tr("orders.incident.none", f.number())
                    : i18n.tr("orders.incident.title", f.number(), vm.incidentOrders().size());
        }, vm.focusProperty(), vm.incidentOrders(), vm.incidentOrdersLoadedProperty()));
        // One flow: the title, then a link per order, wrapping to further lines where the panel is narrow.
        javafx.scene.layout.FlowPane strip = new javafx.scene.layout.FlowPane(8, 2);
        strip.setId("incident-orders");
        strip.getChildren().add(title);
        vm.incidentOrders().addListener((javafx.collections.ListChangeListener<OrderBoardEntry>) c -> {
            strip.getChildren().setAll(title);
            vm.incidentOrders().forEach(e -> strip.getChildren().add(orderLink(e)));
        });
        strip.getStyleClass().add("incident-orders");
        strip.visibleProperty().bind(vm.focusProperty().isNotNull());
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    /** Where the order stands; a withdrawn order (撤销) is closed in the loop but says so, not 已办结. */
    static String statusLabel(I18n i18n, OrderBoardEntry e) {
        return e.cancelled() ? i18n.tr("orders.status.cancelled") : i18n.label(e.status());
    }

    private Node orderLink(OrderBoardEntry e) {
        I18n i18n = ui.i18n();
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(i18n.tr("orders.incident.order",
                e.orderNo(), orDash(e.assignee()), statusLabel(i18n, e)));
        link.getStyleClass().add("incident-order-link");
        link.setUserData(e.id());
        link.setOnAction(a -> {
            link.setVisited(false);
            OrderRow row = vm.rowOf(e.id());
            if (row != null) {
                table.getSelectionModel().select(row);
                reveal(row);
            } else {
                vm.selectClosed(e);
            }
        });
        return link;
    }

    /** Scrolls the table as little as needed for the row to be whole on screen (scrollTo puts it at the top). */
    private void reveal(OrderRow row) {
        int index = table.getItems().indexOf(row);
        if (index >= 0 && table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else if (index >= 0) {
            table.scrollTo(index);
        }
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
     * A countdown: {@code 12:34} left, {@code -3:21} once past (overdue by; red), amber once two thirds of its window
     * have gone (the escalation list's early warning: 3:20 before a 5-minute urgent sign-for, 10 minutes before a
     * 30-minute one). The
     * compact form keeps the column narrow; the escalation list spells "超时" out.
     */
    static final class CountdownCell extends TableCell<OrderRow, Duration> {
        private final I18n i18n;

        CountdownCell(I18n i18n) {
            this.i18n = i18n;
            setTooltip(new javafx.scene.control.Tooltip(i18n.tr("orders.countdown.tip")));
        }

        @Override
        protected void updateItem(Duration d, boolean empty) {
            super.updateItem(d, empty);
            boolean none = empty || d == null;
            setText(none ? null : Durations.countdown(d, i18n));
            pseudoClassStateChanged(OVERDUE, !none && d.isNegative());
            OrderRow row = getTableRow() == null ? null : getTableRow().getItem();
            pseudoClassStateChanged(SOON, !none && !d.isNegative() && row != null && row.isWarning());
        }
    }


    /** "终端收到 10:00:05 · 签收 10:00:20 · 到场 10:06:00 · 派警→到场 6分0秒 · 接警→到场 7分30秒"; empty with no order. */
    private String timesText(org.commandroom.core.dispatch.OrderTimes t) {
        if (t == null) {
            return "";
        }
        org.commandroom.core.dispatch.ResponseTimes r = t.responseTimes();
        I18n i18n = ui.i18n();
        return i18n.tr("orders.times", clock(t.receivedAt()), clock(t.signedAt()), clock(t.onSceneAt())) + "\n"
                + i18n.tr("orders.times.response", span(r.dispatchToOnScene()), span(r.callToOnScene()));
    }

    private String clock(java.time.Instant at) {
        return at == null ? "–" : TIME.format(at.atZone(ui.clock().getZone()));
    }

    private String span(java.time.Duration d) {
        return d == null ? "–" : ui.i18n().tr("orders.times.span", d.toMinutes(), d.toSecondsPart());
    }
}
