package org.commandroom.app.ui.admin.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.roster.RosterService;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The duty roster tab's ViewModel on H2 with no FX toolkit (work and callbacks in line), in the county of
 * {@link IntakeFixture} on Monday 23 November 2026 at 10:00 in Shanghai: shifts entered as a date and two times
 * (the night shift ending the next day), who is on duty now, refusals in the user's words, copying last week,
 * deleting, and the guard's refusal for a duty commander.
 */
class RosterViewModelTest {

    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    private static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private IntakeFixture fx;

    @BeforeEach
    void open() {
        fx = new IntakeFixture(TestDatabases.h2());
        fx.db.jdbi().useHandle(h -> h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                + "VALUES (?, 'P200', '张伟', 'POLICE', 'COMMANDER')", fx.s1));
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    private RosterViewModel vm(Principal who, Locale locale) {
        RosterService service = new RosterService(fx.db.jdbi(), fx.clock, IntakeFixture.ZONE, fx.recorder,
                AccessGuard.of(fx.db.jdbi(), fx.clock, who));
        RosterViewModel vm = new RosterViewModel(() -> service, new Tasks(Runnable::run, Runnable::run), I18n.load(locale),
                who.login(), IntakeFixture.ZONE, fx.clock::instant);
        vm.load();
        return vm;
    }

    @Test
    void aDayAndANightShiftAreEnteredAndWhoIsOnDutyNowIsShown() {
        RosterViewModel vm = vm(ADMIN, Locale.ROOT);
        assertEquals(MONDAY, vm.weekStartProperty().get());
        assertEquals(List.of("分局指挥室", "城关派出所", "东城派出所"), vm.scopes().stream().map(RosterService.Scope::name).toList());
        assertEquals("P200", vm.officers().get(0).badgeNo(), "the commanders by post first");
        assertEquals("当前没有班次覆盖（值班表未排）：大屏显示系统设置中的姓名", vm.onDutyProperty().get());
        assertTrue(vm.shifts().isEmpty());

        vm.save(null, MONDAY, "8:00", "20:00", List.of("P200"), "P100", "白班");
        assertFalse(vm.failedProperty().get(), vm.messageProperty().get());
        assertEquals("已新增班次：11月23日 周一 08:00–20:00 张伟", vm.messageProperty().get());
        vm.save(null, MONDAY, "20:00", "08:00", List.of("P101", "P200"), null, null);
        assertEquals(2, vm.shifts().size(), "the week was read again");
        assertEquals("11月23日 周一 20:00–08:00（次日）", vm.span(vm.shifts().get(1)));
        assertEquals("李明、张伟", vm.shifts().get(1).commanderNames());
        assertEquals("当前在班：值班长 张伟 · 指挥长 王建国 · 11月23日 周一 08:00–20:00", vm.onDutyProperty().get());

        RosterService.Shift night = vm.shifts().get(1);
        vm.save(night.id(), MONDAY, "20:00", "07:30", List.of("P101"), "P100", "改");
        assertEquals("已修改班次：11月23日 周一 20:00–07:30（次日） 李明", vm.messageProperty().get());
        assertEquals(Instant.parse("2026-11-23T23:30:00Z"), vm.shifts().get(1).endsAt());
    }

    @Test
    void aRefusalNamesEveryProblemInTheUsersLanguage() {
        RosterViewModel zh = vm(ADMIN, Locale.ROOT);
        zh.save(null, MONDAY, "08:00", "20:00", List.of(), "P999", null);
        assertTrue(zh.failedProperty().get());
        assertEquals("未保存：每个班次至少需要一名值班长；没有警号为 P999 的民警", zh.messageProperty().get());
        zh.save(null, MONDAY, "25:00", "20:00", List.of("P200"), null, null);
        assertEquals("未保存：请输入日期和时间，格式为 时:分（如 08:00、20:00）", zh.messageProperty().get());

        RosterViewModel en = vm(ADMIN, Locale.ENGLISH);
        en.save(null, MONDAY, "08:00", "20:00", List.of("P200", "P200"), null, null);
        assertEquals("Not saved: Officer P200 is named twice on the shift", en.messageProperty().get());
        assertTrue(zh.shifts().isEmpty());
    }

