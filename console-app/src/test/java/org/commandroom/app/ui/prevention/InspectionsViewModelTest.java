package org.commandroom.app.ui.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.prevention.House;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.InspectionBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inspections screen's state on a real H2: sending the due ones, the sign-for, the feedback and its checks. */
class InspectionsViewModelTest {

    private PreventionFixture fx;
    private House house;

    @BeforeEach
    void open() {
        fx = new PreventionFixture();
        house = fx.house("南关街", HouseKind.RENTED, IntakeFixture.IN_G1, 3, List.of());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aDueInspectionIsSentSignedForAndFedBackAndTheRegisterFollows() {
        var module = fx.module(PreventionFixture.DUTY);
        InspectionsViewModel vm = new InspectionsViewModel(module, fx.inline, fx.zh, "李明");
        HouseRegisterViewModel register = new HouseRegisterViewModel(module, fx.inline, fx.zh, "李明");
        vm.setOnChanged(register::reload);
        vm.reload();
        assertEquals(List.of(), vm.open());
        fx.at("2027-02-27T16:00:00Z"); // 28 Feb in Shanghai: due
        vm.sendDue();
        assertEquals("已派发1条核查指令；记为漏查0个应查日期；0处房屋未落到派出所", vm.statusProperty().get());
        assertEquals(1, vm.open().size());
        InspectionBoard.OpenInspection o = vm.open().get(0);
        assertEquals("王建国", o.officerName());
        assertEquals("ISSUED", o.orderStatus());
        vm.selectedProperty().set(o);
        vm.signFor();
        assertEquals("已登记 " + o.orderNo() + " 签收", vm.statusProperty().get());
        assertEquals("SIGNED", vm.selectedProperty().get().orderStatus(), "the selection follows the reread row");

        vm.hazardsProperty().set("2");
        vm.findingsProperty().set("");
        assertFalse(vm.feedback(), "hazards without findings");
        assertEquals("发现隐患时请写明发现的问题", vm.hazardsErrorProperty().get());
        vm.hazardsProperty().set("-1");
        assertFalse(vm.feedback());
        assertEquals("隐患数应为0到1000的整数", vm.hazardsErrorProperty().get());
        vm.hazardsProperty().set("2");
        vm.findingsProperty().set("电动车楼道充电");
        assertTrue(vm.feedback());
        assertEquals("已登记 " + o.orderNo() + " 的反馈", vm.statusProperty().get());
        assertEquals(List.of(), vm.open());

        InspectionBoard.RegisterRow row = register.all().get(0);
        assertEquals(house.id(), row.house().id());
        assertEquals(LocalDate.of(2027, 3, 31), row.nextDue(), "the due date moved on to the next month");
        assertEquals(LocalDate.of(2027, 2, 28), row.lastInspected());
        register.selectedProperty().set(row);
        assertEquals(1, register.findings().size());
        assertEquals("电动车楼道充电", register.findings().get(0).findings());
        assertEquals(2, register.findings().get(0).hazards());
        assertEquals("李明", register.findings().get(0).fedBackBy());
    }

    @Test
    void theWallSendsNothingAndTheCoreRefusesAForcedSend() {
        fx.at("2027-02-27T16:00:00Z");
        var wall = fx.module(PreventionFixture.WALL);
        assertFalse(wall.mayIssue());
        InspectionsViewModel vm = new InspectionsViewModel(wall, fx.inline, fx.zh, "大屏");
        vm.sendDue();
        assertEquals("您没有下发或登记核查指令的权限", vm.statusProperty().get());
        InspectionsViewModel forced = new InspectionsViewModel(new org.commandroom.app.HouseRegisterModule(wall.register(),
                wall.board(), wall.generator(), wall.orders(), false, true), fx.inline, fx.zh, "大屏");
        forced.sendDue();
        assertEquals("未办理：" + fx.zh.tr("failure.accessDenied"), forced.statusProperty().get());
        forced.reload();
        assertEquals(List.of(), forced.open(), "nothing sent");
    }
}
