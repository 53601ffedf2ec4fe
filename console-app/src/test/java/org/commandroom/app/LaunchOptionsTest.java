package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void withNoArgumentsTheEmbeddedDatabaseInTheXdgDataDirectoryAndChineseAreUsed() throws Exception {
        LaunchOptions o = LaunchOptions.parse(List.of(), Map.of("XDG_DATA_HOME", "/srv/data"));
        assertTrue(o.dbUrl().isEmpty());
        assertEquals(Path.of("/srv/data", "command-room-console"), o.dataDir());
        assertEquals(Locale.ROOT, o.locale());
        assertTrue(o.simulator());
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), o.zone(), "station time, not the machine's zone");
        assertTrue(o.exitAfterFirstData().isEmpty(), "a workstation's console keeps running");
    }

    @Test
    void exitAfterFirstDataTakesSecondsAndRefusesAnythingElse() throws Exception {
        assertEquals(java.time.Duration.ofSeconds(5),
                LaunchOptions.parse(List.of("--exit-after-first-data", "5"), Map.of()).exitAfterFirstData().orElseThrow());
        var e = assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse(List.of("--exit-after-first-data", "soon"), Map.of()));
        assertTrue(e.getMessage().contains("seconds") && e.getMessage().contains("soon"), e.getMessage());
        assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse(List.of("--exit-after-first-data", "-1"), Map.of()));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--exit-after-first-data"), Map.of()));
    }

    @Test
    void simSpeedRunsTheClockFasterOnlyForADemoCountyInItsOwnDirectory() throws Exception {
        LaunchOptions real = LaunchOptions.parse(List.of(), Map.of());
        assertEquals(1, real.simSpeed());
        assertFalse(real.clock() instanceof org.commandroom.core.demo.ScaledClock, "a workstation keeps the real time");
        LaunchOptions fast = LaunchOptions.parse(List.of("--sim-speed", "10", "--data-dir", "/tmp/soak"), Map.of());
        assertEquals(10, fast.simSpeed());
        var clock = (org.commandroom.core.demo.ScaledClock) fast.clock();
        assertEquals(10, clock.speed());
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), clock.getZone());
        for (List<String> refused : List.of(List.of("--sim-speed", "10"),
                List.of("--sim-speed", "10", "--data-dir", "/tmp/soak", "--db", "jdbc:h2:tcp://h/db"),
                List.of("--sim-speed", "10", "--data-dir", "/tmp/soak", "--no-simulator"),
                List.of("--sim-speed", "0", "--data-dir", "/tmp/soak"),
                List.of("--sim-speed", "fast", "--data-dir", "/tmp/soak"))) {
            var e = assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(refused, Map.of()), refused::toString);
            assertTrue(e.getMessage().startsWith("--sim-speed"), e.getMessage());
        }
    }

    @Test
    void withoutXdgDataHomeTheDataDirectoryIsUnderDotLocalShare() throws Exception {
        LaunchOptions o = LaunchOptions.parse(List.of(), Map.of());
        assertEquals(Path.of(System.getProperty("user.home"), ".local", "share", "command-room-console"), o.dataDir());
    }

    @Test
    void readsDatabaseDataDirectoryLanguageAndSimulatorSwitch() throws Exception {
        LaunchOptions o = LaunchOptions.parse(List.of("--db", "jdbc:postgresql://db.local/console", "--data-dir", "/tmp/c",
                "--lang", "en", "--no-simulator"), Map.of());
        assertEquals("jdbc:postgresql://db.local/console", o.dbUrl().orElseThrow());
        assertEquals(Path.of("/tmp/c"), o.dataDir());
        assertEquals(Locale.ENGLISH, o.locale());
        assertFalse(o.simulator());
    }

    @Test
    void refusesAPasswordOnTheCommandLineInAnyForm() {
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--password", "x"), Map.of()));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--db-password=x"), Map.of()));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(
                List.of("--db", "jdbc:postgresql://h/db?user=a&password=secret"), Map.of()));
    }

    @Test
    void refusesUnknownArgumentsMissingValuesAndOtherLanguages() {
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--fast"), Map.of()));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--db"), Map.of()));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--lang", "fr"), Map.of()));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--db", "jdbc:mysql://x"), Map.of()));
    }

    @Test
    void theZoneCanBeChosenAndABadOneIsRefusedWithItsName() throws Exception {
        assertEquals(java.time.ZoneId.of("Asia/Urumqi"),
                LaunchOptions.parse(List.of("--zone", "Asia/Urumqi"), Map.of()).zone());
        var e = assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse(List.of("--zone", "Mars/Olympus"), Map.of()));
        assertTrue(e.getMessage().contains("Mars/Olympus"), e.getMessage());
    }
}
