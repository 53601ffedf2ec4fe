package org.commandroom.core.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.GeoPoint;
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
 * What the register and inspection screens read, on a real H2 and PostgreSQL: a house's grid, community officer, last
 * inspection, next due date and overdue flag through its cycle (due → issued → signed for → fed back with findings),
 * the open inspections, missed due dates, and the findings history.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class InspectionBoardTest {

    @Parameter
    TestDb kind;

    private Database db;
    private TestClock clock;
    private OrderService orders;
    private InspectionGenerator generator;
    private InspectionBoard board;
    private HouseRegister register;

    @BeforeEach
    void open() {
        db = kind.open();
        clock = new TestClock(InspectionGeneratorTest.REGISTERED, IntakeFixture.ZONE);
        IntakeFixture county = new IntakeFixture(db, clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        AccessGuard duty = AccessGuard.of(db.jdbi(), clock, InspectionGeneratorTest.DUTY);
        orders = county.ordersAs(InspectionGeneratorTest.DUTY);
        generator = new InspectionGenerator(db.jdbi(), clock, orders, duty);
        board = new InspectionBoard(db.jdbi(), clock);
        register = new HouseRegister(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, HouseRegisterTest.ADMIN));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private House house(String address, HouseKind kind, GeoPoint at, LocalDate lastInspected) {
        return register.save(new HouseInput(address, "1号", kind, null, "房东", null, 3, List.of(), at, null, lastInspected),
                "周敏").house();
    }

    private void at(String utc) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(utc)));
    }

    private InspectionBoard.RegisterRow row(long houseId) {
        return board.register().stream().filter(r -> r.house().id() == houseId).findFirst().orElseThrow();
    }

    @Test
    void aRentedHousesDueDateMovesOnWhenItsInspectionIsFedBackWithFindings() {
        House h = house("南关街", HouseKind.RENTED, IntakeFixture.IN_G1, null);
        InspectionBoard.RegisterRow before = row(h.id());
        assertEquals("南关一格", before.gridName());
        assertEquals("王建国", before.officerName());
        assertNull(before.lastInspected(), "never inspected: registered today with no date in the file");
        assertEquals(LocalDate.of(2027, 2, 28), before.nextDue(), "a month after 31 January is the 28th of February");
        assertFalse(before.overdue());
        assertEquals(List.of(), board.open());

        at("2027-02-27T16:00:00Z"); // 28 Feb 00:00 in Shanghai
        long orderId = generator.run().sent().get(0).orderId();
        List<InspectionBoard.OpenInspection> open = board.open();
        assertEquals(1, open.size());
        InspectionBoard.OpenInspection o = open.get(0);
        assertEquals(orderId, o.orderId());
        assertEquals("ISSUED", o.orderStatus());
        assertEquals("王建国", o.officerName());
        assertEquals(LocalDate.of(2027, 2, 28), o.due());
        assertFalse(o.overdue());
        assertEquals(LocalDate.of(2027, 2, 28), row(h.id()).nextDue(), "the issued inspection is what is due");

        at("2027-03-05T01:00:00Z"); // 5 March 09:00, past the deadline (5 March 00:00)
        assertTrue(board.open().get(0).overdue());
        assertTrue(row(h.id()).overdue());

        assertTrue(orders.sign(orderId, "王建国"));
        assertEquals("SIGNED", board.open().get(0).orderStatus());
        assertTrue(generator.feedback(orderId, 2, "楼道堆放杂物、电动车违规充电", "王建国"));

        InspectionBoard.RegisterRow after = row(h.id());
        assertEquals(LocalDate.of(2027, 3, 5), after.lastInspected());
        assertEquals(LocalDate.of(2027, 3, 31), after.nextDue(), "the next month's due date, from the anchor");
        assertFalse(after.overdue());
        assertEquals(List.of(), board.open());

        List<InspectionBoard.Finding> findings = board.findings(h.id());
        assertEquals(1, findings.size());
        InspectionBoard.Finding f = findings.get(0);
        assertEquals(2, f.hazards());
        assertEquals("楼道堆放杂物、电动车违规充电", f.findings());
        assertEquals("王建国", f.fedBackBy());
        assertEquals(Instant.parse("2027-03-05T01:00:00Z"), f.fedBackAt());
        assertTrue(f.late(clock.instant()), "fed back after its deadline");
    }

    @Test
    void aMissedDueDateIsOverdueAndListedUntilALaterOneIsAnswered() {
        House h = house("北门街", HouseKind.CONSTRUCTION_SITE, IntakeFixture.IN_G1, null);
        // 31 Jan + 1 week = 7 Feb, fed back within 2 days; nobody ran the generator until 10 Feb
        at("2027-02-10T02:00:00Z");
        InspectionGenerator.Run run = generator.run();
        assertEquals(1, run.missed());
        List<InspectionBoard.OpenInspection> open = board.open();
        assertEquals(1, open.size());
        assertNull(open.get(0).orderId());
        assertTrue(open.get(0).overdue());
        InspectionBoard.RegisterRow r = row(h.id());
        assertTrue(r.overdue());
        assertEquals(LocalDate.of(2027, 2, 14), r.nextDue());
        assertEquals(1, board.findings(h.id()).size());
        assertNull(board.findings(h.id()).get(0).orderId());

        at("2027-02-13T16:00:00Z"); // 14 Feb 00:00
        long orderId = generator.run().sent().get(0).orderId();
        assertEquals(List.of(orderId), board.open().stream().map(InspectionBoard.OpenInspection::orderId).toList(),
                "the missed one is superseded by the one issued");
        assertTrue(orders.sign(orderId, "王建国"));
        assertTrue(generator.feedback(orderId, 0, null, "王建国"));
        assertFalse(row(h.id()).overdue());
        assertEquals(LocalDate.of(2027, 2, 21), row(h.id()).nextDue());
        assertEquals(LocalDate.of(2027, 2, 14), row(h.id()).lastInspected());
    }

    @Test
    void aHouseWhoseFileNamedALastInspectionShowsItAndIsOverdueWhenItsNextDeadlinePassedUnasked() {
        House h = house("西街", HouseKind.RENTED, null, LocalDate.of(2026, 12, 1));
        InspectionBoard.RegisterRow r = row(h.id());
        assertEquals(LocalDate.of(2026, 12, 1), r.lastInspected());
        assertNull(r.gridName(), "no position, no grid");
        assertNull(r.officerName());
        // due dates before registration (1 Jan) are not asked: the next is 1 Feb
        assertEquals(LocalDate.of(2027, 2, 1), r.nextDue());
        assertFalse(r.overdue());
        at("2027-02-06T17:00:00Z"); // 7 Feb 01:00: 1 Feb's deadline (6 Feb 00:00) passed and no order (no station)
        assertTrue(row(h.id()).overdue());
    }
}
