package org.commandroom.app.ui.admin.password;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.Principal;

/**
 * "修改密码": the signed-in user's own password change as a modal dialog. Enter changes it (the change button is the
 * default button), Esc cancels. The dialog stays open with the reason while the service refuses; once the password
 * is changed it closes and a short confirmation says so.
 */
public final class PasswordChangeDialog {

    private PasswordChangeDialog() {
    }

    /**
     * Opens the dialog over {@code owner} without waiting for it (the FX thread goes on) and returns it.
     *
     * @param access the user service (null while the database is not open)
     * @param self   the signed-in user ({@code session.current()}); must be signed in
     */
    public static Dialog<ButtonType> show(Window owner, Supplier<AccessService> access, Principal self, UiContext ui) {
        if (!self.signedIn()) {
            throw new IllegalArgumentException("no one is signed in to change a password");
        }
        I18n i18n = ui.i18n();
        PasswordChangeViewModel vm = new PasswordChangeViewModel(access, self, ui.tasks(), i18n);
        PasswordChangeView view = new PasswordChangeView(vm, i18n);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(i18n.tr("password.change.title"));
        dialog.setHeaderText(i18n.tr("password.change.title"));
        ButtonType change = new ButtonType(i18n.tr("password.change.submit"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.tr("password.change.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(change, cancel);
        dialog.getDialogPane().setContent(view.root());
        dialog.getDialogPane().setId("password-change-dialog");

        Button changeButton = (Button) dialog.getDialogPane().lookupButton(change);
        changeButton.setId("password-change-submit");
        changeButton.getStyleClass().add(Styles.ACCENT);
        changeButton.disableProperty().bind(vm.busyProperty());
        changeButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.submit();
        });
        dialog.getDialogPane().lookupButton(cancel).setId("password-change-cancel");
        vm.doneProperty().addListener((o, was, is) -> {
            if (is) {
                dialog.setResult(change);
                dialog.close();
                confirm(owner, i18n);
            }
        });
        if (dialog.getDialogPane().getScene() != null) {
            Theme.style(dialog.getDialogPane().getScene());
        }
        // A long refusal wraps onto a second line: the dialog grows so that its buttons stay in view.
        vm.messageProperty().addListener((o, was, is) -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
        dialog.setOnShown(e -> view.firstField().requestFocus());
        dialog.show();
        return dialog;
    }

    private static void confirm(Window owner, I18n i18n) {
        ButtonType ok = new ButtonType(i18n.tr("password.change.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert done = new Alert(Alert.AlertType.INFORMATION, i18n.tr("password.change.doneDetail"), ok);
        done.initOwner(owner);
        done.setTitle(i18n.tr("password.change.title"));
        done.setHeaderText(i18n.tr("password.change.done"));
        done.getDialogPane().setId("password-change-done");
        done.getDialogPane().lookupButton(ok).setId("password-change-done-ok");
        if (done.getDialogPane().getScene() != null) {
            Theme.style(done.getDialogPane().getScene());
        }
        done.show();
    }
}
