package org.commandroom.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closing a composition's executors before its database: both the desk ({@link AppContext}) and the wall close
 * the same way, so the rule lives here once.
 */
public final class Executors2 {

    private Executors2() {
    }

    /**
     * Shuts every executor down and waits for the work already running, all of them together for at most
     * {@code within}. Returns false when something was still running at the deadline (the caller logs it and
     * closes the database anyway: a console that is exiting must exit). Keeps the interrupt flag if interrupted.
     */
    public static boolean shutdownWithin(List<? extends ExecutorService> executors, Duration within) {
        executors.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + within.toNanos();
        try {
            for (ExecutorService e : executors) {
                if (!e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
