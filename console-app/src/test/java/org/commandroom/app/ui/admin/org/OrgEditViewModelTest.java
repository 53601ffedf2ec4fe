package org.commandroom.app.ui.admin.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.org.OrgEditService;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The organisation tab's ViewModel on H2 with no FX toolkit (work and callbacks in line): lists, saves that re-read
 * their list, refusals in the user's words (Chinese and English), and the guard's refusal for a role without set-up.
 */
class OrgEditViewModelTest {

    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    private static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    private IntakeFixture fx;

    @BeforeEach
    void open() {
        fx = new IntakeFixture(TestDatabases.h2());
        fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    private OrgEditViewModel vm(Principal who, Locale locale) {
        OrgEditService service = new OrgEditService(fx.db.jdbi(), fx.clock, fx.recorder, AccessGuard.of(fx.db.jdbi(), fx.clock, who));
        OrgEditViewModel vm = new OrgEditViewModel(() -> service, new Tasks(Runnable::run, Runnable::run), I18n.load(locale),
                who.login());
        vm.load();
        return vm;
    }

    @Test
    void listsAreReadAndASavedGridOfficerShowsInTheReReadList() {
        OrgEditViewModel vm = vm(ADMIN, Locale.ROOT);
        assertEquals(List.of("S1", "S2"), vm.stations().stream().map(OrgEditService.StationChoice::code).toList());
        assertEquals(2, vm.officers().size());
        assertEquals(List.of("城关01"), vm.units().stream().map(OrgEditService.UnitRow::callSign).toList());
        assertEquals(3, vm.grids().size());

        vm.loadGridCandidates(vm.grids().get(1)); // G2, station S1
        assertEquals(List.of("P100"), vm.gridCandidates().stream().map(OrgEditService.OfficerRow::badgeNo).toList());
        vm.setGridOfficer("G2", "P100");
        assertFalse(vm.failedProperty().get());
        assertEquals("已保存：北关一格 的社区民警为 王建国", vm.messageProperty().get());
        assertEquals("P100", vm.grids().get(1).officerBadge(), "the list was read again");

        vm.officerQueryProperty().set("王");
        vm.searchOfficers();
        assertEquals(List.of("P100"), vm.officers().stream().map(OrgEditService.OfficerRow::badgeNo).toList());
    }

    @Test
    void aRefusalNamesEveryProblemInTheUsersLanguage() {
        OrgEditViewModel zh = vm(ADMIN, Locale.ROOT);
        zh.saveUnit(new OrgEditService.UnitEdit("城关01", "CAR", "S9", List.of("NOBODY"), "bad terminal!"));
        assertTrue(zh.failedProperty().get());
        assertEquals("未保存：没有编码为 S9 的派出所或警务站；没有警号为 NOBODY 的民警辅警；终端号“bad terminal!”无效（最多 64 位字母、数字和 _ . : -）",
                zh.messageProperty().get());
        OrgEditViewModel en = vm(ADMIN, Locale.ENGLISH);
        en.setGridOfficer("G2", "P101");
        assertEquals("Not saved: P101 does not belong to 城关派出所", en.messageProperty().get());
    }

    @Test
    void aDutyCommanderIsToldTheyMayNotAndNothingChanges() {
        OrgEditViewModel vm = vm(DUTY, Locale.ROOT);
        vm.setGridOfficer("G2", "P100");
        assertTrue(vm.failedProperty().get());
        assertEquals(I18n.load(Locale.ROOT).tr("failure.accessDenied"), vm.messageProperty().get());
        assertEquals(null, vm.grids().get(1).officerBadge());
    }

    @Test
    void aRetiredUnitShowsSoAndARefusedRetirementNamesTheGrid() {
        OrgEditViewModel vm = vm(ADMIN, Locale.ROOT);
        vm.setUnitRetired("城关01", true);
        assertFalse(vm.failedProperty().get());
        assertEquals("已停用：城关01", vm.messageProperty().get());
        assertTrue(vm.units().get(0).retired(), "the list is read again");
        vm.setUnitRetired("城关01", false);
        assertFalse(vm.units().get(0).retired());

        vm.setOfficerRetired("P100", true);
        assertTrue(vm.failedProperty().get());
        assertEquals("未保存：仍是警格 G1 的社区民警，请先把这些警格交给他人", vm.messageProperty().get());
        OrgEditViewModel en = vm(ADMIN, Locale.ENGLISH);
        en.setOfficerRetired("P100", true);
        assertEquals("Not saved: Still the community officer of grid G1; give those grids to someone else first",
                en.messageProperty().get());
    }

    @Test
    void crewIsReadFromWhateverSeparatorsWereTyped() {
        assertEquals(List.of("051007", "F51001", "F51002"), OrgEditViewModel.crew(" 051007、F51001，F51002;051007 "));
        assertEquals(List.of(), OrgEditViewModel.crew("  "));
    }
}
