package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.commandroom.app.AppContext;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * While the database is still opening (an upgrade can take minutes) nobody is signed in: the status bar says so, and
 * does not name the workstation's operating-system user as the duty commander (it showed "值班长：root").
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowSignedOutTest {

    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.installUserAgentStylesheet();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void beforeTheDatabaseIsOpenTheBarNamesNobody(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("db.properties"), "user=sa\npassword=\n", StandardCharsets.UTF_8);
        String url = "jdbc:h2:mem:signed-out-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        context = new AppContext(LaunchOptions.parse(List.of("--db", url, "--data-dir", dataDir.toString(),
                "--no-simulator"), Map.of()), Clock.systemUTC(), Platform::runLater);
        String shown = onFx(() -> {
            MainWindow window = new MainWindow(context); // not connected: the connecting screen
            Scene scene = new Scene(window.root(), 1200, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            return ((Label) scene.lookup("#status-commander")).getText();
        });
        assertEquals("未登录", shown);
    }
}
