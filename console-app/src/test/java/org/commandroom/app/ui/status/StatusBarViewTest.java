package org.commandroom.app.ui.status;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {

    private LiveScreen live;
    private Scene scene;

    @Start
    void start(Stage stage) {
        live = new LiveScreen(Fixture.inMemory(), Locale.ROOT);
        StatusBarViewModel vm = new StatusBarViewModel(live.fx.clock, "jdbc:postgresql://10.1.2.3/console", "王值班");
        vm.connected(live.feed);
        Theme.installUserAgentStylesheet();
        BorderPane root = new BorderPane();
        root.setBottom(new StatusBarView(vm, live.ui).root());
        scene = new Scene(root, 1400, 120);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void awaitFeed() throws InterruptedException {
        live.awaitFeed();
    }

    @AfterEach
    void close() {
        live.close();
    }

    private String text(String id) {
        return onFx(() -> ((Label) scene.lookup("#" + id)).getText());
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
    void aLostDatabaseIsShownWithTheTimeItWasLostAndOneLineOfReasonNotAStackTrace() {
        live.fx.clock.advance(Duration.ofMinutes(1));
        live.fx.db.close();

        waitUntil(Duration.ofSeconds(2), "the status bar reports the loss",
                () -> text("status-db-state").startsWith("连接中断，自 10:01:00 起"));
        String state = text("status-db-state");
        assertFalse(state.contains("\n") || state.contains("\tat ") || state.contains("Exception"), state);
        assertTrue(onFx(() -> scene.lookup("#status-db-state").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("db-lost"))));
        assertTrue(text("status-freshness").startsWith("数据截至 10:0"), text("status-freshness"));
    }

    @Test
    void theClockTicksWithTheInjectedClock() {
        live.fx.clock.advance(Duration.ofSeconds(61));
        waitUntil(Duration.ofMillis(1500), "the clock moved", () -> "2026-11-23 10:01:01".equals(text("status-clock")));
    }
}
