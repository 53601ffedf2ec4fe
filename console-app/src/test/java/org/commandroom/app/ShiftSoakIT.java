package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 10's shift soak, shortened for CI: two minutes of the real console at 10× (20 minutes of a shift) worked by
 * the robot of {@link ShiftSoak}. It runs in a JVM of its own, with the application's 1 GB heap and soft references
 * cleared at every full GC (the console-app pom's {@code shift-soak execution, failsafe). The whole shift:
 * {@code -Psoak -Dsoak.minutes=72} (docs/BENCHMARKS.md).
 */
@ExtendWith(ApplicationExtension.class)
class ShiftSoakIT extends FxRobot {

    @TempDir
    Path dataDir;

    @Start
    void start(Stage primary) {
        Theme.installUserAgentStylesheet();
    }

    @Test
    void aShiftWorkedByTheRobotLosesNothingStallsNothingAndDoesNotGrow() throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 2);
        int speed = Integer.getInteger("soak.speed", 10);
        ShiftSoak.Figures f = new ShiftSoak(this, new ShiftSoak.Settings(Duration.ofMinutes(minutes), speed,
                dataDir, 20261206L)).run();
        String report = f.report();
        System.out.println(report);
        Path out = Path.of("target", "shift-soak.txt");
        Files.writeString(out, report);

        assertEquals(0, f.databaseClosures(), report);
        assertEquals(0, f.databaseLost(), report);
        assertEquals(0, f.failedWrites(), report);
        assertEquals(0, f.errorLines(), report);
        assertEquals(List.of(), f.rowsDiff(), report);
        assertTrue(f.heapGrowth() <= 0.10, "heap grew by more than 10 %\n" + report);
        // The robot really worked the console: calls typed, dispatched (each second Enter refused), orders issued.
        assertTrue(f.callsSaved() >= minutes && f.dispatches() >= minutes / 2 && f.tasksIssued() >= 1, report);
        assertTrue(f.incidentsWritten() > f.callsSaved(), "the simulator's calls arrived too\n" + report);
        // No frozen console: a stall the commander would take for a hang never happens.
        assertTrue(f.worstStallMs() < 2000, report);
        assertTrue(f.shiftCovered().compareTo(Duration.ofMinutes((long) minutes * speed * 9 / 10)) >= 0, report);
    }
}
