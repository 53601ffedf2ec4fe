package org.commandroom.app.drill;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;

/**
 * The instructor's small clock control: start or pause, the speed (1× to 20×), jump to the next event, and the
 * after-action report; under the DRILL banner like every drill window.
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
        root = new VBox(10, new DrillBanner(vm).root(), buttons, elapsed, message);
        root.getStyleClass().add("drill-control");
    }

    public Node root() {
        return root;
    }
}
