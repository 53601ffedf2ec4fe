package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.SharedDatabase;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three workstations on one shared database (H2 server, PostgreSQL), each running the console's outbox publisher
 * on its own MQTT connection to one Mosquitto, issue orders in turn: only the holder of the publisher lease sends,
 * so a terminal receives each order once. Then the holder dies without giving the lease up (its threads and
 * connection stop dead); another workstation takes the lease over when it expires and sends what the dead one left,
 * and the orders issued meanwhile. A foreign client (Paho) is the terminal.
 */
class ThreeWorkstationsSendOnceTest {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        MosquittoSupport.requireInstalled();
        broker = new MosquittoBroker(EmbeddedBroker.freePort());
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** A channel that counts what this workstation sent. */
    static final class CountingChannel implements PushChannel {
        final PushChannel inner;
        final AtomicInteger sent = new AtomicInteger();

        CountingChannel(PushChannel inner) {
            this.inner = inner;
        }

        @Override
        public void start() {
            inner.start();
        }

        @Override
        public CompletableFuture<Void> send(String topic, byte[] payload) {
            return inner.send(topic, payload).thenRun(sent::incrementAndGet);
        }

        @Override
        public void subscribe(String topicFilter, InboundHandler handler) {
            inner.subscribe(topicFilter, handler);
        }

        @Override
        public boolean isConnected() {
            return inner.isConnected();
        }

        @Override
        public void addStateListener(Consumer<PushConnectionState> listener) {
            inner.addStateListener(listener);
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    final class Workstation {
        final String name;
        final Database db;
        final OrderService orders;
        final ScheduledExecutorService exec = Executors.newScheduledThreadPool(2);
        final CountingChannel channel;
        final OutboxPublisher publisher;
        final PublisherLease lease;

        Workstation(String name, Database db, Clock clock) {
            this.name = name;
            this.db = db;
            this.orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(),
                    new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, name), new OrderPushEnqueuer(clock));
            this.channel = new CountingChannel(new MqttPushChannel(MqttSettings.of(broker.serverUri(), "ws-" + name
                    + "-" + System.nanoTime()), exec, clock));
            this.lease = new PublisherLease(db.jdbi(), name, LEASE);
            this.publisher = new OutboxPublisher(db.jdbi(), channel, exec, clock, Duration.ofMillis(100),
                    Duration.ofSeconds(3), Duration.ofSeconds(1), Runnable::run, s -> { }).withLease(lease);
        }

        Order issue(long[] ids, int i) {
            return orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, ids[2], IncidentType.FAMILY_DISPUTE,
                    ids[0], ids[1], null, "速到前进路1号 #" + i, null), "值班长" + name);
        }

        /** Dies: threads and connection stop dead, the lease is not given up. */
        void die() {
            exec.shutdownNow();
            channel.close();
        }

        void stop() {
            publisher.close();
            channel.close();
            exec.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.Kind.class)
    void eachOrderIsSentOnceByTheLeaseHolderAndAnotherTakesOverWhenItDies(SharedDatabase.Kind kind) throws Exception {
        Clock clock = Clock.systemUTC();
        Map<Long, AtomicInteger> received = new ConcurrentHashMap<>();
        try (SharedDatabase shared = kind.create()) {
            PushFixture seed = new PushFixture(shared.open(), clock);
            long[] ids = {seed.stationId, seed.unitId, seed.incidentId};
            MqttClient terminal = TestTerminal.connectAndSubscribe(broker.serverUri(), "terminal-" + System.nanoTime(),
                    PushTopics.orders(PushFixture.BUREAU, PushFixture.CALL_SIGN), (t, m) -> {
                        JsonNode n = PushMessages.readTree(m.getPayload());
                        received.computeIfAbsent(n.get("orderId").asLong(), k -> new AtomicInteger()).incrementAndGet();
                    });
            List<Workstation> ws = new ArrayList<>();
            for (String n : List.of("A", "B", "C")) {
                ws.add(new Workstation(n, shared.open(), clock));
            }
            ws.forEach(w -> w.publisher.start());
            List<Long> issued = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                Workstation w = ws.get(i % 3);
                issued.add(w.issue(ids, i).id());
                w.publisher.wake();
            }
            PushScenarios.await("all 150 received", () -> received.size() == 150);
            Thread.sleep(500);   // a second copy, if any workstation sent one, arrives within this
            List<Workstation> senders = ws.stream().filter(w -> w.channel.sent.get() > 0).toList();
            assertEquals(1, senders.size(), "one workstation sent, not " + senders.stream().map(w -> w.name).toList());
            Workstation holder = senders.get(0);
            int dupBefore = duplicates(received);
            assertEquals(0, dupBefore, "no order received twice while the holder lived");
            assertEquals(150, holder.channel.sent.get());

            holder.die();
            long diedAt = System.nanoTime();
            List<Workstation> survivors = ws.stream().filter(w -> w != holder).toList();
            for (int i = 150; i < 225; i++) {
                Workstation w = survivors.get(i % 2);
                issued.add(w.issue(ids, i).id());
                w.publisher.wake();
            }
            PushScenarios.await("all 225 received after the take-over", () -> received.size() == 225);
            double takeOverSeconds = (System.nanoTime() - diedAt) / 1e9;
            Thread.sleep(500);
            List<Workstation> newSenders = survivors.stream().filter(w -> w.channel.sent.get() > 0).toList();
            assertEquals(1, newSenders.size(), "one survivor took over");
            int duplicates = duplicates(received);
            int lost = (int) issued.stream().filter(id -> !received.containsKey(id)).count();
            long delivered = shared.open().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM push_outbox WHERE delivered_at IS NOT NULL").mapTo(Long.class).one());
            System.out.printf("THREE-WORKSTATIONS %s committed=%d sent=%d (A=%d B=%d C=%d) received=%d lost=%d duplicates=%d "
                            + "holder=%s takeover=%s in %.1f s (lease %d s) stored-delivered=%d%n",
                    kind, issued.size(), ws.stream().mapToInt(w -> w.channel.sent.get()).sum(),
                    ws.get(0).channel.sent.get(), ws.get(1).channel.sent.get(), ws.get(2).channel.sent.get(),
                    received.size(), lost, duplicates, holder.name, newSenders.get(0).name, takeOverSeconds,
                    LEASE.toSeconds(), delivered);
            assertEquals(0, lost);
            assertEquals(225, delivered);
            // The dead holder may have had one message in flight: sent again by the new holder, a redelivery.
            assertTrue(duplicates <= 1, "duplicates after the holder died: " + duplicates);
            survivors.forEach(Workstation::stop);
            terminal.disconnect();
            terminal.close();
        }
    }

    private static int duplicates(Map<Long, AtomicInteger> received) {
        return received.values().stream().mapToInt(a -> a.get() - 1).sum();
    }
}
