package org.commandroom.app.ui.admin;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.Fixture;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administration workspace as a composition of the real console: an administrator who is not a commander gets
 * it instead of the desk (no queue, no dispatch); a leader who is also an administrator keeps the desk and opens it
 * beside it with F10; a duty commander is offered neither.
 */
class AdminWorkspaceOnConsoleTest extends ConsoleScreenTest {

    private static void users(Fixture seed) {
        new AccessService(seed.db.jdbi(), seed.clock, AccessGuard.trusted(), new PasswordHasher(), LockoutPolicy.defaults())
                .createFirstUsers(List.of(
                        new AccessService.NewUser("zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "admin-pass-1"),
                        new AccessService.NewUser("wangq", "王强", Set.of(Role.COMMAND_LEADER, Role.ADMINISTRATOR), "lead-pass-1"),
                        new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1")), "test");
    }

    private void signIn(String user, String password) {
        clickOn("#login-user").eraseText(40).write(user);
        clickOn("#login-password").write(password);
        type(KeyCode.ENTER);
    }

    private List<String> tabs(Node workspace) {
        return onFx(() -> ((TabPane) workspace).getTabs().stream().map(Tab::getId).toList());
    }

    @Test
    void anAdministratorWhoIsNotACommanderGetsTheWorkspaceAndNoDesk(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, AdminWorkspaceOnConsoleTest::users);
        signIn("zhoumin", "admin-pass-1");
        waitUntil(Duration.ofSeconds(20), "the workspace opens", () -> console.scene.lookup("#admin-workspace") != null);
        assertNull(console.scene.lookup("#incident-queue-table"), "no queue");
        assertNull(console.scene.lookup("#toolbar-dispatch"), "no dispatch");
        assertTrue(tabs(console.scene.lookup("#admin-workspace")).containsAll(List.of("admin-tab-setup", "admin-tab-organisation", "admin-tab-users", "admin-tab-audit", "admin-tab-history")));
        waitUntil(Duration.ofSeconds(5), "the tab headers are laid out", () -> console.scene.lookup("#admin-tab-organisation") != null);
        clickOn("#admin-tab-organisation");
        waitUntil(Duration.ofSeconds(10), "the organisation page reads the county's stations",
                () -> !((javafx.scene.control.ComboBox<?>) console.scene.lookup("#admin-org-officer-station")).getItems().isEmpty());
        assertEquals("周敏", onFx(() -> ((javafx.scene.control.MenuButton) console.scene.lookup("#title-account")).getText()));
        assertEquals(List.of("menu-password", "menu-lock"), onFx(() -> ((javafx.scene.control.MenuButton) console.scene.lookup("#title-account"))
                .getItems().stream().map(javafx.scene.control.MenuItem::getId).toList()), "no F10: the workspace is the screen");
    }

    @Test
    void aLeaderWhoAdministersKeepsTheDeskAndOpensTheWorkspaceWithF10(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, AdminWorkspaceOnConsoleTest::users);
        signIn("wangq", "lead-pass-1");
        waitUntil(Duration.ofSeconds(20), "the desk opens", () -> console.scene.lookup("#incident-queue-table") != null);
        clickOn("#incident-queue-table");
        type(KeyCode.F10);
        waitUntil(Duration.ofSeconds(10), "the administration window opens", () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#admin-workspace") != null));
        Window admin = onFx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#admin-workspace") != null).findFirst().orElseThrow());
        assertEquals("综合指挥室 · 系统管理", onFx(() -> ((Stage) admin).getTitle()));
        // most of the 1920x1080 screen, for the tables' columns (it opened at its minimum, 900x600, in the trial)
        assertEquals(1600, onFx(() -> admin.getScene().getWidth()), 1.0);
        assertTrue(onFx(() -> admin.getScene().getHeight()) >= 900, "height " + onFx(() -> admin.getScene().getHeight()));
        assertTrue(console.scene.lookup("#incident-queue-table") != null, "the desk stays");
        long open = onFx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#admin-workspace") != null).count());
        clickOn("#incident-queue-table");
        type(KeyCode.F10);
        assertEquals(open, (long) onFx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#admin-workspace") != null).count()), "F10 again: the same window, not a second");
        onFx(() -> {
            ((Stage) admin).close();
            return null;
        });
    }

    /** The users, on a database with nothing of a bureau in it (the test county emptied). */
    private static void emptyBureau(Fixture seed) {
        users(seed);
        seed.db.jdbi().useHandle(h -> {
            h.execute("SET REFERENTIAL_INTEGRITY FALSE");
            for (String t : List.of("unit_crew", "patrol_unit", "police_grid_micro_grid", "police_grid", "micro_grid",
                    "community", "street", "key_patrol_zone", "deployment_point", "key_place", "police_office", "camera",
                    "house", "officer", "team", "station", "bureau")) {
                h.execute("DELETE FROM " + t);
            }
            h.execute("SET REFERENTIAL_INTEGRITY TRUE");
        });
    }

    @Test
    void onAnEmptyDatabaseTheSetUpStandsBeforeTheDeskUntilTheLeaderChoosesTheDesk(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, AdminWorkspaceOnConsoleTest::emptyBureau);
        signIn("wangq", "lead-pass-1");
        waitUntil(Duration.ofSeconds(20), "the set-up checklist is shown first", () -> console.scene.lookup("#setup-to-desk") != null
                && console.scene.lookup("#admin-workspace") != null);
        assertEquals("admin-tab-setup", onFx(() -> ((TabPane) console.scene.lookup("#admin-workspace")).getSelectionModel()
                .getSelectedItem().getId()));
        assertNull(onFx(() -> console.scene.lookup("#incident-queue-table")), "the desk waits behind it");
        clickOn("#setup-to-desk");
        waitUntil(Duration.ofSeconds(5), "the desk, on the leader's choice", () -> console.scene.lookup("#admin-workspace") == null
                && console.scene.lookup("#incident-queue-table") != null);
    }

    @Test
    void aDutyCommanderIsOfferedNoAdministration(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, AdminWorkspaceOnConsoleTest::users);
        signIn("lim", "duty-pass-1");
        waitUntil(Duration.ofSeconds(20), "the desk opens", () -> console.scene.lookup("#incident-queue-table") != null);
        assertEquals(List.of("menu-password", "menu-lock"), onFx(() -> ((javafx.scene.control.MenuButton) console.scene.lookup("#title-account"))
                .getItems().stream().map(javafx.scene.control.MenuItem::getId).toList()));
        clickOn("#incident-queue-table");
        type(KeyCode.F10);
        assertTrue(onFx(() -> Window.getWindows().stream().noneMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#admin-workspace") != null)), "F10 does nothing");

        // but every user changes their own password from the title bar's menu
        clickOn("#title-account");
        clickOn("修改密码…");
        waitUntil(Duration.ofSeconds(5), "the dialog asks", () -> lookup("#password-change-current").tryQuery().isPresent());
        clickOn("#password-change-current").write("duty-pass-1");
        clickOn("#password-change-new").write("duty-pass-2-longer");
        clickOn("#password-change-repeat").write("duty-pass-2-longer");
        clickOn("#password-change-submit");
        waitUntil(Duration.ofSeconds(10), "it is confirmed", () -> lookup("#password-change-done").tryQuery().isPresent());
        clickOn("#password-change-done-ok");
        AccessService access = console.context.access();
        assertTrue(access.signIn("lim", "duty-pass-2-longer", "ws-test", false) instanceof org.commandroom.core.access.SignIn.Success,
                "the new password opens");
    }
}
