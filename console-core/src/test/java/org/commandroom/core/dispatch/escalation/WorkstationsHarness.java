package org.commandroom.core.dispatch.escalation;

import static org.commandroom.core.Latencies.alignedSummary;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.push.EmbeddedBroker;
import org.commandroom.core.dispatch.push.MqttPushChannel;
import org.commandroom.core.dispatch.push.MqttSettings;
import org.commandroom.core.dispatch.push.OrderPushEnqueuer;
import org.commandroom.core.dispatch.push.OutboxPublisher;
import org.commandroom.core.dispatch.push.PushMessages;
import org.commandroom.core.dispatch.push.PushTopics;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.SharedDatabase;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two workstations on one database over the network (an H2 TCP server in another process, or PostgreSQL),
 * wired as the console wires them (docs/ORDERS.md): workstation A issues orders to a unit, one at a time at
 * random moments; its outbox publisher is woken when the issue commits and a Paho terminal on A's embedded
 * broker receives each; workstation B follows the change log every 250 ms and reads each order as its orders
 * panel would. Logs p50/p90/p99/max of
 * <ul>
 *   <li>click → terminal: createAndIssue start on A → message at the terminal (target p99 &lt; 200 ms);</li>
 *   <li>commit → B's feed, and commit → B has read the order for its panel (target &lt; 1 s);</li>
 * </ul>
 * and, measured in the same run as baselines, a bare query round trip from B to the database and a bare
 * publish → receive round trip through the broker. Arguments: {@code [orders=300] [H2_TCP|POSTGRES]}.
 */
