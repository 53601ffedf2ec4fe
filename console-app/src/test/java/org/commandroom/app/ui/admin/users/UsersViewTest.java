package org.commandroom.app.ui.admin.users;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.LiveScreen;
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
import org.commandroom.core.access.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real users tab on a migrated H2 with the real AccessService, signed in as the administrator "zhou", driven by
 * the robot: each change is then proved by signing in through the service.
 */
@ExtendWith(ApplicationExtension.class)
class UsersViewTest {

    private static final Duration HASHING = Duration.ofSeconds(20);

    private Fixture fx;
    private ExecutorService io;
    private AccessService access;
    private TableView<UserAccount> table;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = Fixture.inMemory();
        io = Tasks.newIoExecutor("console-io");
        Session session = new Session("desk-1");
        access = new AccessService(fx.db.jdbi(), fx.clock, AccessGuard.of(fx.db.jdbi(), fx.clock, session),
                new PasswordHasher(), LockoutPolicy.defaults());
        access.createFirstUsers(List.of(
                new AccessService.NewUser("zhou", "周敏", Set.of(Role.ADMINISTRATOR), "admin-pass-1"),
                new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1")), "desk-1");
        session.signIn(((SignIn.Success) access.signIn("zhou", "admin-pass-1", "desk-1", false)).principal());
        UiContext ui = new UiContext(fx.clock, new Tasks(io, Platform::runLater), I18n.load(Locale.ROOT), new Ticker(),
                DisplaySettings.defaults());
        UsersView view = new UsersView(() -> access, session::current, ui);
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1100, 600);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        @SuppressWarnings("unchecked")
        TableView<UserAccount> t = (TableView<UserAccount>) scene.lookup("#admin-users-table");
        table = t;
    }

    @BeforeEach
    void listed() {
        waitUntil(Duration.ofSeconds(10), "the users are listed", () -> table.getItems().size() == 2);
    }

