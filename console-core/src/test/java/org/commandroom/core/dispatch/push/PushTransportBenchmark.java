package org.commandroom.core.dispatch.push;

import static org.commandroom.core.Latencies.ms;
import static org.commandroom.core.Latencies.summary;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.store.TestDb;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Issue → foreign terminal receipt through a real Mosquitto on loopback, for the console's channel (HiveMQ client,
 * MQTT 5) against the channel it replaced (Paho 3.1.1, {@link PahoPushChannel}) in the same run, on one database:
 * orders one after another, each waiting for its receipt at a Paho terminal, the two channels alternating in
 * blocks of 100 so that both see the same machine. Per order it records issue start, commit and receipt, and
 * reports p50/p90/p99/max of issue → receipt and of commit → receipt, and the slowest orders split into database
 * and push time. A benchmark (run it by hand; it asserts nothing):
 *
 * <pre>
 * mvn -B -o -q -pl console-core test-compile exec:java@push-transport -Dexec.args="1000 POSTGRES"
 * mvn -B -o -q -pl console-core test-compile exec:java@push-transport -Dexec.args="1000 H2"
 * </pre>
 *
 * The publisher polls every 250 ms as in the console and is woken after each commit (as the console's issue hook
 * does).
 */
public final class PushTransportBenchmark {

    private PushTransportBenchmark() {
    }

    record Sample(long total, long push, long db) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        TestDb kind = args.length > 1 ? TestDb.valueOf(args[1]) : TestDb.POSTGRES;
        int block = 100;
        int warmup = 100;
        Map<String, List<Sample>> samples = new java.util.LinkedHashMap<>();
        samples.put("HiveMQ MQTT 5", new ArrayList<>());
        samples.put("Paho 3.1.1", new ArrayList<>());
        try (MosquittoBroker broker = new MosquittoBroker(EmbeddedBroker.freePort());
             PushFixture f = new PushFixture(kind, Clock.systemUTC())) {
            broker.start();
            Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
            MqttClient terminal = new MqttClient(broker.serverUri(), "bench-" + UUID.randomUUID(), new MemoryPersistence());
            terminal.connect();
            terminal.subscribe(PushTopics.orders(PushFixture.BUREAU, PushFixture.CALL_SIGN), 1, (t, m) ->
                    receivedAt.put(PushMessages.readTree(m.getPayload()).get("orderId").asLong(), System.nanoTime()));
            int rounds = (n + warmup) / block;
            for (int r = 0; r < rounds * 2; r++) {
                boolean hive = r % 2 == 0;
                ScheduledExecutorService exec = Executors.newScheduledThreadPool(2);
                MqttSettings settings = MqttSettings.of(broker.serverUri(), "bench-console-" + r);
                PushChannel channel = hive ? new MqttPushChannel(settings, exec, f.clock) : new PahoPushChannel(settings, exec, f.clock);
                OutboxPublisher publisher = new OutboxPublisher(f.db.jdbi(), channel, exec, f.clock, Duration.ofMillis(250),
                        Duration.ofSeconds(10), Duration.ofSeconds(30), Runnable::run, s -> { });
                publisher.start();
                PushScenarios.await("connected", channel::isConnected);
                for (int i = 0; i < block; i++) {
                    long start = System.nanoTime();
                    Order o = f.issueToUnit();
                    long committed = System.nanoTime();
                    publisher.wake();
                    long got = PushScenarios.spinUntilReceived(receivedAt, o.id(), committed);
                    if (r >= 2) {   // the first block of each is warm-up
                        samples.get(hive ? "HiveMQ MQTT 5" : "Paho 3.1.1").add(new Sample(got - start, got - committed,
                                committed - start));
                    }
                }
                publisher.close();
                channel.close();
                exec.shutdownNow();
            }
            terminal.disconnect();
            terminal.close();
        }
        System.out.printf("PUSH-TRANSPORT %s, Mosquitto %s on loopback, QoS 1, %d orders per client after %d of warm-up%n",
                kind, "2", samples.values().iterator().next().size(), warmup);
        for (var e : samples.entrySet()) {
            List<Sample> s = e.getValue();
            System.out.printf("  %-14s issue → receipt %s%n", e.getKey(), summary(s.stream().mapToLong(Sample::total).toArray()));
            System.out.printf("  %-14s commit → receipt %s%n", e.getKey(), summary(s.stream().mapToLong(Sample::push).toArray()));
            List<Sample> slow = s.stream().sorted((a, b) -> Long.compare(b.total(), a.total())).limit(5).toList();
            StringBuilder b = new StringBuilder();
            for (Sample x : slow) {
                b.append(String.format(" %.1f (db %.1f + push %.1f)", ms(x.total()), ms(x.db()), ms(x.push())));
            }
            System.out.printf("  %-14s slowest, ms:%s%n", e.getKey(), b);
        }
    }
}
