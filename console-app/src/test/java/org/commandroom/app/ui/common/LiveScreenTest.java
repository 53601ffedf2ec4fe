package org.commandroom.app.ui.common;

import org.junit.jupiter.api.AfterEach;

/**
 * What a screen test of the desk built on a {@link LiveScreen} shares: TestFX's themed stage, the live screen a test
 * builds, and that screen closed after the test (after the test's own {@code @AfterEach}).
 */
public abstract class LiveScreenTest extends ThemedStageTest {

    protected LiveScreen live;

    @AfterEach
    void closeLive() {
        if (live != null) {
            live.close();
        }
    }
}
