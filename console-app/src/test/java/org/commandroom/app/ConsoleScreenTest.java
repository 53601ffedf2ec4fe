package org.commandroom.app;

import org.commandroom.app.ui.common.ThemedStageTest;
import org.junit.jupiter.api.AfterEach;

/**
 * What a screen test of the whole console shares: TestFX's themed stage, the {@link RunningConsole} a test starts on
 * it, and that console closed after the test (after the test's own {@code @AfterEach}).
 */
public abstract class ConsoleScreenTest extends ThemedStageTest {

    protected RunningConsole console;

    @AfterEach
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }
}
