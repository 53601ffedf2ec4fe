package org.commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commandroom.app.LaunchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --wall and its options are taken out of the command line; the rest is the desk's, unchanged. */
class WallOptionsTest {

    @Test
    void theWallsOptionsAreTakenOutAndTheRestParsesAsBefore() throws Exception {
        WallOptions.Split s = WallOptions.extract(List.of("--lang", "en", "--wall", "--wall-monitor", "2-3",
                "--wall-layout", "/etc/wall.txt", "--no-simulator"));
        assertEquals(new WallOptions(true, 2, 3, Optional.of(Path.of("/etc/wall.txt"))), s.wall());
        assertEquals(List.of("--lang", "en", "--no-simulator"), s.rest());
        LaunchOptions.parse(s.rest(), Map.of());
        assertEquals(new WallOptions(true, 1, 1, Optional.empty()), WallOptions.extract(List.of("--wall", "--wall-monitor", "1")).wall());
        assertFalse(WallOptions.extract(List.of("--lang", "en")).wall().wall());
    }

    @Test
    void aMonitorThatIsNoNumberOrTheWallsOptionsWithoutTheWallAreRefusedWithWhy() {
        assertTrue(assertThrows(LaunchOptions.UsageException.class,
                () -> WallOptions.extract(List.of("--wall", "--wall-monitor", "left"))).getMessage().contains("--wall-monitor"));
        assertThrows(LaunchOptions.UsageException.class, () -> WallOptions.extract(List.of("--wall", "--wall-monitor", "3-1")));
        assertThrows(LaunchOptions.UsageException.class, () -> WallOptions.extract(List.of("--wall", "--wall-monitor")));
        assertTrue(assertThrows(LaunchOptions.UsageException.class,
                () -> WallOptions.extract(List.of("--wall-monitor", "2"))).getMessage().contains("add --wall"));
    }

    @Test
    void aWorkstationWhoseRoleIsTheWallStartsTheWallWithoutTheOption(@TempDir Path dir) throws Exception {
        LaunchOptions options = LaunchOptions.parse(List.of("--data-dir", dir.toString()), Map.of());
        assertFalse(WallLauncher.wanted(WallOptions.none(), options));
        Files.writeString(dir.resolve("console.properties"), "role=WALL_DISPLAY\n", StandardCharsets.UTF_8);
        assertTrue(WallLauncher.wanted(WallOptions.none(), options));
        Files.writeString(dir.resolve("console.properties"), "role=nonsense\n", StandardCharsets.UTF_8);
        assertFalse(WallLauncher.wanted(WallOptions.none(), options), "the desk reads the file again and says what is wrong");
    }
}
