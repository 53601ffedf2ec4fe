package org.commandroom.app.ui.cap;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.cap.StoredCap;

/** Asks why a warning of ours is cancelled, in Chinese and English (both required: the cancel's info blocks say it). */
final class CancelDialog {

    private CancelDialog() {
    }

    /** The reasons {zh, en}, or empty when the user backs out. Waits for the answer (no I/O is done meanwhile). */
    static Optional<String[]> ask(I18n i18n, Window owner, StoredCap warning) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(i18n.tr("warnings.ours.cancelTitle"));
        dialog.setHeaderText(i18n.tr("warnings.ours.cancelHeader", warning.event(), warning.areaDesc()));
        ButtonType ok = new ButtonType(i18n.tr("warnings.ours.cancelConfirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType back = new ButtonType(i18n.tr("warnings.form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, back);
        dialog.getDialogPane().setId("cap-cancel-dialog");
        TextField zh = new TextField();
        zh.setId("cap-cancel-zh");
        zh.setPrefColumnCount(30);
        TextField en = new TextField();
        en.setId("cap-cancel-en");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.tr("warnings.ours.reasonZh")), zh);
        grid.addRow(1, new Label(i18n.tr("warnings.ours.reasonEn")), en);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(ok).setId("cap-cancel-confirm");
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(zh.textProperty().isEmpty()
                .or(en.textProperty().isEmpty()));
        if (dialog.getDialogPane().getScene() != null) {
            Theme.style(dialog.getDialogPane().getScene());
        }
        return dialog.showAndWait().filter(b -> b == ok).map(b -> new String[] {zh.getText(), en.getText()});
    }
}
