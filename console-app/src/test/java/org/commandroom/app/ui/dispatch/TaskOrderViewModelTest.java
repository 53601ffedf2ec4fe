package org.commandroom.app.ui.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.StandardTask;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task order form's logic without FX, on a real H2 database. */
class TaskOrderViewModelTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private final TaskOrderViewModel vm = new TaskOrderViewModel(fx.tasks, fx.intake::locate,
            new Tasks(Runnable::run, Runnable::run), I18n.load(Locale.ROOT), "值班长");

    @AfterEach
    void close() {
        fx.db.close();
    }

    private long orders() {
        return fx.count("work_order");
    }

    @Test
    void aStandardTaskTakesItsWordingAndItsOwnLimitToTheStationsCommunityOfficer() {
        vm.load();
        vm.stationProperty().set(vm.stations().stream().filter(s -> s.id() == fx.s1).findFirst().orElseThrow());
        vm.kindProperty().set(OrderKind.STANDARD_TASK);
        vm.issue();
        assertEquals("请选择标准件", vm.messageProperty().get());
        StandardTask ownHomes = StandardTask.examples().get(1);
        vm.standardTaskProperty().set(ownHomes);
        assertEquals(ownHomes.summary(), vm.summaryProperty().get());
        vm.assigneeProperty().set(vm.assignees().stream().filter(a -> Long.valueOf(fx.officerWang).equals(a.officerId()))
                .findFirst().orElseThrow());
        vm.issue();
        Order o = vm.issuedProperty().get();
        assertEquals(OrderKind.STANDARD_TASK, o.kind());
        assertEquals(fx.officerWang, o.assigneeOfficerId());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(72)), o.feedbackDeadline(), "the task's own limit");
        assertTrue(vm.messageProperty().get().startsWith("已下发标准件指令 ZL"), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().endsWith("承办：王建国"), vm.messageProperty().get());
        assertEquals("", vm.summaryProperty().get());
    }

    @Test
    void theFormOffersTheBureausOwnLibraryNotTheExamplesAndATaskIssuedKeepsItsOwnLimit() {
        var library = new org.commandroom.core.prevention.tasks.StandardTaskLibrary(fx.db.jdbi(), fx.clock,
                org.commandroom.core.access.AccessGuard.trusted());
        vm.useLibrary(() -> library.all(false).stream()
                .map(org.commandroom.core.prevention.tasks.LibraryTask::forOrderForm).toList());
        vm.load();
        java.util.List<String> offered = vm.standardTasks().stream().map(t -> t.code() + " " + t.name()).toList();
        assertEquals(35, offered.size(), "the library's 35 tasks, not the four examples");
        assertTrue(offered.contains("BZJ-001 重复报警户上门回访"), offered.toString());
        assertTrue(vm.standardTasks().stream().noneMatch(t -> t.name().equals("出租屋安全检查")), "no example offered");

        // the bureau adds its own task: offered at the next reading, with its own limit
        library.save(new org.commandroom.core.prevention.tasks.LibraryTask("ZD-001", "夜市治安巡查", "Night market patrol",
                "治安大队", "夜市管理办法", "每晚巡查两次", "当晚无治安案件", 36, java.util.List.of("巡查次数"), true), "周敏");
        vm.load();
        StandardTask own = vm.standardTasks().stream().filter(t -> t.code().equals("ZD-001")).findFirst().orElseThrow();
        assertEquals(36, vm.standardTasks().size());
        vm.stationProperty().set(vm.stations().stream().filter(s -> s.id() == fx.s1).findFirst().orElseThrow());
        vm.kindProperty().set(OrderKind.STANDARD_TASK);
        vm.standardTaskProperty().set(own);
        assertEquals("夜市治安巡查｜牵头：治安大队｜依据：夜市管理办法｜措施：每晚巡查两次｜标准：当晚无治安案件", vm.summaryProperty().get());
        vm.assigneeProperty().set(vm.assignees().stream().filter(a -> Long.valueOf(fx.officerWang).equals(a.officerId()))
                .findFirst().orElseThrow());
        vm.issue();
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(36)), vm.issuedProperty().get().feedbackDeadline(), "the task's own limit");

        // retired, it is no longer offered, and a choice of it is dropped
        vm.standardTaskProperty().set(own);
        library.save(new org.commandroom.core.prevention.tasks.LibraryTask("ZD-001", "夜市治安巡查", "Night market patrol",
                "治安大队", "夜市管理办法", "每晚巡查两次", "当晚无治安案件", 36, java.util.List.of("巡查次数"), false), "周敏");
        vm.load();
        assertTrue(vm.standardTasks().stream().noneMatch(t -> t.code().equals("ZD-001")));
        assertNull(vm.standardTaskProperty().get());
    }

    @Test
    void aLongTaskIsCutToTheOrdersFiveHundredCharacters() {
        StandardTask t = new StandardTask("ZD-9", "长任务", "治安大队", "依".repeat(600), "措施", "标准", Duration.ofHours(2));
        assertEquals(StandardTask.MAX_SUMMARY, t.summary().length());
        assertTrue(t.summary().endsWith("…"));
    }

    @Test
    void anOrderIssuedWhileTheDatabaseIsGoneIsKeptAndIssuedWhenItReturns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var drafts = new org.commandroom.core.draft.Drafts(dir, fx.clock);
        var kept = new org.commandroom.core.dispatch.TaskDrafts(drafts, fx.tasks);
        boolean[] up = {true};
        TaskOrderViewModel form = new TaskOrderViewModel(fx.tasks, fx.intake::locate, new Tasks(Runnable::run, Runnable::run),
                I18n.load(Locale.ROOT), "值班长", kept, () -> up[0]);
        form.load();
        form.stationProperty().set(form.stations().stream().filter(s -> s.id() == fx.s1).findFirst().orElseThrow());
        form.kindProperty().set(OrderKind.VISIT);
        form.assigneeProperty().set(form.assignees().stream().filter(a -> Long.valueOf(fx.officerWang).equals(a.officerId()))
                .findFirst().orElseThrow());
        form.summaryProperty().set("上门走访：核实噪音投诉");
        long before = orders();

        up[0] = false; // the health monitor has seen the database go
        form.issue();
        assertEquals("数据库暂不可用：本条指令（上门回访 · 王建国）已暂存在本机，数据库恢复后自动下发", form.messageProperty().get());
        assertEquals("", form.summaryProperty().get(), "the form is free for the next order");
        assertNull(form.issuedProperty().get());
        assertEquals(before, orders(), "nothing written yet");
        assertEquals(1, drafts.all().size());

        up[0] = true;
        assertEquals(1, drafts.saveAll());
        assertEquals(before + 1, orders());
        assertEquals("上门走访：核实噪音投诉", fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT summary FROM work_order WHERE client_ref IS NOT NULL").mapTo(String.class).one()));
        assertTrue(drafts.all().isEmpty());
    }

    @Test
    void anInterceptPointPickedOnTheMapNamesItsGridAndChoosesItsStation() {
        vm.load();
        vm.stationProperty().set(vm.stations().stream().filter(s -> s.id() == fx.s1).findFirst().orElseThrow());
        vm.kindProperty().set(OrderKind.INTERCEPT);
        vm.summaryProperty().set("逃犯在东城一格，立即布控");
        vm.pickedOnMap(org.commandroom.core.geo.DatumConverter.convert(IntakeFixture.IN_G3, org.commandroom.core.geo.Datum.GCJ02));
        assertEquals("29.210000, 103.760000", vm.positionProperty().get());
        assertEquals("警格 东城一格 · 东城派出所 · WGS-84", vm.position().locationTextProperty().get());
        assertEquals(fx.s2, vm.stationProperty().get().id(), "the point's station is chosen");
        vm.issue();
        Order o = vm.issuedProperty().get();
        assertEquals(fx.s2, o.stationId());
        assertTrue(o.target().distanceMetres(IntakeFixture.IN_G3) < 0.01, o.target().toString());
        // The wording and the point stay for the next unit of the intercept; a second Enter sends it there too.
        assertEquals("逃犯在东城一格，立即布控", vm.summaryProperty().get());
        assertEquals("警格 东城一格 · 东城派出所 · WGS-84", vm.position().locationTextProperty().get());
        assertTrue(vm.messageProperty().get().endsWith("位置与内容已保留，可再选警力下发"), vm.messageProperty().get());
        vm.issue();
        Order second = vm.issuedProperty().get();
        assertTrue(second.id() != o.id() && second.target().distanceMetres(IntakeFixture.IN_G3) < 0.01);

        // Any other kind starts afresh.
        vm.kindProperty().set(OrderKind.VISIT);
        vm.issue();
        assertEquals("", vm.summaryProperty().get());
        assertEquals("", vm.position().locationTextProperty().get());
    }

    @Test
    void aDisputeFollowUpToTheWholeStationGetsTheDisputesLimit() {
        vm.load();
        vm.stationProperty().set(vm.stations().stream().filter(s -> s.id() == fx.s1).findFirst().orElseThrow());
        vm.kindProperty().set(OrderKind.DISPUTE_FOLLOW_UP);
        vm.disputeTypeProperty().set(IncidentType.LABOUR_DISPUTE);
        vm.summaryProperty().set("工地欠薪纠纷跟进");
        vm.issue();
        Order o = vm.issuedProperty().get();
        assertNull(o.unitId());
        assertNull(o.assigneeOfficerId());
        assertEquals(IntakeFixture.T0.plus(Duration.ofHours(9)), o.feedbackDeadline());
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsWritten() {
        vm.load();
        vm.kindProperty().set(OrderKind.VISIT);
        vm.summaryProperty().set("  ");
        vm.issue();
        assertEquals("请填写指令内容", vm.messageProperty().get());
        vm.summaryProperty().set("独居老人回访");
        vm.positionProperty().set("南关路");
        vm.issue();
        assertEquals("位置“南关路”无法识别，请按“纬度, 经度”填写", vm.messageProperty().get());
        vm.positionProperty().set("95, 103.7");
        vm.issue();
        assertTrue(vm.messageIsErrorProperty().get());
        assertEquals(0, orders());
        vm.positionProperty().set("29.21，103.71");
        vm.issue();
        assertEquals(GeoPoint.wgs84(29.21, 103.71), vm.issuedProperty().get().target());
        assertEquals(1, orders());
        assertThrows(IllegalArgumentException.class, () -> TaskOrderViewModel.parsePosition("29.21"));
    }
}
