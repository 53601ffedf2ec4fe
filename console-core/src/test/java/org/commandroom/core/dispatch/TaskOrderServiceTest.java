package org.commandroom.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Orders without an incident, with their deadlines, and corrections that keep the trail. */
class TaskOrderServiceTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private static final GeoPoint QIANJIN_RD_1 = GeoPoint.wgs84(29.212, 103.712);

    @AfterEach
    void close() {
        fx.db.close();
    }

    @Test
    void anInterceptSendsTheUnitToThePointWithTheDispatchClock() {
        long unit = fx.unit("城关01", UnitKind.MOTORBIKE, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        Order o = fx.tasks.intercept(fx.s1, unit, 0, QIANJIN_RD_1, "逃犯在前进路1号，立即布控", "值班长");
        assertEquals(OrderKind.INTERCEPT, o.kind());
        assertNull(o.incidentId());
        assertEquals(QIANJIN_RD_1, o.target());
        assertEquals(OrderStatus.ISSUED, o.status());
        assertEquals(IntakeFixture.T0.plus(Duration.ofMinutes(30)), o.signDeadline());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(3)), o.feedbackDeadline());
        assertEquals(UnitStatus.EN_ROUTE, fx.db.jdbi().withExtension(UnitDao.class, d -> d.findById(unit)).orElseThrow().status());
    }

    @Test
    void anInterceptNeedsItsPointAndAUnitChangedElsewhereIsAConflictWithNothingWritten() {
        long unit = fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fx.tasks.intercept(fx.s1, unit, 0, null, "布控", "t"));
        assertTrue(e.getMessage().contains("point"), e.getMessage());
        fx.units.changeStatus(unit, 0, UnitStatus.BUSY);
        assertThrows(ConcurrentChangeException.class, () -> fx.tasks.intercept(fx.s1, unit, 0, QIANJIN_RD_1, "布控", "t"));
        assertEquals(0, fx.count("work_order"));
    }

    @Test
    void aDisputeFollowUpTakesItsFeedbackLimitFromTheKindOfDispute() {
        Order family = fx.tasks.disputeFollowUp(fx.s1, fx.officerWang, IncidentType.FAMILY_DISPUTE, null, "家庭纠纷回访", "t");
        Order labour = fx.tasks.disputeFollowUp(fx.s1, fx.officerWang, IncidentType.LABOUR_DISPUTE, null, "劳资纠纷跟进", "t");
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(3)), family.feedbackDeadline());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(9)), labour.feedbackDeadline());
        assertEquals(fx.officerWang, family.assigneeOfficerId());
        assertThrows(IllegalArgumentException.class,
                () -> fx.tasks.disputeFollowUp(fx.s1, null, IncidentType.FIGHT, null, "x", "t"));
    }

    @Test
    void aStandardTaskCarriesItsWordingAndItsOwnTimeLimit() {
        StandardTask rented = StandardTask.examples().get(0);
        StandardTask ownHomes = StandardTask.examples().get(1);
        Order o = fx.tasks.standardTask(rented, fx.s1, fx.officerWang, IntakeFixture.IN_G1, "t");
        assertEquals(OrderKind.STANDARD_TASK, o.kind());
        assertTrue(o.summary().startsWith("出租屋安全检查｜牵头：社区警务队"), o.summary());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(24)), o.feedbackDeadline());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(72)),
                fx.tasks.standardTask(ownHomes, fx.s1, null, null, "t").feedbackDeadline());
    }

    @Test
    void aVisitCanFollowUpAnIncidentOrStandAlone() {
        Order v = fx.tasks.visit(fx.s1, fx.officerWang, null, null, IntakeFixture.IN_G1, "独居老人回访", "t");
        assertEquals(OrderKind.VISIT, v.kind());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(24)), v.feedbackDeadline());
        assertThrows(IllegalArgumentException.class, () -> fx.tasks.visit(fx.s1, null, null, null, null, "  ", "t"));
    }

    @Test
    void aCorrectionIsANewEventThatKeepsTheOldWording() {
        Order o = fx.tasks.intercept(fx.s1, null, null, QIANJIN_RD_1, "逃犯在前进路1号", "值班长");
        GeoPoint right = GeoPoint.wgs84(29.213, 103.713);
        Order fixed = fx.tasks.correct(o.id(), o.version(), "逃犯在前进路11号", right, "门牌号听错", "值班长");
        assertEquals("逃犯在前进路11号", fixed.summary());
        assertEquals(right, fixed.target());
        assertEquals(OrderStatus.ISSUED, fixed.status());
        List<OrderEvent> trail = fx.orders.trail(o.id());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.CORRECTED),
                trail.stream().map(OrderEvent::event).toList());
        String detail = trail.get(2).detail();
        assertTrue(detail.contains("「逃犯在前进路1号」→「逃犯在前进路11号」"), detail);
        assertTrue(detail.contains("29.212000,103.712000 WGS84 → 29.213000,103.713000 WGS84"), detail);
        assertTrue(detail.endsWith("原因：门牌号听错"), detail);
        assertEquals("逃犯在前进路1号", trail.get(0).detail(), "the creation event keeps the original words");

        assertThrows(ConcurrentChangeException.class,
                () -> fx.tasks.correct(o.id(), o.version(), "又改", right, "过时的版本", "西席"));
        assertThrows(IllegalArgumentException.class, () -> fx.tasks.correct(o.id(), fixed.version(), "再改", right, " ", "t"));
        assertEquals(3, fx.orders.trail(o.id()).size());
    }

    @Test
    void theTaskFormListsTheStationsAvailableUnitsThenItsOfficersCommunityOfficersFirst() {
        long free = fx.unit("城关02", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        long busy = fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        fx.units.changeStatus(busy, 0, UnitStatus.BUSY);
        assertTrue(fx.tasks.stations().stream().anyMatch(st -> st.id() == fx.s1));
        List<TaskOrderService.Assignee> who = fx.tasks.assignees(fx.s1);
        assertEquals(free, who.get(0).unitId(), "only the available unit, first");
        assertEquals(0, who.get(0).unitVersion());
        assertTrue(who.stream().noneMatch(a -> Long.valueOf(busy).equals(a.unitId())), "a busy unit cannot take a task");
        assertTrue(who.stream().anyMatch(a -> Long.valueOf(fx.officerWang).equals(a.officerId())));
        int firstOfficer = 1;
        assertTrue(!who.get(firstOfficer).isUnit());
        boolean seenOther = false;
        for (TaskOrderService.Assignee a : who.subList(firstOfficer, who.size())) {
            seenOther |= !a.communityOfficer();
            assertTrue(!(seenOther && a.communityOfficer()), "community officers come before the others: " + who);
        }
    }
}
