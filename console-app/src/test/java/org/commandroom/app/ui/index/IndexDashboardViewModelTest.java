package org.commandroom.app.ui.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.app.Fixture;
import org.commandroom.app.IndexModule;
import org.commandroom.app.IndexSheets;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.EvaluationSheet;
import org.commandroom.core.index.Period;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation sheet actions behind the dashboard's file choosers, and the reminder notices, with no FX
 * runtime: the tasks run on the calling thread.
 */
class IndexDashboardViewModelTest {

    @TempDir
    Path dir;
    private Fixture fx;
    private ExecutorService worker;
    private IndexModule module;
    private IndexDashboardViewModel vm;
    private final Period nov = Period.month(2026, 11);

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
        worker = Executors.newSingleThreadExecutor();
        module = IndexModule.create(fx.db.jdbi(), fx.clock, null, new ChangeRecorder(fx.clock, "test"),
                new Numbering(fx.clock, Fixture.ZONE), worker);
        module.recomputeNow();
        vm = new IndexDashboardViewModel(module, null, new Tasks(Runnable::run, Runnable::run), "值班员");
        vm.activate(nov);
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        fx.close();
    }

    @Test
    void theEvaluationTableIsExportedForTheChosenPeriod() throws Exception {
        Path file = dir.resolve("得分.xlsx");
        vm.exportScores(file);
        assertTrue(vm.sheetOutcomeProperty().get().ok());
        assertEquals("export", vm.sheetOutcomeProperty().get().action());
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertNotNull(wb.getSheet("得分"));
            assertNotNull(wb.getSheet("原始值"));
        }
    }

    @Test
    void aTemplateIsWrittenAndAFilledSheetWithAWrongCellIsRejectedNamingTheCell() throws Exception {
        Path file = dir.resolve("评估表.xlsx");
        vm.writeTemplate(file);
        assertEquals("template", vm.sheetOutcomeProperty().get().action());
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("MONTH 2026-11-01", wb.getSheet(EvaluationSheet.SHEET).getRow(0).getCell(1).getStringCellValue());
        }
        IndexSheets.fill(file, "I40", 120);
        vm.sayProblemsIn(java.util.Locale.ENGLISH);
        vm.importSheet(file);
        IndexDashboardViewModel.SheetOutcome bad = vm.sheetOutcomeProperty().get();
        assertFalse(bad.ok());
        assertEquals(1, bad.problems().size());
        assertTrue(bad.problems().get(0).contains("120 is above the maximum 100 of I40"), bad.problems().get(0));
        vm.sayProblemsIn(java.util.Locale.ROOT);
        vm.importSheet(file);
        String zh = vm.sheetOutcomeProperty().get().problems().get(0);
        assertTrue(zh.startsWith("工作表 评估表 单元格 ") && zh.endsWith("：120 高于 I40 的上限 100"), zh);

        IndexSheets.fill(file, "I40", 88);
        vm.importSheet(file);
        IndexDashboardViewModel.SheetOutcome ok = vm.sheetOutcomeProperty().get();
        assertTrue(ok.ok(), String.valueOf(ok.problems()));
        assertEquals(1, ok.recorded());
        assertEquals(88.0, vm.indicators().isEmpty() ? null : vm.resultProperty().get().indicators().stream()
                .filter(i -> i.id().equals("I40")).findFirst().orElseThrow().raw(), 1e-9, "the dashboard shows the new value");
    }

    @Test
    void theChosenStationsReminderNoticesAreListed() {
        // The background run reviewed October (a capability under the pass line): its notice is listed.
        assertEquals(List.of("MONTH 2026-10-01 UNDER_PASS RISKS"), vm.reminders().stream()
                .map(r -> r.period() + " " + r.cause() + " " + r.subject()).toList());
        assertEquals(List.of(), module.reminders().review(nov), "November is not over: no notice about it yet");
        fx.clock.advance(Duration.ofDays(9)); // 2 December
        module.recomputeNow(); // reviews last month, November, now that it is over
        vm.refresh();
        assertTrue(vm.reminders().stream().anyMatch(r -> r.period().equals(nov)), "November's notices are listed");
        assertTrue(vm.reminders().size() > 1);
        assertTrue(vm.reminders().stream().allMatch(r -> r.orderStatus().equals("ISSUED")));
    }
}
