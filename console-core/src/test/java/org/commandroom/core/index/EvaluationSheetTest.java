package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.core.TestClock;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The evaluation sheet (评估表): template, import with per-cell checks and no half import, form entry, export. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class EvaluationSheetTest {

    @Parameter
    TestDb kind;

    private Database db;
    private GoldenCounty c;
    private TestClock clock;
    private IndexDefinitions defs;
    private ManualScores manual;
    private EvaluationSheet sheet;
    private final Period oct = Period.month(2026, 10);

    @BeforeEach
    void setUp() {
        db = kind.open();
        c = new GoldenCounty(db.jdbi());
        clock = new TestClock(GoldenCounty.NOW);
        defs = IndexDefinitions.withDefault();
        manual = new ManualScores(db.jdbi(), clock, defs, new ChangeRecorder(clock, "ws1"));
        sheet = new EvaluationSheet(manual, new IndexTrace(db.jdbi(), clock, defs));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theTemplateListsEveryStationAndEveryManualIndicator() throws IOException {
        try (Workbook wb = template()) {
            Sheet s = wb.getSheet(EvaluationSheet.SHEET);
            assertEquals("MONTH 2026-10-01", s.getRow(0).getCell(1).getStringCellValue());
            assertEquals("I07", s.getRow(1).getCell(2).getStringCellValue());
            assertEquals("I10", s.getRow(1).getCell(3).getStringCellValue());
            assertEquals(2 + 22, s.getRow(1).getLastCellNum(), "22 manual indicators after code and name (I20, I36 are computed)");
            assertEquals(List.of("GA", "GB", "GP"), List.of(s.getRow(3).getCell(0).getStringCellValue(),
                    s.getRow(4).getCell(0).getStringCellValue(), s.getRow(5).getCell(0).getStringCellValue()));
            assertTrue(s.getRow(2).getCell(3).getStringCellValue().startsWith("电信诈骗案损"));
            assertEquals(23, wb.getSheet(EvaluationSheet.HELP_SHEET).getLastRowNum() + 1, "a header and one row per manual indicator");
        }
    }

    @Test
    void onADrillDatabaseBothWorkbooksSayExerciseAndTheTemplateStillImports() throws IOException {
        EvaluationSheet drill = new EvaluationSheet(manual, new IndexTrace(db.jdbi(), clock, defs), true);
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        drill.writeTemplate(oct, t);
        ByteArrayOutputStream scores = new ByteArrayOutputStream();
        drill.exportScores(oct, scores);
        for (byte[] file : List.of(t.toByteArray(), scores.toByteArray())) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                assertEquals("演练 EXERCISE", wb.getProperties().getCoreProperties().getTitle());
                for (Sheet s : wb) {
                    assertEquals("演练 EXERCISE", s.getHeader().getCenter(), s.getSheetName());
                    assertEquals("D32F2F", ((org.apache.poi.xssf.usermodel.XSSFSheet) s).getTabColor().getARGBHex().substring(2),
                            s.getSheetName());
                }
            }
        }
        // The cells are where a live template has them: a filled drill template imports.
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.toByteArray()))) {
            number(wb.getSheet(EvaluationSheet.SHEET), 3, "I40", 90);
            ByteArrayOutputStream filled = new ByteArrayOutputStream();
            wb.write(filled);
            EvaluationSheet.ImportResult r = drill.importSheet(new ByteArrayInputStream(filled.toByteArray()), "演练.xlsx", "学员");
            assertTrue(r.accepted(), r.problemLines(java.util.Locale.ENGLISH).toString());
            assertEquals(1, r.recorded());
        }
        // A live sheet carries no mark.
        try (Workbook wb = template()) {
            assertEquals(null, ((XSSFWorkbook) wb).getProperties().getCoreProperties().getTitle());
            assertEquals("", wb.getSheet(EvaluationSheet.SHEET).getHeader().getCenter());
        }
    }

    @Test
    void aFilledSheetIsRecordedWithWhoAndWhenAndCountsInTheIndex() throws IOException {
        byte[] filled = fill(s -> {
            number(s, 3, "I40", 90);      // GA satisfaction
            text(s, 4, "I40", " 88 ");    // GB, typed as text
            number(s, 3, "I32", 0);
        });
        EvaluationSheet.ImportResult r = sheet.importSheet(new ByteArrayInputStream(filled), "十月评估表.xlsx", "绩效办张某");
        assertTrue(r.accepted(), r.problemLines(java.util.Locale.ENGLISH).toString());
        assertEquals(3, r.recorded());
        assertEquals(Set.of(c.a, c.b), r.stations());
        List<String> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT indicator_code || ' ' || raw_value || ' ' || entered_by || ' ' "
                + "|| source FROM manual_score ORDER BY indicator_code, station_id").mapTo(String.class).list());
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).startsWith("I32 0") && rows.get(0).endsWith("绩效办张某 SHEET 十月评估表.xlsx"), rows.get(0));
        assertEquals(GoldenCounty.NOW, db.jdbi().withHandle(h -> h.createQuery("SELECT MAX(entered_at) FROM manual_score")
                .mapTo(java.time.Instant.class).one()));

        new IndexEngine(db.jdbi(), clock, defs, null).recomputeYear(2026);
        IndicatorResult sat = db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, new Scope(ScopeKind.STATION, c.b), oct, "I40"))
                .orElseThrow();
        assertEquals(88.0, sat.raw());

        EvaluationSheet.ImportResult again = sheet.importSheet(new ByteArrayInputStream(filled), "十月评估表.xlsx", "绩效办张某");
        assertTrue(again.accepted());
        assertEquals(0, again.recorded(), "the same values again record nothing");
        assertEquals(3, again.unchanged());
    }

    @Test
    void aCancelWhileTheValuesAreRecordedRollsThemAllBack() throws IOException {
        byte[] filled = fill(s -> {
            number(s, 3, "I40", 90);
            number(s, 4, "I40", 88);
            number(s, 3, "I32", 0);
        });
        int[] said = new int[1];
        // three rows checked (three progress calls), the first value recorded (the fourth): then the cancel is seen
        org.commandroom.core.job.JobProgress cancelInsideTheTransaction = new org.commandroom.core.job.JobProgress() {
            @Override
            public boolean cancelRequested() {
                return said[0] >= 4;
            }

            @Override
            public void progress(long done, long total) {
                said[0]++;
            }
        };
        assertThrows(org.commandroom.core.job.JobCancelled.class, () -> sheet.importSheet(new ByteArrayInputStream(filled),
                "十月评估表.xlsx", "绩效办张某", cancelInsideTheTransaction));
        assertEquals(4, said[0], "it stopped after writing one value of three");
        long stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM manual_score").mapTo(Long.class).one());
        assertEquals(0L, stored,
                "the value written before the cancel was rolled back");
        assertTrue(sheet.importSheet(new ByteArrayInputStream(filled), "十月评估表.xlsx", "绩效办张某").accepted(),
                "and the same file imports whole afterwards");
    }

    @Test
    void oneWrongCellRejectsTheWholeSheetNamingTheCell() throws IOException {
        byte[] filled = fill(s -> {
            number(s, 3, "I40", 90);
            text(s, 4, "I10", "九十");
            number(s, 5, "I40", 120);
        });
        EvaluationSheet.ImportResult r = sheet.importSheet(new ByteArrayInputStream(filled), "bad.xlsx", "绩效办张某");
        assertFalse(r.accepted());
        assertEquals(List.of("Sheet 评估表 cell D5: '九十' is not a number",
                "Sheet 评估表 cell " + column("I40") + "6: 120 is above the maximum 100 of I40"), r.problemLines(java.util.Locale.ENGLISH));
        assertEquals(List.of("工作表 评估表 单元格 D5：“九十”不是数字",
                "工作表 评估表 单元格 " + column("I40") + "6：120 高于 I40 的上限 100"), r.problemLines(java.util.Locale.ROOT),
                "the desk says them in Chinese");
        assertEquals(Long.valueOf(0), db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM manual_score").mapTo(Long.class).one()),
                "nothing is half-imported");
    }

    @Test
    void unknownStationsIndicatorsAndPeriodsAreNamed() throws IOException {
        byte[] filled = fill(s -> {
            s.getRow(1).createCell(40).setCellValue("I01");
            s.createRow(9).createCell(0).setCellValue("ZZ");
            s.getRow(9).createCell(3).setCellValue(5);
        });
        EvaluationSheet.ImportResult r = sheet.importSheet(new ByteArrayInputStream(filled), "x.xlsx", "某");
        assertEquals(List.of("Sheet 评估表 cell AO2: 'I01' is not a manual indicator of definition 2026.1",
                "Sheet 评估表 cell A10: no station with code 'ZZ'"), r.problemLines(java.util.Locale.ENGLISH));

        byte[] noPeriod = fill(s -> s.getRow(0).getCell(1).setCellValue("十月"));
        assertEquals(List.of("Sheet 评估表 cell B1: '十月' is not a period such as MONTH 2026-10-01"),
                sheet.importSheet(new ByteArrayInputStream(noPeriod), "x.xlsx", "某").problemLines(java.util.Locale.ENGLISH));

        EvaluationSheet.ImportResult notXlsx = sheet.importSheet(new ByteArrayInputStream("a,b\n".getBytes()), "x.csv", "某");
        assertFalse(notXlsx.accepted());
        assertTrue(notXlsx.problemLines(java.util.Locale.ENGLISH).get(0).startsWith("File x.csv is not an .xlsx workbook"), notXlsx.problemLines(java.util.Locale.ENGLISH).toString());
    }

    @Test
    void aWorkbookWhosePartsUnpackToHundredsOfMegabytesIsRefusedUnreadNotAnOutOfMemoryError() throws IOException {
        // Issue 14: a 14.7 MB workbook with three 95 MB parts filled the installer's 1 GB heap inside POI. Here a real
        // filled sheet gets one more part of 100 MB of cell XML, which deflates to a few hundred KB.
        byte[] filled = fill(s -> number(s, 3, "I40", 90));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(filled));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bomb)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet9.xml"));
            byte[] row = "<row r=\"1\"><c r=\"A1\"><v>1234567</v></c><c r=\"B1\" t=\"s\"><v>42</v></c></row>\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (long written = 0; written < 100L * 1024 * 1024; written += row.length) {
                out.write(row);
            }
            out.closeEntry();
        }
        assertTrue(bomb.size() < EvaluationSheet.MAX_FILE_BYTES, "the file itself is small: " + bomb.size());
        long before = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM manual_score").mapTo(Long.class).one());

        EvaluationSheet.ImportResult r = sheet.importSheet(new ByteArrayInputStream(bomb.toByteArray()), "十月评估表.xlsx", "某");
        assertFalse(r.accepted());
        assertEquals(List.of("File 十月评估表.xlsx unpacks to more than 64 MB (part xl/worksheets/sheet9.xml); a bureau's "
                + "evaluation sheet unpacks to well under 1 MB. Nothing was recorded."), r.problemLines(java.util.Locale.ENGLISH));
        assertEquals(before, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM manual_score")
                .mapTo(Long.class).one()));

        EvaluationSheet.ImportResult big = sheet.importSheet(new ByteArrayInputStream(new byte[EvaluationSheet.MAX_FILE_BYTES + 1]),
                "huge.xlsx", "某");
        assertFalse(big.accepted());
        assertTrue(big.problemLines(java.util.Locale.ENGLISH).get(0).startsWith("File huge.xlsx is larger than 10 MB"), big.problemLines(java.util.Locale.ENGLISH).toString());
    }

    @Test
    void aWorkbookWithExternalEntitiesOrEntityExpansionIsRefusedAndReadsNoFile() throws IOException {
        byte[] filled = fill(s -> number(s, 3, "I40", 90));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>&x;</sheets></workbook>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">&l9;</workbook>");
        for (String hostile : List.of(xxe, laughs.toString())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(filled));
                 java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
                for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    if (e.getName().equals("xl/workbook.xml")) {
                        z.write(hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(z);
                    }
                    z.closeEntry();
                }
            }
            long before = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM manual_score").mapTo(Long.class).one());
            EvaluationSheet.ImportResult r = sheet.importSheet(new ByteArrayInputStream(out.toByteArray()), "x.xlsx", "某");
            assertFalse(r.accepted(), r.toString());
            assertTrue(r.problemLines(java.util.Locale.ENGLISH).get(0).startsWith("File x.xlsx is not an .xlsx workbook"), r.problemLines(java.util.Locale.ENGLISH).toString());
            assertFalse(r.problemLines(java.util.Locale.ENGLISH).toString().contains("root:"), "the entity was not expanded from the file: " + r.problemLines(java.util.Locale.ENGLISH));
            assertEquals(before, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM manual_score")
                    .mapTo(Long.class).one()));
        }
    }

    @Test
    void aFormEntryIsCheckedAndKept() {
        long id = manual.enter("I40", c.a, oct, 93.5, "测评中心李某", "电话回访200户");
        String row = db.jdbi().withHandle(h -> h.createQuery("SELECT entered_by || '/' || source || '/' || note FROM manual_score WHERE id = :i")
                .bind("i", id).mapTo(String.class).one());
        assertEquals("测评中心李某/FORM/电话回访200户", row);
        assertEquals("I01: is not a manual indicator", message(() -> manual.enter("I01", c.a, oct, 5, "某", null))
                .replace("'I01' is not a manual indicator of definition 2026.1", "I01: is not a manual indicator"));
        assertEquals("I40: -1 is below the minimum 0 of I40", message(() -> manual.enter("I40", c.a, oct, -1, "某", null)));
        assertEquals("no station with id 999999", message(() -> manual.enter("I40", 999_999, oct, 90, "某", null)));
        assertEquals("who entered the value must be given", message(() -> manual.enter("I40", c.a, oct, 90, " ", null)));
    }

    @Test
    void theEvaluationTableExportsEveryStationsScores() throws IOException {
        manual.enter("I40", c.a, oct, 90, "测评中心李某", null);
        new IndexEngine(db.jdbi(), clock, defs, null).recomputeYear(2026);
        ScopeResult a = new IndexTrace(db.jdbi(), clock, defs).result(new Scope(ScopeKind.STATION, c.a), oct).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.exportScores(oct, out);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet points = wb.getSheet("得分");
            Row header = points.getRow(1);
            assertEquals("主防指数", header.getCell(3).getStringCellValue());
            Row ga = points.getRow(2);
            assertEquals("GA", ga.getCell(0).getStringCellValue());
            assertEquals(a.index(), ga.getCell(3).getNumericCellValue(), 1e-9);
            assertEquals(a.capabilities().get("INCIDENTS"), ga.getCell(6).getNumericCellValue(), 1e-9);
            assertEquals("全局", points.getRow(5).getCell(1).getStringCellValue());
            Sheet raw = wb.getSheet("原始值");
            assertEquals(3.0, raw.getRow(2).getCell(3).getNumericCellValue(), 1e-9, "GA's I01 raw value");
        }
    }

    // ------------------------------------------------------------------------------------------------------

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private Workbook template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.writeTemplate(oct, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private byte[] fill(Consumer<Sheet> edit) throws IOException {
        try (Workbook wb = template()) {
            edit.accept(wb.getSheet(EvaluationSheet.SHEET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private int col(String indicator) {
        List<IndicatorDef> m = defs.current().manualIndicators();
        for (int k = 0; k < m.size(); k++) {
            if (m.get(k).id().equals(indicator)) {
                return 2 + k;
            }
        }
        throw new IllegalArgumentException(indicator);
    }

    private String column(String indicator) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(col(indicator));
    }

    private void number(Sheet s, int row, String indicator, double v) {
        s.getRow(row).getCell(col(indicator)).setCellValue(v);
    }

    private void text(Sheet s, int row, String indicator, String v) {
        s.getRow(row).getCell(col(indicator)).setCellValue(v);
    }
}
