package org.commandroom.app.ui.common;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** A desk's window asks before it closes while someone is signed in; staying on duty is the default. */
@ExtendWith(ApplicationExtension.class)
class CloseGuardTest {

    private Stage desk;
    private final boolean[] signedIn = {true};
    /** Whether the last close request was refused (consumed) by the time it reached the handler after the guard. */
    private final AtomicReference<Boolean> refused = new AtomicReference<>();

    private void open() {
        desk = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("值班台"), 400, 300));
            CloseGuard.attach(s, I18n.load(Locale.ROOT), () -> signedIn[0]);
            s.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> refused.set(e.isConsumed()));
            s.show();
            return s;
        });
    }

    private void askToClose() {
        refused.set(null);
        Platform.runLater(() -> desk.fireEvent(new WindowEvent(desk, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    private boolean asking(FxRobot robot) {
        return robot.lookup("#close-guard").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false);
    }

    @AfterEach
    void close() {
        onFx(() -> {
            for (Window w : java.util.List.copyOf(Window.getWindows())) {
                if (w == desk || w.getScene() != null && w.getScene().lookup("#close-guard") != null) {
                    w.hide();
                }
            }
            return null;
        });
    }

    @Test
    void closingWhileSignedInAsksAndStayingKeepsTheDesk(FxRobot robot) {
        open();
        askToClose();
        waitUntil(Duration.ofSeconds(5), "the question is asked", () -> asking(robot));
        assertEquals("退出值班台？", onFx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#close-guard").query())
                .getHeaderText()));
        assertTrue(onFx(() -> ((javafx.scene.control.Button) robot.lookup("#close-guard-stay").query()).isDefaultButton()),
                "staying on duty is what Enter does");
        robot.clickOn("#close-guard-stay");
        waitUntil(Duration.ofSeconds(5), "the answer is taken", () -> refused.get() != null);
        assertTrue(refused.get(), "the close is refused");

        askToClose();
        waitUntil(Duration.ofSeconds(5), "asked again", () -> asking(robot));
        robot.clickOn("#close-guard-quit");
        waitUntil(Duration.ofSeconds(5), "the answer is taken", () -> refused.get() != null);
        assertFalse(refused.get(), "quitting lets the window close");
    }

    @Test
    void closingTheSignInScreenAsksNothing(FxRobot robot) {
        signedIn[0] = false;
        open();
        askToClose();
        waitUntil(Duration.ofSeconds(5), "the request goes through", () -> refused.get() != null);
        assertFalse(refused.get());
        assertFalse(onFx(() -> asking(robot)), "no question before anyone signed in");
    }
}
