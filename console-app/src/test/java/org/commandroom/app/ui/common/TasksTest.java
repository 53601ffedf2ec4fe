package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void workRunsOnTheNamedIoThreadAndTheResultIsHandedToTheCallbackExecutor() throws Exception {
        ExecutorService io = Tasks.newIoExecutor("console-io-test");
        LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
        try {
            CompletableFuture<String> workerName = new CompletableFuture<>();
            List<String> results = new ArrayList<>();
            new Tasks(io, fxQueue::add).run(() -> {
                workerName.complete(Thread.currentThread().getName());
                return "done";
            }, results::add, e -> results.add("error"));

            assertEquals("console-io-test", workerName.get(2, TimeUnit.SECONDS));
            Runnable callback = fxQueue.poll(2, TimeUnit.SECONDS);
            assertTrue(results.isEmpty(), "the callback waits for the FX executor");
            callback.run();
            assertEquals(List.of("done"), results);
            assertNotEquals(Thread.currentThread().getName(), workerName.get());
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void aFailureReachesTheErrorCallbackWithItsRootMessage() {
        List<String> errors = new ArrayList<>();
        new Tasks(Runnable::run, Runnable::run).run(() -> {
            throw new IllegalStateException("wrapped", new SQLException("Connection refused"));
        }, r -> errors.add("success?"), e -> errors.add(Tasks.rootMessage(e)));
        assertEquals(List.of("Connection refused"), errors);
    }

    @Test
    void workSubmittedAfterShutdownIsDroppedQuietly() {
        ExecutorService io = Tasks.newIoExecutor("console-io-closed");
        io.shutdown();
        List<String> calls = new ArrayList<>();
        new Tasks(io, Runnable::run).run(() -> "x", calls::add, e -> calls.add("error"));
        assertTrue(calls.isEmpty());
    }

    @Test
    void aJobRunsOnItsOwnExecutorSoAShortReadSubmittedAfterItDoesNotWait() throws Exception {
        ExecutorService io = Tasks.newIoExecutor("console-io-test");
        ExecutorService jobs = Tasks.newIoExecutor("console-jobs-test");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            Tasks tasks = new Tasks(io, io, jobs, Runnable::run);
            org.commandroom.app.ui.jobs.Job job = tasks.job("report");
            CompletableFuture<String> jobThread = new CompletableFuture<>();
            tasks.runJob(job, () -> {
                jobThread.complete(Thread.currentThread().getName());
                release.await();
                return "done";
            }, r -> { }, e -> { });
            assertEquals("console-jobs-test", jobThread.get(2, TimeUnit.SECONDS));
            CompletableFuture<String> read = new CompletableFuture<>();
            tasks.run(() -> "queue", read::complete, read::completeExceptionally);
            assertEquals("queue", read.get(2, TimeUnit.SECONDS), "the read did not wait for the job");
            assertEquals(org.commandroom.app.ui.jobs.Job.State.RUNNING, job.stateProperty().get());
        } finally {
            release.countDown();
            jobs.shutdown();
            io.shutdown();
        }
    }

    @Test
    void aJobCancelledWhileItWaitsNeverRunsAndEndsCancelled() throws Exception {
        ExecutorService jobs = Tasks.newIoExecutor("console-jobs-test");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            Tasks tasks = new Tasks(Runnable::run, Runnable::run, jobs, Runnable::run);
            tasks.runJob(tasks.job("first"), () -> {
                release.await();
                return 1;
            }, r -> { }, e -> { });
            org.commandroom.app.ui.jobs.Job second = tasks.job("second");
            List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
            tasks.runJob(second, () -> {
                calls.add("ran");
                return 2;
            }, r -> calls.add("success"), e -> calls.add(e.getClass().getSimpleName()));
            second.cancel();
            assertEquals(org.commandroom.app.ui.jobs.Job.State.CANCELLING, second.stateProperty().get());
            release.countDown();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (calls.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of("JobCancelled"), calls);
            assertEquals(org.commandroom.app.ui.jobs.Job.State.CANCELLED, second.stateProperty().get());
        } finally {
            release.countDown();
            jobs.shutdown();
        }
    }

    @Test
    void closingAsksEveryRunningJobToStopWithoutInterruptingIt() throws Exception {
        ExecutorService jobs = Tasks.newIoExecutor("console-jobs-test");
        try {
            Tasks tasks = new Tasks(Runnable::run, Runnable::run, jobs, Runnable::run);
            org.commandroom.app.ui.jobs.Job job = tasks.job("import");
            CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
            CompletableFuture<Exception> ended = new CompletableFuture<>();
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            tasks.runJob(job, () -> {
                started.countDown();
                while (true) {
                    if (Thread.currentThread().isInterrupted()) {
                        interrupted.complete(true);
                    }
                    job.checkpoint();
                    Thread.sleep(5);
                }
            }, r -> { }, ended::complete);
            assertTrue(started.await(2, TimeUnit.SECONDS));
            tasks.cancelJobs();
            assertTrue(ended.get(2, TimeUnit.SECONDS) instanceof org.commandroom.core.job.JobCancelled);
            assertFalse(interrupted.isDone(), "the job's thread was never interrupted");
            assertEquals(org.commandroom.app.ui.jobs.Job.State.CANCELLED, job.stateProperty().get());
        } finally {
            jobs.shutdown();
        }
    }
}
