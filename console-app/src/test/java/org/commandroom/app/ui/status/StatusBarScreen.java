package org.commandroom.app.ui.status;

import static org.commandroom.app.ui.common.LiveScreen.onFx;

import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;

/**
 * The status bar alone at the bottom of a themed stage, over a live in-memory console (Chinese), its model connected
 * to the change feed and the database's health: what the status bar tests look at. Made in a test's {@code @Start}.
 */
final class StatusBarScreen implements AutoCloseable {

    final LiveScreen live;
    final StatusBarViewModel vm;
    final Scene scene;

    StatusBarScreen(Stage stage, double width) {
        live = new LiveScreen(Fixture.inMemory(), Locale.ROOT);
        vm = new StatusBarViewModel(live.fx.clock, "jdbc:postgresql://10.1.2.3/console", "王值班");
        vm.connected(live.feed, live.fx.db.health(), Platform::runLater);
        Theme.installUserAgentStylesheet();
        BorderPane root = new BorderPane();
        root.setBottom(new StatusBarView(vm, live.ui).root());
        scene = new Scene(root, width, 120);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The status bar's label with that id, looked up on the FX thread. */
    Label label(String id) {
        return onFx(() -> (Label) scene.lookup("#" + id));
    }

    /** The text of the status bar's label with that id, read on the FX thread. */
    String text(String id) {
        return onFx(() -> ((Label) scene.lookup("#" + id)).getText());
    }

    @Override
    public void close() {
        live.close();
    }
}
