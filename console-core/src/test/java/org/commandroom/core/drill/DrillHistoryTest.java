package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trainee's drill history, read back from the results the finished drills left in their folders. */
class DrillHistoryTest {

    @TempDir
    Path dataDir;

    @Test
    void theFinishedDrillsAreReadBackNewestFirstWithTheirScoresAndByTrainee() throws Exception {
        Instant first;
        try (DrillSession drill = DrillSessionTest.start(dataDir, "telecom-fraud-bank.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofMinutes(2));
            t.dispatchNearest("counter", 1);
            drill.playToEnd();
            first = Instant.parse("2026-12-07T08:00:00Z");
            DrillReport r = DrillReport.of(drill, first);
            DrillHistory.write(r, drill.directory(), drill.directory().resolve("report.pdf"));
            assertEquals(20, r.score().total());
        }
        try (DrillSession drill = DrillSession.create(new ScenarioLoader().bundled("night-market-brawl.yaml"), dataDir, "学员乙",
                DrillSessionTest.BACKGROUND)) {
            drill.playToEnd();
            DrillHistory.write(DrillReport.of(drill, first.plusSeconds(3600)), drill.directory(), null);
        }
        // A drill not finished (no result) and an unreadable result are not in the history.
        try (DrillSession unfinished = DrillSessionTest.start(dataDir, "ebike-theft-spree.yaml")) {
            Files.createDirectories(dataDir.resolve("drills/broken"));
            Files.writeString(dataDir.resolve("drills/broken").resolve(DrillHistory.RESULT_FILE), "scenario=x\n");
        }
        List<DrillHistory.Entry> all = DrillHistory.read(dataDir, null);
        assertEquals(2, all.size(), all.toString());
        assertEquals("night-market-brawl", all.get(0).scenarioId(), "newest first");
        assertEquals("学员乙", all.get(0).trainee());
        assertEquals(0, all.get(0).total());
        assertEquals(40, all.get(0).maxPoints());
        assertEquals(null, all.get(0).report());
        DrillHistory.Entry fraud = all.get(1);
        assertEquals("警银联动拦截电诈转账", fraud.scenarioName());
        assertEquals("A telecom-fraud transfer stopped with the bank", fraud.scenarioNameEn());
        assertEquals(ScriptedTrainee.NAME, fraud.trainee());
        assertEquals(20, fraud.total());
        assertEquals(30, fraud.maxPoints());
        assertEquals(first, fraud.finishedAt());
        assertTrue(fraud.report().endsWith("report.pdf"));
        assertEquals(List.of(fraud), DrillHistory.read(dataDir, ScriptedTrainee.NAME), "one trainee's drills");
        assertTrue(DrillHistory.read(dataDir.resolve("nowhere"), null).isEmpty());
    }
}
