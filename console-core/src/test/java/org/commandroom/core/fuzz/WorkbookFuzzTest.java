package org.commandroom.core.fuzz;

import static org.commandroom.core.fuzz.Hostile.inWords;
import static org.commandroom.core.fuzz.Hostile.within;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.history.HistoryTable;
import org.commandroom.core.index.EvaluationSheet;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.ManualScores;
import org.commandroom.core.index.Period;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.OrgImportService;
import org.commandroom.core.org.OrgSheets;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.prevention.HouseSheets;
import org.commandroom.core.prevention.tasks.StandardTaskLibrary;
import org.commandroom.core.prevention.tasks.StandardTaskSheet;
import org.commandroom.core.roster.RosterService;
import org.commandroom.core.roster.RosterWorkbook;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every .xlsx a user can open besides the unit workbook (ImporterFuzzTest), made hostile: mutated as the other files
 * are, and three zip bombs each (a sheet unpacking to 2 GB of blanks, a shared-strings part of 300 MB that compresses
 * less than POI's own bomb ratio, a sheet nested a million deep). Each ends in a read or a refusal in words within
 * bounded time; the importers that write are checked on the real H2 schema: a refused file leaves every table with the
 * rows it had.
 */
class WorkbookFuzzTest {

    /** Mutated cases per workbook: a workbook is a zip, so most mutations end at the zip; few are needed. */
    private static final int CASES = 10;

    private static IntakeFixture fx;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static long processCpu;
    private static long wall;

    @BeforeAll
    static void open() {
        processCpu = Hostile.processCpu();
        wall = System.nanoTime();
        fx = new IntakeFixture(TestDatabases.h2());
    }

    @AfterAll
    static void close() {
        System.out.printf(Locale.ROOT, "FUZZ %s in all: %.1f s, %.1f s CPU of the whole JVM%n", "workbooks",
                (System.nanoTime() - wall) / 1e9, (Hostile.processCpu() - processCpu) / 1e9);
        fx.db.close();
    }

    /** What one case came to: read or not, and every problem as the user would read it. */
    record Outcome(boolean read, List<String> said) {
    }

    /**
     * Runs the cases and the bombs through {@code reader}; {@code writes}: check the tables after each refusal.
     */
    private static void fuzz(String what, byte[] good, boolean writes, Function<byte[], Outcome> reader) {
        long cpu = Hostile.cpu();
        Outcome seed = reader.apply(good);
        assertTrue(seed.read(), what + ": the good file itself is not read: " + seed.said());
        int read = 0;
        int n = 0;
        List<Object> cases = new ArrayList<>();
        for (long i = 0; i < CASES; i++) {
            cases.add(Mutations.of(good, "<a>", "</a>", i));
        }
        cases.add(XlsxBombs.blankSheet(good, 2000));
        cases.add(XlsxBombs.bigParts(good, 60));
        cases.add(XlsxBombs.deepSheet(good, 1_000_000));
        for (Object c : cases) {
            byte[] bytes = c instanceof Mutations.Case m ? m.bytes() : ((XlsxBombs.Bomb) c).bytes();
            Map<String, Long> before = writes ? Hostile.rows(fx.db.jdbi()) : null;
            Outcome o;
            try {
                o = within(() -> reader.apply(bytes), c);
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw new AssertionError(c + " ended in " + e, e);
            }
            if (c instanceof XlsxBombs.Bomb) {
                assertFalse(o.read(), c + " was read");
            }
            if (o.read()) {
                read++;
            } else {
                assertFalse(o.said().isEmpty(), c + ": refused without a word");
                o.said().forEach(s -> inWords(s, c));
                if (writes) {
                    Hostile.untouched(before, fx.db.jdbi(), c);
                }
            }
            n++;
        }
        Hostile.print(what, n, read, " (" + CASES + " mutated, 3 zip bombs)", cpu);
    }

    private static Outcome sheets(boolean read, List<SheetProblem> problems) {
        List<String> said = new ArrayList<>();
        problems.forEach(p -> {
            said.add(p.toString());
            said.add(p.text(ZH));
        });
        return new Outcome(read, said);
    }

    private static Outcome org(OrgImportResult r) {
        return sheets(r.accepted(), r.sheetProblems());
    }

    // ---- organisation set-up workbook --------------------------------------------------------------------------------

    @Test
    void aHostileOrganisationWorkbookIsImportedOrRefusedAndNothingIsHalfWritten() throws IOException {
        OrgImportService service = new OrgImportService(fx.db.jdbi(), fx.clock, fx.recorder, AccessGuard.trusted());
        byte[] good = Files.readAllBytes(Path.of("..", "assets", "samples", "organisation", "organisation.xlsx"));
        fuzz("organisation workbook .xlsx", good, true,
                b -> org(service.importOrganisation(b, "organisation.xlsx", "admin", false)));
    }

    @Test
    void aHostileUnitWorkbookIsImportedOrRefusedAndNothingIsHalfWritten() throws IOException {
        OrgImportService service = new OrgImportService(fx.db.jdbi(), fx.clock, fx.recorder, AccessGuard.trusted());
        Path samples = Path.of("..", "assets", "samples", "organisation");
        assertTrue(service.importOrganisation(Files.readAllBytes(samples.resolve("organisation.xlsx")), "organisation.xlsx",
                "admin", false).accepted(), "the units' stations and officers");
        fuzz("unit workbook .xlsx (import)", Files.readAllBytes(samples.resolve("units.xlsx")), true,
                b -> org(service.importUnits(b, "units.xlsx", "admin", false)));
    }

    // ---- house register ----------------------------------------------------------------------------------------------

    @Test
    void aHostileHouseRegisterIsImportedOrRefusedAndNothingIsHalfWritten() throws IOException {
        HouseImportService service = new HouseImportService(fx.db.jdbi(), fx.clock, AccessGuard.trusted());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(HouseSheets.sheets(), ZH, Map.of("houses", List.of(
                Map.of("address", "南关街", "house_no", "12号", "kind", "出租房屋", "landlord", "张房东", "occupants", "4",
                        "lat", "29.21", "lon", "103.71", "last_inspected", "2026-11-01"),
                Map.of("address", "东城路", "house_no", "1号", "kind", "建筑工地", "occupants", "40", "lat", "29.21",
                        "lon", "103.76"))), out);
        fuzz("house register .xlsx", out.toByteArray(), true,
                b -> org(service.importHouses(b, "houses.xlsx", "admin", false)));
    }

    // ---- standard-task library ---------------------------------------------------------------------------------------

    @Test
    void aHostileStandardTaskWorkbookIsImportedOrRefusedAndNothingIsHalfWritten() throws IOException {
        StandardTaskLibrary library = new StandardTaskLibrary(fx.db.jdbi(), fx.clock, AccessGuard.trusted());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(List.of(StandardTaskSheet.TASKS), ZH, Map.of("tasks", List.of(
                Map.of("code", "ZA-01", "title_zh", "矛盾纠纷回访", "lead", "社区警务队", "basis", "治安管理处罚法",
                        "measures", "三日内回访当事人", "completion", "回访记录入档", "time_limit", "3天",
                        "items", "回访时间；当事人意见"))), out);
        fuzz("standard-task library .xlsx", out.toByteArray(), true,
                b -> org(library.importFile(b, "standard-tasks.xlsx", "admin", false)));
    }

    // ---- duty roster -------------------------------------------------------------------------------------------------

    @Test
    void aHostileRosterIsImportedOrRefusedAndNothingIsHalfWritten() throws IOException {
        RosterService roster = new RosterService(fx.db.jdbi(), fx.clock, IntakeFixture.ZONE, fx.recorder,
                AccessGuard.trusted());
        fx.db.jdbi().useHandle(h -> h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                + "VALUES (?, 'P200', '张伟', 'POLICE', 'COMMANDER')", fx.s1)); // the template's example commander
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RosterWorkbook.template(ZH, out);
        fuzz("duty roster .xlsx", out.toByteArray(), true, b -> {
            RosterWorkbook.Result r = RosterWorkbook.importFile(roster, b, "值班表.xlsx", false, "admin");
            return sheets(r.problems().isEmpty(), r.problems());
        });
    }

    // ---- evaluation sheet --------------------------------------------------------------------------------------------

    @Test
    void aHostileEvaluationSheetIsImportedOrRefusedAndNothingIsHalfWritten() throws IOException {
        IndexDefinitions defs = IndexDefinitions.withDefault();
        ManualScores manual = new ManualScores(fx.db.jdbi(), fx.clock, defs, fx.recorder);
        EvaluationSheet sheet = new EvaluationSheet(manual, new IndexTrace(fx.db.jdbi(), fx.clock, defs));
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        sheet.writeTemplate(Period.month(2026, 10), template);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
            Sheet s = wb.getSheet(EvaluationSheet.SHEET);
            for (int r = 3; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row != null) {
                    row.createCell(2).setCellValue(1.5);
                }
            }
            wb.write(out);
        }
        fuzz("evaluation sheet .xlsx", out.toByteArray(), true, b -> {
            EvaluationSheet.ImportResult r = sheet.importSheet(new ByteArrayInputStream(b), "评估表.xlsx", "admin");
            List<String> said = new ArrayList<>();
            for (Text t : r.problems()) {
                said.add(t.in(ZH));
                said.add(t.in(Locale.ENGLISH));
            }
            return new Outcome(r.accepted(), said);
        });
    }

    // ---- history table (.xlsx) ---------------------------------------------------------------------------------------

    static byte[] historyWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("警情");
            String[] head = {"警情编号", "接警时间", "类别", "地址", "经度", "纬度"};
            Row h = s.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int r = 1; r <= 20; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("J2025" + (1000 + r));
                row.createCell(1).setCellValue("2025-03-" + (10 + r % 18) + " 08:1" + (r % 10) + ":00");
                row.createCell(2).setCellValue(r % 2 == 0 ? "打架斗殴" : "盗窃");
                row.createCell(3).setCellValue("南关街" + r + "号");
                row.createCell(4).setCellValue(103.71 + r / 1000.0);
                row.createCell(5).setCellValue(29.21 + r / 1000.0);
            }
            wb.write(out);
        }
        return out.toByteArray();
    }

    @Test
    void aHostileHistoryWorkbookIsReadOrRefusedWithAReason() throws IOException {
        fuzz("history table .xlsx", historyWorkbook(), false, b -> {
            try {
                HistoryTable t = HistoryTable.read(b, "history.xlsx");
                assertNotNull(t.header());
                return new Outcome(true, List.of());
            } catch (HistoryTable.Unreadable u) {
                assertNotNull(u.why());
                return new Outcome(false, List.of(u.getMessage()));
            }
        });
        assertTrue(true);
    }
}
