package org.commandroom.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.commandroom.core.dispatch.push.EmbeddedBroker;
import org.commandroom.core.dispatch.push.MqttPushChannel;
import org.commandroom.core.dispatch.push.MqttSettings;
import org.commandroom.core.dispatch.push.OutboxPublisher;
import org.commandroom.core.dispatch.push.TerminalAckListener;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulator;

/**
 * The demo simulator with its units answering as terminals through a real (embedded) MQTT broker: the
 * order goes out through the outbox, the simulated terminal receives it, and its sign-for and feedback
 * come back through the console's acknowledgement listener, with the unit's call-sign on the trail.
 */
class DemoSimulatorOverMqttTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // 20:00 local time: a busy hour.
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final GeoPoint STATION = GeoPoint.wgs84(29.2100, 103.9500);

    private Database db;
    private TestClock clock;
    private ScheduledExecutorService scheduler;
    private IncidentService incidents;
    private UnitService units;
    private OrderService orders;
    private long stationId;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2();
        clock = new TestClock(T0);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        ChangeRecorder recorder = new ChangeRecorder(clock, "sim-test");
        Numbering numbering = new Numbering(clock, ZONE);
        incidents = new IncidentService(db.jdbi(), recorder);
        units = new UnitService(db.jdbi(), recorder);
        orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(), numbering, recorder,
                new org.commandroom.core.dispatch.push.OrderPushEnqueuer(clock));
        stationId = db.jdbi().withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '测试县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        // A little history to model calls on, about a kilometre from the station.
        for (int i = 0; i < 20; i++) {
            GeoPoint p = new GeoPoint(STATION.lat() + 0.009 + i * 0.0001, STATION.lon() + 0.001, STATION.datum());
            long st = stationId;
            int n = i;
            db.jdbi().useExtension(IncidentDao.class, dao -> dao.insert(new Incident(0, "H" + n, T0.minus(Duration.ofDays(n + 1)),
                    "13800000000", "滨江路" + n + "号", p, IncidentType.NEIGHBOUR_DISPUTE, 3, "邻里噪音纠纷", st, null,
                    IncidentStatus.CLOSED, T0.minus(Duration.ofDays(n)), 0)));
        }
        for (int i = 0; i < 3; i++) {
            long st = stationId;
            String sign = "巡" + i;
            db.jdbi().useExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, sign, UnitKind.CAR, st, null,
                    UnitStatus.AVAILABLE, STATION, null, T0, 0)));
        }
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        db.close();
    }

    private void run(DemoSimulator sim, Duration total) throws InterruptedException {
        for (long s = 0; s < total.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            sim.tick();
            Thread.sleep(10); // the broker round trip runs in real time
        }
    }

    @Test
    void theSimulatedTerminalsSignAndFeedBackThroughTheBroker() throws Exception {
        ScheduledExecutorService push = Executors.newScheduledThreadPool(2);
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             MqttPushChannel channel = new MqttPushChannel(MqttSettings.of(broker.serverUri(), "console-demo-test"), push, clock);
             OutboxPublisher publisher = new OutboxPublisher(db.jdbi(), channel, push, clock, Duration.ofMillis(50),
                     Duration.ofSeconds(5), Duration.ofSeconds(5), Runnable::run, s -> { });
             TerminalSimulator terminals = new TerminalSimulator(
                     TerminalSimulator.Settings.onDemand(broker.serverUri(), "+"),
                     new MqttPushChannel(MqttSettings.of(broker.serverUri(), "demo-terminals-test"), push, clock),
                     push, clock)) {
            String bureau = db.jdbi().withHandle(h -> h.createQuery("SELECT code FROM bureau ORDER BY id")
                    .mapTo(String.class).first());
            new TerminalAckListener(db.jdbi(), orders, clock, bureau).subscribeTo(channel);
            publisher.start();
            terminals.start();
            SimulatorSettings settings = new SimulatorSettings(Duration.ofDays(365), Duration.ofSeconds(60),
                    Duration.ofSeconds(61), Duration.ofSeconds(3), 0, 0);
            DemoSimulator sim = new DemoSimulator(db.jdbi(), incidents, units, orders, new Numbering(clock, ZONE), clock,
                    ZONE, scheduler, settings, 42, DemoTerminals.mqtt(terminals));
            sim.prepare();
            Incident call = sim.newIncident(clock.instant());
            run(sim, Duration.ofMinutes(13));

            Order order = db.jdbi().withExtension(OrderDao.class, d -> d.forIncident(call.id())).get(0);
            assertEquals(OrderStatus.CLOSED, orders.find(order.id()).orElseThrow().status());
            String callSign = units.all().stream().filter(u -> u.id() == order.unitId()).findFirst().orElseThrow().callSign();
            var trail = orders.trail(order.id());
            assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.RECEIVED,
                    OrderEventType.SIGNED, OrderEventType.EN_ROUTE, OrderEventType.ON_SCENE, OrderEventType.CLEARED,
                    OrderEventType.FED_BACK, OrderEventType.CLOSED),
                    trail.stream().map(e -> e.event()).toList());
            assertEquals(callSign, trail.get(2).actor(), "the terminal's receipt, through the broker");
            assertEquals(callSign, trail.get(3).actor(), "signed by the unit's terminal, through the broker");
            assertEquals(callSign, trail.get(7).actor(), "fed back by the unit's terminal");
            assertEquals(List.of("RECEIPT:APPLIED", "SIGN:APPLIED", "FEEDBACK:APPLIED"), db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT action || ':' || outcome FROM push_inbound WHERE order_id = :o ORDER BY received_at, action DESC")
                    .bind("o", order.id()).mapTo(String.class).list()));
            assertEquals(1, terminals.ordersReceived());
            assertEquals(IncidentStatus.CLOSED,
                    db.jdbi().withExtension(IncidentDao.class, d -> d.findById(call.id())).orElseThrow().status());
        } finally {
            push.shutdownNow();
        }
    }
}
