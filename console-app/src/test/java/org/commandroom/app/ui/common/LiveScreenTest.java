package org.commandroom.app.ui.common;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What a screen test of the desk built on a {@link LiveScreen} shares: TestFX's stage with the console's theme, the
 * live screen a test builds, and that screen closed after the test (after the test's own {@code @AfterEach}). The
 * stage is taken in {@code @BeforeEach}: TestFX looks for {@code @Start} only on the test class itself.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class LiveScreenTest extends FxRobot {

    protected Stage stage;
    protected LiveScreen live;

    @BeforeEach
    void themedStage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::installUserAgentStylesheet);
    }

    @AfterEach
    void closeLive() {
        if (live != null) {
            live.close();
        }
    }
}
