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

class DemoSimulatorTest {

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
        orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(), numbering, recorder);
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

    private DemoSimulator simulator(SimulatorSettings settings) {
        DemoSimulator sim = new DemoSimulator(db.jdbi(), incidents, units, orders, new Numbering(clock, ZONE), clock, ZONE,
                scheduler, settings, 42);
        sim.prepare();
        return sim;
    }

    private void run(DemoSimulator sim, Duration total) {
        for (long s = 0; s < total.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            sim.tick();
        }
    }

    @Test
    void newCallsArriveAtAboutTheConfiguredRate() {
        SimulatorSettings settings = new SimulatorSettings(Duration.ofSeconds(30), Duration.ofHours(10),
                Duration.ofHours(11), Duration.ofSeconds(3), 0, 0);
        DemoSimulator sim = simulator(settings);
        run(sim, Duration.ofMinutes(30));
        long fresh = incidents.openIncidents().size();
        // 30 min at a mean of 30 s, scaled by the 20:00 rhythm (1.45): about 87 expected.
        assertTrue(fresh > 50 && fresh < 130, "new incidents in 30 minutes: " + fresh);
        assertTrue(incidents.openIncidents().stream().allMatch(i -> i.status() == IncidentStatus.NEW),
                "nobody dispatches before the dispatch delay");
    }

    @Test
    void aWaitingIncidentIsDispatchedSignedAttendedAndClosedThroughTheClosedLoop() {
        SimulatorSettings settings = new SimulatorSettings(Duration.ofDays(365), Duration.ofSeconds(60),
                Duration.ofSeconds(61), Duration.ofSeconds(3), 0, 0);
        DemoSimulator sim = simulator(settings);
        Incident call = sim.newIncident(clock.instant());
        run(sim, Duration.ofSeconds(65));

        Incident dispatched = db.jdbi().withExtension(IncidentDao.class, d -> d.findById(call.id())).orElseThrow();
        assertEquals(IncidentStatus.DISPATCHED, dispatched.status());
        List<Order> related = db.jdbi().withExtension(OrderDao.class, d -> d.forIncident(call.id()));
        assertEquals(1, related.size());
        long unitId = related.get(0).unitId();
        assertEquals(UnitStatus.EN_ROUTE, unitStatus(unitId));

        run(sim, Duration.ofMinutes(12));

        Incident closed = db.jdbi().withExtension(IncidentDao.class, d -> d.findById(call.id())).orElseThrow();
        assertEquals(IncidentStatus.CLOSED, closed.status());
        Order order = orders.find(related.get(0).id()).orElseThrow();
        assertEquals(OrderStatus.CLOSED, order.status());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED, OrderEventType.EN_ROUTE,
                OrderEventType.ON_SCENE, OrderEventType.CLEARED, OrderEventType.FED_BACK, OrderEventType.CLOSED),
                orders.trail(order.id()).stream().map(e -> e.event()).toList());
        assertTrue(order.signedAt().isBefore(order.signDeadline()), "the simulated terminal signs in time");
        // The unit's times as a terminal would report them, so the queue's response times have something to show.
        var times = orders.times(order.id()).orElseThrow();
        assertTrue(!times.enRouteAt().isBefore(times.signedAt()) && times.onSceneAt().isAfter(times.enRouteAt())
                && !times.clearedAt().isBefore(times.onSceneAt()), times.toString());
        assertTrue(times.responseTimes().dispatchToOnScene().compareTo(Duration.ofMinutes(12)) < 0, times.toString());
        assertEquals(UnitStatus.AVAILABLE, unitStatus(unitId));
        assertEquals(0, sim.activeJobs());
    }

    @Test
    void patrollingUnitsMoveAndReportFreshPositions() {
        SimulatorSettings settings = new SimulatorSettings(Duration.ofDays(365), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofSeconds(3), 1, 0);
        DemoSimulator sim = simulator(settings);
        run(sim, Duration.ofSeconds(30));
        List<PatrolUnit> after = units.all();
        PatrolUnit moving = after.get(0);
        PatrolUnit silent = after.get(after.size() - 1);
        assertNotEquals(STATION, moving.position(), "a patrolling unit has moved");
        assertTrue(Duration.between(moving.fixAt(), clock.instant()).toSeconds() <= 3, "its fix is fresh");
        assertEquals(T0, silent.fixAt(), "a unit without signal keeps its old fix, shown as stale");
        assertFalse(moving.position().distanceMetres(STATION) > 30 * 11, "no faster than a patrol car");
    }

    @Test
    void anEmptyQueueIsWarmedWithRecentCallsAtStart() {
        simulator(SimulatorSettings.defaults());
        List<Incident> open = incidents.openIncidents();
        assertEquals(SimulatorSettings.defaults().warmQueue(), open.size());
        assertTrue(open.stream().allMatch(i -> !i.receivedAt().isAfter(T0)
                && Duration.between(i.receivedAt(), T0).toMinutes() < 8), "received in the last minutes");
    }

    @Test
    void incidentsLeftOpenForHoursByAnEarlierRunAreClosedAtStart() {
        long st = stationId;
        long old = db.jdbi().withExtension(IncidentDao.class, dao -> dao.insert(new Incident(0, "OLD1",
                T0.minus(Duration.ofHours(30)), "13900000000", "老街1号", STATION, IncidentType.HELP_OTHER, 3, "求助",
                st, null, IncidentStatus.NEW, null, 0)));
        simulator(SimulatorSettings.defaults());
        Incident after = db.jdbi().withExtension(IncidentDao.class, d -> d.findById(old)).orElseThrow();
        assertEquals(IncidentStatus.CLOSED, after.status());
    }

    @Test
    void workLeftOnSceneByAnEarlierRunIsFinishedWithinMinutes() {
        SimulatorSettings settings = new SimulatorSettings(Duration.ofDays(365), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofSeconds(3), 0, 0);
        DemoSimulator first = simulator(settings);
        Incident call = first.newIncident(clock.instant());
        // An earlier run dispatched it and the unit arrived; then the console was closed.
        PatrolUnit unit = units.all().get(0);
        long orderId = dispatchedEarlier(call, unit, UnitStatus.ON_SCENE, IncidentStatus.ON_SCENE);
        orders.sign(orderId, "终端");
        // Its last fix is far from the scene (the terminal's last report before the restart was stale).
        units.reportPosition(unit.id(), GeoPoint.wgs84(STATION.lat() + 0.2, STATION.lon()), null, clock.instant());

        DemoSimulator restarted = simulator(settings);
        run(restarted, Duration.ofMinutes(6));

        assertEquals(IncidentStatus.CLOSED,
                db.jdbi().withExtension(IncidentDao.class, d -> d.findById(call.id())).orElseThrow().status());
        assertEquals(OrderStatus.CLOSED, orders.find(orderId).orElseThrow().status());
        assertEquals(UnitStatus.AVAILABLE, unitStatus(unit.id()));
    }

    @Test
    void aDispatchToAUnitWhoseTerminalIsSilentIsStillCompleted() {
        // All three units are silent: the one an earlier run dispatched never reports a position.
        SimulatorSettings settings = new SimulatorSettings(Duration.ofDays(365), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofSeconds(3), 3, 0);
        DemoSimulator first = simulator(settings);
        Incident call = first.newIncident(clock.instant());
        PatrolUnit unit = units.all().get(0);
        long orderId = dispatchedEarlier(call, unit, UnitStatus.EN_ROUTE, IncidentStatus.DISPATCHED);

        DemoSimulator restarted = simulator(settings);
        run(restarted, Duration.ofMinutes(8));

        assertEquals(IncidentStatus.CLOSED,
                db.jdbi().withExtension(IncidentDao.class, d -> d.findById(call.id())).orElseThrow().status());
        assertEquals(OrderStatus.CLOSED, orders.find(orderId).orElseThrow().status());
    }

    @Test
    void aDispatchTheCommanderSendsWhileItRunsIsSignedAttendedAndTheUnitComesFree() {
        // The simulator would only dispatch after an hour: whatever happens to the call is the commander's doing.
        SimulatorSettings settings = new SimulatorSettings(Duration.ofDays(365), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofSeconds(3), 0, 0);
        DemoSimulator sim = simulator(settings);
        Incident call = sim.newIncident(clock.instant());
        run(sim, Duration.ofSeconds(5));
        PatrolUnit unit = units.all().get(1);
        long orderId = dispatchedEarlier(call, unit, UnitStatus.EN_ROUTE, IncidentStatus.DISPATCHED);

        run(sim, Duration.ofSeconds(70));
        assertEquals(OrderStatus.SIGNED, orders.find(orderId).orElseThrow().status(), "its unit signs within a minute");
        assertEquals(1, sim.activeJobs());

        run(sim, Duration.ofMinutes(12));
        assertEquals(OrderStatus.CLOSED, orders.find(orderId).orElseThrow().status());
        assertEquals(IncidentStatus.CLOSED,
                db.jdbi().withExtension(IncidentDao.class, d -> d.findById(call.id())).orElseThrow().status());
        assertEquals(UnitStatus.AVAILABLE, unitStatus(unit.id()), "the unit is free for the next call");
        assertEquals(1, db.jdbi().withExtension(OrderDao.class, d -> d.forIncident(call.id())).size(),
                "the simulator sent nobody else");
        assertEquals(0, sim.activeJobs());
    }

    @Test
    void aSecondUnitTheCommanderSendsToAFollowedCallSignsAndComesFreeWithTheFirst() {
        SimulatorSettings settings = new SimulatorSettings(Duration.ofDays(365), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofSeconds(3), 0, 0);
        DemoSimulator sim = simulator(settings);
        Incident call = sim.newIncident(clock.instant());
        run(sim, Duration.ofSeconds(5));
        PatrolUnit first = units.all().get(1);
        long firstOrder = dispatchedEarlier(call, first, UnitStatus.EN_ROUTE, IncidentStatus.DISPATCHED);
        run(sim, Duration.ofSeconds(70));
        assertEquals(OrderStatus.SIGNED, orders.find(firstOrder).orElseThrow().status());

        // Backup: a second unit for the same call, while the first is on its way.
        PatrolUnit second = units.all().get(2);
        Incident now = db.jdbi().withExtension(IncidentDao.class, d -> d.findById(call.id())).orElseThrow();
        long secondOrder = dispatchedEarlier(now, second, UnitStatus.EN_ROUTE, IncidentStatus.DISPATCHED);
        run(sim, Duration.ofSeconds(20));
        assertEquals(OrderStatus.SIGNED, orders.find(secondOrder).orElseThrow().status(),
                "the second unit signs within the simulator's next look, before its sign-for deadline");
        assertEquals(1, sim.activeJobs(), "one call followed");

        run(sim, Duration.ofMinutes(12));
        assertEquals(OrderStatus.CLOSED, orders.find(firstOrder).orElseThrow().status());
        assertEquals(OrderStatus.CLOSED, orders.find(secondOrder).orElseThrow().status(), "closed with the call");
        assertEquals(UnitStatus.AVAILABLE, unitStatus(first.id()));
        assertEquals(UnitStatus.AVAILABLE, unitStatus(second.id()), "the second unit is free again too");
        assertEquals(0, sim.activeJobs());
    }

    /** An order issued to {@code unit} for {@code call} as the commander (or an earlier run) left it. */
    private long dispatchedEarlier(Incident call, PatrolUnit unit, UnitStatus unitStatus, IncidentStatus callStatus) {
        return db.jdbi().inTransaction(h -> {
            units.changeStatus(h, unit.id(), unit.version(), unitStatus);
            incidents.changeStatus(h, call, callStatus, null);
            var draft = new org.commandroom.core.dispatch.OrderDraft(org.commandroom.core.dispatch.OrderKind.DISPATCH,
                    call.id(), call.type(), stationId, unit.id(), null, "出警", call.position());
            Order o = orders.create(h, draft, "值班长");
            orders.issue(h, o.id(), draft, "值班长");
            return o.id();
        });
    }

    private UnitStatus unitStatus(long id) {
        return db.jdbi().withExtension(UnitDao.class, d -> d.findById(id)).orElseThrow().status();
    }
}
