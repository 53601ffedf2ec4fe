package org.commandroom.core.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.TaskOrderService;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retiring (停用) officers and patrol units and bringing them back, on a real H2 and a real PostgreSQL, in the county of
 * {@link IntakeFixture} (王建国 P100 is community officer of G1 at S1): a retired unit or officer keeps its rows but is
 * offered for no dispatch, task, crew or grid; each refusal names what stands in the way and writes nothing.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class RetireOfficersAndUnitsTest {

    static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private OrgEditService edit;

    @BeforeEach
    void open() {
        db = kind.open();
        fx = new IntakeFixture(db);
        edit = new OrgEditService(db.jdbi(), fx.clock, fx.recorder, AccessGuard.of(db.jdbi(), fx.clock, ADMIN));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Incident fightInG1() {
        return fx.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1, IncidentType.FIGHT, 1,
                "两人打架"), "值班长").incident();
    }

    private List<String> proposedUnits(Incident i) {
        return fx.dispatch.propose(i, 20).stream().filter(p -> !p.isOfficerOnly()).map(UnitProposal::callSign).toList();
    }

    private List<String> assigneeNames(long station) {
        return fx.tasks.assignees(station).stream().map(TaskOrderService.Assignee::label).toList();
    }

    private long audits(String action) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a").bind("a", action)
                .mapTo(Long.class).one());
    }

    private String badgeOf(long officerId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT badge_no FROM officer WHERE id = :i").bind("i", officerId)
                .mapTo(String.class).one());
    }

    @Test
    void aRetiredUnitIsNeitherProposedForDispatchNorOfferedForATaskUntilReactivated() {
        fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        fx.unit("城关02", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        Incident fight = fightInG1();
        assertEquals(Set.of("城关01", "城关02"), Set.copyOf(proposedUnits(fight)));
        long unitChanges = fx.count("change_log");

        OrgEditService.UnitRow retired = edit.setUnitRetired("城关02", true, "admin");
        assertTrue(retired.retired());
        assertEquals("OFF_DUTY", retired.status());
        assertEquals(List.of("城关01"), proposedUnits(fight));
        assertFalse(assigneeNames(fx.s1).contains("城关02"));
        assertTrue(assigneeNames(fx.s1).contains("城关01"));
        assertEquals(1, audits("UNIT_RETIRE"));
        assertEquals(unitChanges + 1, fx.count("change_log"), "the other workstations re-read the unit");

        // a terminal reporting it available again does not bring it back
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE patrol_unit SET status = 'AVAILABLE' WHERE call_sign = '城关02'").execute());
        assertEquals(List.of("城关01"), proposedUnits(fight));
        assertFalse(assigneeNames(fx.s1).contains("城关02"));
        // still listed for the administrator, marked retired
        assertTrue(edit.units("城关02").get(0).retired());

        // nor can an order be re-assigned to it
        assertFalse(fx.units.boardInService().stream().anyMatch(u -> u.callSign().equals("城关02")));
        UnitProposal first = fx.dispatch.propose(fight, 5).stream().filter(x -> !x.isOfficerOnly()).findFirst().orElseThrow();
        Order order = fx.dispatch.dispatch(fight, first, "值班长");
        long retiredId = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM patrol_unit WHERE call_sign = '城关02'")
                .mapTo(Long.class).one());
        assertFalse(fx.orders.reassign(order.id(), retiredId, "值班长", "改派"));
        assertEquals("城关01", db.jdbi().withHandle(h -> h.createQuery("SELECT u.call_sign FROM work_order o "
                + "JOIN patrol_unit u ON u.id = o.unit_id WHERE o.id = :o").bind("o", order.id()).mapTo(String.class).one()));

        // retiring it twice writes nothing more
        edit.setUnitRetired("城关02", true, "admin");
        assertEquals(1, audits("UNIT_RETIRE"));

        OrgEditService.UnitRow back = edit.setUnitRetired("城关02", false, "admin");
        assertFalse(back.retired());
        assertEquals("OFF_DUTY", back.status(), "back in service, off duty until it reports available");
        assertEquals(1, audits("UNIT_REACTIVATE"));
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE patrol_unit SET status = 'AVAILABLE' WHERE call_sign = '城关02'").execute());
        assertEquals(List.of("城关02"), proposedUnits(fight), "城关01 works the order; 城关02 is offered again");
        assertTrue(fx.orders.reassign(order.id(), retiredId, "值班长", "改派"));
    }

    @Test
    void aUnitWithAnOpenOrderIsNotRetiredAndTheOrderIsNamed() {
        fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        Incident fight = fightInG1();
        UnitProposal p = fx.dispatch.propose(fight, 5).stream().filter(x -> !x.isOfficerOnly()).findFirst().orElseThrow();
        Order order = fx.dispatch.dispatch(fight, p, "值班长");

        OrgEditRejected refused = assertThrows(OrgEditRejected.class, () -> edit.setUnitRetired("城关01", true, "admin"));
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.UNIT_HAS_OPEN_ORDER,
                List.of("城关01", order.orderNo()))), refused.problems());
        assertFalse(edit.units("城关01").get(0).retired(), "nothing written");
        assertEquals(0, audits("UNIT_RETIRE"));

        db.jdbi().useHandle(h -> h.createUpdate("UPDATE work_order SET status = 'CLOSED' WHERE id = :id").bind("id", order.id())
                .execute());
        assertTrue(edit.setUnitRetired("城关01", true, "admin").retired(), "once the order is closed it may retire");
        assertEquals(1L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order WHERE unit_id = "
                + "(SELECT id FROM patrol_unit WHERE call_sign = '城关01')").mapTo(Long.class).one()), "its order stays");
    }

    @Test
    void aGridsCommunityOfficerIsNotRetiredUntilTheGridIsSomeoneElses() {
        OrgEditRejected refused = assertThrows(OrgEditRejected.class, () -> edit.setOfficerRetired("P100", true, "admin"));
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.STILL_GRID_OFFICER, List.of("G1"))),
                refused.problems());
        assertFalse(edit.officers("P100").get(0).retired(), "nothing written");
        assertEquals(0, audits("OFFICER_RETIRE"));

        edit.setGridOfficer("G1", null, "admin");
        assertTrue(edit.setOfficerRetired("P100", true, "admin").retired());
        assertEquals(1, audits("OFFICER_RETIRE"));
        assertTrue(edit.officersOf("S1", "COMMUNITY_OFFICER").isEmpty(), "no longer offered for a grid");
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.OFFICER_RETIRED, List.of("P100"))),
                assertThrows(OrgEditRejected.class, () -> edit.setGridOfficer("G1", "P100", "admin")).problems());
        assertFalse(assigneeNames(fx.s1).contains("王建国"), "no longer offered for a task");

        edit.setOfficerRetired("P100", false, "admin");
        assertEquals(1, audits("OFFICER_REACTIVATE"));
        assertEquals("P100", edit.setGridOfficer("G1", "P100", "admin").officerBadge());
        assertTrue(assigneeNames(fx.s1).contains("王建国"));
    }

    @Test
    void aRetiredOfficerLeavesHisCrewAndIsRefusedForANewOne() {
        long zhao = fx.patrolOfficer(fx.s1, "赵磊");
        String badge = badgeOf(zhao);
        fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5), zhao);
        fx.unit("城关02", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        long changesBefore = fx.count("change_log");

        edit.setOfficerRetired(badge, true, "admin");
        assertEquals(List.of(), edit.units("城关01").get(0).crew());
        assertEquals(changesBefore + 1, fx.count("change_log"), "the unit he left is re-read elsewhere");
        String detail = db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'OFFICER_RETIRE'")
                .mapTo(String.class).one());
        assertTrue(detail.contains("城关01"), detail);

        OrgEditRejected refused = assertThrows(OrgEditRejected.class, () -> edit.saveUnit(new OrgEditService.UnitEdit("城关02",
                "CAR", "S1", List.of(badge), null), "admin"));
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.OFFICER_RETIRED, List.of(badge))),
                refused.problems());
        assertEquals(List.of(), edit.units("城关02").get(0).crew(), "nothing written");
        assertThrows(IllegalArgumentException.class, () -> fx.tasks.visit(fx.s1, zhao, null, null, IntakeFixture.IN_G1,
                "上门回访", "值班长"), "a form read before he retired cannot give him a task");
    }

    @Test
    void anOfficerWithAnOpenOrderIsNotRetiredAndTheOrderIsNamed() {
        long zhao = fx.patrolOfficer(fx.s1, "赵磊");
        String badge = badgeOf(zhao);
        Order visit = fx.tasks.visit(fx.s1, zhao, null, null, IntakeFixture.IN_G1, "上门回访", "值班长");
        OrgEditRejected refused = assertThrows(OrgEditRejected.class, () -> edit.setOfficerRetired(badge, true, "admin"));
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.OFFICER_HAS_OPEN_ORDER,
                List.of(badge, visit.orderNo()))), refused.problems());
        assertFalse(edit.officers(badge).get(0).retired());
    }

    @Test
    void unknownOnesAreNamedAndOnlyAnAdministratorMayRetire() {
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.NO_SUCH_OFFICER, List.of("X9"))),
                assertThrows(OrgEditRejected.class, () -> edit.setOfficerRetired("X9", true, "admin")).problems());
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.NO_SUCH_UNIT, List.of("无此单元"))),
                assertThrows(OrgEditRejected.class, () -> edit.setUnitRetired("无此单元", true, "admin")).problems());
        fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        OrgEditService asDuty = new OrgEditService(db.jdbi(), fx.clock, fx.recorder, AccessGuard.of(db.jdbi(), fx.clock, DUTY));
        assertThrows(AccessDenied.class, () -> asDuty.setUnitRetired("城关01", true, "duty"));
        assertThrows(AccessDenied.class, () -> asDuty.setOfficerRetired("P101", true, "duty"));
        assertFalse(edit.units("城关01").get(0).retired());
        assertNull(db.jdbi().withHandle(h -> h.createQuery("SELECT retired_at FROM officer WHERE badge_no = 'P101'")
                .mapTo(java.time.Instant.class).one()));
    }
}
