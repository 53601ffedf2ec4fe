package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The publisher's bookkeeping when the channel is up but refuses messages: retry with backoff, keep order. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class OutboxPublisherTest {

    @Parameter
    TestDb kind;

    private PushFixture f;
    private ScheduledExecutorService scheduler;

    /** A connected channel whose first {@code failures} sends are refused. */
    static final class RefusingChannel implements PushChannel {
        final AtomicInteger toRefuse;
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final List<Long> attemptNanos = new CopyOnWriteArrayList<>();

        RefusingChannel(int failures) {
            toRefuse = new AtomicInteger(failures);
        }

        @Override
        public void start() {
        }

        @Override
        public CompletableFuture<Void> send(String topic, byte[] payload) {
            attemptNanos.add(System.nanoTime());
            if (toRefuse.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker refused: quota exceeded"));
            }
            accepted.add(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void subscribe(String topicFilter, InboundHandler handler) {
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void addStateListener(Consumer<PushConnectionState> listener) {
        }

        @Override
        public String describe() {
            return "refusing";
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void setUp() {
        f = new PushFixture(kind, new TestClock(Instant.parse("2026-11-23T02:00:00Z")));
        scheduler = Executors.newScheduledThreadPool(1);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void aRefusedMessageIsRetriedWithGrowingPausesAndKeepsItsPlaceInTheQueue() throws Exception {
        Order first = f.issueToUnit();
        Order second = f.issueToUnit();
        RefusingChannel channel = new RefusingChannel(2);
        try (OutboxPublisher publisher = new OutboxPublisher(f.db.jdbi(), channel, scheduler, f.clock,
                Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(5), Runnable::run, s -> { })) {
            publisher.start();
            PushScenarios.await("one refusal recorded", () -> f.db.jdbi().withExtension(PushDao.class,
                    d -> d.forOrder(first.id())).get(0).attempts() >= 1);
            PushDao.OutboxRow afterFirstFailure = f.db.jdbi().withExtension(PushDao.class, d -> d.forOrder(first.id())).get(0);
            assertEquals("broker refused: quota exceeded", afterFirstFailure.lastError());
            assertNull(afterFirstFailure.deliveredAt());
            PushScenarios.await("both delivered", () -> f.status(second.id()).state() == PushStatus.State.AT_BROKER);
        }
        assertEquals(4, channel.attemptNanos.size(), "two refusals, then each message once");
        long firstPause = channel.attemptNanos.get(1) - channel.attemptNanos.get(0);
        long secondPause = channel.attemptNanos.get(2) - channel.attemptNanos.get(1);
        assertTrue(firstPause >= TimeUnit.MILLISECONDS.toNanos(450), "first pause ~0.5 s: " + firstPause / 1_000_000);
        assertTrue(secondPause >= TimeUnit.MILLISECONDS.toNanos(950), "second pause ~1 s: " + secondPause / 1_000_000);
        assertTrue(channel.accepted.get(0).contains("\"orderId\":" + first.id()), "the refused message went first");
        assertTrue(channel.accepted.get(1).contains("\"orderId\":" + second.id()));
        PushStatus s = f.status(first.id());
        assertEquals(3, s.attempts());
        assertNull(s.lastError(), "cleared on delivery");
    }
}
