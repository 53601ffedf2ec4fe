package org.commandroom.app.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking work on the one I/O executor and hands the result or the failure to the FX thread.
 * The executors are created here with names that show up in thread dumps, and are shut down by the
 * composition root on exit. Tests pass direct executors to run everything in line.
 */
public final class Tasks {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    private final Executor io;
    private final Executor fx;

    public Tasks(Executor io, Executor fx) {
        this.io = io;
        this.fx = fx;
    }

    /** Runs {@code work} on the I/O executor; exactly one of the callbacks then runs on the FX executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onError) {
        try {
            io.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    LOG.warn("Background task failed: {}", e.toString());
                    LOG.debug("Background task failure", e);
                    fx.execute(() -> onError.accept(e));
                    return;
                }
                fx.execute(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Task dropped: the console is shutting down");
        }
    }

    /** A single daemon thread with the given name, for I/O. */
    public static ExecutorService newIoExecutor(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /** A single daemon scheduler thread with the given name (the change feed polls on it). */
    public static ScheduledExecutorService newScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }

    /** The innermost message of a failure, for a user-facing line (never a stack trace). */
    public static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
