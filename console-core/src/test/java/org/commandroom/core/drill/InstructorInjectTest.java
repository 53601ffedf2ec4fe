package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the instructor does during a drill: injects one of the scenario's injectable events (scored from then on, and
 * only then), makes up a new call (no answer, no deduction), and writes notes that the after-action report shows at
 * their time.
 */
class InstructorInjectTest {

    @TempDir
    Path dataDir;

    private static Duration m(int minutes, int seconds) {
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    private DrillSession start(String file) throws Exception {
        return DrillSessionTest.start(dataDir, file);
    }

    @Test
    void anInjectedCallIsPlayedAtTheClocksTimeAndScoredFromThen() throws Exception {
        try (DrillSession drill = start("night-market-brawl.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(1, 30));
            t.dispatchNearest("brawl", 2);
            drill.advanceTo(m(3, 30));
            t.dispatchNearest("crowd", 1);
            drill.advanceTo(m(5, 0));
            DrillEvent e = drill.inject("second-fight").orElseThrow();
            assertEquals(drill.clock().start().plus(m(5, 0)), e.at(), "played at the clock's time");
            assertTrue(e.text().startsWith(DrillSession.INJECTED), e.text());
            assertTrue(drill.inject("second-fight").isEmpty(), "injected once only");
            assertTrue(drill.inject("brawl").isEmpty(), "a timeline call is not injectable");
            assertTrue(drill.incidentOf("second-fight").isPresent(), "the call went through intake");
            drill.advanceTo(m(6, 0));
            t.dispatchNearest("second-fight", 1);
            drill.advanceTo(m(9, 30));
            t.dispatchResponsible("crash");
            drill.playToEnd();
            DrillScore score = drill.score();
            assertEquals(50, score.maxPoints(), "the injected call's action counts in what could be earned");
            assertEquals(50, score.total(), () -> score.results().toString());
        }
    }

    @Test
    void anInjectedEventLeftUnansweredIsMissedAndOneNeverInjectedAsksNothing() throws Exception {
        try (DrillSession drill = start("telecom-fraud-bank.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(2, 0));
            t.dispatchNearest("counter", 1);
            drill.advanceTo(m(7, 0));
            drill.inject("mule").orElseThrow();
            drill.advanceTo(m(10, 0));
            t.dispatchResponsible("safe-account");
            drill.playToEnd();
            DrillScore score = drill.score();
            assertEquals(40, score.maxPoints());
            assertEquals(30, score.total(), () -> score.results().toString());
            assertEquals(DrillScore.Outcome.MISSED, score.results().stream()
                    .filter(r -> r.expected().id().equals("mule-intercept")).findFirst().orElseThrow().outcome());
        }
        try (DrillSession drill = start("telecom-fraud-bank.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(7, 0));
            drill.inject("mule").orElseThrow();
            drill.advanceTo(m(8, 0));
            assertEquals(1, t.intercept("mule", UnitKind.CAR, 1).size());
            drill.playToEnd();
            DrillScore score = drill.score();
            DrillScore.Result mule = score.results().stream().filter(r -> r.expected().id().equals("mule-intercept"))
                    .findFirst().orElseThrow();
            assertEquals(DrillScore.Outcome.ON_TIME, mule.outcome());
            assertEquals(10, mule.earned());
        }
    }

    @Test
    void anInstructorsNewCallHasNoAnswerSoADispatchToItCostsNothing() throws Exception {
        try (DrillSession drill = start("night-market-brawl.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(m(1, 30));
            t.dispatchNearest("brawl", 2);
            drill.advanceTo(m(3, 30));
            t.dispatchNearest("crowd", 1);
            drill.advanceTo(m(6, 0));
            assertTrue(drill.newCall("没有这个地方", IncidentType.NOISE, "王先生", "楼上很吵").isEmpty(),
                    "an address the county does not know is refused");
            DrillEvent call = drill.newCall("沐溪夜市", IncidentType.NOISE, "王先生", "夜市音响太吵").orElseThrow();
            assertEquals("instructor-1", call.eventId());
            t.dispatchNearest("instructor-1", 1);
            t.dispatchFarthest("instructor-1");
            drill.advanceTo(m(9, 30));
            t.dispatchResponsible("crash");
            drill.playToEnd();
            DrillScore score = drill.score();
            assertEquals(40, score.maxPoints());
            assertEquals(40, score.total(), () -> score.deductions().toString());
            assertTrue(score.deductions().isEmpty());
        }
    }

    @Test
    void theInstructorsNotesStandOnTheReportsTimelineAtTheirTime() throws Exception {
        try (DrillSession drill = start("night-market-brawl.yaml")) {
            drill.advanceTo(m(2, 10));
            drill.addNote("导调员李", "学员先看了地图再派警，犹豫约一分钟").orElseThrow();
            assertTrue(drill.addNote("导调员李", "  ").isEmpty(), "a blank note is no note");
            drill.advanceTo(m(12, 0));
            drill.addNote("导调员李", "The crash went unanswered");
            drill.playToEnd();
            DrillReport report = DrillReport.of(drill, java.time.Instant.now());
            List<DrillReport.Row> notes = report.rows().stream().filter(r -> r.kind() == DrillReport.RowKind.NOTE).toList();
            assertEquals(2, notes.size());
            assertEquals(m(2, 10), notes.get(0).at());
            assertEquals("导调员李：学员先看了地图再派警，犹豫约一分钟", notes.get(0).expected());
            assertEquals(m(12, 0), notes.get(1).at());
            // On the timeline between the events before and after it.
            int i = report.rows().indexOf(notes.get(0));
            assertTrue(report.rows().get(i - 1).at().compareTo(m(2, 10)) <= 0);
            assertTrue(report.rows().get(i + 1).at().compareTo(m(2, 10)) >= 0);
        }
    }
}
