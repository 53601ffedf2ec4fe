package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.core.store.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 10: "a call typed during an outage fails with a raw JDBC message and is not retried". The real console on an
 * H2 server that the test stops: the commander types a call with the keyboard, the form says it is kept, the status
 * bar counts it, and when the server is back the call is in the database and the queue, received when Enter was
 * pressed, and gone from the workstation's disk.
 */
@ExtendWith(ApplicationExtension.class)
class CallDuringOutageTest extends FxRobot {

    @TempDir
    Path dataDir;

    private Stage stage;
    private SharedDatabase shared;
    private RunningConsole console;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.installUserAgentStylesheet();
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    void aCallTypedWhileTheDatabaseIsGoneIsKeptShownAsWaitingAndSavedWhenItReturns() throws Exception {
        shared = SharedDatabase.Kind.H2_TCP.create();
        console = RunningConsole.startOn(stage, dataDir, shared.settings().jdbcUrl(), seed -> seed.db.jdbi().useHandle(h ->
                h.createUpdate("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) "
                        + "VALUES (:s, '南关小学', 'SCHOOL', 29.21, 103.71, 'WGS84')").bind("s", seed.stationId).execute()));
        var scene = console.scene;

        clickOn("#incident-queue-table");
        type(KeyCode.F2);
        waitUntil(Duration.ofSeconds(3), "F2 opens the intake form", () -> console.showing("intake-form"));
        // The gazetteer is read while the database is still there.
        waitUntil(Duration.ofSeconds(10), "the gazetteer is loaded", () -> console.services().intake().gazetteer().isLoaded());

        shared.takeAway();
        waitUntil(Duration.ofSeconds(3), "the status bar says the database is lost",
                () -> console.label("status-db-state").startsWith("连接中断"));

        clickOn("#intake-caller");
        write("13912345678");
        type(KeyCode.TAB);
        write("南关小");
        waitUntil(Duration.ofSeconds(5), "the gazetteer suggests the school", () -> console.showing("intake-suggestions")
                && !((ListView<?>) scene.lookup("#intake-suggestions")).getItems().isEmpty());
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        write("斗殴");
        waitUntil(Duration.ofSeconds(3), "matching types are listed", () -> console.showing("intake-type-list"));
        type(KeyCode.ENTER);
        write("校门口两人打架");
        Instant pressed = Instant.now();
        type(KeyCode.ENTER);

        waitUntil(Duration.ofSeconds(8), "the form says the call is kept",
                () -> console.label("intake-message").startsWith("数据库暂不可用：本次接警"));
        String message = console.label("intake-message");
        assertTrue(!message.contains("Exception") && !message.contains("jdbc") && !message.contains("[9"), message);
        assertTrue(message.contains("南关小学 · 打架斗殴") && !message.contains("FIGHT"), message);
        waitUntil(Duration.ofSeconds(3), "the status bar counts it", () -> console.label("status-drafts").startsWith("待保存 1 条"));
        Path drafts = dataDir.resolve("drafts");
        assertEquals(1, files(drafts).size(), "the draft is on the workstation's disk");

        shared.bringBack();
        waitUntil(Duration.ofSeconds(30), "it reaches the queue once the database is back",
                () -> console.<QueueRow>table("incident-queue-table").getItems().stream()
                        .anyMatch(r -> r.getEntry().address().equals("南关小学")));
        waitUntil(Duration.ofSeconds(5), "the status bar no longer counts it", () -> !console.showing("status-drafts"));
        assertEquals(List.of(), files(drafts));
        Instant received = console.seed.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT received_at FROM incident WHERE address = '南关小学'").mapTo(java.time.OffsetDateTime.class).one()).toInstant();
        assertTrue(Math.abs(Duration.between(pressed, received).toMillis()) < 3000,
                "received " + received + ", Enter pressed " + pressed);
        assertEquals(1, (int) console.seed.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM incident WHERE address = '南关小学'").mapTo(Integer.class).one()));
        onFx(() -> null);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".draft.json")).toList();
        }
    }
}
