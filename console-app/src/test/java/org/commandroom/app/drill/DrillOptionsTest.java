package org.commandroom.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commandroom.app.LaunchOptions;
import org.junit.jupiter.api.Test;

class DrillOptionsTest {

    @Test
    void takesTheDrillAndTraineeOutAndLeavesTheRest() throws Exception {
        DrillOptions.Split s = DrillOptions.extract(List.of("--lang", "en", "--drill", "x.yaml", "--trainee", " 学员丁 ",
                "--data-dir", "/tmp/d"));
        assertTrue(s.drill().wanted());
        assertEquals("x.yaml", s.drill().scenario().orElseThrow());
        assertEquals("学员丁", s.drill().trainee());
        assertEquals(List.of("--lang", "en", "--data-dir", "/tmp/d"), s.rest());
    }

    @Test
    void withoutDrillNothingIsWanted() throws Exception {
        DrillOptions.Split s = DrillOptions.extract(List.of("--no-simulator"));
        assertFalse(s.drill().wanted());
        assertEquals(List.of("--no-simulator"), s.rest());
    }

    @Test
    void aMissingValueOrATraineeWithoutADrillIsAUsageError() {
        LaunchOptions.UsageException e = assertThrows(LaunchOptions.UsageException.class,
                () -> DrillOptions.extract(List.of("--drill")));
        assertTrue(e.getMessage().contains("--drill"));
        assertThrows(LaunchOptions.UsageException.class, () -> DrillOptions.extract(List.of("--drill", "--lang")));
        assertThrows(LaunchOptions.UsageException.class, () -> DrillOptions.extract(List.of("--trainee", "甲")));
    }
}
