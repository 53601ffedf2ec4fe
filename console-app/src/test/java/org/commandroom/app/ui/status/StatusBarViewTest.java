package org.commandroom.app.ui.status;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.core.store.DatabaseHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {

    private StatusBarScreen bar;
    private LiveScreen live;
    private Scene scene;
    private StatusBarViewModel vm;

    @Start
    void start(Stage stage) {
        bar = new StatusBarScreen(stage, 1400);
        live = bar.live;
        scene = bar.scene;
        vm = bar.vm;
    }

    @BeforeEach
    void awaitFeed() throws InterruptedException {
        live.awaitFeed();
    }

    @AfterEach
    void close() {
        bar.close();
    }

    private String text(String id) {
        return bar.text(id);
    }

    @Test
    void showsTheDatabaseItsStateTheCommanderAndTheClock() {
        assertEquals("数据库：jdbc:postgresql://10.1.2.3/console", text("status-database"));
        assertEquals("已连接", text("status-db-state"));
        assertEquals("值班长：王值班", text("status-commander"));
        assertEquals("2026-11-23 10:00:00", text("status-clock"));
        assertEquals("数据：实时", text("status-freshness"));
    }

    @Test
    void aLostDatabaseIsShownInRedWithWhySinceWhenAndTheAgeOfTheDataNotAStackTrace() {
        java.time.Instant lastAnswer = live.fx.clock.instant();
        live.fx.clock.advance(Duration.ofMinutes(1));
        java.time.Instant since = live.fx.clock.instant();
        onFx(() -> {
            vm.onHealth(new DatabaseHealth.State(DatabaseHealth.Problem.CLOSED, since, lastAnswer,
                    "The database has been closed [90098-240]"));
            return null;
        });
        live.fx.clock.advance(Duration.ofSeconds(12));

        waitUntil(Duration.ofSeconds(2), "the status bar reports the loss",
                () -> text("status-db-state").equals("数据库已关闭，正在重新打开（自 10:01:00 起）"));
        assertTrue(onFx(() -> scene.lookup("#status-db-state").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("db-lost"))));
        waitUntil(Duration.ofSeconds(2), "the data's age counts up",
                () -> text("status-freshness").equals("数据截至 10:00:00（已 01:12 未更新），可能已过时"));
        assertTrue(onFx(() -> scene.lookup("#status-freshness").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("stale"))));
        String all = text("status-db-state") + text("status-freshness");
        assertFalse(all.contains("90098") || all.contains("Exception"), all);

        onFx(() -> {
            vm.onHealth(new DatabaseHealth.State(DatabaseHealth.Problem.NONE, live.fx.clock.instant(),
                    live.fx.clock.instant(), null));
            return null;
        });
        waitUntil(Duration.ofSeconds(2), "back", () -> text("status-db-state").equals("已连接"));
    }

    @Test
    void theClockTicksWithTheInjectedClock() {
        live.fx.clock.advance(Duration.ofSeconds(61));
        waitUntil(Duration.ofMillis(1500), "the clock moved", () -> "2026-11-23 10:01:01".equals(text("status-clock")));
    }
}
