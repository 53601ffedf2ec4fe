package org.commandroom.app.ui.orders;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ConsoleSettings;
import org.commandroom.app.PushRuntime;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.escalation.FollowUpFixture;
import org.commandroom.core.dispatch.push.OrderPushEnqueuer;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The orders panel's push banner on a shared database with no broker configured: said in the commander's words with
 * what to set, not the push runtime's English detail (seen in the trial of 2026-12-07 on an H2 server).
 */
@ExtendWith(ApplicationExtension.class)
class OrdersPushBannerTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private final ScheduledExecutorService scheduler = Tasks.newScheduler("console-change-feed");
    private FollowUpFixture fx;
    private ChangeFeed feed;
    private PushRuntime push;

    @Start
    void start(Stage stage) {
        fx = new FollowUpFixture(TestDatabases.h2(), clock, "ws-a");
        OrderService orders = new OrderService(fx.db.jdbi(), clock, DeadlinePolicy.defaults(),
                new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, "t"), new OrderPushEnqueuer(clock));
        push = PushRuntime.prepare(fx.db.jdbi(), orders, clock, new ConsoleSettings(Role.DUTY_COMMANDER, Optional.empty(), null,
                null), "orders-banner", Platform::runLater, true);
        push.begin();
        feed = new ChangeFeed(fx.db.jdbi(), scheduler, Platform::runLater, clock, Duration.ofMillis(250), Duration.ofSeconds(10));
        feed.start();
        UiContext ui = new UiContext(clock, new Tasks(io, Platform::runLater), I18n.load(Locale.ROOT), new Ticker(),
                DisplaySettings.defaults());
        OrdersView view = new OrdersView(new OrdersViewModel(fx.followUp, feed, ui.tasks(), clock, push,
                Role.DUTY_COMMANDER, "值班长李明"), ui);
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1400, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        push.close();
        feed.close();
        scheduler.shutdownNow();
        io.shutdownNow();
        fx.db.close();
    }

    @Test
    void aSharedDatabaseWithNoBrokerSaysSoInChineseWithWhatToSet(FxRobot robot) {
        waitUntil(Duration.ofSeconds(10), "the banner shows", () -> robot.lookup("#push-banner").queryAs(Label.class).isVisible());
        String said = onFx(() -> robot.lookup("#push-banner").queryAs(Label.class).getText());
        assertEquals("未配置消息服务器：本工作站连接的是共享数据库，指令须经各工作站共用的消息服务器下发。0 条指令在发件箱等待；"
                + "请在 console.properties 中设置 mqtt.broker（见 docs/BROKER.md），设置后自动下发。", said);
        assertTrue(!said.contains(PushRuntime.NO_SHARED_BROKER), said);
        assertEquals(said, onFx(() -> robot.lookup("#push-banner").queryAs(Label.class).getTooltip().getText()),
                "the whole banner is in its tooltip, for a panel too short to show it");
    }
}
