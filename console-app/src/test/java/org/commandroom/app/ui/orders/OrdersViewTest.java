package org.commandroom.app.ui.orders;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.rowHas;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.escalation.FollowUpFixture;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The orders panel on screen: countdowns, an overdue line, and review-and-close with a note by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class OrdersViewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final int NUMBER = 0;
    private static final int DUE_IN = 3;

    private final TestClock clock = new TestClock(T0);
    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private final ScheduledExecutorService scheduler = Tasks.newScheduler("console-change-feed");
    private FollowUpFixture fx;
    private ChangeFeed feed;
    private TableView<OrderRow> table;
    private Order late;
    private Order done;

    @Start
    void start(Stage stage) {
        fx = new FollowUpFixture(TestDatabases.h2(), clock, "ws-a");
        late = fx.dispatch();
        done = fx.dispatch();
        fx.orders.sign(done.id(), "城关01");
        fx.orders.feedback(done.id(), "城关01", "双方已调解");
        clock.advance(Duration.ofMinutes(31));
        feed = new ChangeFeed(fx.db.jdbi(), scheduler, Platform::runLater, clock, Duration.ofMillis(250), Duration.ofSeconds(10));
        feed.start();
        UiContext ui = new UiContext(clock, new Tasks(io, Platform::runLater), I18n.load(Locale.ROOT), new Ticker(),
                DisplaySettings.defaults());
        OrdersView view = new OrdersView(new OrdersViewModel(fx.followUp, feed, ui.tasks(), clock, null,
                Role.COMMAND_LEADER, "值班长李明"), ui);
        table = view.table();
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1400, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        feed.close();
        scheduler.shutdownNow();
        io.shutdownNow();
        fx.db.close();
    }

    @Test
    void anUnsignedOrderShowsHowLongItIsOverdueAndAFedBackOneIsReviewedAndClosedWithANote(FxRobot robot) {
        waitUntil(Duration.ofSeconds(5), "both orders are shown", () -> table.getItems().size() == 2
                && cellText(table, 0, NUMBER) != null);
        assertEquals(late.orderNo(), onFx(() -> cellText(table, 0, NUMBER)), "the missed deadline first");
        assertEquals("-01:00", onFx(() -> cellText(table, 0, DUE_IN)), "overdue by a minute");
        assertTrue(onFx(() -> rowHas(table, 0, "overdue")));

        robot.clickOn(onFx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == 1).findFirst().orElseThrow()));
        waitUntil(Duration.ofSeconds(2), "its trail is shown",
                () -> robot.lookup("#orders-trail").queryTableView().getItems().size() == 4);
        robot.clickOn("#orders-note").write("反馈属实，同意办结");
        robot.clickOn("#orders-close");
        waitUntil(Duration.ofSeconds(2), "the closed order leaves the panel", () -> table.getItems().size() == 1);
        TrailEvent last = fx.followUp.trail(done.id()).get(4);
        assertEquals(OrderEventType.CLOSED, last.event());
        assertEquals("值班长李明", last.actor());
        assertEquals("反馈属实，同意办结", last.detail());
    }
}
