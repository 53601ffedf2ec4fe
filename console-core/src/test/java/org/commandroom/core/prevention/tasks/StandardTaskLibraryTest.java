package org.commandroom.core.prevention.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library on H2: the bundled default set loads once on first use; a bureau's .xlsx or CSV is imported all or
 * nothing with every wrong cell named by sheet (or file), row and column; a dry run writes nothing; editing and
 * importing need SETUP.
 */
class StandardTaskLibraryTest {

    static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);
    static final String HEADER = "编码,名称,英文名称,牵头部门,任务依据,任务措施,办结标准,时限,反馈项\n";

    private Database db;
    private TestClock clock;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        clock = new TestClock(Instant.parse("2026-12-05T02:00:00Z"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private StandardTaskLibrary library(Principal who) {
        return new StandardTaskLibrary(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, who));
    }

    private int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM standard_task").mapTo(Integer.class).one());
    }

    @Test
    void theDefaultSetLoadsOnFirstUseAndOnlyOnce() {
        List<LibraryTask> defaults = StandardTaskLibrary.defaults();
        assertTrue(defaults.size() >= 30, "at least 30 bundled tasks, got " + defaults.size());
        StandardTaskLibrary lib = library(DUTY);
        List<LibraryTask> all = lib.all(false);
        assertEquals(defaults.size(), all.size());
        assertEquals(defaults.size(), count());
        for (LibraryTask t : all) {
            assertFalse(t.feedbackItems().isEmpty(), t.code());
            assertFalse(t.titleEn().equals(t.titleZh()), "an English title for " + t.code());
        }
        LibraryTask fraud = lib.find("BZJ-010").orElseThrow();
        assertEquals("反诈宣传入户", fraud.titleZh());
        assertEquals(168, fraud.timeLimitHours());
        assertEquals(List.of("走访户数", "APP安装数", "发放资料份数", "发现可疑线索"), fraud.feedbackItems());
        assertEquals(0, library(DUTY).ensureDefaults(), "a second workstation loads nothing");
        assertEquals(defaults.size(), count());
    }

    @Test
    void aBureauThatImportsItsOwnFirstKeepsOnlyItsOwn() {
        StandardTaskLibrary lib = library(ADMIN);
        OrgImportResult r = lib.importFile(csv(HEADER + "JH-001,出租屋检查,Rented-house check,派出所,规定,上门,全部登记,3天,人数；隐患\n"),
                "江汉.csv", "周敏", false);
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(1, r.count(StandardTaskLibrary.TABLE).inserted());
        assertEquals(0, library(DUTY).ensureDefaults());
        assertEquals(List.of("JH-001"), library(DUTY).all(true).stream().map(LibraryTask::code).toList());
    }

    @Test
    void aCsvWithWrongCellsIsRejectedWithEachCellNamedAndNothingWritten() {
        StandardTaskLibrary lib = library(ADMIN);
        lib.ensureDefaults();
        int before = count();
        String file = HEADER
                + "OK-1,好的,Fine,派出所,规定,上门,完成,24小时,甲；乙\n"
                + "bad code!,名称,,派出所,规定,上门,完成,两天,甲\n"
                + "OK-1,重复,,派出所,规定,上门,完成,1d,甲\n"
                + "OK-3,,,派出所,规定,上门,完成,100天,\n";
        OrgImportResult r = lib.importFile(csv(file), "bureau.csv", "周敏", false);
        assertFalse(r.accepted());
        List<String> p = r.problems();
        assertTrue(p.contains("Sheet bureau.csv, row 3, column A (编码): \"bad code!\" is not a standard-task code "
                + "(letters, digits, - and _, at most 32)"), p.toString());
        assertTrue(p.contains("Sheet bureau.csv, row 3, column H (时限): \"两天\" is not a time limit (such as 24小时, 3天, "
                + "36h, 7d; 1 hour to 90 days)"), p.toString());
        assertTrue(p.contains("Sheet bureau.csv, row 4, column A (编码): code OK-1 is already on row 2"), p.toString());
        assertTrue(p.contains("Sheet bureau.csv, row 5, column B (名称): required, but empty"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("Sheet bureau.csv, row 5, column H (时限)")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("Sheet bureau.csv, row 5, column I (反馈项)")), p.toString());
        assertEquals(6, p.size(), p.toString());
        assertEquals(before, count(), "nothing written");
        assertTrue(lib.find("OK-1").isEmpty());
        // The same problem in Chinese, as the import window says it.
        SheetProblem first = r.sheetProblems().get(0);
        assertEquals("工作表 bureau.csv，第 3 行，A 列（编码）", first.where().in(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aCsvWithAnUnknownHeaderOrAMissingColumnIsRejected() {
        OrgImportResult r = library(ADMIN).importFile(csv("编码,名称,颜色\nA,B,C\n"), "x.csv", "周敏", false);
        assertFalse(r.accepted());
        assertTrue(r.problems().stream().anyMatch(x -> x.startsWith("Sheet x.csv, row 1, column C (颜色): unknown column header")),
                r.problems().toString());
        assertTrue(r.problems().contains("Sheet x.csv, row 1: required column 牵头部门/lead department is missing"),
                r.problems().toString());
    }

    @Test
    void anXlsxIsReadByItsHeadersAndItsWrongCellsNamedBySheetRowAndColumn() throws IOException {
        StandardTaskLibrary lib = library(ADMIN);
        lib.ensureDefaults();
        byte[] bad = xlsx(new String[]{"code", "title", "lead department", "basis", "measures", "standard of completion",
                "time limit", "feedback items"}, new String[]{"BZJ-010", "反诈宣传入户（专项）", "反诈中心", "反电诈法", "入户",
                "全覆盖", "0", "走访户数；APP安装数"});
        OrgImportResult rejected = lib.importFile(bad, "tasks.xlsx", "周敏", false);
        assertFalse(rejected.accepted());
        assertEquals(List.of("Sheet standard tasks, row 2, column G (时限): \"0\" is not a time limit (such as 24小时, 3天, "
                + "36h, 7d; 1 hour to 90 days)"), rejected.problems());

        byte[] good = xlsx(new String[]{"code", "title", "lead department", "basis", "measures", "standard of completion",
                "time limit", "feedback items"}, new String[]{"BZJ-010", "反诈宣传入户（专项）", "反诈中心", "反电诈法", "入户",
                "全覆盖", "5d", "走访户数；APP安装数"});
        OrgImportResult dry = lib.importFile(good, "tasks.xlsx", "周敏", true);
        assertTrue(dry.accepted() && dry.dryRun());
        assertEquals(1, dry.count(StandardTaskLibrary.TABLE).updated());
        assertEquals(168, lib.find("BZJ-010").orElseThrow().timeLimitHours(), "a dry run writes nothing");

        OrgImportResult done = lib.importFile(good, "tasks.xlsx", "周敏", false);
        assertTrue(done.accepted());
        LibraryTask t = lib.find("BZJ-010").orElseThrow();
        assertEquals(120, t.timeLimitHours());
        assertEquals("反诈宣传入户（专项）", t.titleEn(), "no English title given: the Chinese one");
        assertEquals(List.of("走访户数", "APP安装数"), t.feedbackItems());
        assertEquals(0, lib.importFile(good, "tasks.xlsx", "周敏", false).count(StandardTaskLibrary.TABLE).updated(),
                "the same file again changes nothing");
    }

    @Test
    void aChineseExcelCsvInGb18030IsRead() {
        byte[] gbk = (HEADER + "GB-1,出租屋检查,,派出所,规定,上门,全部登记,48,人数\n").getBytes(Charset.forName("GB18030"));
        OrgImportResult r = library(ADMIN).importFile(gbk, "gbk.csv", "周敏", false);
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals("出租屋检查", library(ADMIN).find("GB-1").orElseThrow().titleZh());
    }

    @Test
    void onlyAnAdministratorImportsOrEdits() {
        StandardTaskLibrary duty = library(DUTY);
        duty.ensureDefaults();
        assertThrows(AccessDenied.class, () -> duty.importFile(csv(HEADER), "x.csv", "李明", false));
        LibraryTask t = duty.find("BZJ-001").orElseThrow();
        assertThrows(AccessDenied.class, () -> duty.save(t, "李明"));
    }

    @Test
    void anEditedTaskIsSavedAndARetiredOneIsNotOffered() {
        StandardTaskLibrary lib = library(ADMIN);
        LibraryTask t = lib.find("BZJ-016").orElseThrow();
        lib.save(new LibraryTask(t.code(), t.titleZh(), t.titleEn(), t.leadDepartment(), t.basis(), t.measures(),
                t.completion(), 6, List.of("到岗时间", "在岗警力"), true), "周敏");
        assertEquals(6, lib.find("BZJ-016").orElseThrow().timeLimitHours());
        assertEquals(List.of("到岗时间", "在岗警力"), lib.find("BZJ-016").orElseThrow().feedbackItems());
        assertEquals(1, lib.search("护学岗").size());
        lib.save(new LibraryTask(t.code(), t.titleZh(), t.titleEn(), t.leadDepartment(), t.basis(), t.measures(),
                t.completion(), 6, List.of("到岗时间"), false), "周敏");
        assertTrue(lib.search("护学岗").isEmpty());
        assertFalse(lib.find("BZJ-016").orElseThrow().active());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lib.save(new LibraryTask("X-1",
                "名称", null, "部门", "依据", "措施", "标准", 24, List.of(), true), "周敏"));
        assertTrue(e.getMessage().contains("no feedback items"), e.getMessage());
    }

    @Test
    void searchMatchesEveryWordInAnyField() {
        StandardTaskLibrary lib = library(DUTY);
        assertEquals(List.of("BZJ-012"), lib.search("银行 三有三要").stream().map(LibraryTask::code).toList());
        assertTrue(lib.search("fugitive").stream().anyMatch(t -> t.code().equals("BZJ-018")));
        assertEquals(lib.all(false).size(), lib.search("  ").size());
    }

    @Test
    void timeLimitsAreReadInHoursOrDays() {
        assertEquals(24, StandardTaskSheet.hours("24小时"));
        assertEquals(72, StandardTaskSheet.hours("3天"));
        assertEquals(36, StandardTaskSheet.hours("36h"));
        assertEquals(168, StandardTaskSheet.hours("7d"));
        assertEquals(12, StandardTaskSheet.hours("12"));
        assertEquals(-1, StandardTaskSheet.hours("半天"));
        assertEquals("3天", new LibraryTask("A", "a", null, "b", "c", "d", "e", 72, List.of("x"), true).timeLimitZh());
        assertEquals("36小时", new LibraryTask("A", "a", null, "b", "c", "d", "e", 36, List.of("x"), true).timeLimitZh());
    }

    private static byte[] csv(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String[] header, String[] row) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("standard tasks");
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = s.createRow(1);
            for (int i = 0; i < row.length; i++) {
                r.createCell(i).setCellValue(row[i]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
