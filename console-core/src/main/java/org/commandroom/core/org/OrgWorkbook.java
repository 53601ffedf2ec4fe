package org.commandroom.core.org;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.commandroom.core.io.FileLimit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.core.org.OrgSheets.Column;
import org.commandroom.core.org.OrgSheets.SheetDef;
import org.commandroom.core.text.Text;

/**
 * Writes the organisation and unit templates (filled or empty) and reads a filled one back into rows of cells,
 * each cell knowing where it is, so that every problem can name its sheet, row and column. Reading is guarded
 * against hostile files as the evaluation sheet is: the file's size, what its parts unpack to (counted while
 * streaming, never trusting what the zip declares) and the rows a sheet may have.
 */
public final class OrgWorkbook {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrgWorkbook.class);

    /** The largest file read: a Bao'an-scale officer list (5,000 rows) is about 300 KB. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** {@link #MAX_FILE_BYTES}, stated before a workbook is chosen. */
    public static final FileLimit LIMIT = new FileLimit(MAX_FILE_BYTES);
    /** What the workbook's parts may unpack to in all (a zip bomb stops here, before POI parses anything). */
    public static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;
    /** Rows read per sheet. */
    public static final int MAX_ROWS = 50_000;
    /** The help sheet of a template; ignored on import. */
    public static final String HELP_SHEET_ZH = "说明";
    public static final String HELP_SHEET_EN = "help";

    private OrgWorkbook() {
    }

    /** A cell's text and where it is. */
    public record CellText(String text, SheetProblem.Place place) {
        public boolean blank() {
            return text.isBlank();
        }

        /** Where the cell is, in English, e.g. {@code Sheet 派出所, row 5, column C (常住人口)}. */
        public String where() {
            return place.toString();
        }

        /** A problem of this cell. */
        public SheetProblem problem(String key, Object... args) {
            return SheetProblem.cell(place, Text.of(key, args));
        }
    }

    /** One data row: its number as Excel shows it and its cells by column key. */
    public record DataRow(int excelRow, Map<String, CellText> cells) {
        public CellText get(String key) {
            return cells.get(key);
        }

        public String text(String key) {
            CellText c = cells.get(key);
            return c == null ? "" : c.text().strip();
        }
    }

    /** What was read: the rows of each sheet found (by sheet key) and every problem met while reading. */
    public record Read(Map<String, List<DataRow>> sheets, List<SheetProblem> problems) {
        public List<DataRow> rows(SheetDef def) {
            return sheets.getOrDefault(def.key(), List.of());
        }
    }

    // ---- writing ------------------------------------------------------------------------------------

    /** Writes the book's template in {@code lang}'s headers, with {@code rows} (by sheet key, cells by column key). */
    public static void write(OrgSheets.Book book, Locale lang, Map<String, List<Map<String, String>>> rows,
                             OutputStream out) throws IOException {
        write(book.sheets(), lang, rows, out);
    }

    /** As {@link #write(OrgSheets.Book, Locale, Map, OutputStream)} for any sheets (the house register's, core prevention). */
    public static void write(List<SheetDef> sheets, Locale lang, Map<String, List<Map<String, String>>> rows,
                             OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle required = wb.createCellStyle();
            required.cloneStyleFrom(header);
            required.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            required.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            for (SheetDef def : sheets) {
                Sheet s = wb.createSheet(def.name(lang));
                Row h = s.createRow(0);
                for (int k = 0; k < def.columns().size(); k++) {
                    Column c = def.columns().get(k);
                    Cell cell = h.createCell(k);
                    cell.setCellValue(c.header(lang));
                    cell.setCellStyle(c.required() ? required : header);
                    s.setColumnWidth(k, Math.max(12, c.header(lang).length() * 3) * 256);
                    // Codes, badge numbers and phones stay text: 0123 must not become 123.
                    s.setDefaultColumnStyle(k, text);
                    if (!c.choices().isEmpty()) {
                        DataValidationHelper dv = s.getDataValidationHelper();
                        var validation = dv.createValidation(dv.createExplicitListConstraint(c.choices().toArray(String[]::new)),
                                new CellRangeAddressList(1, 2000, k, k));
                        validation.setShowErrorBox(false);
                        s.addValidationData(validation);
                    }
                }
                List<Map<String, String>> data = rows.getOrDefault(def.key(), List.of());
                for (int r = 0; r < data.size(); r++) {
                    Row row = s.createRow(r + 1);
                    for (int k = 0; k < def.columns().size(); k++) {
                        String v = data.get(r).get(def.columns().get(k).key());
                        if (v != null && !v.isEmpty()) {
                            Cell cell = row.createCell(k);
                            cell.setCellStyle(text);
                            cell.setCellValue(v);
                        }
                    }
                }
                s.createFreezePane(0, 1);
            }
            Sheet help = wb.createSheet(OrgSheets.isEnglish(lang) ? HELP_SHEET_EN : HELP_SHEET_ZH);
            String[] head = {"工作表 sheet", "列 column", "必填 required", "说明 what it takes"};
            Row hr = help.createRow(0);
            for (int k = 0; k < head.length; k++) {
                Cell c = hr.createCell(k);
                c.setCellValue(head[k]);
                c.setCellStyle(header);
            }
            int r = 1;
            for (SheetDef def : sheets) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(def.zh() + " / " + def.en());
                row.createCell(3).setCellValue(def.help());
                for (Column c : def.columns()) {
                    Row cr = help.createRow(r++);
                    cr.createCell(1).setCellValue(c.zh() + " / " + c.en());
                    cr.createCell(2).setCellValue(c.required() ? "是 yes" : "");
                    cr.createCell(3).setCellValue(c.help());
                }
            }
            help.setColumnWidth(0, 22 * 256);
            help.setColumnWidth(1, 26 * 256);
            help.setColumnWidth(3, 90 * 256);
            wb.write(out);
        }
    }

    // ---- reading ------------------------------------------------------------------------------------

    /**
     * Reads {@code file} as {@code book}: every sheet the book knows that the file has, by header. Problems: the
     * file is too large or not a workbook; a sheet has none of the book's names; a header is unknown or repeated; a
     * required column is missing; a sheet has more than {@link #MAX_ROWS} rows.
     */
    public static Read read(OrgSheets.Book book, byte[] file, String fileName) {
        return read(book.name().toLowerCase(Locale.ROOT), book.sheets(), file, fileName);
    }

    /** As {@link #read(OrgSheets.Book, byte[], String)} for any sheets; {@code bookName} names the workbook in problems. */
    public static Read read(String bookName, List<SheetDef> bookSheets, byte[] file, String fileName) {
        List<SheetProblem> problems = new ArrayList<>();
        Map<String, List<DataRow>> sheets = new LinkedHashMap<>();
        if (file.length > MAX_FILE_BYTES) {
            problems.add(SheetProblem.file(SheetProblem.Kind.TOO_LARGE,
                    Text.of("core.sheet.file.tooLarge", fileName, MAX_FILE_BYTES / (1024 * 1024))));
            return new Read(sheets, problems);
        }
        SheetProblem unpacked = unpackedTooLarge(file, fileName);
        if (unpacked != null) {
            problems.add(unpacked);
            return new Read(sheets, problems);
        }
        Workbook wb;
        try {
            wb = new XSSFWorkbook(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            LOG.info("{} not opened as a workbook: {}", fileName, e.toString());
            problems.add(SheetProblem.file(SheetProblem.Kind.NOT_WORKBOOK, Text.of("core.sheet.file.notWorkbook", fileName)));
            return new Read(sheets, problems);
        }
        try (wb) {
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet s = wb.getSheetAt(i);
                String name = s.getSheetName();
                if (OrgSheets.normalise(name).equals(OrgSheets.normalise(HELP_SHEET_ZH))
                        || OrgSheets.normalise(name).equals(OrgSheets.normalise(HELP_SHEET_EN))) {
                    continue;
                }
                SheetDef def = bookSheets.stream().filter(d -> d.matches(name)).findFirst().orElse(null);
                if (def == null) {
                    problems.add(SheetProblem.sheet(name, Text.of("core.sheet.unknown", bookName, String.join(", ",
                            bookSheets.stream().map(d -> d.zh() + "/" + d.en()).toList()))));
                    continue;
                }
                if (sheets.containsKey(def.key())) {
                    problems.add(SheetProblem.sheet(name, Text.of("core.sheet.twice", def.zh() + "/" + def.en())));
                    continue;
                }
                sheets.put(def.key(), readSheet(def, s, fmt, problems));
            }
        } catch (IOException e) {
            LOG.info("{} not read: {}", fileName, e.toString());
            problems.add(SheetProblem.file(SheetProblem.Kind.NOT_WORKBOOK, Text.of("core.sheet.file.damaged", fileName)));
        }
        if (sheets.isEmpty() && problems.isEmpty()) {
            problems.add(SheetProblem.file(SheetProblem.Kind.FILE, Text.of("core.sheet.file.noSheet", fileName,
                    String.join(", ", bookSheets.stream().map(d -> d.zh() + "/" + d.en()).toList()))));
        }
        return new Read(sheets, problems);
    }

    private static List<DataRow> readSheet(SheetDef def, Sheet s, DataFormatter fmt, List<SheetProblem> problems) {
        String name = s.getSheetName();
        Row header = s.getRow(s.getFirstRowNum() < 0 ? 0 : s.getFirstRowNum());
        if (header == null) {
            return List.of();
        }
        int headerRow = header.getRowNum();
        Map<Integer, Column> columns = new LinkedHashMap<>();
        for (int k = 0; k < header.getLastCellNum(); k++) {
            String h = fmt.formatCellValue(header.getCell(k)).strip();
            if (h.isEmpty()) {
                continue;
            }
            SheetProblem.Place where = place(name, headerRow, k, h);
            var col = def.column(h);
            if (col.isEmpty()) {
                problems.add(SheetProblem.cell(where, Text.of("core.sheet.header.unknown", def.zh(), String.join(", ",
                        def.columns().stream().map(c -> c.zh() + "/" + c.en()).toList()))));
            } else if (columns.containsValue(col.get())) {
                problems.add(SheetProblem.cell(where, Text.of("core.sheet.header.twice", col.get().zh() + "/" + col.get().en())));
            } else {
                columns.put(k, col.get());
            }
        }
        for (Column c : def.columns()) {
            if (c.required() && !columns.containsValue(c)) {
                problems.add(SheetProblem.row(name, headerRow + 1, Text.of("core.sheet.header.missing", c.zh() + "/" + c.en())));
            }
        }
        int last = s.getLastRowNum();
        if (last - headerRow > MAX_ROWS) {
            problems.add(SheetProblem.sheetSentence(name, Text.of("core.sheet.tooManyRows", name, last - headerRow, MAX_ROWS)));
            return List.of();
        }
        List<DataRow> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= last; r++) {
            Row row = s.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, CellText> cells = new LinkedHashMap<>();
            boolean any = false;
            for (Map.Entry<Integer, Column> e : columns.entrySet()) {
                String v = text(row.getCell(e.getKey()), fmt);
                any |= !v.isBlank();
                cells.put(e.getValue().key(), new CellText(v, place(name, r, e.getKey(), e.getValue().zh())));
            }
            if (any) {
                rows.add(new DataRow(r + 1, cells));
            }
        }
        return rows;
    }

    /** A cell as text: a whole number without ".0" or grouping, other numbers as typed, text stripped. */
    private static String text(Cell c, DataFormatter fmt) {
        if (c == null) {
            return "";
        }
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        if (t == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)) {
            double d = c.getNumericCellValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        if (t == CellType.STRING) {
            return c.getStringCellValue().strip();
        }
        return fmt.formatCellValue(c).strip();
    }

    static SheetProblem.Place place(String sheet, int row, int col, String header) {
        return new SheetProblem.Place(sheet, row + 1, CellReference.convertNumToColString(col), header);
    }

    /**
     * Unpacks the workbook's parts as a stream, counting (never keeping) the bytes: null when they stay within
     * {@link #MAX_UNPACKED_BYTES}, else why not.
     */
    static SheetProblem unpackedTooLarge(byte[] file, String fileName) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            int entries = 0;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > 10_000) {
                    return SheetProblem.file(SheetProblem.Kind.TOO_LARGE, Text.of("core.sheet.file.manyParts", fileName));
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        return SheetProblem.file(SheetProblem.Kind.TOO_LARGE, Text.of("core.sheet.file.unpacksLarge",
                                fileName, MAX_UNPACKED_BYTES / (1024 * 1024), e.getName()));
                    }
                }
            }
            if (entries == 0) {
                return SheetProblem.file(SheetProblem.Kind.NOT_WORKBOOK, Text.of("core.sheet.file.notZip", fileName));
            }
        } catch (IOException | RuntimeException e) {
            return SheetProblem.file(SheetProblem.Kind.NOT_WORKBOOK, Text.of("core.sheet.file.badZip", fileName));
        }
        return null;
    }
}
