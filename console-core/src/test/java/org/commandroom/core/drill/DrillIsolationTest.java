package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drill never opens the live database, and opens no socket at all. */
class DrillIsolationTest {

    @TempDir
    Path dataDir;

    @Test
    void theLiveDatabaseIsNeverOpenedLockedOrChanged() throws Exception {
        // The workstation's live database, in the same data directory the drill uses.
        try (Database live = Database.open(DbSettings.embedded(dataDir, "console"))) {
            live.jdbi().useHandle(h -> h.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('live.marker', 'x')"));
        }
        Path liveFile = dataDir.resolve("console.mv.db");
        byte[] before = sha256(liveFile);
        FileTime modified = Files.getLastModifiedTime(liveFile);
        List<String> filesBefore = names(dataDir);

        try (DrillSession drill = DrillSessionTest.start(dataDir, "fugitive-qianjin-road.yaml")) {
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofMinutes(3));
            t.intercept("fugitive", UnitKind.CAR, 2);
            drill.advanceTo(Duration.ofMinutes(11));
            // While the drill runs with its database open, the live file can be locked by someone else: H2 holds a
            // file lock on every database it has open, so the drill has not opened this one.
            try (FileChannel ch = FileChannel.open(liveFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = ch.tryLock()) {
                assertNotNull(lock, "the live database file is locked: the drill opened it");
            }
            assertFalse(drill.database().settings().jdbcUrl().contains(liveFile.toString().replace(".mv.db", ";")));
            assertTrue(drill.database().settings().jdbcUrl().contains(dataDir.resolve(DrillSession.DRILLS_DIR).toString()));
            drill.playToEnd();
        }
        assertArrayEquals(before, sha256(liveFile), "the live database's bytes changed");
        assertEquals(modified, Files.getLastModifiedTime(liveFile));
        List<String> filesAfter = names(dataDir);
        filesAfter.remove(DrillSession.DRILLS_DIR);
        assertEquals(filesBefore, filesAfter, "the drill wrote nothing beside the live database but its drills/ folder");
    }

    @Test
    void aDrillOpensNoSocketWhileTheDetectorCatchesOne() throws Exception {
        // Run in a JVM of its own: the socket factories a JVM accepts once are set there to refuse every socket.
        Result control = runChild("control");
        assertEquals(DrillNoSocketMain.SOCKET_SEEN, control.exit, "the detector must catch a socket: " + control.output);
        Result drill = runChild("drill");
        assertEquals(0, drill.exit, drill.output);
        assertTrue(drill.output.contains(DrillNoSocketMain.OK), drill.output);
    }

    private record Result(int exit, String output) {
    }

    private Result runChild(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                DrillNoSocketMain.class.getName(), mode, dataDir.resolve("child-" + mode).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        String text = new String(out, StandardCharsets.UTF_8);
        String tail = text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        return new Result(p.exitValue(), tail);
    }

    private static byte[] sha256(Path f) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
