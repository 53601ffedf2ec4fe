package org.commandroom.app.ui.standardtasks;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ScreenshotOfScene;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.prevention.tasks.LibraryTask;
import org.commandroom.core.prevention.tasks.StandardTaskLibrary;
import org.commandroom.core.prevention.tasks.StandardTaskService;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The standard-task window on a migrated H2 as the duty commander, driven by the robot: the library loads with the
 * default set, a search narrows it, the anti-fraud visit is issued to one grid (an order with the task's 7-day
 * deadline) and then as a campaign to two grids, whose progress is listed.
 */
@ExtendWith(ApplicationExtension.class)
class StandardTasksViewTest extends FxRobot {

    private static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    private Fixture fx;
    private ExecutorService io;
    private TableView<LibraryTask> table;
    private Scene scene;
    private OrderService orders;
    private StandardTasksViewModel vm;

    @Start
    void start(Stage stage) {
        fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> {
            long officer = h.createUpdate("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) VALUES "
                            + "(:s, 'P9001', '王建国', 'POLICE', 'COMMUNITY_OFFICER')")
                    .bind("s", fx.stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("UPDATE police_grid SET officer_id = :o WHERE id = :g").bind("o", officer).bind("g", fx.gridId)
                    .execute();
            h.createUpdate("INSERT INTO police_grid (station_id, code, name, boundary_wkt, datum) VALUES (:s, 'G2', "
                            + "'北关社区警格', 'POLYGON((103.72 29.20, 103.74 29.20, 103.74 29.22, 103.72 29.22, 103.72 29.20))', "
                            + "'WGS84')").bind("s", fx.stationId).execute();
        });
        io = Tasks.newIoExecutor("console-io");
        AccessGuard guard = AccessGuard.of(fx.db.jdbi(), fx.clock, DUTY);
        orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, Fixture.ZONE), new ChangeRecorder(fx.clock, "ws-1"), IssueHook.NONE, guard);
        StandardTaskService service = new StandardTaskService(fx.db.jdbi(), fx.clock, orders,
                new StandardTaskLibrary(fx.db.jdbi(), fx.clock, guard), guard);
        UiContext ui = new UiContext(fx.clock, new Tasks(io, Platform::runLater), I18n.load(Locale.ROOT), new Ticker(),
                DisplaySettings.defaults());
        vm = new StandardTasksViewModel(service, ui.tasks(), ui.i18n(), "李明", true, Fixture.ZONE);
        StandardTasksView view = new StandardTasksView(vm);
        Theme.installUserAgentStylesheet();
        scene = new Scene(new StackPane(view.root()), 1200, 820);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        vm.load();
        @SuppressWarnings("unchecked")
        TableView<LibraryTask> t = (TableView<LibraryTask>) scene.lookup("#stdtask-table");
        table = t;
    }

    @AfterEach
    void close() {
        io.shutdown();
        fx.close();
    }

    private String label(String id) {
        return onFx(() -> lookup("#" + id).queryAs(Label.class).getText());
    }

    /** What the window looks like, under target/screenshots/ (to look at; nothing is compared). */
    private void screenshot(String name) {
        ScreenshotOfScene.underTarget(scene, name);
    }

    /** What the window says (its library and progress pages show the same line). */
    private String message() {
        return onFx(() -> vm.messageProperty().get());
    }

    @Test
    void theCommanderFindsATaskIssuesItToAGridAndStartsACampaign() {
        waitUntil(Duration.ofSeconds(10), "the default library is listed", () -> onFx(() -> table.getItems().size() >= 30));

        // Typed as an input method commits it: the whole words at once (the robot types no Chinese).
        clickOn("#stdtask-search");
        onFx(() -> {
            lookup("#stdtask-search").queryAs(javafx.scene.control.TextField.class).setText("反诈 入户");
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the search leaves the anti-fraud visit", () -> onFx(() ->
                table.getItems().size() == 1 && table.getItems().get(0).code().equals("BZJ-010")));
        waitUntil(Duration.ofSeconds(5), "its standard is shown", () -> label("stdtask-detail-items")
                .equals("走访户数、APP安装数、发放资料份数、发现可疑线索"));
        assertEquals("7 天", label("stdtask-detail-limit"));
        screenshot("standard-tasks.png");

        clickOn("#stdtask-issue");
        waitUntil(Duration.ofSeconds(5), "the order is issued", () -> message().startsWith("已下发指令 ZL"));
        assertTrue(message().contains("反诈宣传入户 → 南关社区第二警格"), message());
        Instant due = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT feedback_deadline FROM work_order "
                + "WHERE kind = 'STANDARD_TASK'").mapTo(OffsetDateTime.class).one()).toInstant();
        assertEquals(Fixture.T0.plus(Duration.ofDays(7)), due);

        clickOn("#stdtask-tick-all");
        // The issue's own work may still hold the buttons: a click on a disabled button is lost (seen under load).
        waitUntil(Duration.ofSeconds(10), "the window is free again", () -> onFx(() ->
                !lookup("#stdtask-campaign").query().isDisabled()));
        clickOn("#stdtask-campaign");
        waitUntil(Duration.ofSeconds(15), "the campaign is started", () -> message().startsWith("专项行动已发起"));
        // The window turns to the campaign's progress, the campaign chosen.
        @SuppressWarnings("unchecked")
        TableView<StandardTaskService.Progress> campaigns = (TableView<StandardTaskService.Progress>)
                onFx(() -> lookup("#stdtask-campaigns").query());
        waitUntil(Duration.ofSeconds(5), "its progress is listed", () -> onFx(() -> campaigns.getItems().size() == 1));
        waitUntil(Duration.ofSeconds(5), "two grids, none signed yet", () -> onFx(() ->
                "2".equals(LiveScreen.cellText(campaigns, 0, 3)) && "0".equals(LiveScreen.cellText(campaigns, 0, 4))));
        assertEquals(3, (int) fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM standard_task_order")
                .mapTo(Integer.class).one()));

        // The officer of the first grid signs and phones in his feedback; the form asks for the standard's items.
        @SuppressWarnings("unchecked")
        TableView<StandardTaskService.Line> lines = (TableView<StandardTaskService.Line>)
                onFx(() -> lookup("#stdtask-lines").query());
        waitUntil(Duration.ofSeconds(5), "the campaign's two orders", () -> onFx(() -> lines.getItems().size() == 2));
        orders.sign(onFx(() -> lines.getItems().get(0).orderId()), "王建国");
        onFx(() -> {
            lines.getSelectionModel().select(0);
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the four items are asked for", () -> onFx(() ->
                lookup("#stdtask-answer-3").tryQuery().isPresent()));
        clickOn("#stdtask-answer-0").write("120");
        clickOn("#stdtask-feedback");
        waitUntil(Duration.ofSeconds(5), "refused, the items named", () -> message()
                .equals("反馈未填写标准要求的项目：APP安装数、发放资料份数、发现可疑线索"));
        clickOn("#stdtask-answer-1").write("86");
        clickOn("#stdtask-answer-2").write("300");
        clickOn("#stdtask-answer-3").write("0");
        clickOn("#stdtask-feedback");
        waitUntil(Duration.ofSeconds(5), "recorded", () -> message().endsWith("的反馈已记录"));
        assertEquals(message(), label("stdtask-progress-message"));
        waitUntil(Duration.ofSeconds(5), "the progress counts it", () -> onFx(() ->
                "1".equals(LiveScreen.cellText(campaigns, 0, 5))));
        screenshot("standard-tasks-progress.png");
    }
}
