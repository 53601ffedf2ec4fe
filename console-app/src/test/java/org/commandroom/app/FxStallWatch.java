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
}
