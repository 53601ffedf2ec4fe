package org.commandroom.app.ui.login;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.commandroom.app.Fixture;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Role;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real console (AppContext and MainWindow) on a database with users: it opens at the log-in screen, says in
 * words when the password is wrong, and once signed in shows the desk the user's roles allow, with their name and
 * role in the status bar.
 */
class LoginScreenTest extends ConsoleScreenTest {

    private static void users(Fixture seed) {
        new AccessService(seed.db.jdbi(), seed.clock, AccessGuard.trusted(), new PasswordHasher(), LockoutPolicy.defaults())
                .createFirstUsers(List.of(
                        new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1"),
                        new AccessService.NewUser("wall", "指挥大屏", Set.of(Role.WALL_DISPLAY), "wall-pass-1")), "test");
        seed.incident(IncidentType.NEIGHBOUR_DISPUTE, 2, IncidentStatus.NEW, Duration.ofMinutes(3), "南关社区5栋");
    }

    private String text(String id) {
        return onFx(() -> {
            Label l = (Label) console.scene.lookup("#" + id);
            return l == null || l.getText() == null ? "" : l.getText();
        });
    }

    private void signIn(FxRobot robot, String user, String password) {
        robot.clickOn("#login-user").eraseText(40).write(user);
        robot.clickOn("#login-password").write(password);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void aWrongPasswordIsSaidInWordsAndTheRightOneOpensTheDesk(FxRobot robot, @TempDir Path dataDir) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, LoginScreenTest::users);
        assertNull(console.scene.lookup("#incident-queue-table"), "no desk before signing in");
        assertEquals("未登录", text("status-commander"), "nobody is named before someone signs in");

        signIn(robot, "lim", "not-the-password");
        waitUntil(Duration.ofSeconds(10), "the refusal is shown", () -> text("login-message").contains("不正确"));
        assertEquals("用户名或密码不正确。再输错 4 次，该用户将被锁定。", text("login-message"));
        assertEquals("", onFx(() -> ((javafx.scene.control.PasswordField) console.scene.lookup("#login-password")).getText()),
                "the password is cleared after a refusal");
        assertNull(console.scene.lookup("#incident-queue-table"));

        signIn(robot, "lim", "duty-pass-1");
        waitUntil(Duration.ofSeconds(20), "the desk opens", () -> console.scene.lookup("#incident-queue-table") != null);
        assertEquals("值班长：李明", text("status-commander"));
        assertNotNull(console.scene.lookup("#toolbar-dispatch"), "a duty commander dispatches (F3)");
        assertNotNull(console.scene.lookup("#toolbar-new-call"));
        assertNotNull(console.scene.lookup("#toolbar-standard-tasks"), "a duty commander issues standard tasks");
        assertNull(console.scene.lookup("#map-import") == null ? null
                : onFx(() -> console.scene.lookup("#map-import").isVisible() ? "shown" : null),
                "importing geography is set-up, not a commander's");
        assertEquals(List.of("LOGIN_FAILED", "LOGIN"), console.seed.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT action FROM audit_log WHERE action LIKE 'LOGIN%' ORDER BY seq").mapTo(String.class).list()));
    }

    @Test
    void aLockedDeskIsCoveredTakesNoKeysAndOpensOnlyWithTheUsersOwnPassword(FxRobot robot, @TempDir Path dataDir)
            throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, LoginScreenTest::users);
        signIn(robot, "lim", "duty-pass-1");
        waitUntil(Duration.ofSeconds(20), "the desk opens", () -> console.scene.lookup("#incident-queue-table") != null);
        assertFalse(onFx(() -> console.scene.lookup("#lock-screen").isVisible()));

        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil(Duration.ofSeconds(5), "Ctrl+L locks the desk", () -> onFx(() -> console.scene.lookup("#lock-screen").isVisible()));
        assertEquals("本席已锁定", text("lock-title"));
        robot.type(KeyCode.F2);
        assertFalse(console.showing("side-panel"), "F2 opens nothing on a locked desk");
        assertFalse(console.showing("lock-urgent"), "no urgent alert yet, nothing said");
        // An urgent alert while locked: the lock screen says that one waits (not what), even with no sound.
        console.seed.incident(org.commandroom.core.incident.IncidentType.FIGHT, 1,
                org.commandroom.core.incident.IncidentStatus.NEW, Duration.ZERO, "北街3号");
        waitUntil(Duration.ofSeconds(10), "the lock screen counts the urgent alert",
                () -> console.showing("lock-urgent") && text("lock-urgent").equals("有 1 条待确认紧急提醒，请解锁处理"));

        robot.clickOn("#lock-password").write("wall-pass-1");
        robot.type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(10), "another user's password is refused", () -> text("lock-message").contains("不正确"));
        assertTrue(onFx(() -> console.scene.lookup("#lock-screen").isVisible()));

        robot.clickOn("#lock-password").write("duty-pass-1");
        robot.type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(10), "the right password opens it", () -> onFx(() -> !console.scene.lookup("#lock-screen").isVisible()));
        assertEquals(List.of("LOGIN", "SESSION_LOCK", "LOGIN_FAILED", "SESSION_UNLOCK"), console.seed.db.jdbi().withHandle(h ->
                h.createQuery("SELECT action FROM audit_log WHERE action LIKE 'LOGIN%' OR action LIKE 'SESSION%' ORDER BY seq")
                        .mapTo(String.class).list()));
        javafx.scene.control.TableView<?> queue = console.table("incident-queue-table");
        onFx(() -> {
            queue.requestFocus();
            return null;
        });
        robot.type(KeyCode.F2);
        waitUntil(Duration.ofSeconds(10), "keys work again: F2 opens the intake", () -> console.showing("side-panel"));
    }

    @Test
    void aWallDisplayIsOfferedNoDispatchAndF3DoesNothing(FxRobot robot, @TempDir Path dataDir) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, LoginScreenTest::users);
        signIn(robot, "wall", "wall-pass-1");
        waitUntil(Duration.ofSeconds(20), "the desk opens", () -> console.scene.lookup("#incident-queue-table") != null);
        assertEquals("大屏：指挥大屏", text("status-commander"));
        assertNull(console.scene.lookup("#toolbar-dispatch"), "no F3 button");
        assertNull(console.scene.lookup("#toolbar-new-call"), "no F2 button");
        assertNull(console.scene.lookup("#toolbar-task"), "no F4 button");
        assertNull(console.scene.lookup("#toolbar-standard-tasks"), "no standard-task window");
        assertFalse(onFx(() -> console.scene.lookup("#alert-ack-all").isVisible()), "a wall acknowledges no alert");
        javafx.scene.control.TableView<?> queue = console.table("incident-queue-table");
        waitUntil(Duration.ofSeconds(10), "the queue shows the call", () -> onFx(() -> !queue.getItems().isEmpty()));
        onFx(() -> {
            queue.getSelectionModel().select(0);
            queue.requestFocus();
            return null;
        });
        robot.type(KeyCode.F3);
        robot.type(KeyCode.F2);
        assertFalse(console.showing("side-panel"), "F2 and F3 open nothing for a wall display");
        assertTrue(console.context.session().current().roles().contains(Role.WALL_DISPLAY));
        assertFalse(console.context.session().current().mayRunBackgroundWriters());
        assertFalse(console.services().workflow().push().begun(), "the wall starts no push (it would write)");
    }
}
