package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEvent;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.OrderTimes;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulator;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulatorArgs;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The terminal simulator closes the loop: it receives a pushed order, signs, then feeds back. */
class TerminalSimulatorTest {

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void aSimulatedUnitSignsAndThenFeedsBackOnAPushedOrder(TestDb kind) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (PushFixture f = new PushFixture(kind, new TestClock(Instant.parse("2026-11-23T02:00:00Z")));
             MqttPushChannel channel = new MqttPushChannel(MqttSettings.of(broker.serverUri(), "console-sim-" + kind),
                     scheduler, f.clock);
             OutboxPublisher publisher = new OutboxPublisher(f.db.jdbi(), channel, scheduler, f.clock,
                     Runnable::run, s -> { });
             TerminalSimulator sim = new TerminalSimulator(new TerminalSimulator.Settings(broker.serverUri(),
                     PushFixture.BUREAU, List.of(PushFixture.CALL_SIGN, "城关02"), Duration.ofMillis(100),
                     Duration.ofMillis(100), "已调解"), callSign -> new MqttPushChannel(MqttSettings.of(
                             broker.serverUri(), "sim-" + kind + "-" + callSign.hashCode()), scheduler, f.clock),
                     scheduler, f.clock)) {
            new TerminalAckListener(f.db.jdbi(), f.orders, f.clock, PushFixture.BUREAU).subscribeTo(channel);
            sim.start();
            publisher.start();
            PushScenarios.await("console connected", channel::isConnected);
            Order o = f.issueToUnit();
            publisher.wake();
            PushScenarios.await("fed back by the simulator",
                    () -> f.orders.find(o.id()).orElseThrow().status() == OrderStatus.FED_BACK);
            List<OrderEvent> trail = f.orders.trail(o.id());
            assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.RECEIVED,
                    OrderEventType.SIGNED, OrderEventType.EN_ROUTE, OrderEventType.ON_SCENE, OrderEventType.FED_BACK),
                    trail.stream().map(OrderEvent::event).toList());
            assertEquals(PushFixture.CALL_SIGN, trail.get(6).actor());
            assertEquals("已调解", trail.get(6).detail());
            OrderTimes t = f.orders.times(o.id()).orElseThrow();
            assertNotNull(t.receivedAt(), "receipt time");
            assertNotNull(t.enRouteAt(), "en route time");
            assertNotNull(t.onSceneAt(), "on scene time");
            assertEquals(1, sim.ordersReceived(), "the other unit got nothing");
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCommandLineNeedsABrokerABureauAndACallSign() {
        TerminalSimulator.Settings s = TerminalSimulatorArgs.parse("--broker", "tcp://127.0.0.1:1883", "--bureau", "B1",
                "--sign-after", "500ms", "--feedback-after", "2m", "城关01", "城关02");
        assertEquals(List.of("城关01", "城关02"), s.callSigns());
        assertEquals(Duration.ofMillis(500), s.signAfter());
        assertEquals(Duration.ofMinutes(2), s.feedbackAfter());
        assertThrows(IllegalArgumentException.class, () -> TerminalSimulatorArgs.parse("--broker", "tcp://x:1", "城关01"));
        assertThrows(IllegalArgumentException.class, () -> TerminalSimulatorArgs.parse("--bureau", "B1", "--sign-after", "soon",
                "--broker", "tcp://x:1", "城关01"));
    }
}
