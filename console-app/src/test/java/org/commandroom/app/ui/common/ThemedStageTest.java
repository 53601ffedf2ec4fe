package org.commandroom.app.ui.common;

import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A TestFX screen test on TestFX's stage with the console's theme. The stage is taken in {@code @BeforeEach}: TestFX
 * looks for {@code @Start} only on the test class itself, not on a superclass.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ThemedStageTest extends FxRobot {

    protected Stage stage;

    @BeforeEach
    void themedStage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme::installUserAgentStylesheet);
    }
}
