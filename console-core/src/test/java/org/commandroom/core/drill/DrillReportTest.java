package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillReportTest {

    @TempDir
    Path dataDir;

    @Test
    void theTimelineSetsExpectedAndActualSideBySideWithTheWrongDispatch() throws Exception {
        try (DrillSession drill = DrillSessionTest.start(dataDir, "family-dispute-repeat.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofMinutes(1));
            t.dispatchResponsible("chen");
            t.dispatchFarthest("chen");
            drill.playToEnd();
            DrillReport r = DrillReport.of(drill, Instant.now());
            List<DrillReport.Row> rows = r.rows();
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i - 1).at().compareTo(rows.get(i).at()) <= 0, "in time order");
            }
            assertEquals(2, rows.stream().filter(x -> x.kind() == DrillReport.RowKind.EVENT).count(), "two calls");
            assertEquals(3, rows.stream().filter(x -> x.kind() == DrillReport.RowKind.EXPECTED).count());
            DrillReport.Row wrong = rows.stream().filter(x -> x.kind() == DrillReport.RowKind.UNANSWERED).findFirst().orElseThrow();
            assertEquals(-5, wrong.points());
            DrillReport.Row dispatched = rows.stream().filter(x -> x.kind() == DrillReport.RowKind.EXPECTED
                    && x.outcome() == DrillScore.Outcome.ON_TIME).findFirst().orElseThrow();
            assertTrue(dispatched.actual().contains("@01:00"), dispatched.actual());
            // In the trainee's words, not the scenario's ids (the trial read "DISPATCH · chen · responsible · ≤03:00 · 10").
            assertEquals("派警（责任警力）· 3分钟内 · 10分", dispatched.expected());
            assertTrue(wrong.actual().matches("ZL\\d{8}-\\d{5} 派警 \\S+"), wrong.actual());
            assertEquals(5, r.score().total(), "10 for the dispatch, minus 5 for the wrong one");
        }
    }
}
