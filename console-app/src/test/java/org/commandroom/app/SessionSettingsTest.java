package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idle lock's minutes from console.properties: off unless a bureau sets it; a bad value leaves it off. */
class SessionSettingsTest {

    private static Duration with(Path dir, String line) throws Exception {
        Files.writeString(dir.resolve(ConsoleSettings.FILE), line + "\n");
        return SessionSettings.idleLock(dir);
    }

    @Test
    void offUnlessSetAndBadValuesLeaveItOff(@TempDir Path dir) throws Exception {
        assertEquals(Duration.ZERO, SessionSettings.idleLock(dir), "no file");
        assertEquals(Duration.ZERO, with(dir, "mqtt.user=x"), "not set");
        assertEquals(Duration.ofMinutes(30), with(dir, "session.idleLockMinutes = 30"));
        assertEquals(Duration.ZERO, with(dir, "session.idleLockMinutes=0"));
        assertEquals(Duration.ZERO, with(dir, "session.idleLockMinutes=half an hour"));
        assertEquals(Duration.ZERO, with(dir, "session.idleLockMinutes=-5"));
        assertEquals(Duration.ZERO, with(dir, "session.idleLockMinutes=100000"));
    }
}
