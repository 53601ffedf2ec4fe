package org.commandroom.core.dispatch.push;

import static org.commandroom.core.dispatch.push.PushScenarios.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEvent;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderTimes;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A terminal played by Mosquitto's own command-line clients, following docs/PUSH.md and nothing else: mosquitto_sub
 * on the unit's orders topic receives the ORDER; mosquitto_pub sends RECEIPT, SIGN, STATUS EN_ROUTE and ON_SCENE and
 * FEEDBACK as hand-written JSON on the unit's uplink topic; the order's trail and times show each step.
 */
class ForeignTerminalWithMosquittoClientsTest {

    private static final Path SUB = MosquittoSupport.SUB;
    private static final Path PUB = MosquittoSupport.PUB;
    private static MosquittoBroker broker;

    @BeforeAll
    static void startMosquitto() throws Exception {
        MosquittoSupport.requireInstalledWithClients();
        broker = MosquittoSupport.startBroker();
    }

    @AfterAll
    static void stopMosquitto() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void mosquittoPubAndSubCanPlayATerminalFromTheDocumentAlone(TestDb kind) throws Exception {
        String orders = "console/B1/unit/城关01/orders";
        String up = "console/B1/unit/城关01/ack";
        // stdbuf: line-buffered output through the pipe, so the SUBACK line arrives when it happens.
        Process sub = new ProcessBuilder("stdbuf", "-oL", SUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
                "-t", orders, "-q", "1", "-C", "1", "-W", "60", "-d").redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
            }
        }, "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
        try (TerminalRig rig = new TerminalRig(kind, broker.serverUri())) {
            waitForLine(lines, l -> l.contains("SUBACK"), "mosquitto_sub subscribed");
            Order o = rig.f.issueToUnit();
            rig.publisher.wake();
            String json = waitForLine(lines, l -> l.startsWith("{"), "the order printed by mosquitto_sub");
            JsonNode order = PushMessages.readTree(json.getBytes(StandardCharsets.UTF_8));
            assertEquals("ORDER", order.get("type").asText());
            long id = order.get("orderId").asLong();
            String uid = order.get("orderUid").asText();
            assertEquals(o.id(), id);
            assertTrue(sub.waitFor(10, TimeUnit.SECONDS), "mosquitto_sub exits after its one message");

            pub(up, "{\"v\":2,\"type\":\"RECEIPT\",\"messageId\":\"cli-1\",\"orderId\":" + id + ",\"orderUid\":\"" + uid
                    + "\",\"at\":\"2026-11-23T10:00:05+08:00\"}");
            pub(up, "{\"v\":2,\"type\":\"SIGN\",\"messageId\":\"cli-2\",\"orderId\":" + id + ",\"orderUid\":\"" + uid + "\"}");
            pub(up, "{\"v\":2,\"type\":\"STATUS\",\"messageId\":\"cli-3\",\"status\":\"EN_ROUTE\",\"orderId\":" + id
                    + ",\"orderUid\":\"" + uid + "\",\"at\":\"2026-11-23T10:01:00+08:00\"}");
            pub(up, "{\"v\":2,\"type\":\"POSITION\",\"messageId\":\"cli-4\",\"lat\":30.1005,\"lon\":104.2003,"
                    + "\"datum\":\"WGS84\",\"fixAt\":\"2026-11-23T02:03:00Z\",\"accuracyM\":5,\"speedMps\":9.5,\"headingDeg\":45}");
            pub(up, "{\"v\":2,\"type\":\"STATUS\",\"messageId\":\"cli-5\",\"status\":\"ON_SCENE\",\"orderId\":" + id
                    + ",\"orderUid\":\"" + uid + "\",\"at\":\"2026-11-23T10:06:00+08:00\"}");
            pub(up, "{\"v\":2,\"type\":\"FEEDBACK\",\"messageId\":\"cli-6\",\"orderId\":" + id + ",\"orderUid\":\"" + uid
                    + "\",\"text\":\"已到场处置\",\"photos\":[{\"uri\":\"https://files.example/1.jpg\"}]}");
            await("fed back through mosquitto_pub", () -> rig.f.orders.trail(id).stream()
                    .anyMatch(e -> e.event() == OrderEventType.FED_BACK));
            await("the position was offered", () -> rig.ingest.stats().offered() == 1);

            List<OrderEventType> events = rig.f.orders.trail(id).stream().map(OrderEvent::event).toList();
            assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.RECEIVED,
                    OrderEventType.SIGNED, OrderEventType.EN_ROUTE, OrderEventType.ON_SCENE, OrderEventType.FED_BACK),
                    events);
            OrderTimes t = rig.f.orders.times(id).orElseThrow();
            assertNotNull(t.receivedAt());
            assertNotNull(t.signedAt());
            assertNotNull(t.onSceneAt());
            assertEquals(PushStatus.State.SIGNED, rig.f.status(id).state());
            assertEquals(List.of(), rig.warnings(), "every hand-written message was accepted");
        } finally {
            sub.destroy();
        }
    }

    private static void pub(String topic, String json) throws Exception {
        Process p = new ProcessBuilder(PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(broker.port()), "-t", topic,
                "-q", "1", "-m", json).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "mosquitto_pub finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "mosquitto_pub: " + out);
    }

    private static String waitForLine(BlockingQueue<String> lines, java.util.function.Predicate<String> match, String what)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && match.test(l)) {
                return l;
            }
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
