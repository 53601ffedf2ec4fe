package org.commandroom.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
