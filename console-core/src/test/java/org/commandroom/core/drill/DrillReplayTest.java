package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished drill played again from its folder: the events it played, the trainee's orders and the instructor's
 * notes in their order, on the replay's own clock at the chosen speed (a simulated real time: no sleeps), with pause
 * and jumps both ways, the units where they stood; and nothing of the folder changes.
 */
class DrillReplayTest {

    @TempDir
    static Path dataDir;

    private static Path folder;
    private static List<DrillEvent> played;
    private static List<String> orders;
    private static Instant start;

    @BeforeAll
    static void playTheFugitiveDrill() throws Exception {
        SharedCounties.into(dataDir, new ScenarioLoader().bundled("fugitive-qianjin-road.yaml"));
        try (DrillSession drill = DrillSession.create(new ScenarioLoader().bundled("fugitive-qianjin-road.yaml"), dataDir,
                ScriptedTrainee.NAME, DrillSessionTest.BACKGROUND)) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofMinutes(3));
            List<Order> intercepts = t.intercept("fugitive", UnitKind.CAR, 2);
            drill.addNote("教官", "布控及时");
            drill.advanceTo(Duration.ofSeconds(10 * 60 + 30));
            List<Order> robbery = t.dispatchNearest("robbery", 1);
            drill.playToEnd();
            DrillHistory.write(DrillReport.of(drill, Instant.now()), drill.directory(), null);
            folder = drill.directory();
            played = drill.events();
            orders = Stream.concat(intercepts.stream(), robbery.stream()).map(Order::orderNo).toList();
            start = drill.clock().start();
        }
    }

    @Test
    void theReplayHasThePlayedEventsTheOrdersAndTheNotesInTheirOrder() throws Exception {
        DrillReplay r = DrillReplay.read(folder);
        assertEquals(played.stream().map(e -> e.kind() + " " + e.text()).toList(), r.steps().stream()
                .filter(s -> s.kind() != DrillReplay.StepKind.ORDER && s.kind() != DrillReplay.StepKind.NOTE)
                .map(s -> s.kind() + " " + s.text()).toList(), "every played event, in the order played");
        assertEquals(orders, r.steps().stream().filter(s -> s.kind() == DrillReplay.StepKind.ORDER)
                .map(DrillReplay.Step::eventId).toList());
        // An order's kind in words (the trial's replay read "ZL… DISPATCH"), in the language asked for.
        DrillReplay.Step order = r.steps().stream().filter(s -> s.kind() == DrillReplay.StepKind.ORDER).findFirst().orElseThrow();
        assertTrue(order.text().startsWith(order.eventId() + " 布控"), order.text());
        assertTrue(DrillReplay.read(folder, java.util.Locale.ENGLISH).steps().stream()
                .filter(s -> s.kind() == DrillReplay.StepKind.ORDER).findFirst().orElseThrow().text()
                .startsWith(order.eventId() + " intercept"));
        List<DrillReplay.Step> notes = r.steps().stream().filter(s -> s.kind() == DrillReplay.StepKind.NOTE).toList();
        assertEquals(1, notes.size());
        assertEquals("教官：布控及时", notes.get(0).text());
        assertEquals(Duration.ofMinutes(3), notes.get(0).at());
        for (int i = 1; i < r.steps().size(); i++) {
            assertFalse(r.steps().get(i).at().compareTo(r.steps().get(i - 1).at()) < 0, "in time order");
        }
        assertEquals(Duration.ofMinutes(20), r.length(), "to the drill's end");
        assertEquals(start, r.start());
    }

    @Test
    void playedAtTenTimesTheStepsComeAtTheirTimeOnTheSimulatedClockAndPauseHoldsIt() throws Exception {
        AtomicLong nanos = new AtomicLong();
        DrillReplayPlayer p = new DrillReplayPlayer(DrillReplay.read(folder), nanos::get);
        p.setSpeed(10);
        p.play();
        // 12 s of real time at 10x: two minutes of the drill, the sighting (02:00) and what came before it
        nanos.addAndGet(Duration.ofSeconds(12).toNanos());
        List<DrillReplay.Step> first = List.copyOf(p.poll());
        assertEquals(Duration.ofMinutes(2), p.position());
        assertTrue(first.stream().anyMatch(s -> "fugitive".equals(s.eventId())), first.toString());
        assertTrue(first.stream().allMatch(s -> s.at().compareTo(Duration.ofMinutes(2)) <= 0));
        assertFalse(first.stream().anyMatch(s -> s.kind() == DrillReplay.StepKind.ORDER), "the orders came at 03:00");
        p.pause();
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertEquals(List.of(), p.poll(), "paused: nothing moves");
        assertEquals(Duration.ofMinutes(2), p.position());
        p.setSpeed(20);
        p.play();
        // 60 s at 20x: to the end (20:00), where the replay stops itself
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        List<DrillReplay.Step> rest = List.copyOf(p.poll());
        assertEquals(p.replay().steps(), Stream.concat(first.stream(), rest.stream()).toList(),
                "all the steps, each once, in order");
        assertTrue(p.isAtEnd());
        assertFalse(p.isPlaying());
    }

    @Test
    void jumpsGoToTheNextStepAndBackwardsAndTheMapShowsTheUnitsWhereTheyStood() throws Exception {
        AtomicLong nanos = new AtomicLong();
        DrillReplayPlayer p = new DrillReplayPlayer(DrillReplay.read(folder), nanos::get);
        DrillReplay.Step firstStep = p.replay().steps().get(0);
        p.jumpToNext();
        assertEquals(firstStep.at(), p.position());
        assertEquals(firstStep, p.shown().get(0));
        p.jumpTo(Duration.ofMinutes(11));
        assertTrue(p.shown().stream().anyMatch(s -> "robbery".equals(s.eventId())));
        p.jumpTo(Duration.ofMinutes(1));
        assertFalse(p.shown().stream().anyMatch(s -> "fugitive".equals(s.eventId())), "backwards: the sighting not yet");
        assertFalse(p.isPlaying(), "a jump keeps the replay paused");
        // 00:00 moved 玉津巡02 to 锦屏中学: the map then shows it there, labelled
        DrillMapSnapshot map = p.map();
        assertNotNull(map);
        DrillReplay.Position moved = p.replay().positions().stream().filter(x -> x.key().equals("玉津巡02"))
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(map.units().stream().anyMatch(m -> m.callSign().equals("玉津巡02") && m.position().equals(moved.where())
                && m.rank() == DrillMapSnapshot.SHOWN));
        p.jumpTo(Duration.ofMinutes(2));
        assertEquals("fugitive", p.map().eventId(), "the map is around the latest event");
        assertTrue(p.map().png(200, 200).length > 0);
    }

    @Test
    void readingAndPlayingTheReplayChangesNothingInTheDrillsFolder() throws Exception {
        Map<String, byte[]> before = digests(folder);
        DrillReplayPlayer p = new DrillReplayPlayer(DrillReplay.read(folder), () -> 0L);
        p.jumpTo(Duration.ofMinutes(20));
        p.poll();
        p.map();
        Map<String, byte[]> after = digests(folder);
        assertEquals(before.keySet(), after.keySet(), "no file made or removed");
        before.forEach((name, d) -> assertArrayEquals(d, after.get(name), name));
    }

    @Test
    void aDrillRecordedBeforeTheRecordingStillReplaysItsCallsOrdersAndNotes() throws Exception {
        Path old = dataDir.resolve("old-copy");
        Files.createDirectories(old);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(DrillReplay.FILE)) {
                    Files.copy(f, old.resolve(f.getFileName()));
                }
            }
        }
        DrillReplay r = DrillReplay.read(old);
        assertEquals(1, r.steps().stream().filter(s -> s.kind() == DrillReplay.StepKind.CALL).count(), "the robbery");
        assertEquals(orders.size(), r.steps().stream().filter(s -> s.kind() == DrillReplay.StepKind.ORDER).count());
        assertEquals(1, r.steps().stream().filter(s -> s.kind() == DrillReplay.StepKind.NOTE).count());
        assertTrue(r.positions().isEmpty());
    }

    @Test
    void aDrillStillOpenInThisConsoleReplaysToo() throws Exception {
        try (DrillSession drill = DrillSession.create(new ScenarioLoader().bundled("night-market-brawl.yaml"), dataDir,
                ScriptedTrainee.NAME, DrillSessionTest.BACKGROUND)) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofSeconds(90));
            t.dispatchNearest("brawl", 2);
            drill.playToEnd();
            DrillHistory.write(DrillReport.of(drill, Instant.now()), drill.directory(), null);
            // the trainee's drill window (and its database) still open
            DrillReplay r = DrillReplay.read(drill.directory());
            assertEquals(2, r.steps().stream().filter(s -> s.kind() == DrillReplay.StepKind.ORDER).count());
            // and the drill goes on working on its database after
            assertEquals(2, drill.score().actions().size());
        }
    }

    private static Map<String, byte[]> digests(Path dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
            }
        }
        return out;
    }
}
