package org.commandroom.app.drill;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.commandroom.app.Fixture;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the real console, a trainee who signs in finds the drill menu in the account menu; a duty commander does not. */
class TraineeDeskDrillMenuTest extends ConsoleScreenTest {

    @AfterEach
    void close() {
        System.clearProperty(TraineeDrills.PREPARE_AHEAD);
    }

    private static void users(Fixture seed) {
        new AccessService(seed.db.jdbi(), seed.clock, AccessGuard.trusted(), new PasswordHasher(), LockoutPolicy.defaults())
                .createFirstUsers(List.of(
                        new AccessService.NewUser("zhangh", "张华", Set.of(Role.TRAINEE), "trainee-pass-1"),
                        new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1")), "test");
    }

    private List<String> accountItems() {
        return onFx(() -> ((MenuButton) console.scene.lookup("#title-account")).getItems().stream().map(MenuItem::getId)
                .toList());
    }

    private void signIn(String user, String password) {
        clickOn("#login-user").eraseText(40).write(user);
        clickOn("#login-password").write(password);
        type(KeyCode.ENTER);
    }

    @Test
    void aTraineeHasTheDrillMenuWithTheBundledScenarios(@TempDir Path dataDir) throws Exception {
        // the counties are not made ahead on this temporary data directory (TraineeDrillsTest proves the call)
        System.setProperty(TraineeDrills.PREPARE_AHEAD, "false");
        console = RunningConsole.startSignedOut(stage, dataDir, TraineeDeskDrillMenuTest::users);
        signIn("zhangh", "trainee-pass-1");
        waitUntil(Duration.ofSeconds(20), "the account menu is the trainee's", () -> "张华".equals(onFx(() ->
                ((MenuButton) console.scene.lookup("#title-account")).getText())));
        assertEquals("menu-drill", accountItems().get(0));
        Menu drills = onFx(() -> (Menu) ((MenuButton) console.scene.lookup("#title-account")).getItems().get(0));
        waitUntil(Duration.ofSeconds(20), "the scenarios are read", () -> onFx(() -> drills.getItems().size()) > 2);
        List<String> ids = onFx(() -> drills.getItems().stream().map(MenuItem::getId).toList());
        assertTrue(ids.contains("menu-drill-fugitive-qianjin-road"), ids.toString());
        assertTrue(ids.contains("menu-drill-history"), ids.toString());
        // Only a trainee: the drill workspace stands where the live desk would, and no live data is built for them.
        waitUntil(Duration.ofSeconds(20), "the workspace lists the scenarios", () -> onFx(() ->
                console.scene.lookup("#drill-workspace-fugitive-qianjin-road") != null));
        assertTrue(onFx(() -> console.scene.lookup("#incident-queue-table") == null
                && console.scene.lookup("#map-pane") == null), "no live queue or map for a trainee");
        assertTrue(onFx(() -> console.scene.lookup("#drill-workspace-history") != null));
        assertEquals("综合指挥室 · 演练", onFx(() -> ((javafx.scene.control.Label) console.scene.lookup("#app-title")).getText()));
        assertEquals("综合指挥室 · 演练", onFx(stage::getTitle), "the task bar names the drills, not the commander's desk");
    }

    @Test
    void aDutyCommanderHasNoDrillMenu(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.startSignedOut(stage, dataDir, TraineeDeskDrillMenuTest::users);
        signIn("lim", "duty-pass-1");
        waitUntil(Duration.ofSeconds(20), "the desk opens", () -> console.scene.lookup("#incident-queue-table") != null);
        assertTrue(!accountItems().contains("menu-drill"), accountItems().toString());
    }
}
