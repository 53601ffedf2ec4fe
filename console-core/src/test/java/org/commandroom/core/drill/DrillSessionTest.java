package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.incident.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The family-dispute drill played end to end: the right answers, a wrong dispatch, a missed deadline. */
class DrillSessionTest {

    static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();

    @TempDir
    Path dataDir;

    @AfterAll
    static void stop() {
        BACKGROUND.shutdownNow();
    }

    static DrillSession start(Path dataDir, String file) throws Exception {
        return DrillSession.create(new ScenarioLoader().bundled(file), dataDir, ScriptedTrainee.NAME, BACKGROUND);
    }

    @Test
    void theRightAnswersEarnFullMarksAndTheTerminalsAnswerThroughTheDrillChannel() throws Exception {
        try (DrillSession drill = start(dataDir, "family-dispute-repeat.yaml")) {
            assertTrue(Files.isRegularFile(drill.directory().resolve(DrillSession.DB_NAME + ".mv.db")));
            assertTrue(drill.directory().startsWith(dataDir.resolve(DrillSession.DRILLS_DIR)));
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofSeconds(30));
            assertTrue(drill.callResult("chen").orElseThrow().repeat().flagged(), "the third call is a repeat");
            // The scripted unit's behaviour reads in the instructor's words (it read "late-on-scene").
            assertTrue(drill.events().stream().anyMatch(e -> e.kind().equals("UNIT")
                    && e.text().equals("玉津巡02 迟迟不报到场")), drill.events()::toString);
            drill.advance(Duration.ofSeconds(60));
            Order dispatched = t.dispatchResponsible("chen");
            drill.advance(Duration.ofMinutes(2));
            t.orderProposedVisit("chen");
            drill.advanceTo(Duration.ofMinutes(7));
            t.dispatchResponsible("noise");
            drill.playToEnd();

            DrillScore score = drill.score();
            assertEquals(40, score.maxPoints());
            assertEquals(40, score.total(), () -> score.results().toString());
            assertTrue(score.results().stream().allMatch(r -> r.outcome() == DrillScore.Outcome.ON_TIME));
            assertEquals(List.of(10, 20, 10), score.results().stream().map(DrillScore.Result::earned).toList());
            assertEquals(20, score.byCompetence().get("出警时效")[1]);
            assertTrue(drill.isFinished());
            assertFalse(drill.clock().isRunning());
            // The dispatched unit's terminal got the order on the drill channel and signed for it there.
            if (dispatched.unitId() != null) {
                assertTrue(drill.channel().sent().stream().anyMatch(m -> m.payload().contains("\"orderId\":" + dispatched.id())));
                OrderStatus now = drill.orders().find(dispatched.id()).orElseThrow().status();
                assertTrue(now == OrderStatus.SIGNED || now == OrderStatus.FED_BACK, "status " + now);
                assertTrue(drill.events().stream().anyMatch(e -> e.kind().equals("TERMINAL")));
            }
        }
    }

    @Test
    void aWrongDispatchAndAMissedDeadlineCostTheirKnownPoints() throws Exception {
        try (DrillSession drill = start(dataDir, "family-dispute-repeat.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofMinutes(1));
            t.dispatchResponsible("chen");
            t.dispatchFarthest("chen");
            // The visit comes 12 minutes after the call: its window was 10 minutes.
            drill.advanceTo(Duration.ofMinutes(12).plusSeconds(30));
            t.orderProposedVisit("chen");
            t.dispatchResponsible("noise");
            drill.playToEnd();
            DrillScore score = drill.score();
            // chen-dispatch 10, chen-visit late 10 of 20, noise-dispatch late (6:30 after the call, window 5:00) 5 of 10;
            // one wrong dispatch -5.
            assertEquals(List.of(DrillScore.Outcome.ON_TIME, DrillScore.Outcome.LATE, DrillScore.Outcome.LATE),
                    score.results().stream().map(DrillScore.Result::outcome).toList());
            assertEquals(25, score.earned());
            assertEquals(1, score.deductions().size());
            assertEquals(20, score.total());
        }
    }

    @Test
    void theSecondDrillOfACountyIsACopyOfTheFirstsGeneratedCounty() throws Exception {
        String units = "SELECT call_sign || ' ' || status || ' ' || lat || ' ' || lon FROM patrol_unit ORDER BY call_sign";
        List<String> first;
        try (DrillSession drill = start(dataDir, "family-dispute-repeat.yaml")) {
            first = drill.database().jdbi().withHandle(h -> h.createQuery(units).mapTo(String.class).list());
        }
        Path templates = dataDir.resolve(DrillSession.DRILLS_DIR).resolve(DrillSession.TEMPLATES_DIR);
        List<Path> made;
        try (var files = Files.list(templates)) {
            made = files.toList();
        }
        assertEquals(1, made.size(), "one generated county: " + made);
        java.nio.file.attribute.FileTime madeAt = Files.getLastModifiedTime(made.get(0));
        long t0 = System.nanoTime();
        try (DrillSession drill = start(dataDir, "family-dispute-repeat.yaml")) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            org.slf4j.LoggerFactory.getLogger(DrillSessionTest.class).info("second drill database ready in {} ms", ms);
            assertEquals(first, drill.database().jdbi().withHandle(h -> h.createQuery(units).mapTo(String.class).list()));
            assertTrue(drill.callResult("chen").isEmpty());
        }
        assertEquals(madeAt, Files.getLastModifiedTime(made.get(0)), "the template is read, never written");
        try (var files = Files.list(dataDir.resolve(DrillSession.DRILLS_DIR))) {
            assertEquals(3, files.count(), "two drills and the templates");
        }
    }

    @Test
    void theScenariosCallsAlertTheTraineesDeskAndTheTraineesOwnCallsDoNot() throws Exception {
        // The trial found the scenario's calls silent on the trainee's desk: they were stamped with the desk's own
        // origin, which the alert rule takes for the trainee's own work.
        try (DrillSession drill = start(dataDir, "family-dispute-repeat.yaml")) {
            var jdbi = drill.database().jdbi();
            long before = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM change_log").mapTo(Long.class).one());
            drill.advanceTo(Duration.ofSeconds(30));
            Incident call = drill.incidentOf("chen").orElseThrow();
            Incident own = drill.intake().intake().record(new org.commandroom.core.intake.CallReport("13800000000",
                    call.address(), call.position(), call.type(), null, "学员自己接的警", null, null), ScriptedTrainee.NAME).incident();
            List<org.commandroom.core.live.Change> changes = jdbi.withHandle(h -> h.attach(org.commandroom.core.live.ChangeLogDao.class)
                    .after(before, 10_000));
            assertTrue(changes.stream().anyMatch(c -> c.entityId() == call.id() && DrillSession.SCENARIO_ORIGIN.equals(c.origin())),
                    changes::toString);
            var rule = new org.commandroom.core.alert.IncidentAlertRule(DrillSession.ORIGIN);
            var triggers = rule.triggers(changes, drill.incidents().queueEntries(List.of(call.id(), own.id())),
                    drill.clock().instant());
            assertEquals(List.of(call.id()), triggers.stream().map(org.commandroom.core.alert.AlertTrigger::entityId).toList(),
                    triggers::toString);
        }
    }

    @Test
    void doingNothingEarnsNothing() throws Exception {
        try (DrillSession drill = start(dataDir, "family-dispute-repeat.yaml")) {
            drill.playToEnd();
            DrillScore score = drill.score();
            assertEquals(0, score.total());
            assertTrue(score.results().stream().allMatch(r -> r.outcome() == DrillScore.Outcome.MISSED));
        }
    }
}
