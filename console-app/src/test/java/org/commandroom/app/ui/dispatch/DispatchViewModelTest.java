package org.commandroom.app.ui.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatch panel's logic without FX, on a real H2 database (work runs in line). */
class DispatchViewModelTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private final I18n i18n = I18n.load(Locale.ROOT);
    private final DispatchViewModel vm = new DispatchViewModel(fx.dispatch, new Tasks(Runnable::run, Runnable::run), i18n,
            "值班长", null);
    private Database other;

    @AfterEach
    void close() {
        if (other != null) {
            other.close();
        }
        fx.db.close();
    }

    private Incident call(IncidentType type, int priority) {
        return fx.intake.record(CallReport.of(null, "南关路8号", IntakeFixture.IN_G1, type, priority, null), "t").incident();
    }

    private static GeoPoint north(double metres) {
        GeoPoint p = IntakeFixture.IN_G1;
        return new GeoPoint(p.lat() + metres / 111_195.0, p.lon(), p.datum());
    }

    private long dispatchOrders() {
        return fx.count("work_order WHERE kind = 'DISPATCH'");
    }

    @Test
    void aRepeatCallTakenElsewhereShowsItsFlagAndItsDoorVisitIsIssuedFromThePanelOnce() {
        vm.useRepeats(fx.intake, fx.tasks);
        Incident repeat = null;
        for (Duration ago : java.util.List.of(Duration.ofDays(20), Duration.ZERO)) {
            repeat = fx.intake.record(new CallReport("13200000001", "南关小区3栋", IntakeFixture.IN_G1,
                    IncidentType.FAMILY_DISPUTE, null, null, IntakeFixture.T0.minus(ago), null), "另一工作站").incident();
        }
        Incident plain = fx.intake.record(CallReport.of(null, "北关路9号", IntakeFixture.IN_G3, IncidentType.NOISE, 3, null),
                "t").incident();

        vm.load(plain.id());
        assertNull(vm.repeatProperty().get(), "not a repeat: nothing shown");
        vm.load(repeat.id());
        assertTrue(vm.repeatProperty().get().repeat().flagged());
        assertTrue(vm.repeatProperty().get().visitProposal().isPresent());
        assertEquals(0, fx.count("work_order WHERE kind = 'VISIT'"));

        vm.issueVisit();
        assertEquals(1, fx.count("work_order WHERE kind = 'VISIT' AND incident_id = " + repeat.id()
                + " AND assignee_officer_id = " + fx.officerWang));
        String no = vm.visitIssuedProperty().get();
        assertEquals(i18n.tr("intake.visit.issued", no), vm.messageProperty().get());
        vm.issueVisit();
        assertEquals(1, fx.count("work_order WHERE kind = 'VISIT'"), "once");

        vm.load(plain.id());
        vm.load(repeat.id());
        assertNull(vm.visitIssuedProperty().get());
        assertTrue(vm.repeatProperty().get().visitProposal().isEmpty(), "read again: the visit is not offered twice");
    }

    @Test
    void confirmingTwiceSendsTheOfficerOnceAndSaysWhichOrderHeHas() {
        Incident dispute = call(IncidentType.NEIGHBOUR_DISPUTE, 2);
        vm.load(dispute.id());
        assertEquals("王建国", vm.selectedProperty().get().label(), "routine: the grid officer first");
        assertFalse(vm.byTravelTimeProperty().get());

        vm.confirm();
        String orderNo = vm.issuedProperty().get().orderNo();
        assertEquals("已派 王建国，指令 " + orderNo, vm.messageProperty().get());
        UnitProposal still = vm.selectedProperty().get();
        assertEquals("王建国", still.label(), "still chosen: the same officer");
        assertTrue(still.alreadyDispatched());

        vm.confirm();
        assertEquals(1, dispatchOrders());
        assertEquals("王建国 已有本警情的指令 " + orderNo + "（已下发），未重复派警", vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
    }

    @Test
    void afterAUnitIsSentNothingElseIsChosenSoASecondEnterSendsNothing() {
        fx.unit("城关01", UnitKind.CAR, fx.s1, north(500), Duration.ofSeconds(10));
        fx.unit("城关02", UnitKind.CAR, fx.s1, north(900), Duration.ofSeconds(10));
        Incident fight = call(IncidentType.FIGHT, 1);
        vm.load(fight.id());
        assertTrue(vm.byTravelTimeProperty().get(), "urgent: by travel time");
        assertEquals("城关01", vm.selectedProperty().get().label(), "the nearest unit is chosen");

        vm.confirm();
        assertEquals(1, dispatchOrders());
        assertNull(vm.selectedProperty().get(), "城关01 is on its way and no other unit was picked for the commander");
        vm.confirm();
        assertEquals(1, dispatchOrders(), "the second Enter sent nothing");

        // A fresh F3 for the same incident offers the next unit, not the officer or unit already sent.
        vm.load(fight.id());
        assertEquals("城关02", vm.selectedProperty().get().label());
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsSaidSoWithoutItsDriversTextAndTheListIsComputedAgainWhenItDoes() {
        Incident dispute = call(IncidentType.NEIGHBOUR_DISPUTE, 2);
        other = Database.open(fx.db.settings());
        var dead = new org.commandroom.core.dispatch.DispatchService(other.jdbi(), fx.clock, fx.incidents, fx.units,
                fx.orders, org.commandroom.core.dispatch.TravelModel.defaults());
        other.close();
        DispatchViewModel failing = new DispatchViewModel(dead, new Tasks(Runnable::run, Runnable::run), i18n, "值班长", null);
        failing.load(dispute.id());
        assertEquals(DispatchViewModel.ListState.FAILED, failing.listStateProperty().get());
        assertEquals("无法读取推荐警力：数据库无响应。数据库恢复后将自动重新计算，也可按 F3 重试", failing.messageProperty().get());
        failing.onHealth(false, null, "gone");
        assertEquals("无法读取推荐警力：数据库无响应。数据库恢复后将自动重新计算，也可按 F3 重试", failing.messageProperty().get(),
                "the loss reported after the failed read does not hide what failed");

        // The working panel: the feed says the database answers again, and the list is read afresh.
        vm.load(dispute.id());
        vm.onHealth(false, null, "gone");
        assertEquals("数据库连接中断：推荐列表暂停更新，恢复后自动重新计算", vm.messageProperty().get());
        fx.unit("城关01", UnitKind.CAR, fx.s1, north(500), Duration.ofSeconds(10));
        vm.onHealth(true, null, null);
        assertEquals(DispatchViewModel.ListState.READY, vm.listStateProperty().get());
        assertEquals(2, vm.proposals().size(), "read again: the unit that came meanwhile is proposed");
        assertEquals("王建国", vm.selectedProperty().get().label(), "what was chosen stays chosen");
        assertEquals("数据库已恢复，已重新计算推荐警力", vm.messageProperty().get());
    }

    @Test
    void aFailedReadIsTriedAgainEveryFewSecondsOnScreenEvenWhenTheFeedReportsNoChange() {
        Incident dispute = call(IncidentType.NEIGHBOUR_DISPUTE, 2);
        // The read fails inside the database (a table it needs is missing for a moment).
        fx.db.jdbi().useHandle(h -> h.execute("ALTER TABLE patrol_unit RENAME TO patrol_unit_away"));
        vm.load(dispute.id());
        assertEquals(DispatchViewModel.ListState.FAILED, vm.listStateProperty().get());
        fx.db.jdbi().useHandle(h -> h.execute("ALTER TABLE patrol_unit_away RENAME TO patrol_unit"));
        for (int i = 1; i < DispatchViewModel.RETRY_BEATS; i++) {
            vm.beat();
        }
        assertEquals(DispatchViewModel.ListState.FAILED, vm.listStateProperty().get(), "not before five beats");
        vm.beat();
        assertEquals(DispatchViewModel.ListState.READY, vm.listStateProperty().get());
        assertEquals("王建国", vm.selectedProperty().get().label(), "nothing had been read: the best is chosen");
    }
}
