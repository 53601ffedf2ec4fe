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
    private final Executor longIo;
    private final Executor fx;

    /** Short and long reads share one executor (tests, and screens that have only short reads). */
    public Tasks(Executor io, Executor fx) {
        this(io, io, fx);
    }

    /**
     * @param io     short reads a screen waits for (the queue, the unit board, an order's trail)
     * @param longIo reads of seconds (the map's cameras and areas, the search index), on their own thread so
     *               that a short read never waits behind them
     */
    public Tasks(Executor io, Executor longIo, Executor fx) {
        this.io = io;
        this.longIo = longIo;
        this.fx = fx;
    }

    /** Runs {@code work} on the I/O executor; exactly one of the callbacks then runs on the FX executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onError) {
        submit(io, work, onSuccess, onError);
    }

    /**
     * Like {@link #run} for a read that takes seconds (the whole map's data, an index of every feature): it
     * runs on the long-read executor, so the queue and the boards are never held up behind it.
     */
    public <T> void runLong(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onError) {
        submit(longIo, work, onSuccess, onError);
    }

    /** Hands {@code r} to the FX thread (for a background listener's news). */
    public void fx(Runnable r) {
        fx.execute(r);
    }

    private <T> void submit(Executor executor, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Exception> onError) {
        long submitted = System.nanoTime();
        try {
            executor.execute(() -> {
                T result;
                long began = System.nanoTime();
                try {
                    result = work.call();
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("I/O task {} waited {} ms, ran {} ms", work.getClass().getName(),
                                (began - submitted) / 1_000_000, (System.nanoTime() - began) / 1_000_000);
                    }
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
        java.util.concurrent.ScheduledThreadPoolExecutor s = new java.util.concurrent.ScheduledThreadPoolExecutor(1, named(name));
        // shutdown() drops what is waiting for its time, so a console closes without interrupting a running read
        // (an interrupt closes H2's file under it).
        s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        s.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return s;
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
