package org.commandroom.app.ui.cap;

import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.WarningKind;

/**
 * The dialog of one {@link WarningForm} (发布预警). The issue button is the default button, Esc cancels; the dialog
 * stays open with the reason when the service refuses, and closes once the warning is issued.
 */
final class WarningFormDialog {

    private WarningFormDialog() {
    }

    static Dialog<ButtonType> open(WarningForm form, I18n i18n, Window owner) {
        return open(form, i18n, owner, null);
    }

    /**
     * @param drawOnMap when not null, a new warning's form offers 在地图上画…: the dialog closes and this runs (it says
     *                  how to draw the area on the map and issue from there)
     */
    static Dialog<ButtonType> open(WarningForm form, I18n i18n, Window owner, Runnable drawOnMap) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        boolean update = form.updated() != null;
        boolean drawn = form.shape() != null;
        dialog.setTitle(i18n.tr(update ? "warnings.update.title" : "warnings.form.title"));
        dialog.setHeaderText(update ? i18n.tr("warnings.update.header", form.updated().identifier())
                : i18n.tr(drawn ? "warnings.drawn.header" : "warnings.form.header"));
        ButtonType issue = new ButtonType(i18n.tr(update ? "warnings.update.issue" : "warnings.form.issue"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.tr("warnings.form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(issue, cancel);
        dialog.getDialogPane().setId("warning-form");

        ChoiceBox<WarningKind> kind = new ChoiceBox<>();
        kind.setId("warning-form-kind");
        kind.getItems().setAll(form.kinds());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(WarningKind k) {
                return k == null ? "" : i18n.label(k);
            }

            @Override
            public WarningKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(form.kindProperty());
        ComboBox<CapService.AreaChoice> area = new ComboBox<>(form.areas());
        area.setId("warning-form-area");
        area.setPromptText(i18n.tr("warnings.form.areaPrompt"));
        area.setConverter(new StringConverter<>() {
            @Override
            public String toString(CapService.AreaChoice a) {
                return a == null ? "" : i18n.tr("warnings.form.areaItem", i18n.label(a.layer()), a.name(), a.code());
            }

            @Override
            public CapService.AreaChoice fromString(String s) {
                return null;
            }
        });
        area.valueProperty().bindBidirectional(form.areaProperty());
        if (update) {
            area.setPromptText(i18n.tr("warnings.update.areaPrompt"));
        }

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        // The labels keep their width: the wide fields had squeezed them to "标..." (trial).
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        grid.addRow(row++, new Label(i18n.tr("warnings.form.kind")), kind);
        if (drawn) {
            // The area drawn on the map, in words; its name (CAP's areaDesc) proposed and editable.
            grid.addRow(row++, new Label(i18n.tr("warnings.form.area")), words(form.areaWords()));
            row = text(grid, row, i18n.tr("warnings.drawn.name"), new TextField(), "area-desc", form.areaDescProperty());
        } else if (update) {
            grid.addRow(row++, new Label(i18n.tr("warnings.form.area")), words(form.areaWords()));
            grid.addRow(row++, new Label(""), area);
        } else if (drawOnMap != null) {
            javafx.scene.control.Hyperlink draw = new javafx.scene.control.Hyperlink(i18n.tr("warnings.drawn.onMap"));
            draw.setId("warning-form-draw");
            draw.setOnAction(e -> {
                dialog.close();
                drawOnMap.run();
            });
            javafx.scene.layout.HBox choice = new javafx.scene.layout.HBox(8, area, draw);
            choice.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            grid.addRow(row++, new Label(i18n.tr("warnings.form.area")), choice);
        } else {
            grid.addRow(row++, new Label(i18n.tr("warnings.form.area")), area);
        }
        row = text(grid, row, i18n.tr("warnings.form.headlineZh"), new TextField(), "headline-zh", form.headlineZhProperty());
        row = text(grid, row, i18n.tr("warnings.form.headlineEn"), new TextField(), "headline-en", form.headlineEnProperty());
        row = text(grid, row, i18n.tr("warnings.form.descriptionZh"), area(), "description-zh", form.descriptionZhProperty());
        row = text(grid, row, i18n.tr("warnings.form.descriptionEn"), area(), "description-en", form.descriptionEnProperty());
        row = text(grid, row, i18n.tr("warnings.form.instructionZh"), new TextField(), "instruction-zh",
                form.instructionZhProperty());
        text(grid, row, i18n.tr("warnings.form.instructionEn"), new TextField(), "instruction-en",
                form.instructionEnProperty());
        Label error = new Label();
        error.setId("warning-form-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(form.errorProperty());
        error.visibleProperty().bind(form.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        dialog.getDialogPane().setContent(new VBox(12, grid, error));
        // The window grows with a refusal's line: the buttons were pushed under its bottom edge (trial).
        error.layoutBoundsProperty().addListener((o, was, is) -> {
            if (was.getHeight() != is.getHeight() && dialog.getDialogPane().getScene() != null
                    && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });

        Button issueButton = (Button) dialog.getDialogPane().lookupButton(issue);
        issueButton.setId("warning-form-issue");
        issueButton.getStyleClass().add(Styles.ACCENT);
        issueButton.disableProperty().bind(form.busyProperty());
        issueButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            form.submit();
        });
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setId("warning-form-cancel");
        form.doneProperty().addListener((o, was, is) -> {
            if (is) {
                dialog.setResult(issue);
                dialog.close();
            }
        });
        if (dialog.getDialogPane().getScene() != null) {
            Theme.style(dialog.getDialogPane().getScene());
        }
        if (!drawn) {
            form.loadAreas();
        }
        dialog.show();
        return dialog;
    }

    private static Label words(String text) {
        Label l = new Label(text);
        l.setId("warning-form-area-words");
        l.setWrapText(true);
        l.setMaxWidth(460);
        return l;
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setPrefRowCount(2);
        a.setWrapText(true);
        return a;
    }

    private static int text(GridPane grid, int row, String label, TextInputControl field, String id,
                            javafx.beans.property.StringProperty value) {
        field.setId("warning-form-" + id);
        field.textProperty().bindBidirectional(value);
        if (field instanceof TextField t) {
            t.setPrefColumnCount(32);
        }
        grid.addRow(row, new Label(label), field);
        return row + 1;
    }
}
