package org.commandroom.app.ui.main;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.commandroom.app.AppServices;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.dispatch.CommandPanels;
import org.commandroom.app.ui.queue.IncidentQueueView;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.queue.IncidentQueueViewModel;
import org.commandroom.app.ui.status.DbState;
import org.commandroom.app.ui.status.StatusBarView;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.app.ui.units.UnitBoardView;
import org.commandroom.app.ui.units.UnitBoardViewModel;

/**
 * The duty commander's first screen: title bar, then (once the database is open) the live map's
 * reserved region and the unit board above the incident queue, and the status bar at the bottom.
 * Before that it says it is connecting; if opening fails it says why, in one line.
 */
public final class MainWindowView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MainWindowViewModel vm;
    private final UiContext ui;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private MapPane map;

    public MainWindowView(MainWindowViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        root.getStyleClass().add("main-window");
        root.setTop(titleBar());
        root.setCenter(content);
        root.setBottom(new StatusBarView(vm.statusBar(), ui).root());
        content.getStyleClass().add("main-content");
        vm.phaseProperty().addListener((o, was, is) -> showPhase(is));
        showPhase(vm.phaseProperty().get());
    }

    private Node titleBar() {
        Label title = new Label(ui.i18n().tr("app.title"));
        title.getStyleClass().add("app-title");
        Label role = new Label(ui.i18n().tr("app.role"));
        role.getStyleClass().add("app-role");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(title, role, spacer);
        bar.getStyleClass().add("title-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void showPhase(ConnectionPhase phase) {
        switch (phase) {
            case CONNECTING -> content.getChildren().setAll(connecting());
            case FAILED -> content.getChildren().setAll(failed());
            case READY -> content.getChildren().setAll(dashboard(vm.servicesProperty().get()));
        }
    }

    private Node connecting() {
        ProgressIndicator spinner = new ProgressIndicator();
        Label text = new Label(ui.i18n().tr("main.connecting"));
        text.setId("main-connecting");
        text.getStyleClass().add("notice-title");
        Label db = new Label(vm.statusBar().databaseProperty().get());
        db.getStyleClass().add("notice-detail");
        VBox box = new VBox(spinner, text, db);
        box.getStyleClass().add("notice");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node failed() {
        Label text = new Label(ui.i18n().tr("main.failed.title"));
        text.setId("main-failed");
        text.getStyleClass().addAll("notice-title", "danger");
        Label reason = new Label(ui.i18n().tr("main.failed.reason", vm.failureProperty().get()));
        reason.setId("main-failed-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add("notice-detail");
        Label db = new Label(vm.statusBar().databaseProperty().get());
        db.getStyleClass().add("notice-detail");
        Label hint = new Label(ui.i18n().tr("main.failed.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("notice-hint");
        Button retry = new Button(ui.i18n().tr("main.failed.retry"));
        retry.setId("main-retry");
        retry.setDefaultButton(true);
        retry.setOnAction(e -> vm.connect());
        VBox box = new VBox(text, reason, db, hint, retry);
        box.getStyleClass().add("notice");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(900);
        return box;
    }

    private Node dashboard(AppServices s) {
        var settings = ui.settings();
        var queueVm = new IncidentQueueViewModel(s.incidents(), s.feed(), ui.tasks(), ui.clock(), settings);
        var unitsVm = new UnitBoardViewModel(s.units(), s.feed(), ui.tasks(), ui.clock(), settings);
        var queue = new IncidentQueueView(queueVm, ui);
        var units = new UnitBoardView(unitsVm, ui);
        var table = queue.table();
        map = new MapPane(s, ui, new MapPane.ObservableRows(queueVm.rows(), unitsVm.rows(), id -> {
            // An incident clicked on the map is selected in the queue.
            for (QueueRow row : table.getItems()) {
                if (MapPane.sameId(row, id)) {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                    break;
                }
            }
        }));
        // The queue's selection centres the map.
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                map.centreOn(is.getEntry());
            }
        });
        SplitPane top = new SplitPane(map.root(), units.root());
        top.setDividerPositions(0.5);
        SplitPane all = new SplitPane(top, queue.root());
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.55);
        all.getStyleClass().add("dashboard");
        // Intake (F2) and dispatch (F3) open beside the dashboard (ui/dispatch/CommandPanels).
        var panels = new CommandPanels(s, ui, table, vm.statusBar().commanderProperty().get());
        BorderPane work = new BorderPane(all, panels.toolbar(), panels.side(), null, null);
        VBox.setVgrow(work, Priority.ALWAYS);
        return new VBox(staleBanner(), work);
    }

    /** The live map, once the dashboard is shown (for tests). */
    MapPane map() {
        return map;
    }

    /** While the database is lost, says above the data that it is frozen and since when. */
    private Node staleBanner() {
        StatusBarViewModel status = vm.statusBar();
        ZoneId zone = ui.clock().getZone();
        Label banner = new Label();
        banner.setId("stale-banner");
        banner.getStyleClass().add("stale-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(status.dataAsOfProperty().map(t -> ui.i18n().tr("main.staleBanner",
                TIME.format(t.atZone(zone)))));
        banner.visibleProperty().bind(status.dbStateProperty().isEqualTo(DbState.LOST));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    public Node root() {
        return root;
    }
}
