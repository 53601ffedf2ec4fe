package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEvent;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The push loop against a real broker: console (outbox publisher and ack listener on one MQTT channel)
 * → broker → a test terminal, and back. Subclasses give the broker and the database. The console reaches
 * the broker through a {@link GatedProxy} so that the restart test can hold it off until the terminal
 * is subscribed again.
 */
abstract class PushScenarios {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(15);

    abstract TestDb database();

    /** A broker that stays up for every test of the class (Moquette takes 2 s to stop). */
    abstract BrokerUnderTest sharedBroker() throws Exception;

    /** A broker of the same kind for this test only, to be stopped and started again. */
    abstract BrokerUnderTest newBroker() throws Exception;

    BrokerUnderTest broker;
    GatedProxy proxy;
    PushFixture f;
    ScheduledExecutorService scheduler;
    MqttPushChannel channel;
    OutboxPublisher publisher;
    final List<PushConnectionState> states = new CopyOnWriteArrayList<>();
    ListAppender<ILoggingEvent> ackLog;

    private boolean ownBroker;

    @BeforeEach
    void startConsole() throws Exception {
        startConsole(sharedBroker(), false);
    }

    void startConsole(BrokerUnderTest b, boolean own) throws Exception {
        broker = b;
        ownBroker = own;
        if (own) {
            broker.start();
        }
        proxy = new GatedProxy(broker.port());
        f = new PushFixture(database(), new TestClock(T0));
        scheduler = Executors.newScheduledThreadPool(2);
        channel = new MqttPushChannel(new MqttSettings(proxy.serverUri(), "console-test-" + System.nanoTime(),
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(10)), scheduler, f.clock);
        publisher = new OutboxPublisher(f.db.jdbi(), channel, scheduler, f.clock, Duration.ofMillis(100),
                Duration.ofSeconds(3), Duration.ofSeconds(1), Runnable::run, states::add);
        new TerminalAckListener(f.db.jdbi(), f.orders, f.clock, PushFixture.BUREAU).subscribeTo(channel);
        ackLog = new ListAppender<>();
        ackLog.start();
        ((Logger) LoggerFactory.getLogger(TerminalAckListener.class)).addAppender(ackLog);
        publisher.start();
        await("console connected", () -> channel.isConnected());
    }

    @AfterEach
    void stopConsole() throws Exception {
        ((Logger) LoggerFactory.getLogger(TerminalAckListener.class)).detachAppender(ackLog);
        publisher.close();
        channel.close();
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        proxy.close();
        if (ownBroker) {
            broker.close();
        }
        f.close();
    }

    @Test
    void anIssuedOrderReachesTheSubscribedTerminalWithTheDocumentedPayloadAndIsMarkedDelivered() throws Exception {
        try (TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            Order o = f.issueToUnit();
            publisher.wake();
            JsonNode m = terminal.nextOrder(WAIT);
            assertNotNull(m, "the terminal received the order");
            assertEquals(2, m.get("v").asInt());
            assertEquals("ORDER", m.get("type").asText());
            assertEquals(o.id(), m.get("orderId").asLong());
            assertEquals(o.orderNo(), m.get("orderNo").asText());
            assertEquals("DISPATCH", m.get("kind").asText());
            assertEquals("速到前进路1号处置家庭纠纷", m.get("summary").asText());
            assertEquals("JQ20261123-00001", m.at("/incident/no").asText());
            assertEquals("前进路1号", m.at("/incident/address").asText());
            assertEquals("WGS84", m.at("/position/datum").asText());
            assertEquals("2026-11-23T02:30:00Z", m.get("signDeadline").asText());
            assertEquals("2026-11-23T02:00:00Z", m.get("issuedAt").asText());
            await("status delivered", () -> f.status(o.id()).state() == PushStatus.State.AT_BROKER);
            PushStatus s = f.status(o.id());
            assertEquals(T0, s.deliveredAt());
            assertEquals(1, s.attempts());
            assertNull(terminal.nextOrder(Duration.ofMillis(300)), "delivered once, not again");
        }
    }

