package org.commandroom.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.RepeatRule;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Unit proposals and dispatch, including two workstations racing for one unit, on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class DispatchServiceTest {

    @Parameter
    TestDb kind;

    private IntakeFixture east;
    private Database westDb;

    @BeforeEach
    void setUp() {
        east = new IntakeFixture(kind.open());
    }

    @AfterEach
    void tearDown() {
        if (westDb != null) {
            westDb.close();
        }
        east.db.close();
    }

    private Incident incidentAt(GeoPoint p) {
        return east.intake.record(CallReport.of("13800001234", "南关小区3栋", p, IncidentType.FIGHT, null, null), "t").incident();
    }

    /** A call of the given type and priority (1 紧急 .. 3 一般). */
    private Incident call(IncidentType type, int priority, GeoPoint p) {
        return east.intake.record(CallReport.of(null, "南关路8号", p, type, priority, null), "t").incident();
    }

    /** A point {@code metres} north of p. */
    private static GeoPoint north(GeoPoint p, double metres) {
        return new GeoPoint(p.lat() + metres / 111_195.0, p.lon(), p.datum());
    }

    @Test
    void forARoutineCallTheGridsOfficerComesFirstThenTheStationsUnitsThenTheNearestByTravelTime() {
        Incident incident = call(IncidentType.FIGHT, 2, IntakeFixture.IN_G1);
        long p1 = east.patrolOfficer(east.s1, "张三");
        east.unit("城关02", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 3000), Duration.ofSeconds(20), p1);
        east.unit("城关01", UnitKind.FOOT, east.s1, north(IntakeFixture.IN_G1, 1000), Duration.ofSeconds(20));
        east.unit("东城01", UnitKind.CAR, east.s2, north(IntakeFixture.IN_G1, 200), Duration.ofSeconds(30));
        east.unit("东城02", UnitKind.MOTORBIKE, east.s2, north(IntakeFixture.IN_G1, 100), Duration.ofMinutes(40));
        east.unit("东城03", UnitKind.CAR, east.s2, null, null);

        List<UnitProposal> ps = east.dispatch.propose(incident, 10);
        assertEquals(List.of("王建国", "城关02", "城关01", "东城01", "东城02", "东城03"),
                ps.stream().map(UnitProposal::label).toList());
        assertEquals(List.of(Responsibility.GRID_OFFICER, Responsibility.OWN_STATION, Responsibility.OWN_STATION,
                Responsibility.NEAREST, Responsibility.NEAREST, Responsibility.NEAREST),
                ps.stream().map(UnitProposal::responsibility).toList());
        UnitProposal officer = ps.get(0);
        assertTrue(officer.isOfficerOnly());
        assertEquals(east.officerWang, officer.officerId());
        assertEquals(PositionSource.OFFICE, officer.positionSource(), "no fix of his: measured from his office");
        assertEquals("南关社区警务室", officer.positionName());
        assertEquals(0, officer.distanceMetres(), 1, "the office is at the incident");
        assertEquals(Duration.ZERO, officer.eta());

        // 3 km by car: 3,000 m x 1.4 / (30 km/h) = 504 s; 1 km on foot: 1,000 x 1.4 / (4.5 km/h) = 1,120 s.
        assertEquals(Duration.ofSeconds(504), ps.get(1).eta());
        assertEquals(3000, ps.get(1).distanceMetres(), 1);
        assertEquals(List.of("张三"), ps.get(1).crew());
        assertEquals(Duration.ofSeconds(1120), ps.get(2).eta());
        assertEquals(Duration.ofSeconds(20), ps.get(2).positionAge());
        assertFalse(ps.get(3).stale());
        assertTrue(ps.get(4).stale(), "a 40-minute-old position is stale and ranks after a fresh one though nearer");
        assertEquals(Duration.ofMinutes(40), ps.get(4).positionAge());
        assertTrue(ps.get(5).stale(), "never reported");
        assertNull(ps.get(5).eta());
        assertEquals(3, east.dispatch.propose(incident, 3).size());
    }

    @Test
    void forAnUrgentCallTheNearestFreshUnitComesFirstAndResponsibilityAfter() {
        GeoPoint at = north(IntakeFixture.IN_G1, 400);
        east.unit("城关02", UnitKind.CAR, east.s1, north(at, 3000), Duration.ofSeconds(20));
        east.unit("城关03", UnitKind.CAR, east.s1, north(at, 900), Duration.ofSeconds(20));
        east.unit("东城01", UnitKind.CAR, east.s2, north(at, 580), Duration.ofSeconds(30));
        east.unit("东城02", UnitKind.MOTORBIKE, east.s2, north(at, 100), Duration.ofMinutes(40));
        Incident burglary = call(IncidentType.BURGLARY, 1, at);
        Incident routine = call(IncidentType.BURGLARY, 3, at);

        List<UnitProposal> urgent = east.dispatch.propose(burglary, 10);
        assertEquals(List.of("东城01", "王建国", "城关03", "城关02", "东城02"),
                urgent.stream().map(UnitProposal::label).toList(),
                "the nearest fresh unit by travel time first (though another station's), then by responsibility");
        assertTrue(DispatchService.nearestUnitFirst(burglary));
        // 580 m by car: 580 x 1.4 / (30 km/h) = 97 s.
        assertEquals(580, urgent.get(0).distanceMetres(), 1);
        assertEquals(Duration.ofSeconds(97), urgent.get(0).eta());
        assertEquals(Responsibility.NEAREST, urgent.get(0).responsibility());
        // The officer from his office 400 m away, at motorbike pace: 400 x 1.4 / (25 km/h) = 81 s.
        UnitProposal officer = urgent.get(1);
        assertEquals(400, officer.distanceMetres(), 1);
        assertEquals(Duration.ofSeconds(81), officer.eta());
        assertTrue(urgent.stream().allMatch(p -> p.distanceMetres() != null && p.eta() != null),
                "every proposal has a distance and an ETA");

        assertFalse(DispatchService.nearestUnitFirst(routine));
        assertEquals(List.of("王建国", "城关03", "城关02", "东城01", "东城02"),
                east.dispatch.propose(routine, 10).stream().map(UnitProposal::label).toList(),
                "the same call as routine: responsibility first");
    }

    @Test
    void forAnUrgentCallTheStationsOwnUnitLeadsWithinTheSameMinuteAndStaleUnitsNeverLead() {
        GeoPoint at = north(IntakeFixture.IN_G1, 400);
        east.unit("东城01", UnitKind.CAR, east.s2, north(at, 580), Duration.ofSeconds(30));   // 97 s
        east.unit("城关03", UnitKind.CAR, east.s1, north(at, 650), Duration.ofSeconds(30));   // 109 s: same minute
        east.unit("东城03", UnitKind.CAR, east.s2, north(at, 300), Duration.ofMinutes(30));   // nearer, but stale
        Incident fight = call(IncidentType.FIGHT, 1, at);

        assertEquals(List.of("城关03", "王建国", "东城01", "东城03"),
                east.dispatch.propose(fight, 10).stream().map(UnitProposal::label).toList());
        assertEquals(List.of("城关03", "王建国"), east.dispatch.propose(fight, 2).stream().map(UnitProposal::label).toList());

        east.units.changeStatus(east.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM patrol_unit WHERE call_sign = '城关03'").mapTo(Long.class).one()), 0, UnitStatus.BUSY);
        east.units.changeStatus(east.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM patrol_unit WHERE call_sign = '东城01'").mapTo(Long.class).one()), 0, UnitStatus.BUSY);
        assertEquals(List.of("王建国", "东城03"), east.dispatch.propose(fight, 10).stream().map(UnitProposal::label).toList(),
                "no unit with a fresh position: the responsibility order stands");
    }

    @Test
    void theOfficerAloneIsMeasuredFromTheUnitHeCrewsOrElseFromHisGridsCommunityOffice() {
        GeoPoint at = north(IntakeFixture.IN_G1, 400);
        Incident incident = call(IncidentType.NEIGHBOUR_DISPUTE, 2, at);
        // 一张网: G1 lies in 南关社区, whose office (not the station's nearest) is where he is.
        east.db.jdbi().useHandle(h -> {
            long community = h.createQuery("SELECT id FROM community WHERE code = 'C1'").mapTo(Long.class).one();
            long micro = h.createUpdate("INSERT INTO micro_grid (community_id, code, name, boundary_wkt, datum) "
                            + "VALUES (:c, 'M1', '南关社区第1网格', 'POLYGON((103.70 29.20, 103.72 29.20, 103.72 29.22, "
                            + "103.70 29.22, 103.70 29.20))', 'WGS84')")
                    .bind("c", community).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO police_grid_micro_grid (police_grid_id, micro_grid_id) VALUES (:g, :m)")
                    .bind("g", east.g1).bind("m", micro).execute();
            h.createUpdate("INSERT INTO police_office (station_id, community_id, name, lat, lon, datum) "
                            + "VALUES (:s, :c, '南关社区警务站', :lat, 103.71, 'WGS84')")
                    .bind("s", east.s1).bind("c", community).bind("lat", north(at, 1000).lat()).execute();
        });
        UnitProposal fromOffice = officerProposal(incident);
        assertEquals(PositionSource.OFFICE, fromOffice.positionSource());
        assertEquals("南关社区警务站", fromOffice.positionName());
        assertEquals(1000, fromOffice.distanceMetres(), 1);
        assertNull(fromOffice.positionAge());

        // He is out with a unit that is busy elsewhere: its last fix is his last position.
        long busy = east.unit("城关09", UnitKind.CAR, east.s1, north(at, 2000), Duration.ofSeconds(40), east.officerWang);
        east.units.changeStatus(busy, 0, UnitStatus.BUSY);
        UnitProposal withUnit = officerProposal(incident);
        assertEquals(PositionSource.CREWED_UNIT, withUnit.positionSource());
        assertEquals("城关09", withUnit.positionName());
        assertEquals(2000, withUnit.distanceMetres(), 1);
        assertEquals(Duration.ofSeconds(336), withUnit.eta(), "at the pace of that car: 2,000 x 1.4 / (30 km/h)");
        assertEquals(Duration.ofSeconds(40), withUnit.positionAge());
        assertFalse(withUnit.stale());
    }

    @Test
    void aUnitCrewedByTheGridsOfficerIsProposedAsHisAndOnlyAvailableUnitsAreProposed() {
        Incident incident = incidentAt(IntakeFixture.IN_G1);
        east.unit("城关05", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 5000), Duration.ofSeconds(5), east.officerWang);
        long busy = east.unit("城关06", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 10), Duration.ofSeconds(5));
        east.units.changeStatus(busy, 0, UnitStatus.BUSY);
        List<UnitProposal> ps = east.dispatch.propose(incident, 10);
        assertEquals(List.of("城关05"), ps.stream().map(UnitProposal::label).toList());
        assertEquals(Responsibility.GRID_OFFICER, ps.get(0).responsibility());
        assertEquals("王建国", ps.get(0).officerName());
    }

    @Test
    void dispatchingIssuesAnOrderAndMovesTheUnitAndTheIncidentInOneGo() {
        Incident incident = incidentAt(IntakeFixture.IN_G1);
        long unit = east.unit("城关01", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 500), Duration.ofSeconds(5));
        UnitProposal p = east.dispatch.propose(incident, 10).stream().filter(x -> !x.isOfficerOnly()).findFirst().orElseThrow();

        Order o = east.dispatch.dispatch(incident, p, "值班长");
        assertEquals(OrderKind.DISPATCH, o.kind());
        assertEquals(OrderStatus.ISSUED, o.status());
        assertEquals(unit, o.unitId());
        assertEquals(incident.id(), o.incidentId());
        assertEquals(east.s1, o.stationId());
        assertEquals(IntakeFixture.T0.plus(Duration.ofMinutes(5)), o.signDeadline(), "a fight is urgent: 5 minutes to sign");
        assertEquals(UnitStatus.EN_ROUTE, unit(east.db, unit).status());
        assertEquals(IncidentStatus.DISPATCHED, east.dispatch.incident(incident.id()).orElseThrow().status());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED),
                east.orders.trail(o.id()).stream().map(OrderEvent::event).toList());
        assertEquals(o.createdAt(), east.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT dispatched_at FROM incident WHERE id = :id").bind("id", incident.id())
                        .mapTo(java.time.Instant.class).one()),
                "the incident's dispatch time is written in the dispatching transaction (docs/PUSH.md §8)");
    }

    @Test
    void theGridsOfficerAloneCanBeSentWithoutAnyUnitChanging() {
        Incident incident = incidentAt(IntakeFixture.IN_G1);
        UnitProposal officer = east.dispatch.propose(incident, 10).get(0);
        Order o = east.dispatch.dispatch(incident, officer, "值班长");
        assertNull(o.unitId());
        assertEquals(east.officerWang, o.assigneeOfficerId());
        assertEquals(IncidentStatus.DISPATCHED, east.dispatch.incident(incident.id()).orElseThrow().status());
    }

    @Test
    void twoWorkstationsRacingForOneUnitExactlyOneWinsAndTheOtherIsToldAndWritesNothing() throws Exception {
        westDb = Database.open(east.db.settings());
        IntakeFixture west = new IntakeFixture(westDb, east.clock, "west", RepeatRule.defaults(), false);
        Incident a = incidentAt(IntakeFixture.IN_G1);
        Incident b = east.intake.record(CallReport.of(null, "北关路5号", IntakeFixture.IN_G2, IncidentType.NOISE, null, null),
                "t").incident();
        east.unit("城关01", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 500), Duration.ofSeconds(5));
        // Both commanders see the same unit at the same version in their proposals.
        UnitProposal eastSees = east.dispatch.propose(a, 10).stream().filter(x -> "城关01".equals(x.callSign())).findFirst().orElseThrow();
        UnitProposal westSees = west.dispatch.propose(b, 10).stream().filter(x -> "城关01".equals(x.callSign())).findFirst().orElseThrow();
        long ordersBefore = east.count("work_order");
        long changesBefore = east.count("change_log");

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Order>> fs = List.of(
                    pool.submit(() -> {
                        go.await();
                        return east.dispatch.dispatch(a, eastSees, "东席");
                    }),
                    pool.submit(() -> {
                        go.await();
                        return west.dispatch.dispatch(b, westSees, "西席");
                    }));
            go.countDown();
            for (Future<Order> f : fs) {
                try {
                    outcomes.add(f.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Order> won = outcomes.stream().filter(Order.class::isInstance).map(Order.class::cast).toList();
        List<Object> lost = outcomes.stream().filter(o -> !(o instanceof Order)).toList();
        assertEquals(1, won.size(), "exactly one wins: " + outcomes);
        assertEquals(1, lost.size(), outcomes.toString());
        DispatchConflict told = assertInstanceOf(DispatchConflict.class, lost.get(0));
        assertEquals(DispatchConflict.What.UNIT, told.what());
        assertEquals("城关01", told.name());
        assertEquals("EN_ROUTE", told.nowStatus());
        assertTrue(told.getMessage().contains("城关01 was assigned by another workstation first"), told.getMessage());

        assertEquals(ordersBefore + 1, east.count("work_order"), "one order, the winner's");
        // The winner's transaction: unit, incident, order created and issued = 4 change-log rows.
        assertEquals(changesBefore + 4, east.count("change_log"), "the loser wrote nothing");
        Incident loserIncident = won.get(0).incidentId() == a.id() ? b : a;
        assertEquals(IncidentStatus.NEW, east.dispatch.incident(loserIncident.id()).orElseThrow().status(),
                "the loser's incident is still waiting");
        assertEquals(1, east.count("work_order_event WHERE event = 'ISSUED'"));
    }

    @Test
    void aStaleIncidentIsAConflictToo() {
        Incident seen = incidentAt(IntakeFixture.IN_G1);
        east.unit("城关01", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 500), Duration.ofSeconds(5));
        east.unit("城关02", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 600), Duration.ofSeconds(5));
        List<UnitProposal> ps = east.dispatch.propose(seen, 10).stream().filter(x -> !x.isOfficerOnly()).toList();
        east.dispatch.dispatch(seen, ps.get(0), "东席");
        DispatchConflict c = assertThrows(DispatchConflict.class, () -> east.dispatch.dispatch(seen, ps.get(1), "西席"));
        assertEquals(DispatchConflict.What.INCIDENT, c.what());
        assertEquals("DISPATCHED", c.nowStatus());
        assertEquals(UnitStatus.AVAILABLE, unit(east.db, ps.get(1).unitId()).status(), "the second unit was not moved");
    }

    @Test
    void aSecondDispatchOfTheSameUnitToTheSameIncidentIsRefusedWhileItsOrderIsOpenAndWritesNothing() {
        Incident incident = incidentAt(IntakeFixture.IN_G1);
        long unit = east.unit("城关01", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 500), Duration.ofSeconds(5));
        Order first = east.dispatch.dispatch(incident, unitProposal(incident, "城关01"), "值班长");
        // The unit reports free again while its order is still open, and is proposed again.
        east.units.changeStatus(unit, unit(east.db, unit).version(), UnitStatus.AVAILABLE);
        Incident now = east.dispatch.incident(incident.id()).orElseThrow();
        long orders = east.count("work_order");
        long changes = east.count("change_log");

        DispatchConflict again = assertThrows(DispatchConflict.class,
                () -> east.dispatch.dispatch(now, unitProposal(now, "城关01"), "值班长"));
        assertEquals(DispatchConflict.What.ALREADY_DISPATCHED, again.what());
        assertEquals("城关01", again.name());
        assertEquals(first.orderNo(), again.orderNo());
        assertEquals("ISSUED", again.nowStatus());
        assertEquals(orders, east.count("work_order"));
        assertEquals(changes, east.count("change_log"), "nothing written");
        assertEquals(UnitStatus.AVAILABLE, unit(east.db, unit).status(), "the unit was not moved");

        // Once that order is closed the pair may have a new one.
        east.orders.sign(first.id(), "城关01");
        east.orders.feedback(first.id(), "城关01", "已处置");
        east.orders.close(first.id(), "值班长", "核实");
        Order second = east.dispatch.dispatch(now, unitProposal(now, "城关01"), "值班长");
        assertEquals(unit, second.unitId());
        assertEquals(orders + 1, east.count("work_order"));
    }

    @Test
    void theGridOfficerSentAloneTwiceGetsOneOrder() {
        Incident incident = incidentAt(IntakeFixture.IN_G1);
        UnitProposal officer = officerProposal(incident);
        Order first = east.dispatch.dispatch(incident, officer, "值班长");
        Incident now = east.dispatch.incident(incident.id()).orElseThrow();

        DispatchConflict again = assertThrows(DispatchConflict.class,
                () -> east.dispatch.dispatch(now, officerProposal(now), "值班长"));
        assertEquals(DispatchConflict.What.ALREADY_DISPATCHED, again.what());
        assertEquals("王建国", again.name());
        assertEquals(first.orderNo(), again.orderNo());
        assertEquals(1, east.count("work_order WHERE kind = 'DISPATCH'"));
    }

    @Test
    void twoWorkstationsSendingTheSameOfficerToTheSameIncidentAtOnceMakeOneOrder() throws Exception {
        westDb = Database.open(east.db.settings());
        IntakeFixture west = new IntakeFixture(westDb, east.clock, "west", RepeatRule.defaults(), false);
        // The incident is already DISPATCHED (a unit is on the way), so no incident version guards this pair:
        // only the dispatch's own check can keep the officer from getting two orders.
        east.unit("城关01", UnitKind.CAR, east.s1, north(IntakeFixture.IN_G1, 500), Duration.ofSeconds(5));
        Incident fresh = incidentAt(IntakeFixture.IN_G1);
        east.dispatch.dispatch(fresh, unitProposal(fresh, "城关01"), "东席");
        Incident incident = east.dispatch.incident(fresh.id()).orElseThrow();
        UnitProposal eastSees = officerProposal(incident);
        UnitProposal westSees = west.dispatch.propose(incident, 10).stream()
                .filter(UnitProposal::isOfficerOnly).findFirst().orElseThrow();

        // East's dispatch holds its transaction open, order written but not committed, while west dispatches.
        CountDownLatch eastInside = new CountDownLatch(1);
        IssueHook holdOpen = (h, order) -> {
            eastInside.countDown();
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        OrderService eastOrders = new OrderService(east.db.jdbi(), east.clock, DeadlinePolicy.defaults(),
                new Numbering(east.clock, IntakeFixture.ZONE), east.recorder, holdOpen);
        DispatchService eastDispatch = new DispatchService(east.db.jdbi(), east.clock, east.incidents, east.units,
                eastOrders, TravelModel.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            Future<Order> e = pool.submit(() -> eastDispatch.dispatch(incident, eastSees, "东席"));
            Future<Order> w = pool.submit(() -> {
                assertTrue(eastInside.await(30, TimeUnit.SECONDS));
                return west.dispatch.dispatch(incident, westSees, "西席");
            });
            for (Future<Order> f : List.of(e, w)) {
                try {
                    outcomes.add(f.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException x) {
                    outcomes.add(x.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
        Order won = assertInstanceOf(Order.class, outcomes.get(0), outcomes.toString());
        DispatchConflict lost = assertInstanceOf(DispatchConflict.class, outcomes.get(1), outcomes.toString());
        assertEquals(DispatchConflict.What.ALREADY_DISPATCHED, lost.what());
        assertEquals(won.orderNo(), lost.orderNo());
        assertEquals(1, east.count("work_order WHERE assignee_officer_id IS NOT NULL AND unit_id IS NULL"),
                "one order for the officer");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsSaidSoInTheServicesOwnWords() {
        Incident incident = incidentAt(IntakeFixture.IN_G1);
        UnitProposal officer = officerProposal(incident);
        westDb = Database.open(east.db.settings());
        DispatchService west = new DispatchService(westDb.jdbi(), east.clock, east.incidents, east.units, east.orders,
                TravelModel.defaults());
        westDb.close();
        DispatchUnavailable read = assertThrows(DispatchUnavailable.class, () -> west.propose(incident, 10));
        assertTrue(read.getMessage().startsWith("proposing units for " + incident.incidentNo()), read.getMessage());
        assertThrows(DispatchUnavailable.class, () -> west.incident(incident.id()));
        DispatchUnavailable write = assertThrows(DispatchUnavailable.class, () -> west.dispatch(incident, officer, "西席"));
        assertTrue(write.getMessage().contains("did not answer"), write.getMessage());
        assertEquals(0, east.count("work_order"));
    }

    private UnitProposal unitProposal(Incident incident, String callSign) {
        return east.dispatch.propose(incident, 10).stream().filter(x -> callSign.equals(x.callSign())).findFirst()
                .orElseThrow();
    }

    private UnitProposal officerProposal(Incident incident) {
        return east.dispatch.propose(incident, 10).stream().filter(UnitProposal::isOfficerOnly).findFirst().orElseThrow();
    }

    private static PatrolUnit unit(Database db, long id) {
        return db.jdbi().withExtension(UnitDao.class, d -> d.findById(id)).orElseThrow();
    }
}
