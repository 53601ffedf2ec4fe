package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexEngine;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inspections generated on a fixed clock, on a real H2 and a real PostgreSQL: when they fall due (Shanghai days,
 * month ends), that a due date is asked once whoever runs the generator how often, the orders' way through the loop,
 * what is overdue, and indicator 18 computed from them.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class InspectionGeneratorTest {

    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private TestClock clock;
    private OrderService orders;
    private InspectionGenerator generator;

    /** 31 Jan 2027, 10:00 in Shanghai. */
    static final Instant REGISTERED = Instant.parse("2027-01-31T02:00:00Z");

    @BeforeEach
    void open() {
        db = kind.open();
        clock = new TestClock(REGISTERED, IntakeFixture.ZONE);
        fx = new IntakeFixture(db, clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        AccessGuard duty = AccessGuard.of(db.jdbi(), clock, DUTY);
        orders = fx.ordersAs(DUTY);
        generator = new InspectionGenerator(db.jdbi(), clock, orders, duty);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private House register(String address, HouseKind kind, GeoPoint at, LocalDate lastInspected) {
        HouseRegister admin = new HouseRegister(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, HouseRegisterTest.ADMIN));
        return admin.save(new HouseInput(address, "1号", kind, null, "房东", null, 3, List.of(), at, null, lastInspected), "周敏")
                .house();
    }

    private void at(String utc) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(utc)));
    }

    private long rows(String where) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM house_inspection WHERE " + where)
                .mapTo(Long.class).one());
    }

    @Test
    void aRentedHouseIsAskedMonthlyOnItsAnchorDayOrTheMonthsLastDayToItsGridsOfficerOnce() {
        House house = register("南关街", HouseKind.RENTED, IntakeFixture.IN_G1, null);
        assertEquals(List.of(), generator.run().sent(), "not due on the day it is registered");
        // 27 Feb 23:59 in Shanghai: not yet (the month after 31 January ends on the 28th)
        at("2027-02-27T15:59:00Z");
        assertEquals(List.of(), generator.run().sent());
        // 28 Feb 00:00 in Shanghai (27 Feb 16:00 UTC): due
        at("2027-02-27T16:00:00Z");
        List<InspectionGenerator.Sent> sent = generator.run().sent();
        assertEquals(1, sent.size());
        InspectionGenerator.Sent s = sent.get(0);
        assertEquals(LocalDate.of(2027, 2, 28), s.due());
        // fed back within 5 days of the due day's start: 5 March 00:00 Shanghai
        assertEquals(Instant.parse("2027-03-04T16:00:00Z"), s.deadline());
        assertEquals(fx.officerWang, s.officerId());
        Order o = orders.find(s.orderId()).orElseThrow();
        assertEquals(OrderKind.HOUSE_INSPECTION, o.kind());
        assertEquals(OrderStatus.ISSUED, o.status());
        assertEquals(fx.s1, o.stationId());
        assertEquals(fx.officerWang, o.assigneeOfficerId());
        assertEquals(s.deadline(), o.feedbackDeadline());
        assertTrue(o.summary().contains("南关街 1号"), o.summary());
        // again, later the same day, and from a second workstation: nothing more
        clock.advance(Duration.ofHours(9));
        assertEquals(List.of(), generator.run().sent());
        InspectionGenerator other = new InspectionGenerator(db.jdbi(), clock, orders, AccessGuard.of(db.jdbi(), clock, DUTY));
        assertEquals(List.of(), other.run().sent());
        assertEquals(1, rows("house_id = " + house.id()));
        // 30 March: nothing; 31 March (the anchor's day again, not the 28th): due
        at("2027-03-29T16:00:00Z");
        assertEquals(List.of(), generator.run().sent());
        at("2027-03-30T16:00:00Z");
        assertEquals(LocalDate.of(2027, 3, 31), generator.run().sent().get(0).due());
        long sentOrders = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order WHERE kind = 'HOUSE_INSPECTION'")
                .mapTo(Long.class).one());
        assertEquals(2L, sentOrders, "February's and March's, each once");
    }

    @Test
    void aWeeklySiteFallsDueAtMidnightInShanghaiNotUtc() {
        House site = register("东城工地", HouseKind.CONSTRUCTION_SITE, IntakeFixture.IN_G3, null);
        // anchor Sunday 31 January; 6 Feb 23:59 Shanghai = 6 Feb 15:59 UTC: not yet
        at("2027-02-06T15:59:59Z");
        assertEquals(List.of(), generator.run().sent());
        at("2027-02-06T16:00:00Z");
        InspectionGenerator.Sent s = generator.run().sent().get(0);
        assertEquals(LocalDate.of(2027, 2, 7), s.due());
        assertEquals(fx.officerLi, s.officerId());
        assertEquals(fx.s2, orders.find(s.orderId()).orElseThrow().stationId());
        assertEquals(site.id(), s.houseId());
    }

    @Test
    void aGridWithoutAnOfficerGetsTheOrderAtItsStation() {
        register("北关街", HouseKind.CONSTRUCTION_SITE, IntakeFixture.IN_G2, null);
        at("2027-02-06T16:00:00Z");
        InspectionGenerator.Sent s = generator.run().sent().get(0);
        assertNull(s.officerId());
        assertEquals(fx.s1, orders.find(s.orderId()).orElseThrow().stationId());
    }

    @Test
    void feedbackCarriesTheFindingsAndOverdueAndMissedInspectionsAreCounted() {
        House house = register("南关街", HouseKind.RENTED, IntakeFixture.IN_G1, null);
        at("2027-02-27T16:30:00Z");
        long feb = generator.run().sent().get(0).orderId();
        at("2027-03-02T02:00:00Z");
        assertTrue(orders.sign(feb, "王建国"));
        assertTrue(generator.feedback(feb, 2, "楼道堆放杂物、电动车违规充电", "王建国"));
        assertFalse(generator.feedback(feb, 0, null, "王建国"), "fed back already");
        assertEquals(OrderStatus.FED_BACK, orders.find(feb).orElseThrow().status());
        assertEquals("楼道堆放杂物、电动车违规充电", db.jdbi().withHandle(h -> h.createQuery(
                "SELECT findings FROM house_inspection WHERE order_id = :o").bind("o", feb).mapTo(String.class).one()));
        assertTrue(orders.trail(feb).stream().anyMatch(e -> e.detail() != null && e.detail().contains("隐患2处")));
        // March's inspection is sent and never fed back; April's run is skipped (nobody ran the console)
        at("2027-03-30T16:30:00Z");
        generator.run();
        at("2027-05-31T01:00:00Z");
        InspectionGenerator.Run may = generator.run();
        assertEquals(1, may.missed(), "30 April was missed: recorded without an order");
        assertEquals(LocalDate.of(2027, 5, 31), may.sent().get(0).due());
        assertEquals(1, rows("house_id = " + house.id() + " AND due_date = DATE '2027-04-30' AND order_id IS NULL"));
        // overdue on 31 May: March's (deadline 5 April, no feedback) and April's missed one; May's is not due yet
        assertEquals(Map.of(fx.s1, 2), generator.overdueByStation());

        // indicator 18 per month, by the deadline: March 1 of 1 on time, April 0 of 1, May 0 of 1 (the missed one)
        new IndexEngine(db.jdbi(), clock, IndexDefinitions.withDefault(), null).recomputeYear(2027);
        assertArrayEquals(new double[] {1, 1, 100}, i18(fx.s1, "2027-03-01"));
        assertArrayEquals(new double[] {0, 1, 0}, i18(fx.s1, "2027-04-01"));
        assertArrayEquals(new double[] {0, 1, 0}, i18(fx.s1, "2027-05-01"));
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-9);
    }

    private double[] i18(long station, String month) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT numerator, denominator, raw_value FROM indicator_value "
                        + "WHERE indicator_code = 'I18' AND scope_kind = 'STATION' AND scope_id = :s AND period_kind = 'MONTH' "
                        + "AND period_start = :p").bind("s", station).bind("p", LocalDate.parse(month))
                .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)}).one());
    }

    @Test
    void aLastInspectionFromTheFileAnchorsTheScheduleAndEarlierDueDatesAreNotAsked() {
        // last inspected 15 Aug 2026, self-occupied: due 15 Feb 2027, registered 31 Jan 2027
        register("南关街", HouseKind.SELF_OCCUPIED, IntakeFixture.IN_G1, LocalDate.of(2026, 8, 15));
        at("2027-02-14T16:00:00Z");
        InspectionGenerator.Run r = generator.run();
        assertEquals(LocalDate.of(2027, 2, 15), r.sent().get(0).due());
        assertEquals(0, r.missed());
    }

    @Test
    void onlyARoleThatIssuesOrdersMayRunIt() {
        Principal admin = HouseRegisterTest.ADMIN;
        InspectionGenerator asAdmin = new InspectionGenerator(db.jdbi(), clock, orders, AccessGuard.of(db.jdbi(), clock, admin));
        assertThrows(AccessDenied.class, asAdmin::run);
    }
}
