package org.commandroom.app.ui.dispatch;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Converters;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.map.PickOnMapAction;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.StandardTask;
import org.commandroom.core.dispatch.TaskOrderService.Assignee;
import org.commandroom.core.dispatch.TaskOrderService.StationChoice;
import org.commandroom.core.incident.IncidentType;

/**
 * The task order form (任务指令, F4): kind, station, unit or officer, the dispute's kind or the standard
 * task where they apply, summary, optional position; Enter in a text field or the button issues it.
 */
public final class TaskOrderView {

    private final TaskOrderViewModel vm;
    private final VBox root = new VBox();
    private final ComboBox<OrderKind> kind = new ComboBox<>();
    private final PickOnMapAction pickOnMap;

    public TaskOrderView(TaskOrderViewModel vm, UiContext ui) {
        this.vm = vm;
        I18n i18n = ui.i18n();
        root.setId("task-form");
        root.getStyleClass().addAll("panel", "task-panel");
        root.setSpacing(8);
        Label title = new Label(i18n.tr("task.title"));
        title.getStyleClass().add("panel-title");

        kind.setId("task-kind");
        kind.getItems().setAll(TaskOrderViewModel.KINDS);
        kind.setConverter(Converters.shown(i18n::label, ""));
        kind.valueProperty().bindBidirectional(vm.kindProperty());

        ComboBox<StationChoice> station = new ComboBox<>(vm.stations());
        station.setId("task-station");
        station.setConverter(Converters.shown(StationChoice::name, ""));
        station.valueProperty().bindBidirectional(vm.stationProperty());

        ComboBox<Assignee> assignee = new ComboBox<>(vm.assignees());
        assignee.setId("task-assignee");
        String wholeStation = i18n.tr("task.assignee.station");
        assignee.setPromptText(wholeStation);
        assignee.setConverter(Converters.shown(a -> a.isUnit() ? i18n.tr("task.assignee.unit", a.label())
                : a.communityOfficer() ? i18n.tr("task.assignee.communityOfficer", a.label())
                : i18n.tr("task.assignee.officer", a.label()), wholeStation));
        assignee.valueProperty().bindBidirectional(vm.assigneeProperty());

        ComboBox<IncidentType> dispute = new ComboBox<>(vm.disputeTypes());
        dispute.setId("task-dispute");
        dispute.setConverter(Converters.shown(i18n::label, ""));
        dispute.valueProperty().bindBidirectional(vm.disputeTypeProperty());

        ComboBox<StandardTask> standard = new ComboBox<>(vm.standardTasks());
        standard.setId("task-standard");
        standard.setPromptText(i18n.tr("task.standard.prompt"));
        standard.setConverter(Converters.shown(t -> t.code() + " " + t.name(), ""));
        standard.valueProperty().bindBidirectional(vm.standardTaskProperty());

        TextField summary = new TextField();
        summary.setId("task-summary");
        summary.setPromptText(i18n.tr("task.summary.prompt"));
        summary.textProperty().bindBidirectional(vm.summaryProperty());
        TextField position = new TextField();
        position.setId("task-position");
        position.setPromptText(i18n.tr("task.position.prompt"));
        position.textProperty().bindBidirectional(vm.positionProperty());
        // F7 or the button: the point is picked on the map; its grid and station show under the field
        pickOnMap = new PickOnMapAction(root, position, i18n, vm::pickedOnMap, vm::mapUnavailable);
        pickOnMap.button().setId("task-pick-on-map");
        Label location = new Label();
        location.setId("task-location");
        location.getStyleClass().add("position-location");
        location.textProperty().bind(vm.position().locationTextProperty());
        location.visibleProperty().bind(location.textProperty().isNotEmpty());
        location.managedProperty().bind(location.visibleProperty());
        vm.position().outsideProperty().addListener((o, was, is) -> {
            location.getStyleClass().remove("warning");
            if (is) {
                location.getStyleClass().add("warning");
            }
        });
        HBox positionRow = new HBox(6, position, pickOnMap.button());
        HBox.setHgrow(position, Priority.ALWAYS);
        positionRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (TextField f : new TextField[] {summary, position}) {
            f.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    vm.issue();
                    e.consume();
                }
            });
        }

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label(i18n.tr("task.kind")), kind);
        grid.addRow(row++, new Label(i18n.tr("task.station")), station);
        grid.addRow(row++, new Label(i18n.tr("task.assignee")), assignee);
        Label disputeLabel = new Label(i18n.tr("task.dispute"));
        grid.addRow(row++, disputeLabel, dispute);
        Label standardLabel = new Label(i18n.tr("task.standard"));
        grid.addRow(row++, standardLabel, standard);
        grid.addRow(row++, new Label(i18n.tr("task.summary")), summary);
        grid.addRow(row++, new Label(i18n.tr("task.position")), positionRow);
        grid.add(location, 1, row);
        for (Node n : new Node[] {kind, station, assignee, dispute, standard, summary, positionRow, location}) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            if (n instanceof ComboBox<?> c) {
                c.setMaxWidth(Double.MAX_VALUE);
            }
        }
        // the labels keep their full width; the fields take what is left
        grid.getChildren().stream().filter(n -> n instanceof Label && Integer.valueOf(0).equals(GridPane.getColumnIndex(n)))
                .forEach(n -> ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        var isDispute = vm.kindProperty().isEqualTo(OrderKind.DISPUTE_FOLLOW_UP);
        var isStandard = vm.kindProperty().isEqualTo(OrderKind.STANDARD_TASK);
        for (Node n : new Node[] {dispute, disputeLabel}) {
            n.visibleProperty().bind(isDispute);
            n.managedProperty().bind(isDispute);
        }
        for (Node n : new Node[] {standard, standardLabel}) {
            n.visibleProperty().bind(isStandard);
            n.managedProperty().bind(isStandard);
        }

        Button issue = new Button(i18n.tr("task.issue"));
        issue.setId("task-issue");
        issue.setDefaultButton(true);
        issue.disableProperty().bind(vm.busyProperty());
        issue.setOnAction(e -> vm.issue());
        Label message = new Label();
        message.setId("task-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, was, is) -> {
            message.getStyleClass().removeAll("danger", "success");
            message.getStyleClass().add(is ? "danger" : "success");
        });
        Label keys = new Label(i18n.tr("task.keys"));
        keys.getStyleClass().add("panel-hint");
        keys.setWrapText(true);
        root.getChildren().addAll(title, grid, issue, message, keys);
    }

    public Node root() {
        return root;
    }

    /** Loads the stations and puts the keyboard on the kind. */
    public void focusFirst() {
        vm.load();
        kind.requestFocus();
    }
}
