package org.commandroom.app.ui.common;

import java.util.function.BooleanSupplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Asks before a desk's window closes while someone is signed in: Alt+F4 or the window's close box in the middle of a
 * shift closed the console at once (trial of 2026-12-07), and the desk then shows no new call and raises no reminder.
 * Cancel is the default answer. The wall has no such question: it shows no dialog at all.
 */
public final class CloseGuard {

    private CloseGuard() {
    }

    /** Guards {@code stage}: while {@code signedIn} holds, its close asks first. */
    public static void attach(Stage stage, I18n i18n, BooleanSupplier signedIn) {
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (e.isConsumed() || !signedIn.getAsBoolean()) {
                return;
            }
            ButtonType quit = new ButtonType(i18n.tr("close.quit"), ButtonBar.ButtonData.OK_DONE);
            ButtonType stay = new ButtonType(i18n.tr("close.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, i18n.tr("close.text"), quit, stay);
            ask.initOwner(stage);
            ask.setTitle(i18n.tr("close.title"));
            ask.setHeaderText(i18n.tr("close.title"));
            ask.getDialogPane().setId("close-guard");
            ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(quit)).setDefaultButton(false);
            ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(stay)).setDefaultButton(true);
            ask.getDialogPane().lookupButton(quit).setId("close-guard-quit");
            ask.getDialogPane().lookupButton(stay).setId("close-guard-stay");
            Theme.style(ask.getDialogPane().getScene());
            if (ask.showAndWait().orElse(stay) != quit) {
                e.consume();
            }
        });
    }
}
