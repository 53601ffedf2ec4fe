package org.commandroom.core.dispatch.push;

import static org.commandroom.core.Latencies.summary;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.store.TestDb;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latency of issue → terminal receipt on loopback with the embedded broker: issues N orders one after
 * another (each waits for its receipt) and logs p50/p90/p99/max of (a) createAndIssue start → receipt,
 * including the database transaction, and (b) commit → receipt, the push alone. Arguments:
 * {@code [orders=1000] [H2|POSTGRES]}. Command in docs/PUSH.md.
 */
public final class PushLatencyHarness {

    private static final Logger LOG = LoggerFactory.getLogger(PushLatencyHarness.class);

    private PushLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        TestDb db = args.length > 1 ? TestDb.valueOf(args[1]) : TestDb.H2;
        int warmup = Math.min(100, n / 5);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             PushFixture f = new PushFixture(db, Clock.systemUTC());
             MqttPushChannel channel = new MqttPushChannel(MqttSettings.of(broker.serverUri(), "console-latency"),
                     scheduler, f.clock);
             OutboxPublisher publisher = new OutboxPublisher(f.db.jdbi(), channel, scheduler, f.clock, r -> { }, s -> { })) {
            MqttClient terminal = new MqttClient(broker.serverUri(), "latency-" + UUID.randomUUID(), new MemoryPersistence());
            terminal.connect();
            terminal.subscribe(PushTopics.orders(PushFixture.BUREAU, PushFixture.CALL_SIGN), 1, (t, m) -> {
                long now = System.nanoTime();
                receivedAt.put(PushMessages.readTree(m.getPayload()).get("orderId").asLong(), now);
            });
            publisher.start();
            PushScenarios.await("connected", channel::isConnected);
            long[] total = new long[n];
            long[] pushOnly = new long[n];
            for (int i = 0; i < warmup + n; i++) {
                long start = System.nanoTime();
                Order o = f.issueToUnit();
                long committed = System.nanoTime();
                publisher.wake();
                long got = PushScenarios.spinUntilReceived(receivedAt, o.id(), committed);
                if (i >= warmup) {
                    total[i - warmup] = got - start;
                    pushOnly[i - warmup] = got - committed;
                }
            }
            terminal.disconnect();
            terminal.close();
            LOG.info("{} orders on {} after {} warm-up, embedded broker on loopback, QoS 1", n, db, warmup);
            LOG.info("issue → terminal receipt (incl. DB transaction): {}", summary(total));
            LOG.info("commit → terminal receipt (push only):           {}", summary(pushOnly));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
