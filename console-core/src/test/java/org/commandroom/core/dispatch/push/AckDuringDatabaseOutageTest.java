package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.store.SharedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A unit signs for its order while the console's database is gone: the sign-for must not be lost. Before, the
 * acknowledgement listener logged the failed write and dropped the message, which the MQTT client had already
 * acknowledged to the broker, so the order stayed unsigned for ever and went overdue.
 */
class AckDuringDatabaseOutageTest {

    @ParameterizedTest
    @EnumSource(SharedDatabase.Kind.class)
    void aSignForThatArrivesWhileTheDatabaseIsGoneIsAppliedWhenItReturns(SharedDatabase.Kind kind) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        try (SharedDatabase shared = kind.create();
             EmbeddedBroker broker = EmbeddedBroker.start()) {
            PushFixture f = new PushFixture(shared.open(), Clock.systemUTC());
            MqttPushChannel channel = new MqttPushChannel(
                    MqttSettings.of(broker.serverUri(), "outage-console-" + kind), scheduler, f.clock);
            new TerminalAckListener(f.db.jdbi(), f.orders, f.clock, PushFixture.BUREAU).subscribeTo(channel);
            channel.start();
            waitUntil(channel::isConnected);
            Order order = f.issueToUnit();
            String uid = f.db.jdbi().withExtension(PushDao.class, d -> d.orderUid(order.id())).orElseThrow();

            try (TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
                shared.takeAway();
                terminal.ack("outage-sign-1", order.id(), uid, AckAction.SIGN, null);
                // Gone for longer than the pool waits for a connection (5 s), so the write fails at least once before
                // the database returns: a delivery the broker was not told about is offered again with growing pauses.
                Thread.sleep(6500);
                shared.bringBack();
                waitUntil(() -> status(f, order.id()) == OrderStatus.SIGNED);
            }
            assertEquals(1, (int) f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM push_inbound WHERE message_id = 'outage-sign-1'").mapTo(Integer.class).one()));
            channel.close();
        } finally {
            scheduler.shutdown();
        }
    }

    private static OrderStatus status(PushFixture f, long orderId) {
        try {
            return f.db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM work_order WHERE id = :id")
                    .bind("id", orderId).mapTo(OrderStatus.class).one());
        } catch (RuntimeException e) {
            return null;   // not back yet
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
