package org.commandroom.app.ui.admin.password;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.access.Session;
import org.commandroom.core.access.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real password-change dialog over a window, on a migrated H2 with the real AccessService, driven by the robot. */
@ExtendWith(ApplicationExtension.class)
class PasswordChangeDialogTest {

    private Fixture fx;
    private ExecutorService io;
    private AccessService access;
    private Principal lim;
    private UiContext ui;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = Fixture.inMemory();
        io = Tasks.newIoExecutor("console-io");
        Session session = new Session("desk-1");
        access = new AccessService(fx.db.jdbi(), fx.clock, AccessGuard.of(fx.db.jdbi(), fx.clock, session),
                new PasswordHasher(), LockoutPolicy.defaults());
        access.createFirstUsers(List.of(new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER),
                "duty-pass-1")), "desk-1");
        lim = ((SignIn.Success) access.signIn("lim", "duty-pass-1", "desk-1", false)).principal();
        session.signIn(lim);
        ui = new UiContext(fx.clock, new Tasks(io, Platform::runLater), I18n.load(Locale.ROOT), new Ticker(),
                DisplaySettings.defaults());
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(new Label("desk")), 800, 500);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        io.shutdown();
        fx.close();
    }

    private static String message(FxRobot robot) {
        return onFx(() -> robot.lookup("#password-change-message").queryAs(Label.class).getText());
    }

    private static boolean showing(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).tryQuery().map(n -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    private static void fill(FxRobot robot, String current, String next, String repeat) {
        retype(robot, "password-change-current", current);
        retype(robot, "password-change-new", next);
        retype(robot, "password-change-repeat", repeat);
        robot.type(KeyCode.ENTER);
    }

    /** Types into a field, first erasing what a refusal left in it. */
    private static void retype(FxRobot robot, String id, String text) {
        int left = onFx(() -> robot.lookup("#" + id).queryAs(PasswordField.class).getText().length());
        robot.clickOn("#" + id).eraseText(left).write(text);
    }

    @Test
    void eachRefusalHasItsOwnWordsAndTheRightPasswordsChangeItWithAConfirmation(FxRobot robot) {
        onFx(() -> PasswordChangeDialog.show(stage, () -> access, lim, ui));
        waitUntil(Duration.ofSeconds(5), "the dialog opens", () -> showing(robot, "password-change-current"));
        assertEquals("用户：李明（lim）", onFx(() -> robot.lookup("#password-change-who").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#password-change-current").query().isFocused()), "the cursor starts there");

        fill(robot, "not-it-at-all", "new-pass-22", "new-pass-22");
        waitUntil(Duration.ofSeconds(20), "a wrong current password is said",
                () -> message(robot).equals("当前密码不正确。连续输错多次，该用户将被锁定。"));
        assertEquals("", onFx(() -> robot.lookup("#password-change-current").queryAs(PasswordField.class).getText()));
        waitUntil(Duration.ofSeconds(5), "the cursor goes back to the current password",
                () -> robot.lookup("#password-change-current").query().isFocused());

        fill(robot, "duty-pass-1", "new-pass-22", "new-pass-33");
        waitUntil(Duration.ofSeconds(5), "a mismatch is said",
                () -> message(robot).equals("两次输入的新密码不一致，请重新输入。"));

        fill(robot, "duty-pass-1", "short", "short");
        waitUntil(Duration.ofSeconds(20), "the policy is said", () -> message(robot).equals("新密码至少需要 8 个字符，请重新输入。"));
        assertTrue(showing(robot, "password-change-current"), "the dialog stays open after each refusal");
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-1", false), "not changed yet");

        fill(robot, "duty-pass-1", "new-pass-22", "new-pass-22");
        waitUntil(Duration.ofSeconds(20), "the confirmation is shown", () -> showing(robot, "password-change-done"));
        assertFalse(showing(robot, "password-change-current"), "the dialog closed");
        robot.clickOn("#password-change-done-ok");
        waitUntil(Duration.ofSeconds(5), "the confirmation closes", () -> !showing(robot, "password-change-done"));
        assertInstanceOf(SignIn.WrongPassword.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "new-pass-22", "desk-1", false));
    }

    @Test
    void escCancelsWithoutAChange(FxRobot robot) {
        onFx(() -> PasswordChangeDialog.show(stage, () -> access, lim, ui));
        waitUntil(Duration.ofSeconds(5), "the dialog opens", () -> showing(robot, "password-change-current"));
        robot.clickOn("#password-change-current").write("duty-pass-1");
        robot.type(KeyCode.ESCAPE);
        waitUntil(Duration.ofSeconds(5), "Esc closes it", () -> !showing(robot, "password-change-current"));
        assertFalse(showing(robot, "password-change-done"));
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
        assertThrows(IllegalArgumentException.class, () -> PasswordChangeDialog.show(stage, () -> access,
                Principal.nobody("desk-1"), ui), "no one signed in, no password to change");
    }
}
