package org.commandroom.app.ui.admin.audit;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.rowHas;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ScreenshotOfScene;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditDao;
import org.commandroom.core.audit.AuditEntry;
import org.commandroom.core.audit.AuditService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The audit screen on a real H2 trail, driven as the administrator drives it: choosing an action and 查询 shows
 * only its rows; a row changed with SQL is reported by 校验审计链 in red, marked in the table and shown from the
 * problem list; 导出 CSV writes the rows of the filter to the file chosen; Enter in the filter bar searches.
 */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    private static final int SEQ = 0;
    private static final int ACTOR = 2;
    private static final int ACTION = 4;
    private static final Principal ADMIN = new Principal(7, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "admin-1",
            false);

    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private Fixture fx;
    private Scene scene;
    private AuditView view;
    private TableView<AuditEntry> table;
    private final AtomicReference<Path> chosen = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        fx = Fixture.inMemory();
        Instant now = Fixture.T0;
        String[][] rows = {
            {"lim", "LOGIN", "USER", "roles DUTY_COMMANDER"},
            {"lim", "INTAKE", "INCIDENT", "J20261123-00041 东大街8号, 打架"},
            {"lixia", "LOGIN", "USER", "roles COMMAND_LEADER"},
            {"lim", "DISPATCH", "INCIDENT", "派 巡逻一组 \"快\""},
            {"lixia", "ORDER_SIGNED", "ORDER", "Z20261123-00009 签收"},
            {"wangq", "LOGIN", "USER", "roles WALL_DISPLAY"},
            {"lixia", "LOGIN_FAILED", "USER", "wrong password 1"}};
        fx.db.jdbi().useTransaction(h -> {
            AuditDao dao = h.attach(AuditDao.class);
            for (int i = 0; i < rows.length; i++) {
                dao.append(now.minus(Duration.ofMinutes(70 - 10L * i)), rows[i][0], "desk-1", rows[i][1], rows[i][2],
                        (long) (i + 1), rows[i][3]);
            }
        });
        AuditService audit = new AuditService(fx.db.jdbi(), fx.clock, AccessGuard.of(fx.db.jdbi(), fx.clock, ADMIN));
        UiContext ui = new UiContext(fx.clock, new Tasks(io, Platform::runLater), I18n.load(Locale.ROOT), new Ticker(),
                DisplaySettings.defaults());
        view = new AuditView(audit, ui);
        view.setSaveDialog((owner, name) -> chosen.get() == null ? null : chosen.get().toFile());
        table = view.table();
        Theme.installUserAgentStylesheet();
        scene = new Scene(new StackPane(view.root()), 1400, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        io.shutdown();
        fx.close();
    }

    /** What the screen looks like, under target/screenshots/ (to look at; nothing is compared). */
    private void screenshot(String name) {
        ScreenshotOfScene.underTarget(scene, name);
    }

    private String text(String id) {
        return onFx(() -> ((Label) scene.lookup("#" + id)).getText());
    }

    private List<String> column(int column) {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            for (int r = 0; r < table.getItems().size(); r++) {
                out.add(cellText(table, r, column));
            }
            return out;
        });
    }

    private void waitForRows(int n) {
        waitUntil(Duration.ofSeconds(10), n + " rows on screen", () -> table.getItems().size() == n
                && cellText(table, n - 1, ACTION) != null && !view.viewModel().loadingProperty().get());
    }

    @Test
    void choosingAnActionAndSearchingShowsOnlyItsRows(FxRobot robot) {
        waitForRows(7);
        assertEquals("已显示 7 行，已全部列出", text("admin-audit-status"));
        assertEquals("7", onFx(() -> cellText(table, 0, SEQ)), "newest first");

        robot.clickOn("#admin-audit-action");
        robot.clickOn("登录（LOGIN）");
        robot.clickOn("#admin-audit-search");
        waitForRows(3);
        assertEquals(List.of("登录", "登录", "登录"), column(ACTION));
        assertEquals(List.of("wangq", "lixia", "lim"), column(ACTOR));

        // Keyboard: a user typed into the filter and Enter.
        robot.clickOn("#admin-audit-actor").write("lix");
        robot.type(KeyCode.ENTER);
        waitForRows(1);
        assertEquals(List.of("lixia"), column(ACTOR));

        robot.clickOn("#admin-audit-reset");
        waitForRows(7);
        assertEquals("", onFx(() -> view.viewModel().actorProperty().get()));
    }

    @Test
    void aRowChangedWithSqlIsReportedInRedMarkedInTheTableAndShownFromTheList(FxRobot robot) {
        waitForRows(7);
        robot.clickOn("#admin-audit-verify");
        waitUntil(Duration.ofSeconds(10), "the chain is verified", () -> "审计链完整：共 7 行".equals(
                ((Label) scene.lookup("#admin-audit-chain")).getText()));
        assertTrue(onFx(() -> scene.lookup("#admin-audit-chain").getStyleClass().contains("success")));
        assertFalse(onFx(() -> scene.lookup("#admin-audit-problems").isVisible()));

        fx.db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET detail = 'roles ADMINISTRATOR' WHERE seq = 3"));
        robot.clickOn("#admin-audit-verify");
        waitUntil(Duration.ofSeconds(10), "the break is found", () -> ((Label) scene.lookup("#admin-audit-chain"))
                .getText().startsWith("审计链已被破坏"));
        assertEquals("审计链已被破坏：发现 1 处问题（共校验 7 行）", text("admin-audit-chain"));
        assertTrue(onFx(() -> scene.lookup("#admin-audit-chain").getStyleClass().contains("danger")), "in red");
        @SuppressWarnings("unchecked")
        ListView<AuditViewModel.ChainProblem> problems = (ListView<AuditViewModel.ChainProblem>) scene
                .lookup("#admin-audit-problems");
        assertTrue(onFx(problems::isVisible));
        assertEquals("第 3 行写入后被改动", onFx(() -> problems.getItems().get(0).text()));
        // Row 3 is the fifth from the top (7, 6, 5, 4, 3): marked; its neighbours are not.
        waitUntil(Duration.ofSeconds(5), "the changed row is marked", () -> rowHas(table, 4, "broken"));
        assertFalse(onFx(() -> rowHas(table, 3, "broken")));
        assertEquals("roles ADMINISTRATOR", onFx(() -> table.getItems().get(4).detail()),
                "the rows are read again: the changed one shows what it holds now");
        screenshot("admin-audit-broken.png");

        robot.doubleClickOn("第 3 行写入后被改动");
        waitUntil(Duration.ofSeconds(10), "the table shows row 3 and selects it", () -> table.getItems().size() == 3
                && table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().seq() == 3);
        assertTrue(onFx(() -> rowHas(table, 0, "broken")));
    }

    @Test
    void exportWritesTheRowsOfTheFilterToTheFileChosen(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForRows(7);
        robot.clickOn("#admin-audit-actor").write("lim");
        robot.clickOn("#admin-audit-actor-exact");
        Path file = dir.resolve("审计日志.csv");
        chosen.set(file);
        robot.clickOn("#admin-audit-export");
        waitUntil(Duration.ofSeconds(10), "the export is said", () -> ((Label) scene.lookup("#admin-audit-message"))
                .getText().startsWith("已导出"));
        assertEquals("已导出 3 行到 " + file.toAbsolutePath(), text("admin-audit-message"));
        assertTrue(onFx(() -> scene.lookup("#admin-audit-message").getStyleClass().contains("success")));
        waitForRows(3);
        assertEquals(List.of("lim", "lim", "lim"), column(ACTOR), "the table shows the filter exported");

        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 with its byte-order mark, for Excel");
        String csv = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(4, lines.length);
        assertEquals("序号,时间（Asia/Shanghai）,用户,席位,操作,对象,对象编号,详情,校验值", lines[0]);
        assertTrue(lines[1].startsWith("4,2026-11-23 09:20:00,lim,desk-1,DISPATCH,INCIDENT,4,\"派 巡逻一组 \"\"快\"\"\","),
                lines[1]);
        assertTrue(lines[2].startsWith("2,2026-11-23 09:00:00,lim,desk-1,INTAKE,INCIDENT,2,"
                + "\"J20261123-00041 东大街8号, 打架\","), lines[2]);
        assertTrue(lines[3].startsWith("1,2026-11-23 08:50:00,lim,desk-1,LOGIN,USER,1,roles DUTY_COMMANDER,"), lines[3]);

        chosen.set(null);
        robot.clickOn("#admin-audit-export");
        assertEquals("已导出 3 行到 " + file.toAbsolutePath(), text("admin-audit-message"),
                "a chooser closed without a file exports nothing");
        assertEquals(1L, (long) fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'AUDIT_EXPORT'").mapTo(Long.class).one()));
    }
}
