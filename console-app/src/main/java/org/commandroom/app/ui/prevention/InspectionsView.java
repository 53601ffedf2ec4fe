package org.commandroom.app.ui.prevention;

import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.prevention.InspectionBoard;

/**
 * The inspections tab: the orders waiting for feedback and the due dates missed, most urgent first, each with its
 * grid's community officer; buttons to send the due ones now and to record the sign-for; the feedback form (hazards
 * found, findings) for the selected one.
 */
public final class InspectionsView {

    private final VBox root = new VBox(8);
    private final TableView<InspectionBoard.OpenInspection> table = new TableView<>();

    @SuppressWarnings("unchecked")
    public InspectionsView(InspectionsViewModel vm, UiContext ui) {
        var i18n = ui.i18n();
        ZoneId zone = ui.clock().getZone();
        root.setId("inspections-view");
        root.setPadding(new Insets(8));
        Button send = new Button(i18n.tr("inspections.sendDue"));
        send.setId("inspections-send");
        send.setOnAction(e -> vm.sendDue());
        Button sign = new Button(i18n.tr("inspections.signFor"));
        sign.setId("inspections-sign");
        sign.setOnAction(e -> vm.signFor());
        sign.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busyProperty().get()
                || vm.selectedProperty().get() == null || vm.selectedProperty().get().orderId() == null
                || !"ISSUED".equals(vm.selectedProperty().get().orderStatus()), vm.selectedProperty(), vm.busyProperty()));
        Button reload = new Button(i18n.tr("houses.reload"));
        reload.setId("inspections-reload");
        reload.setOnAction(e -> vm.reload());
        HBox bar = new HBox(8, send, sign, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        if (!vm.mayIssue()) {
            send.setDisable(true);
            sign.disableProperty().unbind();
            sign.setDisable(true);
        }

        table.setId("inspections-table");
        table.setPlaceholder(new Label(i18n.tr("inspections.empty")));
        table.getColumns().add(col(i18n.tr("houses.col.address"), 200, InspectionBoard.OpenInspection::houseLabel));
        table.getColumns().add(col(i18n.tr("houses.col.kind"), 80, o -> HouseRegisterViewModel.kindLabel(i18n, o.kind())));
        table.getColumns().add(col(i18n.tr("houses.col.stars"), 50, o -> i18n.tr("houses.stars", o.stars())));
        table.getColumns().add(col(i18n.tr("houses.findings.due"), 85, o -> HouseRegisterView.DAY.format(o.due())));
        table.getColumns().add(col(i18n.tr("inspections.col.deadline"), 120,
                o -> HouseRegisterView.MINUTE.format(o.deadline().atZone(zone))));
        table.getColumns().add(col(i18n.tr("houses.findings.order"), 110, o -> o.orderId() == null
                ? i18n.tr("houses.findings.missed") : o.orderNo()));
        table.getColumns().add(col(i18n.tr("inspections.col.state"), 80, o -> state(vm, ui, o)));
        table.getColumns().add(col(i18n.tr("houses.col.grid"), 100, o -> o.gridName() == null ? "" : o.gridName()));
        table.getColumns().add(col(i18n.tr("houses.col.officer"), 80, o -> o.officerName() == null
                ? i18n.tr("inspections.noOfficer") : o.officerName()));
        org.commandroom.app.ui.common.Columns.values(table.getColumns().get(3), java.util.List.of("2027-12-31"));
        org.commandroom.app.ui.common.Columns.values(table.getColumns().get(4), java.util.List.of("2027-12-31 23:59"));
        table.setItems(vm.open());
        var cols = table.getColumns();
        org.commandroom.app.ui.common.ColumnFit.install(table, cols.get(1), cols.get(2), cols.get(7));
        org.commandroom.app.ui.common.Columns.freeText((javafx.scene.control.TableColumn<InspectionBoard.OpenInspection, String>) cols.get(0));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InspectionBoard.OpenInspection item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"), !empty && item != null && item.overdue());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.selectedProperty().set(is));
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        TextField hazards = new TextField();
        hazards.setId("inspections-hazards");
        hazards.setPrefColumnCount(5);
        hazards.textProperty().bindBidirectional(vm.hazardsProperty());
        TextArea findings = new TextArea();
        findings.setId("inspections-findings");
        findings.setPrefRowCount(3);
        findings.setWrapText(true);
        findings.textProperty().bindBidirectional(vm.findingsProperty());
        Label error = new Label();
        error.setId("inspections-hazards-error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.hazardsErrorProperty());
        Button feedback = new Button(i18n.tr("inspections.feedback"));
        feedback.setId("inspections-feedback");
        feedback.setOnAction(e -> vm.feedback());
        feedback.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busyProperty().get()
                || vm.selectedProperty().get() == null || vm.selectedProperty().get().orderId() == null,
                vm.selectedProperty(), vm.busyProperty()));
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? i18n.tr("inspections.feedbackTitle") : i18n.tr("inspections.feedbackFor",
                vm.selectedProperty().get().houseLabel()), vm.selectedProperty()));
        form.add(new Label(i18n.tr("inspections.hazards")), 0, 0);
        form.add(hazards, 1, 0);
        form.add(error, 2, 0);
        form.add(new Label(i18n.tr("inspections.findings")), 0, 1);
        form.add(findings, 1, 1, 2, 1);
        GridPane.setHgrow(findings, Priority.ALWAYS);
        form.add(feedback, 1, 2);
        if (!vm.mayIssue()) {
            form.setDisable(true);
        }
        Label status = new Label();
        status.setId("inspections-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        root.getChildren().addAll(bar, table, title, form, status);
    }

    private static String state(InspectionsViewModel vm, UiContext ui, InspectionBoard.OpenInspection o) {
        var i18n = ui.i18n();
        String s = o.orderId() == null ? i18n.tr("inspections.state.missed")
                : "SIGNED".equals(o.orderStatus()) ? i18n.tr("inspections.state.signed")
                : "CREATED".equals(o.orderStatus()) ? i18n.tr("inspections.state.created")
                : i18n.tr("inspections.state.issued");
        return o.overdue() && o.orderId() != null ? s + " · " + i18n.tr("houses.overdue") : s;
    }

    private static <R> javafx.scene.control.TableColumn<R, String> col(String header, double width,
                                                                        java.util.function.Function<R, String> text) {
        javafx.scene.control.TableColumn<R, String> c = new javafx.scene.control.TableColumn<>(header);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Node root() {
        return root;
    }

    public TableView<InspectionBoard.OpenInspection> table() {
        return table;
    }
}
