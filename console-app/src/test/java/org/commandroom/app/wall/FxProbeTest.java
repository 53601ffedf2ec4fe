package org.commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wall's log line about its FX thread: how many probes ran and how long they waited, or that none ran. */
class FxProbeTest {

    @Test
    void aStuckFxThreadIsSaidAndProbesThatRanAreCountedWithTheirDelay() {
        List<Runnable> held = new ArrayList<>();
        try (FxProbe probe = new FxProbe(held::add)) {
            probe.probeOnce();
            probe.probeOnce();
            assertTrue(probe.summary().contains("ran none of its probes"), "nothing ran yet");
            probe.probeOnce();
            probe.probeOnce();
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 30_000_000L) {
                Thread.onSpinWait(); // the probes wait at least 30 ms before the "FX thread" takes them
            }
            held.forEach(Runnable::run);
            String line = probe.summary();
            assertTrue(line.contains("over 4 probes"), line);
            long max = Long.parseLong(line.replaceAll(".*delay max (\\d+) ms.*", "$1"));
            assertTrue(max >= 30, line);
        }
    }
}
