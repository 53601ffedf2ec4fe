package org.commandroom.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill desk's warnings (预警信息) are exercises kept in the drill's folder and never posted: issued through its
 * CAP composition with an endpoint in {@code cap.properties}, in a JVM that refuses and reports every socket.
 */
class DrillCapIsolationTest {

    @TempDir
    Path dataDir;

    @Test
    void aDrillsWarningOpensNoSocketWhileTheDetectorCatchesOne() throws Exception {
        Result control = runChild("control");
        assertEquals(DrillCapNoSocketMain.SOCKET_SEEN, control.exit, "the detector must catch a socket: " + control.output);
        Result drill = runChild("drill");
        assertEquals(0, drill.exit, drill.output);
        assertTrue(drill.output.contains("repost refused: NO_ENDPOINT"), drill.output);
        assertTrue(drill.output.contains(DrillCapNoSocketMain.OK), drill.output);
    }

    private record Result(int exit, String output) {
    }

    private Result runChild(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), DrillCapNoSocketMain.class.getName(), mode,
                dataDir.resolve("child-" + mode).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        String text = new String(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), text.length() > 4000 ? text.substring(text.length() - 4000) : text);
    }
}
