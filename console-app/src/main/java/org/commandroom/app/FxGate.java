package org.commandroom.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The FX executor handed to the console's services before JavaFX has started: what arrives early waits, in
 * order, and runs on the FX thread once {@link #open} is given it. This lets the database open while the
 * toolkit starts (docs/BENCHMARKS.md, start-up).
 */
final class FxGate implements Executor {

    private final List<Runnable> waiting = new ArrayList<>();
    private Executor fx;

    @Override
    public synchronized void execute(Runnable task) {
        if (fx == null) {
            waiting.add(task);
        } else {
            fx.execute(task);
        }
    }

    /** From now on tasks go to {@code fx}; those that arrived before go first, in the order they came. */
    synchronized void open(Executor target) {
        if (fx != null) {
            throw new IllegalStateException("already open");
        }
        fx = target;
        // Under the lock, so that no task given meanwhile can overtake one that was waiting.
        waiting.forEach(target::execute);
        waiting.clear();
    }

    synchronized int waitingCount() {
        return waiting.size();
    }
}