    @Test
    void lastWeekIsCopiedIntoTheWeekShownOnceAndAShiftIsDeleted() {
        RosterViewModel vm = vm(ADMIN, Locale.ROOT);
        vm.previousWeek();
        assertEquals(MONDAY.minusWeeks(1), vm.weekStartProperty().get());
        vm.save(null, MONDAY.minusWeeks(1), "08:00", "20:00", List.of("P200"), null, null);
        vm.save(null, MONDAY.minusDays(1), "20:00", "08:00", List.of("P100"), null, null);
        vm.nextWeek();
        assertEquals(1, vm.shifts().size(), "last Sunday's night shift reaches into this week");
        vm.copyLastWeek();
        assertFalse(vm.failedProperty().get(), vm.messageProperty().get());
        assertEquals("已从上周复制 2 个班次", vm.messageProperty().get());
        assertEquals(3, vm.shifts().size());
        vm.copyLastWeek();
        assertEquals("未保存：本周已有 2 个班次，不能复制（请先删除）", vm.messageProperty().get());

        vm.delete(vm.shifts().get(1));
        assertEquals("已删除班次：11月23日 周一 08:00–20:00 张伟", vm.messageProperty().get());
        assertEquals(2, vm.shifts().size());
        vm.thisWeek();
        assertEquals(MONDAY, vm.weekStartProperty().get());
    }

    @Test
    void aDutyCommanderIsRefusedByTheServiceInWords() {
        RosterViewModel vm = vm(DUTY, Locale.ROOT);
        vm.save(null, MONDAY, "08:00", "20:00", List.of("P200"), null, null);
        assertTrue(vm.failedProperty().get());
        assertEquals(I18n.load(Locale.ROOT).tr("failure.accessDenied"), vm.messageProperty().get());
        assertTrue(vm.shifts().isEmpty());
    }

    @Test
    void aStationsRosterIsItsOwn() {
        RosterViewModel vm = vm(ADMIN, Locale.ROOT);
        vm.save(null, MONDAY, "08:00", "20:00", List.of("P200"), null, null);
        vm.choose(vm.scopes().get(1));
        assertTrue(vm.shifts().isEmpty());
        vm.save(null, MONDAY, "09:00", "17:00", List.of("P100"), null, null);
        assertEquals("S1", vm.shifts().get(0).stationCode());
        vm.choose(null);
        assertEquals(1, vm.shifts().size());
        assertEquals(null, vm.shifts().get(0).stationCode());
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void theTemplateIsWrittenCheckedAndImportedAfterTheYesAndABadWorkbookIsRefusedByRow() throws Exception {
        RosterViewModel vm = vm(ADMIN, Locale.ROOT);
        java.nio.file.Path template = dir.resolve("值班表模板.xlsx");
        vm.writeTemplate(template);
        assertEquals("已写出模板 值班表模板.xlsx", vm.messageProperty().get());
        vm.check(template);
        assertEquals("值班表模板.xlsx 检查通过：1 个班次", vm.messageProperty().get());
        assertEquals(template, vm.checkedProperty().get());
        assertTrue(vm.shifts().isEmpty(), "a check writes nothing");
        vm.importChecked();
        assertEquals("已导入 1 个班次", vm.messageProperty().get());
        assertEquals(1, vm.shifts().size(), "the week was read again");
        assertEquals(null, vm.checkedProperty().get());

        java.nio.file.Path bad = dir.resolve("bad.xlsx");
        try (var out = java.nio.file.Files.newOutputStream(bad)) {
            org.commandroom.core.org.OrgWorkbook.write(List.of(org.commandroom.core.roster.RosterWorkbook.SHEET), Locale.ROOT,
                    java.util.Map.of("roster", List.of(java.util.Map.of("date", "2026-11-24", "start", "08:00", "end", "20:00",
                            "commanders", "P999"))), out);
        }
        vm.check(bad);
        assertTrue(vm.failedProperty().get());
        assertEquals(null, vm.checkedProperty().get());
        assertEquals("未导入：工作簿有 1 处问题，未写入任何内容：\n工作表 值班表，第 2 行：没有警号为 P999 的民警", vm.messageProperty().get());
    }
}
