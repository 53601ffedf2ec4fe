package org.commandroom.app.ui.queue;

import static org.commandroom.app.ui.common.LiveScreen.cellText;
import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.rowHas;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The queue on screen, live against H2 through the change feed, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class IncidentQueueViewTest {

    private static final int NUMBER = 0;
    private static final int PRIORITY = 1;
    private static final int STATUS = 3;
    private static final int WAITING = 4;

    private LiveScreen live;
    private TableView<QueueRow> table;
    private String robbery;
    private String fight;
    private String dispute;
    private String noise;

    @Start
    void start(Stage stage) {
        Fixture fx = Fixture.inMemory();
        robbery = fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ofMinutes(20), "东大街8号");
        fight = fx.incident(IncidentType.FIGHT, 1, IncidentStatus.DISPATCHED, Duration.ofMinutes(2), "北街3号");
        dispute = fx.incident(IncidentType.FAMILY_DISPUTE, 2, IncidentStatus.NEW, Duration.ofMinutes(6), "南关路12号");
        noise = fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ofMinutes(1), "西巷1号");
        fx.incident(IncidentType.TRAFFIC_JAM, 2, IncidentStatus.CLOSED, Duration.ofMinutes(40), "环城路");
        live = new LiveScreen(fx, Locale.ROOT);
        IncidentQueueView view = new IncidentQueueView(new IncidentQueueViewModel(fx.incidents, live.feed,
                live.ui.tasks(), fx.clock, live.ui.settings()), live.ui);
        table = view.table();
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1500, 500);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void awaitFeed() throws InterruptedException {
        live.awaitFeed();
        waitUntil(Duration.ofSeconds(5), "the snapshot is shown",
                () -> table.getItems().size() == 4 && cellText(table, 3, NUMBER) != null);
    }

    @AfterEach
    void close() {
        live.close();
    }

    private List<String> shownNumbers() {
        return onFx(() -> List.of(cellText(table, 0, NUMBER), cellText(table, 1, NUMBER), cellText(table, 2, NUMBER),
                cellText(table, 3, NUMBER)));
    }

    @Test
    void theOpenIncidentsAreListedMostUrgentFirstWithHowLongEachHasWaited() {
        assertEquals(List.of(robbery, fight, dispute, noise), shownNumbers());
        assertEquals(List.of("20:00", "02:00", "06:00", "01:00"), onFx(() -> List.of(cellText(table, 0, WAITING),
                cellText(table, 1, WAITING), cellText(table, 2, WAITING), cellText(table, 3, WAITING))));
        assertEquals("紧急", onFx(() -> cellText(table, 0, PRIORITY)));
        assertEquals("待派警", onFx(() -> cellText(table, 0, STATUS)));
        assertEquals("已派警", onFx(() -> cellText(table, 1, STATUS)));
    }

    @Test
    void newIncidentsWaitingTooLongAreMarkedWarningOrDanger() {
        assertTrue(onFx(() -> rowHas(table, 0, "wait-danger")), "NEW for 20 min");
        assertTrue(onFx(() -> rowHas(table, 2, "wait-warning")), "NEW for 6 min");
        assertFalse(onFx(() -> rowHas(table, 1, "wait-warning") || rowHas(table, 1, "wait-danger")), "dispatched");
        assertFalse(onFx(() -> rowHas(table, 3, "wait-warning") || rowHas(table, 3, "wait-danger")), "1 min");
    }

    @Test
    void anIncidentWrittenToTheDatabaseAppearsInTheQueueWithinOneSecond() {
        String urgent = live.fx.incident(IncidentType.SELF_HARM_RISK, 1, IncidentStatus.NEW, Duration.ZERO, "河堤路");
        waitUntil(Duration.ofSeconds(1), "the new incident is shown",
                () -> table.getItems().stream().anyMatch(r -> r.getEntry().incidentNo().equals(urgent)));
        waitUntil(Duration.ofMillis(500), "it is placed after the older urgent ones",
                () -> urgent.equals(cellText(table, 2, NUMBER)));
    }

    @Test
    void aClosedIncidentLeavesTheQueueWithinOneSecond() {
        live.fx.setStatus(fight, IncidentStatus.CLOSED);
        waitUntil(Duration.ofSeconds(1), "the closed incident is gone",
                () -> table.getItems().stream().noneMatch(r -> r.getEntry().incidentNo().equals(fight)));
        waitUntil(Duration.ofMillis(500), "the rows below move up on screen", () -> List.of(robbery, dispute, noise)
                .equals(List.of(cellText(table, 0, NUMBER), cellText(table, 1, NUMBER), cellText(table, 2, NUMBER))));
    }

    @Test
    void aHiddenQueueStopsTickingAndNoLongerFollowsTheFeed() throws InterruptedException {
        assertEquals(1, onFx(() -> live.ui.ticker().subscriberCount()));
        onFx(() -> {
            table.getScene().setRoot(new StackPane());
            return null;
        });
        assertEquals(0, onFx(() -> live.ui.ticker().subscriberCount()), "the once-a-second tick is released");

        live.fx.incident(IncidentType.SELF_HARM_RISK, 1, IncidentStatus.NEW, Duration.ZERO, "河堤路");
        Thread.sleep(800);
        assertEquals(4, onFx(() -> table.getItems().size()), "the feed listener is released too");
    }

    @Test
    void theWaitingTimeTicksAsTheClockMoves() {
        live.fx.clock.advance(Duration.ofSeconds(75));
        waitUntil(Duration.ofMillis(1500), "the waiting time moved on by 1:15",
                () -> "21:15".equals(cellText(table, 0, WAITING)) && "02:15".equals(cellText(table, 3, WAITING)));

        live.fx.clock.advance(Duration.ofMinutes(40));
        waitUntil(Duration.ofMillis(1500), "past an hour it shows hours",
                () -> "1:01:15".equals(cellText(table, 0, WAITING)));
        waitUntil(Duration.ofMillis(500), "the routine incident now waits too long",
                () -> rowHas(table, 3, "wait-danger"));
    }
}