    @AfterEach
    void close() {
        // A dialog a failed test left open must not take the next test's clicks.
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            return null;
        });
        io.shutdown();
        fx.close();
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    private static boolean disabled(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Button.class).isDisabled());
    }

    private static boolean showing(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).tryQuery().map(n -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    /** The on-screen cell of a column showing {@code value} in the row of {@code login}. */
    private Node cell(String login, int column) {
        return onFx(() -> {
            int row = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).login().equals(login)) {
                    row = i;
                }
            }
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getIndex() == row && c.getTableColumn() == table.getColumns().get(column)
                        && !c.isEmpty()) {
                    return c;
                }
            }
            throw new AssertionError("no cell for " + login);
        });
    }

    private String cellText(String login, int column) {
        return onFx(() -> ((TableCell<?, ?>) cell(login, column)).getText());
    }

    private void select(FxRobot robot, String login) {
        robot.clickOn(cell(login, 0));
        waitUntil(Duration.ofSeconds(5), login + " is selected", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().login().equals(login));
    }

    /**
     * Clicks a role's box and waits until the box shows the click. The box must be the only one showing: a form left
     * open by an earlier test would otherwise take the click while the new form misses it.
     */
    private static void tick(FxRobot robot, String role) {
        List<CheckBox> boxes = onFx(() -> robot.lookup("#admin-user-form-role-" + role).queryAllAs(CheckBox.class)
                .stream().filter(b -> b.getScene() != null && b.getScene().getWindow().isShowing()).toList());
        assertEquals(1, boxes.size(), "one form showing " + role);
        CheckBox box = boxes.get(0);
        boolean was = onFx(box::isSelected);
        robot.clickOn(box);
        waitUntil(Duration.ofSeconds(5), "the click on " + role + " is taken", () -> box.isSelected() != was);
    }

    private UserAccount stored(String login) {
        return access.users().stream().filter(u -> u.login().equals(login)).findFirst().orElseThrow();
    }

    @Test
    void aNewUserWithTwoRolesIsCreatedInTheDialogAndSignsInWithBoth(FxRobot robot) {
        assertTrue(disabled(robot, "admin-users-roles"), "nothing selected: no roles to change");
        robot.clickOn("#admin-users-new");
        waitUntil(Duration.ofSeconds(5), "the form opens", () -> showing(robot, "admin-user-form-login"));
        robot.clickOn("#admin-user-form-login").write("wang");
        robot.clickOn("#admin-user-form-name").write("王五");
        tick(robot, "DUTY_COMMANDER");
        tick(robot, "ADMINISTRATOR");
        robot.clickOn("#admin-user-form-password").write("wang-pass-1");
        robot.clickOn("#admin-user-form-repeat").write("wang-pass-2");
        robot.type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "a mismatch is said in the form",
                () -> "两次输入的密码不一致，请重新输入。".equals(text(robot, "admin-user-form-error")));
        assertTrue(showing(robot, "admin-user-form-login"), "the form stays open");
        assertTrue(onFx(() -> robot.lookup("#admin-user-form-role-DUTY_COMMANDER").queryAs(CheckBox.class).isSelected()
                && robot.lookup("#admin-user-form-role-ADMINISTRATOR").queryAs(CheckBox.class).isSelected()),
                "the roles ticked are kept through the refusal");

        // The refusal gives the cursor back to the password; the dialog grows to show the message, so the fields are
        // reached by the keyboard (a click aimed before the growth once landed on a role's box in CI and unticked it).
        waitUntil(Duration.ofSeconds(5), "the cursor is back in the password", () -> robot.lookup("#admin-user-form-password")
                .query().isFocused());
        robot.write("wang-pass-1");
        robot.type(KeyCode.TAB);
        waitUntil(Duration.ofSeconds(5), "then in the repeat", () -> robot.lookup("#admin-user-form-repeat").query().isFocused());
        robot.write("wang-pass-1");
        robot.type(KeyCode.ENTER);
        waitUntil(HASHING, "the user is created and listed", () -> table.getItems().size() == 3);
        waitUntil(Duration.ofSeconds(5), "the form closes", () -> !showing(robot, "admin-user-form-login"));
        assertEquals("已创建用户 王五（wang）。", text(robot, "admin-users-message"));
        // The new row takes index 1 (between lim and zhou): until the next layout that cell still shows zhou's roles.
        waitUntil(Duration.ofSeconds(5), "the new user's row shows both roles", () -> "值班长、管理员".equals(cellText("wang", 2)));
        assertEquals("共 3 个用户", text(robot, "admin-users-count"));

        Principal wang = assertInstanceOf(SignIn.Success.class, access.signIn("wang", "wang-pass-1", "desk-2", false))
                .principal();
        assertEquals(Set.of(Role.DUTY_COMMANDER, Role.ADMINISTRATOR), wang.roles());
        assertEquals("王五", wang.displayName());
    }

    @Test
    void aResetPasswordMakesTheOldOneFailAndTheNewOneSignIn(FxRobot robot) {
        select(robot, "lim");
        robot.clickOn("#admin-users-reset");
        waitUntil(Duration.ofSeconds(5), "the form opens", () -> showing(robot, "admin-user-form-password"));
        robot.clickOn("#admin-user-form-password").write("fresh-pass-2");
        robot.clickOn("#admin-user-form-repeat").write("fresh-pass-2");
        robot.clickOn("#admin-user-form-save");
        waitUntil(HASHING, "the reset is confirmed", () -> text(robot, "admin-users-message").startsWith("已重置 李明（lim） 的密码"));
        assertFalse(showing(robot, "admin-user-form-password"), "the form closed");
        assertInstanceOf(SignIn.WrongPassword.class, access.signIn("lim", "duty-pass-1", "desk-2", false));
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "fresh-pass-2", "desk-2", false));
    }

    @Test
    void theLastSignInAndTheRefusedAttemptsSinceAreShownInTheirColumns(FxRobot robot) {
        assertEquals("从未登录", cellText("lim", 6));
        access.signIn("lim", "duty-pass-1", "desk-3", false);
        access.signIn("lim", "wrong-1", "desk-9", false);
        robot.clickOn("#admin-users-refresh");
        waitUntil(Duration.ofSeconds(10), "the sign-in is shown", () -> "2026-11-23 10:00 · desk-3".equals(cellText("lim", 6)));
        assertEquals("1", cellText("lim", 7));
        assertEquals("上次登录", onFx(() -> table.getColumns().get(6).getText()));
    }

    @Test
    void aLockedUserIsShownLockedAndUnlocked(FxRobot robot) {
        for (int i = 0; i < LockoutPolicy.defaults().maxFailures(); i++) {
            access.signIn("lim", "wrong-" + i, "desk-2", false);
        }
        robot.clickOn("#admin-users-refresh");
        waitUntil(Duration.ofSeconds(10), "the lock is shown", () -> "已锁定".equals(cellText("lim", 3)));
        assertEquals("11-23 10:15", cellText("lim", 5));
        select(robot, "lim");
        assertFalse(disabled(robot, "admin-users-unlock"));
        robot.clickOn("#admin-users-unlock");
        waitUntil(Duration.ofSeconds(10), "the unlock is confirmed",
                () -> "已解锁 李明（lim），输错次数已清零。".equals(text(robot, "admin-users-message")));
        waitUntil(Duration.ofSeconds(5), "the row shows it", () -> "正常".equals(cellText("lim", 3)));
        assertEquals("", cellText("lim", 5));
        assertTrue(disabled(robot, "admin-users-unlock"), "nothing left to unlock");
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-2", false));
    }

    @Test
    void switchingYourselfOffIsRefusedAndAnotherUserIsSwitchedOffAfterTheQuestion(FxRobot robot) {
        assertEquals("周敏（本人）", cellText("zhou", 1));
        select(robot, "zhou");
        robot.clickOn("#admin-users-toggle");
        waitUntil(Duration.ofSeconds(5), "the refusal is shown",
                () -> "不能停用自己的账号。如确需停用，请由另一位管理员操作。".equals(text(robot, "admin-users-message")));
        assertFalse(showing(robot, "admin-users-confirm"), "no question for what cannot be done");
        assertTrue(stored("zhou").active());

        select(robot, "lim");
        List<MenuItem> menu = onFx(() -> table.getContextMenu().getItems());
        assertFalse(onFx(() -> menu.stream().filter(m -> "停用".equals(m.getText())).findFirst().orElseThrow().isDisable()),
                "the context menu offers the same");
        robot.clickOn("#admin-users-toggle");
        waitUntil(Duration.ofSeconds(5), "the question is asked", () -> showing(robot, "admin-users-confirm"));
        robot.type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "Enter answers no", () -> !showing(robot, "admin-users-confirm"));
        assertTrue(stored("lim").active(), "the safe answer is the default");

        robot.clickOn("#admin-users-toggle");
        waitUntil(Duration.ofSeconds(5), "the question is asked again", () -> showing(robot, "admin-users-confirm"));
        robot.clickOn("#admin-users-confirm-yes");
        waitUntil(Duration.ofSeconds(10), "the user is switched off", () -> "已停用".equals(cellText("lim", 3)));
        assertEquals("启用(E)…", onFx(() -> robot.lookup("#admin-users-toggle").queryAs(Button.class).getText()).replace("_", ""));
        assertEquals(new SignIn.Disabled(), access.signIn("lim", "duty-pass-1", "desk-2", false));
    }

    @Test
    void roleChangesAreSavedAndTheAdministratorKeepsTheirOwnAdministratorRole(FxRobot robot) {
        select(robot, "zhou");
        robot.clickOn("#admin-users-roles");
        waitUntil(Duration.ofSeconds(5), "the form opens", () -> showing(robot, "admin-user-form-role-ADMINISTRATOR"));
        tick(robot, "ADMINISTRATOR");
        tick(robot, "COMMAND_LEADER");
        robot.clickOn("#admin-user-form-save");
        waitUntil(Duration.ofSeconds(10), "the refusal is shown in the form",
                () -> "不能取消自己的管理员角色。如确需取消，请由另一位管理员操作。".equals(text(robot, "admin-user-form-error")));
        assertEquals(Set.of(Role.ADMINISTRATOR), stored("zhou").roles());
        tick(robot, "ADMINISTRATOR");
        robot.clickOn("#admin-user-form-save");
        waitUntil(Duration.ofSeconds(10), "the roles are saved", () -> "指挥长、管理员".equals(cellText("zhou", 2)));
        assertFalse(showing(robot, "admin-user-form-role-ADMINISTRATOR"));
        assertEquals(Set.of(Role.COMMAND_LEADER, Role.ADMINISTRATOR), stored("zhou").roles());
        assertEquals("zhou", onFx(() -> table.getSelectionModel().getSelectedItem().login()), "still selected");
    }
}
