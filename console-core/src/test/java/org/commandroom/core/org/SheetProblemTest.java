package org.commandroom.core.org;

import static org.commandroom.core.org.SampleBureau.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.org.SheetProblem.Kind;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The problems the imports really report, taken apart into sheet, row, column and message. */
class SheetProblemTest {

    private final Database db = TestDatabases.h2();
    private final OrgImportService service = new OrgImportService(db.jdbi(), Clock.systemUTC(),
            new ChangeRecorder(Clock.systemUTC(), "ws"), AccessGuard.trusted());

    @AfterEach
    void close() {
        db.close();
    }

    private static byte[] workbook(OrgSheets.Book book, Map<String, List<Map<String, String>>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(book, Locale.ROOT, rows, out);
        return out.toByteArray();
    }

    private static List<SheetProblem> parsed(OrgImportResult r) {
        assertFalse(r.accepted());
        assertEquals(r.problems(), r.sheetProblems().stream().map(SheetProblem::toString).toList(),
                "the command line's English lines are the problems said in English");
        return r.sheetProblems();
    }

    /** A problem without its sentences: what a table lists in columns. */
    private static List<Object> place(SheetProblem p) {
        return java.util.Arrays.asList(p.kind(), p.sheet(), p.row(), p.column(), p.header());
    }

    @Test
    void aWrongCellIsTakenApartEvenWhenItsHeaderHasBracketsAndItsMessageNamesAnotherCell() throws IOException {
        List<SheetProblem> p = parsed(service.importOrganisation(workbook(OrgSheets.Book.ORGANISATION, Map.of(
                "bureau", List.of(row("code", "511123", "name", "犍为县公安局")),
                "stations", List.of(
                        row("code", "PCS01", "name", "城东派出所", "area", "-4"),
                        row("code", "PCS01", "name", "重复派出所")))), "bad.xlsx", "a", false));

        assertEquals(2, p.size(), p.toString());
        assertEquals(List.of(Kind.CELL, "派出所", 2, "D", "面积(平方公里)"), place(p.get(0)));
        assertEquals("'-4' is not a number from 0 to 1000000", p.get(0).message(Locale.ENGLISH));
        assertEquals("Sheet 派出所, row 2, column D (面积(平方公里)): '-4' is not a number from 0 to 1000000",
                p.get(0).toString());
        assertEquals("工作表 派出所，第 2 行，D 列（面积(平方公里)）：“-4”不是 0 到 1000000 之间的数",
                p.get(0).text(Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of(Kind.CELL, "派出所", 3, "A", "编码"), place(p.get(1)));
        assertEquals("Sheet 派出所, row 3, column A (编码): code PCS01 is already given at Sheet 派出所, row 2, column A (编码)",
                p.get(1).toString());
        assertEquals("编码 PCS01 已在 工作表 派出所，第 2 行，A 列（编码） 填写过", p.get(1).message(Locale.CHINA),
                "the other cell it names is said in the same language");
    }

    @Test
    void aMissingColumnIsARowProblemAndAForeignSheetASheetProblem() throws IOException {
        byte[] file;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var s = wb.createSheet("stations");
            s.createRow(0).createCell(0).setCellValue("Code");
            s.createRow(1).createCell(0).setCellValue("PCS01");
            wb.createSheet("花名册").createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
            file = out.toByteArray();
        }
        List<SheetProblem> p = parsed(service.importOrganisation(file, "x.xlsx", "a", false));
        assertEquals(2, p.size(), p.toString());
        assertEquals(List.of(Kind.ROW, "stations", 1), place(p.get(0)).subList(0, 3));
        assertEquals("Sheet stations, row 1: required column 名称/name is missing", p.get(0).toString());
        assertEquals("工作表 stations，第 1 行：缺少必填列“名称/name”", p.get(0).text(Locale.CHINA));
        assertEquals(List.of(Kind.SHEET, "花名册", 0), place(p.get(1)).subList(0, 3));
        assertEquals("not a sheet of the organisation workbook (expected 分局/bureau, 派出所/stations, 警务站/posts, "
                + "队/teams, 民警辅警/officers)", p.get(1).message(Locale.ENGLISH));
        assertEquals("不是本工作簿的工作表（应为 分局/bureau, 派出所/stations, 警务站/posts, 队/teams, 民警辅警/officers）",
                p.get(1).message(Locale.CHINA));
    }

    @Test
    void aFileThatIsNoWorkbookOrTooLargeIsToldApartFromCellProblems() throws IOException {
        SheetProblem text = parsed(service.importUnits("call_sign,kind\n".getBytes(StandardCharsets.UTF_8), "units.csv",
                "a", false)).get(0);
        assertEquals(Kind.NOT_WORKBOOK, text.kind());
        assertEquals(null, text.sheet());
        assertTrue(text.text(Locale.CHINA).startsWith("文件 units.csv 不是 .xlsx 工作簿"), text.text(Locale.CHINA));

        byte[] zipButNoWorkbook;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zipButNoWorkbook = out.toByteArray();
        }
        assertEquals(Kind.NOT_WORKBOOK, parsed(service.importUnits(zipButNoWorkbook, "报告.docx", "a", false)).get(0).kind());

        assertEquals(Kind.TOO_LARGE, parsed(service.importUnits(new byte[OrgWorkbook.MAX_FILE_BYTES + 1], "big.xlsx",
                "a", false)).get(0).kind());

        SheetProblem none = parsed(service.importUnits(Files.readAllBytes(Path.of("..", "assets", "samples",
                "organisation", "organisation.xlsx")), "organisation.xlsx", "a", false)).get(0);
        assertEquals(Kind.SHEET, none.kind(), "the organisation's sheets are no sheets of the units workbook");
    }
}
