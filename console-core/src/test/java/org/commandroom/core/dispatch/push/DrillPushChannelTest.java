package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.store.TestDb;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A drill pushes through the in-memory channel: nothing reaches a broker, and drill units can still sign. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class DrillPushChannelTest {

    @Parameter
    TestDb kind;

    private PushFixture f;
    private ScheduledExecutorService scheduler;
    private DrillPushChannel drill;
    private OutboxPublisher publisher;

    @BeforeEach
    void setUp() {
        f = new PushFixture(kind, new TestClock(Instant.parse("2026-11-23T02:00:00Z")));
        scheduler = Executors.newScheduledThreadPool(1);
        drill = new DrillPushChannel(f.clock);
        publisher = new OutboxPublisher(f.db.jdbi(), drill, scheduler, f.clock, Duration.ofMillis(50),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Runnable::run, s -> { });
        new TerminalAckListener(f.db.jdbi(), f.orders, f.clock, PushFixture.BUREAU).subscribeTo(drill);
        publisher.start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        publisher.close();
        drill.close();
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void theDrillChannelNeverTouchesTheMqttBroker() throws Exception {
        List<String> seenByBroker = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            MqttClient sniffer = TestTerminal.connectAndSubscribe(broker.serverUri(), "sniffer-" + UUID.randomUUID(), "#",
                    (topic, m) -> seenByBroker.add(topic));
            try {
                Order o = f.issueToUnit();
                publisher.wake();
                PushScenarios.await("delivered to the drill", () -> f.status(o.id()).state() == PushStatus.State.AT_BROKER);
                assertEquals(List.of("console/B1/unit/城关01/orders"),
                        drill.sent().stream().map(DrillPushChannel.SentMessage::topic).toList());
                assertTrue(drill.sent().get(0).payload().contains("\"orderId\":" + o.id()));
                Thread.sleep(300);
                assertEquals(List.of(), seenByBroker, "no message reached the broker");
                assertEquals(1, broker.connectedClients(), "only the sniffer is connected");
            } finally {
                sniffer.disconnect();
                sniffer.close();
            }
        }
    }

    @Test
    void aDrillUnitsSignAndFeedbackGoThroughTheSameListener() throws Exception {
        Order o = f.issueToUnit();
        publisher.wake();
        PushScenarios.await("delivered to the drill", () -> f.status(o.id()).state() == PushStatus.State.AT_BROKER);
        String topic = PushTopics.ack(PushFixture.BUREAU, PushFixture.CALL_SIGN);
        drill.acknowledge(topic, PushMessages.ackJson("d-1", o.id(), uid(o.id()), AckAction.SIGN, null, null));
        drill.acknowledge(topic, PushMessages.ackJson("d-1", o.id(), uid(o.id()), AckAction.SIGN, null, null));
        drill.acknowledge(topic, PushMessages.ackJson("d-2", o.id(), uid(o.id()), AckAction.FEEDBACK, "演练反馈", null));
        assertEquals(OrderStatus.FED_BACK, f.orders.find(o.id()).orElseThrow().status());
        assertEquals(1, f.orders.trail(o.id()).stream()
                .filter(e -> e.event() == org.commandroom.core.dispatch.OrderEventType.SIGNED).count());
    }

    private String uid(long orderId) {
        return f.db.jdbi().withExtension(PushDao.class, d -> d.orderUid(orderId)).orElseThrow();
    }
}
