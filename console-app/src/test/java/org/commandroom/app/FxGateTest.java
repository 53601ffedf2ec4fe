package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxGateTest {

    @Test
    void tasksGivenBeforeTheToolkitStartsWaitAndThenRunInTheirOrder() {
        FxGate gate = new FxGate();
        List<String> ran = new ArrayList<>();
        gate.execute(() -> ran.add("a"));
        gate.execute(() -> ran.add("b"));
        assertEquals(List.of(), ran, "nothing runs before the gate opens");
        assertEquals(2, gate.waitingCount());

        gate.open(Runnable::run);
        gate.execute(() -> ran.add("c"));

        assertEquals(List.of("a", "b", "c"), ran);
        assertEquals(0, gate.waitingCount());
        assertThrows(IllegalStateException.class, () -> gate.open(Runnable::run));
    }

    @Test
    void aTaskGivenWhileTheGateOpensNeverOvertakesOneThatWasWaiting() throws Exception {
        for (int round = 0; round < 50; round++) {
            FxGate gate = new FxGate();
            List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 100; i++) {
                int n = i;
                gate.execute(() -> ran.add(n));
            }
            ExecutorService other = Executors.newSingleThreadExecutor();
            CountDownLatch go = new CountDownLatch(1);
            other.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                gate.execute(() -> ran.add(1000));
            });
            go.countDown();
            gate.open(Runnable::run);
            other.shutdown();
            other.awaitTermination(5, TimeUnit.SECONDS);
            assertEquals(101, ran.size());
            assertEquals(1000, ran.get(100), "the late task runs after every waiting one: " + ran.subList(95, 101));
        }
    }
}