public final class WorkstationsHarness {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationsHarness.class);
    private static final Duration FEED_INTERVAL = Duration.ofMillis(250);

    private WorkstationsHarness() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        SharedDatabase.Kind kind = args.length > 1 ? SharedDatabase.Kind.valueOf(args[1]) : SharedDatabase.Kind.H2_TCP;
        int warmup = Math.min(50, n / 5);
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService push = Executors.newScheduledThreadPool(2);
        ScheduledExecutorService feedScheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService ioB = Executors.newSingleThreadExecutor();
        Map<Long, Long> atTerminal = new ConcurrentHashMap<>();
        Map<Long, Long> inFeedB = new ConcurrentHashMap<>();
        Map<Long, Long> readByB = new ConcurrentHashMap<>();
        try (SharedDatabase shared = kind.create(); EmbeddedBroker broker = EmbeddedBroker.start()) {
            Database dbA = shared.open();
            Database dbB = shared.open();
            FollowUpFixture data = new FollowUpFixture(dbA, new TestClock(clock.instant()), "setup");

            // Workstation A: orders pushed through the outbox, the publisher woken on commit.
            AtomicReference<OutboxPublisher> publisherRef = new AtomicReference<>();
            OrderPushEnqueuer enqueuer = new OrderPushEnqueuer(clock);
            IssueHook hook = (h, o) -> {
                enqueuer.issued(h, o);
                h.afterCommit(() -> publisherRef.get().wake());
            };
            OrderService ordersA = new OrderService(dbA.jdbi(), clock, DeadlinePolicy.defaults(),
                    new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, "ws-a"), hook);
            MqttPushChannel channel = new MqttPushChannel(MqttSettings.of(broker.serverUri(), "console-ws-a"), push, clock);
            OutboxPublisher publisher = new OutboxPublisher(dbA.jdbi(), channel, push, clock, Runnable::run, s -> { });
            publisherRef.set(publisher);
            publisher.start();
            MqttClient terminal = connect(broker.serverUri(), "terminal-" + UUID.randomUUID());
            terminal.subscribe(PushTopics.orders("B1", FollowUpFixture.CALL_SIGN), 1, (t, m) ->
                    atTerminal.put(PushMessages.readTree(m.getPayload()).get("orderId").asLong(), System.nanoTime()));

            // Workstation B: the change feed as in the console, and the orders panel's read.
            OrderFollowUp followUpB = new OrderFollowUp(dbB.jdbi(), null, clock, new ChangeRecorder(clock, "ws-b"));
            ChangeFeed feedB = new ChangeFeed(dbB.jdbi(), feedScheduler, Runnable::run, clock, FEED_INTERVAL,
                    Duration.ofSeconds(10));
            feedB.addListener((List<Change> changes) -> {
                long now = System.nanoTime();
                List<Long> ids = Change.idsOf(changes, Entity.ORDER);
                ids.forEach(id -> inFeedB.putIfAbsent(id, now));
                if (!ids.isEmpty()) {
                    ioB.execute(() -> followUpB.entries(ids).forEach(e -> readByB.putIfAbsent(e.id(), System.nanoTime())));
                }
            });
            feedB.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!channel.isConnected() && System.nanoTime() < until) {
                Thread.sleep(20);
            }

            Random random = new Random(7);
            long[] click = new long[n];
            long[] feed = new long[n];
            long[] read = new long[n];
            for (int i = 0; i < warmup + n; i++) {
                Thread.sleep(random.nextInt((int) FEED_INTERVAL.toMillis())); // at any phase of B's poll
                long start = System.nanoTime();
                Order o = ordersA.createAndIssue(new OrderDraft(OrderKind.DISPATCH, data.incidentId,
                        IncidentType.FAMILY_DISPUTE, data.stationId, data.unitId, null, "速到前进路1号", null), "值班长");
                long committed = System.nanoTime();
                long deadline = committed + TimeUnit.SECONDS.toNanos(10);
                while (!(atTerminal.containsKey(o.id()) && readByB.containsKey(o.id()))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("order " + o.id() + " not at the terminal and on B within 10 s");
                    }
                    Thread.sleep(1);
                }
                if (i >= warmup) {
                    click[i - warmup] = atTerminal.get(o.id()) - start;
                    feed[i - warmup] = inFeedB.get(o.id()) - committed;
                    read[i - warmup] = readByB.get(o.id()) - committed;
                }
            }

            long[] dbTrip = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                dbB.jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM change_log").mapTo(Long.class).one());
                dbTrip[i] = System.nanoTime() - t;
            }
            long[] mqttTrip = brokerRoundTrips(broker.serverUri(), n);

            feedB.close();
            publisher.close();
            channel.close();
            terminal.disconnect();
            terminal.close();
            LOG.info("{} orders on {} after {} warm-up; B polls the change log every {} ms; embedded broker on loopback",
                    n, kind, warmup, FEED_INTERVAL.toMillis());
            LOG.info("click → terminal (A: issue, commit, wake, PUBACK, delivery): {}  [target p99 < 200 ms]", alignedSummary(click));
            LOG.info("commit on A → B's change feed:                          {}  [target < 1000 ms]", alignedSummary(feed));
            LOG.info("commit on A → B has read the order for its panel:       {}  [target < 1000 ms]", alignedSummary(read));
            LOG.info("baseline: one query from B to the database:             {}", alignedSummary(dbTrip));
            LOG.info("baseline: publish → receive through the broker alone:   {}", alignedSummary(mqttTrip));
        } finally {
            push.shutdownNow();
            feedScheduler.shutdownNow();
            ioB.shutdownNow();
        }
    }

    private static long[] brokerRoundTrips(String uri, int n) throws Exception {
        Map<Integer, Long> got = new ConcurrentHashMap<>();
        MqttClient sub = connect(uri, "rt-sub-" + UUID.randomUUID());
        sub.subscribe("harness/rt", 1, (t, m) -> got.put(Integer.parseInt(new String(m.getPayload(),
                StandardCharsets.UTF_8)), System.nanoTime()));
        MqttClient pub = connect(uri, "rt-pub-" + UUID.randomUUID());
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            pub.publish("harness/rt", Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false);
            long deadline = t + TimeUnit.SECONDS.toNanos(5);
            while (!got.containsKey(i) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            out[i] = got.getOrDefault(i, deadline) - t;
        }
        pub.disconnect();
        sub.disconnect();
        pub.close();
        sub.close();
        return out;
    }

    /** Connects and subscribes later; retries a connection Moquette drops right after CONNACK. */
    private static MqttClient connect(String uri, String id) throws MqttException {
        MqttException last = null;
        for (int i = 0; i < 5; i++) {
            MqttClient c = new MqttClient(uri, id, new MemoryPersistence());
            try {
                MqttConnectOptions o = new MqttConnectOptions();
                o.setCleanSession(true);
                c.connect(o);
                return c;
            } catch (MqttException e) {
                last = e;
                c.close(true);
            }
        }
        throw last;
    }
}
