package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderEvent;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.push.AckAction;
import org.commandroom.core.dispatch.push.EmbeddedBroker;
import org.commandroom.core.dispatch.push.PushMessages;
import org.commandroom.core.dispatch.push.PushStatus;
import org.commandroom.core.dispatch.push.PushTopics;
import org.commandroom.core.incident.IncidentType;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as started: push wired out of the box, an order reaching a real MQTT terminal, its ack signing it. */
class AppContextPushTest {

    private AppContext context;
    private MqttClient terminal;

    @AfterEach
    void close() throws Exception {
        if (terminal != null && terminal.isConnected()) {
            terminal.disconnect();
        }
        if (context != null) {
            context.close();
        }
    }

    private AppServices start(Path dataDir, String... more) throws Exception {
        var args = new java.util.ArrayList<>(List.of("--db", "jdbc:h2:mem:push-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--data-dir", dataDir.toString()));
        args.addAll(List.of(more));
        context = org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(args, Map.of()), Clock.systemUTC(), Runnable::run));
        return context.connect();
    }

    private static long[] stationAndUnit(AppServices s) {
        return s.database().jdbi().withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '测试县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long station = h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long unit = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES ('城关01', 'CAR', :s, 'AVAILABLE')")
                    .bind("s", station).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new long[] {station, unit};
        });
    }

    private static Order issue(AppServices s, long[] ids) {
        return s.orders().createAndIssue(new OrderDraft(OrderKind.DISPATCH, null, IncidentType.FIGHT, ids[0], ids[1], null,
                "速到北街3号", null), "值班长");
    }

    private MqttClient terminal(String uri, BlockingQueue<String> inbox) throws Exception {
        MqttClient c = new MqttClient(uri, "terminal-test-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        c.subscribe(PushTopics.orders("B1", "城关01"), 1, (topic, m) -> inbox.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        return c;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 10 s: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void outOfTheBoxAnIssuedOrderReachesATerminalOnTheEmbeddedBrokerAndItsAckSignsIt(@TempDir Path dataDir) throws Exception {
        AppServices s = start(dataDir);
        PushRuntime push = s.workflow().push();
        assertTrue(push.embeddedBroker());
        assertTrue(push.brokerUri().startsWith("tcp://127.0.0.1:"), push.brokerUri());
        await("connected", () -> push.state().connected());
        long[] ids = stationAndUnit(s);
        BlockingQueue<String> inbox = new ArrayBlockingQueue<>(10);
        // The broker starts on the push's own thread, after connect() has returned.
        assertTrue(push.awaitStarted(), "the embedded broker listens");
        terminal = terminal(push.brokerUri(), inbox);

        Order o = issue(s, ids);
        String message = inbox.poll(5, TimeUnit.SECONDS);
        assertNotNull(message, "the order reached the terminal");
        var received = PushMessages.readTree(message.getBytes(StandardCharsets.UTF_8));
        assertEquals(o.id(), received.get("orderId").asLong());

        String ack = PushMessages.ackJson(UUID.randomUUID().toString(), o.id(), received.get("orderUid").asText(),
                AckAction.SIGN, null, null);
        terminal.publish(PushTopics.ack("B1", "城关01"), ack.getBytes(StandardCharsets.UTF_8), 1, false);
        await("signed by the terminal", () -> s.orders().find(o.id()).orElseThrow().status() == OrderStatus.SIGNED);
        List<OrderEvent> trail = s.orders().trail(o.id());
        assertEquals("城关01", trail.get(trail.size() - 1).actor());
        assertEquals(PushStatus.State.SIGNED, s.workflow().followUp().entries(List.of(o.id())).get(0).push().state());
    }

    @Test
    void withTheConfiguredBrokerDownOrdersWaitInTheOutboxAndLeaveWhenItComesBack(@TempDir Path dataDir) throws Exception {
        int port = EmbeddedBroker.freePort();
        AppServices s = start(dataDir, "--mqtt", "tcp://127.0.0.1:" + port);
        PushRuntime push = s.workflow().push();
        assertFalse(push.embeddedBroker(), "a configured broker: none embedded");
        long[] ids = stationAndUnit(s);
        Order o = issue(s, ids);
        Thread.sleep(1500);
        assertFalse(push.state().connected());
        assertEquals(1, push.undelivered());
        assertEquals(PushStatus.State.QUEUED, s.workflow().followUp().entries(List.of(o.id())).get(0).push().state());

        try (EmbeddedBroker broker = EmbeddedBroker.start(port)) {
            await("reconnected and delivered", () -> push.state().connected() && push.undelivered() == 0);
            assertEquals(PushStatus.State.AT_BROKER, s.workflow().followUp().entries(List.of(o.id())).get(0).push().state());
            context.close();
            context = null;
            assertEquals(0, broker.connectedClients(), "closing the console disconnects it from the broker");
        }
    }
}
