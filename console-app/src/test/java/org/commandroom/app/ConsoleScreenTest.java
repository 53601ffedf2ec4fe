package org.commandroom.app;

import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What a screen test of the whole console shares: TestFX's stage with the console's theme, the {@link RunningConsole}
 * a test starts on it, and that console closed after the test (after the test's own {@code @AfterEach}). The stage is
 * taken in {@code @BeforeEach}: TestFX looks for {@code @Start} only on the test class itself, not on a superclass.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ConsoleScreenTest extends FxRobot {

    protected Stage stage;
    protected RunningConsole console;

    @BeforeEach
    void themedStage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::installUserAgentStylesheet);
    }

    @AfterEach
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }
}
