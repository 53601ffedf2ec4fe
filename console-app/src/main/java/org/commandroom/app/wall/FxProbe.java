package org.commandroom.app.wall;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wall runs for weeks: this says in the log, every {@code every}, how long work handed to the FX thread waited
 * (the largest delay and the 99th percentile of a probe every 500 ms) and the heap in use, so that a stall or a
 * growing heap is seen in the log of a night, not on the wall. One daemon thread; it reads nothing else.
 */
final class FxProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxProbe.class);
    static final Duration PROBE_EVERY = Duration.ofMillis(500);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wall-fx-probe");
        t.setDaemon(true);
        return t;
    });
    private final Executor fx;
    private long[] delays = new long[64];
    private int count;

    FxProbe(Executor fx) {
        this.fx = fx;
    }

    void start(Duration every) {
        timer.scheduleAtFixedRate(this::probeOnce, PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Hands one probe to the FX thread; it records how long it waited when it runs. */
    void probeOnce() {
        long asked = System.nanoTime();
        fx.execute(() -> record((System.nanoTime() - asked) / 1_000_000));
    }

    private synchronized void record(long ms) {
        if (count == delays.length) {
            delays = Arrays.copyOf(delays, count * 2);
        }
        delays[count++] = ms;
    }

    private void report() {
        String line = summary();
        if (line.contains("none of its probes")) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }

    /** What the log says, for the probes since the last summary (and forgets them). */
    String summary() {
        long[] d;
        synchronized (this) {
            d = Arrays.copyOf(delays, count);
            count = 0;
        }
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        if (d.length == 0) {
            return "WALL-HEALTH the FX thread ran none of its probes; heap in use " + usedMb + " MB";
        }
        Arrays.sort(d);
        return "WALL-HEALTH FX delay max " + d[d.length - 1] + " ms, p99 " + d[Math.min(d.length - 1, (int) Math.ceil(d.length * 0.99) - 1)]
                + " ms over " + d.length + " probes; heap in use " + usedMb + " MB (of " + rt.maxMemory() / (1024 * 1024) + " MB)";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
