package org.commandroom.core.org;

import static org.commandroom.core.org.SampleBureau.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        return r.problems().stream().map(SheetProblem::parse).toList();
    }

    @Test
    void aWrongCellIsTakenApartEvenWhenItsHeaderHasBracketsAndItsMessageNamesAnotherCell() throws IOException {
        List<SheetProblem> p = parsed(service.importOrganisation(workbook(OrgSheets.Book.ORGANISATION, Map.of(
                "bureau", List.of(row("code", "511123", "name", "犍为县公安局")),
                "stations", List.of(
                        row("code", "PCS01", "name", "城东派出所", "area", "-4"),
                        row("code", "PCS01", "name", "重复派出所")))), "bad.xlsx", "a", false));

        assertEquals(List.of(
                new SheetProblem(Kind.CELL, "派出所", 2, "D", "面积(平方公里)", "'-4' is not a number from 0 to 1000000",
                        "Sheet 派出所, row 2, column D (面积(平方公里)): '-4' is not a number from 0 to 1000000"),
                new SheetProblem(Kind.CELL, "派出所", 3, "A", "编码",
                        "code PCS01 is already given at Sheet 派出所, row 2, column A (编码)",
                        "Sheet 派出所, row 3, column A (编码): code PCS01 is already given at Sheet 派出所, row 2, column A (编码)")),
                p);
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
        assertEquals(new SheetProblem(Kind.ROW, "stations", 1, null, null, "required column 名称/name is missing",
                "Sheet stations, row 1: required column 名称/name is missing"), p.get(0));
        assertEquals(Kind.SHEET, p.get(1).kind());
        assertEquals("花名册", p.get(1).sheet());
        assertEquals(0, p.get(1).row());
        assertEquals("not a sheet of the organisation workbook (expected 分局/bureau, 派出所/stations, 警务站/posts, "
                + "队/teams, 民警辅警/officers)", p.get(1).message());
    }

    @Test
    void aFileThatIsNoWorkbookOrTooLargeIsToldApartFromCellProblems() throws IOException {
        SheetProblem text = parsed(service.importUnits("call_sign,kind\n".getBytes(StandardCharsets.UTF_8), "units.csv",
                "a", false)).get(0);
        assertEquals(Kind.NOT_WORKBOOK, text.kind());
        assertEquals(null, text.sheet());

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
        assertEquals(Kind.FILE, SheetProblem.parse("File x.xlsx: the sheet 房屋/houses has no house").kind());
        assertEquals(new SheetProblem(Kind.ROW, null, 7, null, null, "required, but empty", "row 7: required, but empty"),
                SheetProblem.parse("row 7: required, but empty"));
    }
}
