package org.commandroom.app.drill;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.incident.IncidentType;

/**
 * The instructor's window: the clock (start or pause, the speed 1× to 20×, jump to the next event), injecting one of
 * the scenario's injectable events or a call of his own, notes on the timeline, the after-action report (written as
 * PDF, shown on screen) and the drill history; under the DRILL banner like every drill window.
 */
public final class DrillControlView {

    static final java.util.List<Integer> SPEEDS = java.util.List.of(1, 2, 5, 10, 20);

    private final VBox root;

    public DrillControlView(DrillControlViewModel vm, I18n i18n) {
        Button startPause = new Button();
        startPause.setId("drill-start-pause");
        startPause.textProperty().bind(vm.runningProperty().map(r -> r ? i18n.tr("drill.control.pause") : i18n.tr("drill.control.start")));
        startPause.disableProperty().bind(vm.finishedProperty());
        startPause.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.pause();
            } else {
                vm.start();
            }
        });
        ChoiceBox<Integer> speed = new ChoiceBox<>(FXCollections.observableArrayList(SPEEDS));
        speed.setId("drill-speed");
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : i18n.tr("drill.banner.speed", n);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, was, is) -> {
            if (is != null && is != vm.speedProperty().get()) {
                vm.setSpeed(is);
            }
        });
        Label speedLabel = new Label(i18n.tr("drill.control.speed"));
        Button jump = new Button(i18n.tr("drill.control.jump"));
        jump.setId("drill-jump");
        jump.disableProperty().bind(vm.busyProperty().or(vm.finishedProperty()));
        jump.setOnAction(e -> vm.jump());
        Button report = new Button(i18n.tr("drill.control.report"));
        report.setId("drill-report");
        report.disableProperty().bind(vm.busyProperty());
        report.setOnAction(e -> vm.writeReport());
        Label elapsed = new Label();
        elapsed.setId("drill-elapsed");
        elapsed.textProperty().bind(vm.elapsedProperty());
        Label message = new Label();
        message.setId("drill-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox buttons = new HBox(8, startPause, speedLabel, speed, jump, report);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, new DrillBanner(vm).root(), buttons, injectRow(vm, i18n), newCallRow(vm, i18n), noteRow(vm, i18n),
                reportRow(vm, i18n), elapsed, message);
        root.getStyleClass().add("drill-control");
    }

    /** The scenario's injectable events and the button that injects the chosen one now. */
    private static Node injectRow(DrillControlViewModel vm, I18n i18n) {
        if (vm.injectables().isEmpty()) {
            Label none = new Label(i18n.tr("drill.control.noInjectable"));
            none.setId("drill-no-injectable");
            return new HBox(8, none);
        }
        ComboBox<DrillControlViewModel.Injectable> which = new ComboBox<>(vm.injectables());
        which.setId("drill-injectable");
        which.setPrefWidth(560);
        which.getSelectionModel().selectFirst();
        Button inject = new Button(i18n.tr("drill.control.inject"));
        inject.setId("drill-inject");
        inject.disableProperty().bind(vm.finishedProperty().or(which.valueProperty().isNull()));
        inject.setOnAction(e -> vm.inject(which.getValue()));
        HBox row = new HBox(8, new Label(i18n.tr("drill.control.injectable")), which, inject);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A call of the instructor's own: address, type, caller, what is said. */
    private static Node newCallRow(DrillControlViewModel vm, I18n i18n) {
        TextField address = new TextField();
        address.setId("drill-call-address");
        address.setPromptText(i18n.tr("drill.control.newCall.address"));
        address.setPrefColumnCount(14);
        ComboBox<IncidentType> type = new ComboBox<>(FXCollections.observableArrayList(IncidentType.values()));
        type.setId("drill-call-type");
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(IncidentType t) {
                return t == null ? "" : i18n.label(t);
            }

            @Override
            public IncidentType fromString(String s) {
                return null;
            }
        });
        type.setValue(IncidentType.FIGHT);
        TextField caller = new TextField();
        caller.setId("drill-call-caller");
        caller.setPromptText(i18n.tr("drill.control.newCall.caller"));
        caller.setPrefColumnCount(6);
        TextField says = new TextField();
        says.setId("drill-call-says");
        says.setPromptText(i18n.tr("drill.control.newCall.says"));
        HBox.setHgrow(says, Priority.ALWAYS);
        Button add = new Button(i18n.tr("drill.control.newCall.add"));
        add.setId("drill-call-add");
        add.disableProperty().bind(vm.finishedProperty());
        add.setOnAction(e -> {
            vm.newCall(address.getText(), type.getValue(), caller.getText(), says.getText());
            says.clear();
        });
        HBox row = new HBox(8, new Label(i18n.tr("drill.control.newCall")), address, type, caller, says, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A note on the timeline at the scenario clock's time now. */
    private static Node noteRow(DrillControlViewModel vm, I18n i18n) {
        TextField note = new TextField();
        note.setId("drill-note");
        note.setPromptText(i18n.tr("drill.control.note"));
        HBox.setHgrow(note, Priority.ALWAYS);
        Button add = new Button(i18n.tr("drill.control.note.add"));
        add.setId("drill-note-add");
        Runnable write = () -> {
            vm.addNote(note.getText(), note::clear);
        };
        add.setOnAction(e -> write.run());
        note.setOnAction(e -> write.run());
        HBox row = new HBox(8, note, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The report on screen once written, and the drill history. */
    private static Node reportRow(DrillControlViewModel vm, I18n i18n) {
        Button show = new Button(i18n.tr("drill.control.showReport"));
        show.setId("drill-show-report");
        show.disableProperty().bind(vm.reportDataProperty().isNull());
        show.setOnAction(e -> {
            var report = vm.reportDataProperty().get();
            if (report != null) {
                open(show, i18n.tr("drill.reportView.title", report.scenario().name(i18n.locale())),
                        (Parent) new DrillReportView(report, i18n).root(), 1000, 700);
            }
        });
        Button history = new Button(i18n.tr("drill.control.history"));
        history.setId("drill-history-open");
        history.setOnAction(e -> {
            DrillHistoryView view = new DrillHistoryView(i18n, vm.session().clock().getZone());
            open(history, i18n.tr("drill.history.title", vm.session().trainee()), (Parent) view.root(), 760, 480);
            vm.loadHistory(view::show, err -> view.failed());
        });
        Button replay = new Button(i18n.tr("drill.replay.open"));
        replay.setId("drill-replay-open");
        replay.disableProperty().bind(vm.reportDataProperty().isNull());
        replay.setOnAction(e -> vm.loadReplay(r -> open(replay, i18n.tr("drill.replay.window", r.drill().trainee()),
                (Parent) new DrillReplayView(new org.commandroom.core.drill.DrillReplayPlayer(r, System::nanoTime), i18n).root(),
                1100, 640)));
        HBox row = new HBox(8, show, replay, history);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static void open(Node from, String title, Parent content, double width, double height) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        javafx.scene.Scene scene = new javafx.scene.Scene(content, width, height);
        DrillWindows.style(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        if (from.getScene() != null && from.getScene().getWindow() != null) {
            stage.initOwner(from.getScene().getWindow());
        }
        org.commandroom.app.ui.common.Windows.showSized(stage, width, height);
    }

    public Node root() {
        return root;
    }
}
