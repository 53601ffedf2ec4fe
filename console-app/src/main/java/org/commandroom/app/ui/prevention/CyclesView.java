package org.commandroom.app.ui.prevention;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.prevention.PeriodUnit;

/** The inspection cycles tab: one line per kind and grade, every N units, feedback within D days, a message per line. */
public final class CyclesView {

    private final VBox root = new VBox(8);
    private final GridPane grid = new GridPane();

    public CyclesView(CyclesViewModel vm, UiContext ui) {
        var i18n = ui.i18n();
        root.setId("cycles-view");
        root.setPadding(new Insets(8));
        Label note = new Label(i18n.tr("cycles.note"));
        note.setWrapText(true);
        grid.setId("cycles-grid");
        grid.setHgap(8);
        grid.setVgap(4);
        vm.rows().addListener((ListChangeListener<CyclesViewModel.Row>) c -> fill(vm, ui));
        Button save = new Button(i18n.tr("cycles.save"));
        save.setId("cycles-save");
        save.setOnAction(e -> vm.save());
        save.setDisable(!vm.mayEdit());
        grid.setDisable(!vm.mayEdit());
        Label status = new Label();
        status.setId("cycles-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        root.getChildren().addAll(note, grid, save, status);
        if (!vm.mayEdit()) {
            // Greyed fields say why (the trial found them greyed without a word, as the register tab does not).
            Label readOnly = new Label(i18n.tr("houses.readOnlyNote"));
            readOnly.setId("cycles-read-only");
            readOnly.setWrapText(true);
            root.getChildren().add(2, readOnly);
        }
    }

    private void fill(CyclesViewModel vm, UiContext ui) {
        var i18n = ui.i18n();
        grid.getChildren().clear();
        grid.addRow(0, new Label(i18n.tr("houses.col.kind")), new Label(i18n.tr("houses.col.stars")),
                new Label(i18n.tr("cycles.every")), new Label(i18n.tr("cycles.unit")), new Label(i18n.tr("cycles.feedbackDays")));
        int r = 1;
        for (CyclesViewModel.Row row : vm.rows()) {
            String id = "cycle-" + row.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + row.stars();
            TextField every = new TextField();
            every.setId(id + "-every");
            every.setPrefColumnCount(4);
            every.textProperty().bindBidirectional(row.everyProperty());
            ComboBox<PeriodUnit> unit = new ComboBox<>();
            unit.setId(id + "-unit");
            unit.getItems().addAll(PeriodUnit.values());
            unit.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(PeriodUnit u) {
                    return u == null ? "" : CyclesViewModel.unitLabel(i18n, u);
                }

                @Override
                public PeriodUnit fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            });
            unit.valueProperty().bindBidirectional(row.unitProperty());
            TextField days = new TextField();
            days.setId(id + "-days");
            days.setPrefColumnCount(4);
            days.textProperty().bindBidirectional(row.feedbackDaysProperty());
            Label error = new Label();
            error.setId(id + "-error");
            error.getStyleClass().add("danger");
            error.textProperty().bind(row.errorProperty());
            grid.addRow(r++, new Label(HouseRegisterViewModel.kindLabel(i18n, row.kind())),
                    new Label(row.stars() == 0 ? i18n.tr("cycles.anyStars") : i18n.tr("houses.stars", row.stars())),
                    every, unit, days, error);
        }
    }

    public Node root() {
        return root;
    }
}
