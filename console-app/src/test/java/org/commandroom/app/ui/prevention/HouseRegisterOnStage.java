package org.commandroom.app.ui.prevention;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;

/** Puts the house register's tabs on TestFX's stage for a screen test, as its window holds them. */
public final class HouseRegisterOnStage {

    private HouseRegisterOnStage() {
    }

    /**
     * Shows {@code window}'s tabs in a themed 1500 x 860 scene on {@code stage} and reads the tab on show; call it in
     * {@code @Start}, on the FX thread.
     */
    public static Scene show(Stage stage, HouseRegisterWindow window) {
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene((Parent) window.content(), 1500, 860);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        window.refresh();
        return scene;
    }
}
