package org.commandroom.app.ui.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.prevention.PeriodUnit;
import org.commandroom.core.prevention.PreventionRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inspection cycles form on a real H2: a wrong line is named, a saved cycle moves the next due dates. */
class CyclesViewModelTest {

    private PreventionFixture fx;

    @BeforeEach
    void open() {
        fx = new PreventionFixture();
        fx.house("南关街", HouseKind.RENTED, IntakeFixture.IN_G1, 3, List.of());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private CyclesViewModel.Row rented(CyclesViewModel vm) {
        return vm.rows().stream().filter(r -> r.kind() == HouseKind.RENTED && r.stars() == 0).findFirst().orElseThrow();
    }

    @Test
    void aChangedCycleIsSavedWithTheOtherRulesKeptAndTheNextDueDateFollows() {
        var module = fx.module(PreventionFixture.BOTH);
        CyclesViewModel vm = new CyclesViewModel(module, fx.inline, fx.zh, "周敏");
        HouseRegisterViewModel register = new HouseRegisterViewModel(module, fx.inline, fx.zh, "周敏");
        vm.setOnSaved(register::reload);
        vm.reload();
        assertEquals(6, vm.rows().size(), "the six default cycles of V25");
        register.reload();
        assertEquals(LocalDate.of(2027, 2, 28), register.all().get(0).nextDue());

        rented(vm).everyProperty().set("0");
        assertFalse(vm.save());
        assertEquals("周期应为1到400的整数", rented(vm).errorProperty().get());
        rented(vm).everyProperty().set("2");
        rented(vm).unitProperty().set(PeriodUnit.WEEK);
        rented(vm).feedbackDaysProperty().set("99");
        assertFalse(vm.save());
        assertEquals("反馈期限应为1到60天", rented(vm).errorProperty().get());
        rented(vm).feedbackDaysProperty().set("3");
        assertTrue(vm.save());
        assertEquals("", rented(vm).errorProperty().get());
        assertEquals("核查周期已保存", vm.statusProperty().get());

        PreventionRules rules = new HouseRegister(fx.db.jdbi(), fx.clock, AccessGuard.trusted()).rules();
        assertEquals(new PreventionRules.Cycle(HouseKind.RENTED, 0, 2, PeriodUnit.WEEK, 3),
                rules.cycle(HouseKind.RENTED, 3).orElseThrow());
        assertEquals(7, rules.factors().size(), "the risk factors are kept");
        assertEquals(5, rules.bands().size(), "the star bands are kept");
        assertEquals(LocalDate.of(2027, 2, 14), register.all().get(0).nextDue(), "every two weeks from 31 January");
    }

    @Test
    void aCommanderWithoutSetUpCannotSaveCycles() {
        CyclesViewModel vm = new CyclesViewModel(fx.module(PreventionFixture.DUTY), fx.inline, fx.zh, "李明");
        vm.reload();
        rented(vm).everyProperty().set("3");
        assertFalse(vm.save());
        assertEquals("您没有修改房屋登记的权限", vm.statusProperty().get());
        assertEquals(1, new HouseRegister(fx.db.jdbi(), fx.clock, AccessGuard.trusted()).rules()
                .cycle(HouseKind.RENTED, 3).orElseThrow().every());
    }
}