    @Test
    void theTerminalsSignIsAppliedOnceADuplicateChangesNothingAndFeedbackFollows() throws Exception {
        try (TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            Order o = f.issueToUnit();
            publisher.wake();
            assertNotNull(terminal.nextOrder(WAIT));
            terminal.ack("m-1", o.id(), AckAction.SIGN, null);
            await("signed", () -> f.orders.find(o.id()).orElseThrow().status() == OrderStatus.SIGNED);
            terminal.ack("m-1", o.id(), AckAction.SIGN, null);   // the same message again
            terminal.ack("m-2", o.id(), AckAction.SIGN, null);   // a second signing, new id
            terminal.ack("m-3", o.id(), AckAction.FEEDBACK, "已到场，双方已调解");
            await("fed back", () -> f.orders.find(o.id()).orElseThrow().status() == OrderStatus.FED_BACK);

            List<OrderEvent> trail = f.orders.trail(o.id());
            assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED,
                    OrderEventType.FED_BACK), trail.stream().map(OrderEvent::event).toList());
            assertEquals(PushFixture.CALL_SIGN, trail.get(2).actor());
            assertEquals("已到场，双方已调解", trail.get(3).detail());
            assertEquals(List.of("m-1:APPLIED", "m-2:IGNORED", "m-3:APPLIED"), inbound());
            assertEquals(PushStatus.State.SIGNED, f.status(o.id()).state());
            assertTrue(logged("Duplicate terminal message m-1"), "the duplicate is logged");
        }
    }

    @Test
    void malformedAcksAreDroppedWithTheirReasonLoggedAndLaterAcksStillWork() throws Exception {
        try (TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            Order o = f.issueToUnit();
            publisher.wake();
            assertNotNull(terminal.nextOrder(WAIT));
            terminal.publishRaw("签收 {not json");
            terminal.publishRaw("{\"v\":2,\"type\":\"SIGN\",\"messageId\":\"x-1\",\"orderId\":\"abc\",\"orderUid\":\"u\"}");
            terminal.publishRaw("{\"v\":2,\"type\":\"DANCE\",\"messageId\":\"x-2\",\"orderId\":" + o.id() + "}");
            terminal.publishRaw("[1,2,3]");
            terminal.ack("x-3", o.id() + 999, AckAction.SIGN, null);  // no such order
            terminal.ack("x-4", o.id(), AckAction.SIGN, null);
            await("signed after the bad messages", () -> f.orders.find(o.id()).orElseThrow().status() == OrderStatus.SIGNED);

            assertTrue(logged("Rejected terminal message") && logged("not JSON"), messages());
            assertTrue(logged("SIGN does not match its schema: $.orderId"), messages());
            assertTrue(logged("type missing or unknown"), messages());
            assertTrue(logged("not a JSON object"), messages());
            assertTrue(logged("order " + (o.id() + 999) + " does not exist"), messages());
            assertTrue(channel.isConnected(), "the subscriber survived");
            assertEquals(List.of("x-4:APPLIED"), inbound());
        }
    }

    @Test
    void anAckFromAnotherUnitForThisOrderIsRejected() throws Exception {
        try (TestTerminal other = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, "城关02");
             TestTerminal own = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            Order o = f.issueToUnit();
            publisher.wake();
            assertNotNull(own.nextOrder(WAIT));
            other.ack("o-1", o.id(), f.db.jdbi().withExtension(PushDao.class, d -> d.orderUid(o.id())).orElseThrow(),
                    AckAction.SIGN, null);
            own.ack("o-2", o.id(), AckAction.SIGN, null);
            await("signed by its own unit", () -> f.orders.find(o.id()).orElseThrow().status() == OrderStatus.SIGNED);
            assertEquals(PushFixture.CALL_SIGN, f.orders.trail(o.id()).get(2).actor());
            assertTrue(logged("Rejected SIGN o-1 from 城关02") || logged("Rejected SIGN o-1: 城关02 is not a unit"), messages());
        }
    }

    @Test
    void anOrderIssuedWhileTheBrokerIsDownStaysQueuedAndIsDeliveredWhenItReturnsOnTheSamePort() throws Exception {
        stopConsole();
        startConsole(newBroker(), true);
        broker.stop();
        await("console sees the broker gone", () -> !channel.isConnected());
        await("status bar told: disconnected", () -> !states.isEmpty() && !states.get(states.size() - 1).connected());

        Order o = f.issueToUnit();
        publisher.wake();
        Thread.sleep(1000);
        PushStatus queued = f.status(o.id());
        assertEquals(PushStatus.State.QUEUED, queued.state());
        assertNull(queued.deliveredAt());

        proxy.setOpen(false);         // hold the console off until the terminal is subscribed again
        broker.start();
        try (TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            proxy.setOpen(true);
            JsonNode m = terminal.nextOrder(WAIT);
            assertNotNull(m, "the order queued while the broker was down reached the terminal");
            assertEquals(o.id(), m.get("orderId").asLong());
            await("status delivered", () -> f.status(o.id()).state() == PushStatus.State.AT_BROKER);
            assertEquals(T0, f.status(o.id()).deliveredAt());
            assertTrue(states.get(states.size() - 1).connected(), "status bar told: connected again");

            terminal.ack("r-1", o.id(), AckAction.SIGN, null);
            await("signed after the restart", () -> f.status(o.id()).state() == PushStatus.State.SIGNED);
        }
    }

    List<String> inbound() {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT message_id, outcome FROM push_inbound ORDER BY message_id")
                .map((rs, ctx) -> rs.getString(1) + ":" + rs.getString(2)).list());
    }

    boolean logged(String fragment) {
        return ackLog.list.stream().anyMatch(e -> e.getFormattedMessage().contains(fragment));
    }

    String messages() {
        return String.join("\n", ackLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, WAIT, condition);
    }

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /**
     * Spins (no sleep: the latency harnesses time to the microsecond) until the terminal's subscription has put the
     * order's receipt time (System.nanoTime) in {@code receivedAt}; returns that time. Fails 10 s after {@code from}.
     */
    static long spinUntilReceived(Map<Long, Long> receivedAt, long orderId, long from) {
        long deadline = from + TimeUnit.SECONDS.toNanos(10);
        Long got;
        while ((got = receivedAt.get(orderId)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("order " + orderId + " not received within 10 s");
            }
            Thread.onSpinWait();
        }
        return got;
    }

    static void assertNeverTrue(BooleanSupplier condition, Duration during) throws InterruptedException {
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            assertFalse(condition.getAsBoolean());
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
