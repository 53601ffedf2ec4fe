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
import org.commandroom.app.ui.jobs.Job;
import org.commandroom.core.job.JobCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking work off the FX thread and hands the result or the failure to the FX thread, on one of three
 * executors so that nothing short waits behind something long: short reads a screen waits for ({@link #run}),
 * reads of seconds ({@link #runLong}) and long jobs a user starts and may cancel ({@link #runJob}: a report, a
 * sheet, an import). The executors are created here with names that show up in thread dumps, and are shut down by
 * the composition root on exit. Tests pass direct executors to run everything in line.
 */
public final class Tasks {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    private final Executor io;
    private final Executor longIo;
    private final Executor jobs;
    private final Executor fx;
    private final java.util.Set<Job> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Short reads, long reads and jobs share one executor (tests, and screens that have only short reads). */
    public Tasks(Executor io, Executor fx) {
        this(io, io, io, fx);
    }

    /** Long reads and jobs share one executor. */
    public Tasks(Executor io, Executor longIo, Executor fx) {
        this(io, longIo, longIo, fx);
    }

    /**
     * @param io     short reads a screen waits for (the queue, the unit board, an order's trail)
     * @param longIo reads of seconds (the map's cameras and areas, the search index), on their own thread so
     *               that a short read never waits behind them
     * @param jobs   long jobs the user starts and can cancel (reports, sheets, imports), on their own thread so that
     *               neither the queue and boards nor the map wait behind them
     */
    public Tasks(Executor io, Executor longIo, Executor jobs, Executor fx) {
        this.io = io;
        this.longIo = longIo;
        this.jobs = jobs;
        this.fx = fx;
    }

    /** A job to follow on screen ({@link org.commandroom.app.ui.jobs.JobBar}) and hand to {@link #runJob}. */
    public Job job(String kind) {
        return new Job(kind, fx);
    }

    /**
     * Runs a long job on the jobs executor: the job's state follows (RUNNING, then DONE, CANCELLED when the work
     * stopped at a checkpoint with {@link JobCancelled}, FAILED), and exactly one callback runs on the FX thread
     * after the state is set. A cancelled job reaches {@code onError} with its {@link JobCancelled}.
     */
    public <T> void runJob(Job job, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onError) {
        running.add(job);
        submit(jobs, () -> {
            fx.execute(() -> job.moveTo(Job.State.RUNNING));
            try {
                job.checkpoint(); // cancelled while it waited for the executor
                return work.call();
            } finally {
                running.remove(job);
            }
        }, r -> {
            job.moveTo(Job.State.DONE);
            onSuccess.accept(r);
        }, e -> {
            job.moveTo(e instanceof JobCancelled ? Job.State.CANCELLED : Job.State.FAILED);
            onError.accept(e);
        });
    }

    /** Asks every running job to stop at its next checkpoint (the console is closing). */
    public void cancelJobs() {
        running.forEach(Job::requestCancel);
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
                } catch (JobCancelled e) {
                    LOG.info("Job cancelled by the user after {} ms", (System.nanoTime() - began) / 1_000_000);
                    fx.execute(() -> onError.accept(e));
                    return;
                } catch (org.commandroom.core.store.ConcurrentChangeException | org.commandroom.core.intake.IntakeRejected
                         | org.commandroom.core.access.PasswordRejected | org.commandroom.core.org.OrgEditRejected e) {
                    // Another workstation got there first, a second Enter, or a field to correct: the screen says so
                    // in the operator's words; not a fault of the console.
                    LOG.info("Refused: {}", e.getMessage());
                    fx.execute(() -> onError.accept(e));
                    return;
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
        Throwable root = org.commandroom.core.store.Causes.root(t);
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
