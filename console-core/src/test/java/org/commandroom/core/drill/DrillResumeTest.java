package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill a crash cut short (its session never ended: its database is left as the crash left it, its window never
 * closed) is found in its folder, and either taken up again where it was left, paused, or scored as it stands; the
 * live database beside it is never opened.
 */
class DrillResumeTest {

    static final String FILE = "fugitive-qianjin-road.yaml";
    static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();

    /** One data directory for the class: the scenario's county is generated once. */
    @TempDir
    static Path dataDir;
    static Path liveFile;
    static byte[] liveBefore;

    @BeforeAll
    static void liveDatabase() throws Exception {
        try (Database live = Database.open(DbSettings.embedded(dataDir, "console"))) {
            live.jdbi().useHandle(h -> h.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('live.marker', 'x')"));
        }
        liveFile = dataDir.resolve("console.mv.db");
        liveBefore = sha256(liveFile);
        SharedCounties.into(dataDir, new ScenarioLoader().bundled(FILE));
    }

    @AfterAll
    static void stop() throws Exception {
        BACKGROUND.shutdownNow();
        assertArrayEquals(liveBefore, sha256(liveFile), "the live database's bytes changed");
    }

    /** Plays the Qianjin Road drill to 3:00, sends the intercept to the two nearest cars, and is cut short there. */
    private static CutShort cutShort() throws Exception {
        String text = new String(ScenarioLoader.class.getResourceAsStream("/drills/" + FILE).readAllBytes(), StandardCharsets.UTF_8);
        DrillSession drill = DrillSession.create(new ScenarioLoader().parse(FILE, text), text, dataDir, ScriptedTrainee.NAME,
                BACKGROUND);
        ScriptedTrainee t = new ScriptedTrainee(drill);
        drill.advanceTo(Duration.ofMinutes(2).plusSeconds(50));
        drill.addNote("教官", "两车布控");
        drill.advanceTo(Duration.ofMinutes(3));
        List<Order> intercepts = t.intercept("fugitive", UnitKind.CAR, 2);
        List<DrillEvent> played = drill.events();
        int scoreThen = drill.score().total();
        // The crash: the session is never ended (no close: its window is never closed); the process's database goes.
        drill.clock().pause();
        drill.database().close();
        return new CutShort(drill.directory(), intercepts, played, scoreThen);
    }

    private record CutShort(Path dir, List<Order> intercepts, List<DrillEvent> played, int scoreThen) {
    }

    private static DrillHistory.Unfinished listed(Path dir) throws IOException {
        return DrillHistory.unfinished(dataDir, ScriptedTrainee.NAME).stream().filter(u -> u.directory().equals(dir))
                .findFirst().orElse(null);
    }

    @Test
    void aDrillCutShortIsListedAndResumedPausedWhereItWasLeft() throws Exception {
        CutShort cut = cutShort();
        DrillHistory.Unfinished u = listed(cut.dir());
        assertNotNull(u, "the drill cut short is offered");
        assertTrue(u.cutShort());
        assertEquals("fugitive-qianjin-road", u.scenarioId());
        assertEquals(ScriptedTrainee.NAME, u.trainee());
        assertTrue(u.reached().compareTo(Duration.ofMinutes(2).plusSeconds(50)) >= 0, u::toString);
        assertTrue(DrillHistory.read(dataDir, null).stream().noneMatch(e -> e.directory().equals(cut.dir())));

        try (DrillSession drill = DrillSession.resume(cut.dir(), BACKGROUND)) {
            // Its own database, never the live one (H2 locks every file it has open).
            try (FileChannel ch = FileChannel.open(liveFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = ch.tryLock()) {
                assertNotNull(lock, "the live database file is locked: the resumed drill opened it");
            }
            assertTrue(drill.database().settings().jdbcUrl().contains(cut.dir().toString()));
            // The clock stands paused at the last time recorded: the intercept, in the database only.
            assertFalse(drill.clock().isRunning());
            assertEquals(Duration.ofMinutes(3), drill.clock().elapsed());
            assertEquals(cut.played(), drill.events());
            assertEquals(ScriptedTrainee.NAME, drill.trainee());
            assertEquals(cut.scoreThen(), drill.score().total());
            assertEquals(List.of("两车布控"), drill.notes().stream().map(DrillNote::text).toList());
            assertNull(listed(cut.dir()).closedAt(), "taken up again, it is no longer marked closed");

            // The trainee carries on: the robbery comes, is dispatched; the cars' terminals answer the intercept the
            // crash left unanswered.
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofMinutes(10).plusSeconds(30));
            t.dispatchNearest("robbery", 1);
            drill.playToEnd();
            DrillScore score = drill.score();
            assertEquals(50, score.total(), () -> score.results().toString());
            for (Order o : cut.intercepts()) {
                assertEquals(OrderStatus.FED_BACK, drill.orders().find(o.id()).orElseThrow().status(), o.orderNo());
            }
            // Every timeline entry once: the calls before the crash were not played again.
            assertEquals(1, drill.events().stream().filter(e -> "fugitive".equals(e.eventId())).count());
            String robberyNo = drill.incidentOf("robbery").orElseThrow().incidentNo();
            int robberies = drill.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM incident WHERE incident_no = :no").bind("no", robberyNo).mapTo(Integer.class).one());
            assertEquals(1, robberies);
        }
        // Closed without a report, it is offered again, as closed rather than cut short.
        DrillHistory.Unfinished again = listed(cut.dir());
        assertNotNull(again);
        assertFalse(again.cutShort());
    }

    @Test
    void aDrillCutShortIsScoredAsItStandsAndLeavesTheList() throws Exception {
        CutShort cut = cutShort();
        Instant made;
        try (DrillSession drill = DrillSession.resume(cut.dir(), BACKGROUND)) {
            made = Instant.now();
            DrillReport report = DrillReport.of(drill, made);
            // The intercept in time (30); the robbery never came, so it was not dispatched.
            assertEquals(30, report.score().total(), () -> report.score().results().toString());
            assertEquals(50, report.score().maxPoints());
            assertFalse(report.maps().isEmpty(), "the sighting's map, read back from the recording");
            assertEquals(2, report.maps().get(0).map().units().stream().filter(m -> m.rank() == 1 || m.rank() == 2).count());
            // drawn over the county's police grids and main roads
            assertFalse(report.maps().get(0).map().backdrop().grids().isEmpty());
            assertFalse(report.maps().get(0).map().backdrop().roads().isEmpty());
            assertTrue(report.rows().stream().anyMatch(r -> r.kind() == DrillReport.RowKind.NOTE && r.expected().contains("两车布控")));
            DrillHistory.write(report, drill.directory(), null);
        }
        assertNull(listed(cut.dir()), "scored, it is no longer unfinished");
        DrillHistory.Entry e = DrillHistory.read(dataDir, ScriptedTrainee.NAME).stream()
                .filter(x -> x.directory().equals(cut.dir())).findFirst().orElseThrow();
        assertEquals(30, e.total());
        assertThrows(IOException.class, () -> DrillSession.resume(dataDir.resolve("drills").resolve("none"), BACKGROUND));
    }

    private static byte[] sha256(Path f) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
    }
}
