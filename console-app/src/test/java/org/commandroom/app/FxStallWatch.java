package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * How the UI harnesses watch the FX thread stall: the gap between frames (an AnimationTimer), and the delay of a task
 * posted with {@code Platform.runLater} every {@code probeEveryMs}. Both go into the lists the current phase gives
 * (none while no phase runs).
 */
final class FxStallWatch implements AutoCloseable {

    /** Where one phase's figures go, in nanoseconds. */
    record Sink(List<Long> probe, List<Long> frameGap) {
    }

    private final AnimationTimer frames;
    private final ScheduledExecutorService probes;
    private volatile long lastFrame;

    private FxStallWatch(Supplier<Sink> current, long probeEveryMs) {
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                Sink s = current.get();
                if (s != null && lastFrame != 0) {
                    s.frameGap().add(t - lastFrame);
                }
                lastFrame = t;
            }
        };
        probes = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "fx-probe"));
        probes.scheduleAtFixedRate(() -> {
            Sink s = current.get();
            if (s != null) {
                long posted = System.nanoTime();
                Platform.runLater(() -> s.probe().add(System.nanoTime() - posted));
            }
        }, 0, probeEveryMs, TimeUnit.MILLISECONDS);
    }

    /** Starts watching; {@code current} names the phase's lists, or null between phases. */
    static FxStallWatch start(Supplier<Sink> current, long probeEveryMs) {
        FxStallWatch watch = new FxStallWatch(current, probeEveryMs);
        onFx(() -> {
            watch.frames.start();
            return null;
        });
        return watch;
    }

    /** A phase starts: its first frame gap is counted from its own first frame, not from the phase before. */
    void newPhase() {
        lastFrame = 0;
    }

    @Override
    public void close() {
        probes.shutdownNow();
        onFx(() -> {
            frames.stop();
            return null;
        });
    }

    /** The id of the first live thread whose name starts with {@code prefix}, or -1 (the harnesses' CPU figures). */
    static long threadNamed(java.lang.management.ThreadMXBean threads, String prefix) {
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                return t.getThreadId();
            }
        }
        return -1;
    }

    /** The process's CPU time so far, in nanoseconds. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One line of a harness's table: {@code what} in {@code width} columns, count, p50, p90, p99 and max in ms. */
    static String quantiles(String what, int width, List<Long> nanos) {
        List<Long> s;
        synchronized (nanos) {
            s = new java.util.ArrayList<>(nanos);
        }
        java.util.Collections.sort(s);
        if (s.isEmpty()) {
            return String.format(java.util.Locale.ROOT, "%-" + width + "s %8d%n", what, 0);
        }
        return String.format(java.util.Locale.ROOT, "%-" + width + "s %8d %8.1f %8.1f %8.1f %8.1f%n", what, s.size(),
                ms(s, 0.50), ms(s, 0.90), ms(s, 0.99), s.get(s.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
