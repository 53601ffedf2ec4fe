package org.commandroom.app.ui.admin.roster;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.roster.RosterService;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The duty roster tab driven as an administrator would, on a real H2 (the county of {@link IntakeFixture}, Monday
 * 23 November 2026 at 10:00): a day shift with its commander picked from the list, a night shift from the
 * night-shift button (ending the next day), and a delete that is cancelled with Esc and then confirmed.
 */
@ExtendWith(ApplicationExtension.class)
class RosterViewTest extends FxRobot {

    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);

    private IntakeFixture fx;
    private ExecutorService io;
    private Node root;

    @Start
    void start(Stage stage) {
        fx = new IntakeFixture(TestDatabases.h2());
        fx.db.jdbi().useHandle(h -> h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                + "VALUES (?, 'P200', '张伟', 'POLICE', 'COMMANDER')", fx.s1));
        io = Executors.newSingleThreadExecutor();
        RosterService service = new RosterService(fx.db.jdbi(), fx.clock, IntakeFixture.ZONE, fx.recorder,
                AccessGuard.of(fx.db.jdbi(), fx.clock, ADMIN));
        RosterView view = new RosterView(new RosterViewModel(() -> service, new Tasks(io, Platform::runLater),
                I18n.load(Locale.ROOT), "admin", IntakeFixture.ZONE, fx.clock::instant), I18n.load(Locale.ROOT));
        root = view.root();
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene((javafx.scene.Parent) root, 1280, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        io.shutdownNow();
        fx.db.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<RosterService.Shift> table() {
        return (TableView<RosterService.Shift>) root.lookup("#admin-roster-table");
    }

    private String message() {
        return onFx(() -> ((Label) root.lookup("#admin-roster-message")).getText());
    }

    private void pick(String comboId, String cell) {
        clickOn(comboId);
        clickOn((Node) lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(cell)).query());
    }

    @Test
    void anAdministratorEntersADayAndANightShiftAndDeletesOneAfterConfirming() {
        waitUntil(Duration.ofSeconds(5), "the officers are offered",
                () -> !((ComboBox<?>) root.lookup("#admin-roster-commander1")).getItems().isEmpty());
        assertEquals("当前没有班次覆盖（值班表未排）：大屏显示系统设置中的姓名",
                onFx(() -> ((Label) root.lookup("#admin-roster-onduty")).getText()));
        waitUntil(Duration.ofSeconds(5), "the stations are listed too",
                () -> ((ComboBox<?>) root.lookup("#admin-roster-scope")).getItems().size() > 1);
        assertEquals("分局指挥室", onFx(() -> ((org.commandroom.core.roster.RosterService.Scope)
                ((ComboBox<?>) root.lookup("#admin-roster-scope")).getValue()).name()),
                "the command room's roster stays chosen once the stations are read (the box was empty in the trial)");

        clickOn("#admin-roster-day");
        pick("#admin-roster-commander1", "张伟 P200（城关派出所）");
        pick("#admin-roster-leader", "王建国 P100（城关派出所）");
        clickOn("#admin-roster-save");
        waitUntil(Duration.ofSeconds(5), "the day shift is in the week", () -> table().getItems().size() == 1);
        assertEquals("已新增班次：11月23日 周一 08:00–20:00 张伟", message());
        waitUntil(Duration.ofSeconds(5), "and on duty now", () -> ((Label) root.lookup("#admin-roster-onduty")).getText()
                .equals("当前在班：值班长 张伟 · 指挥长 王建国 · 11月23日 周一 08:00–20:00"));

        clickOn("#admin-roster-new");
        clickOn("#admin-roster-night");
        pick("#admin-roster-commander1", "李明 P101（东城派出所）");
        clickOn("#admin-roster-notes").write("夜班");
        push(KeyCode.ENTER); // the default button saves
        waitUntil(Duration.ofSeconds(5), "the night shift is in the week", () -> table().getItems().size() == 2);
        assertTrue(lookup("11月23日 周一 20:00–08:00（次日）").tryQuery().isPresent(), "the night shift ends the next day");

        clickOn("11月23日 周一 08:00–20:00");
        clickOn("#admin-roster-delete");
        waitUntil(Duration.ofSeconds(3), "the question is asked", () -> lookup("#admin-roster-delete-confirm").tryQuery().isPresent());
        push(KeyCode.ESCAPE);
        waitUntil(Duration.ofSeconds(3), "the question is gone", () -> lookup("#admin-roster-delete-confirm").tryQuery().isEmpty());
        assertEquals(2, onFx(() -> table().getItems().size()), "Esc deletes nothing");

        clickOn("#admin-roster-delete");
        waitUntil(Duration.ofSeconds(3), "asked again", () -> lookup("#admin-roster-delete-confirm-yes").tryQuery().isPresent());
        clickOn("#admin-roster-delete-confirm-yes");
        waitUntil(Duration.ofSeconds(5), "the day shift is gone", () -> table().getItems().size() == 1);
        assertEquals("已删除班次：11月23日 周一 08:00–20:00 张伟", message());
        assertEquals("夜班", onFx(() -> table().getItems().get(0).notes()));
    }
}
