package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;

/** Puts a desk built by a screen test on TestFX's stage as the console lays it out, and connects it. */
public final class DeskOnStage {

    private DeskOnStage() {
    }

    /**
     * Shows {@code view} in a themed 1600 x 900 scene on {@code stage}, in front, then connects {@code vm} to its
     * services; called from the test thread.
     */
    public static Scene show(Stage stage, MainWindowView view, MainWindowViewModel vm) {
        return onFx(() -> {
            Scene s = new Scene((Parent) view.root(), 1600, 900);
            Theme.style(s);
            stage.setScene(s);
            stage.show();
            stage.toFront();
            vm.connect();
            return s;
        });
    }
}
