package org.commandroom.core.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commandroom.core.io.FileLimit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A history file read into memory: its header and its rows as text. CSV (UTF-8, with or without a byte-order mark,
 * else GB18030 as Chinese Excel writes it; comma, semicolon or tab separated) or the first sheet of an .xlsx
 * workbook, whose date cells become {@code yyyy-MM-dd HH:mm:ss} text ({@link TimeFormat#YMD_DASH}).
 *
 * @param fileName as the user named it
 * @param header   the column names, stripped, in file order
 * @param rows     the data rows, each as long as the header
 * @param lines    for each row, the line (CSV) or row (Excel) number a person would look for, the header being 1
 */
public record HistoryTable(String fileName, List<String> header, List<List<String>> rows, List<Integer> lines) {

    /** Largest file read (bytes). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    /** {@link #MAX_BYTES}, stated before a table is chosen. */
    public static final FileLimit LIMIT = new FileLimit(MAX_BYTES);
    /** Most data rows read. */
    public static final int MAX_ROWS = 500_000;
    /**
     * What an .xlsx's parts may unpack to in all, counted before the workbook is built in memory (ten times its XML
     * or more): a 3.7 MB workbook whose two parts unpack to 60 MB each took 42 s of a 2 GB heap and one of three 95 MB
     * parts exhausts the installer's 1 GB. About 200,000 rows of ten columns; a longer history goes as CSV.
     */
    public static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    public HistoryTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
    }

    /** Why a file could not be read at all. */
    public static final class Unreadable extends Exception {
        /** What is wrong with the file. */
        public enum Why { EMPTY, TOO_LARGE, TOO_MANY_ROWS, NOT_A_TABLE, DUPLICATE_HEADER }

        private final Why why;

        public Unreadable(Why why, String message) {
            super(message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** Reads a CSV or .xlsx file (by its name's ending; a file that starts as a zip is taken for .xlsx). */
    public static HistoryTable read(byte[] file, String fileName) throws Unreadable {
        if (file.length == 0) {
            throw new Unreadable(Unreadable.Why.EMPTY, "File " + fileName + " is empty");
        }
        if (file.length > MAX_BYTES) {
            throw new Unreadable(Unreadable.Why.TOO_LARGE, "File " + fileName + " is larger than " + MAX_BYTES + " bytes");
        }
        boolean zip = file.length > 4 && file[0] == 'P' && file[1] == 'K';
        if (zip || fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return readXlsx(file, fileName);
        }
        return readCsv(file, fileName);
    }

    private static HistoryTable readCsv(byte[] file, String fileName) throws Unreadable {
        String text = decode(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().findFirst().orElse("");
        char sep = ',';
        if (count(first, '\t') > count(first, ',')) {
            sep = '\t';
        } else if (count(first, ';') > count(first, ',')) {
            sep = ';';
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(sep).setIgnoreEmptyLines(true).get();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c == null ? "" : c));
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new Unreadable(Unreadable.Why.TOO_MANY_ROWS, "File " + fileName + " has more than " + MAX_ROWS + " rows");
                }
                rows.add(fit(cells, header.size()));
                lines.add((int) parser.getCurrentLineNumber());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new Unreadable(Unreadable.Why.NOT_A_TABLE, "File " + fileName + " is not a CSV table: "
                    + org.commandroom.core.text.Unparsable.csv(e).english());
        }
        return checked(fileName, header, rows, lines);
    }

    private static HistoryTable readXlsx(byte[] file, String fileName) throws Unreadable {
        unpackedWithinLimit(file, fileName);
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        DataFormatter plain = new DataFormatter(Locale.ROOT);
        DateTimeFormatter dateText = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            if (book.getNumberOfSheets() == 0) {
                throw new Unreadable(Unreadable.Why.EMPTY, "File " + fileName + " has no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                int width = header == null ? Math.max(0, row.getLastCellNum()) : header.size();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    String v;
                    if (cell == null) {
                        v = "";
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        LocalDateTime t = cell.getLocalDateTimeCellValue();
                        v = t == null ? "" : t.format(dateText);
                    } else if (cell.getCellType() == CellType.FORMULA) {
                        v = plain.formatCellValue(cell, book.getCreationHelper().createFormulaEvaluator());
                    } else {
                        v = plain.formatCellValue(cell);
                    }
                    cells.add(v);
                }
                if (header == null) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    header = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new Unreadable(Unreadable.Why.TOO_MANY_ROWS, "File " + fileName + " has more than " + MAX_ROWS + " rows");
                }
                rows.add(cells);
                lines.add(row.getRowNum() + 1);
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(Unreadable.Why.NOT_A_TABLE, "File " + fileName + " is not an .xlsx workbook that can be read");
        }
        return checked(fileName, header, rows, lines);
    }

    /** Unpacks the parts as a stream, counting and never keeping the bytes; the sizes the zip declares are not trusted. */
    private static void unpackedWithinLimit(byte[] file, String fileName) throws Unreadable {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(file))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new Unreadable(Unreadable.Why.TOO_LARGE, "File " + fileName + " unpacks to more than "
                                + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB (part " + e.getName() + "); save a history "
                                + "this long as CSV");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(Unreadable.Why.NOT_A_TABLE, "File " + fileName + " is not an .xlsx workbook that can be read");
        }
    }

    private static HistoryTable checked(String fileName, List<String> header, List<List<String>> rows,
                                        List<Integer> lines) throws Unreadable {
        if (header == null || header.stream().allMatch(String::isBlank)) {
            throw new Unreadable(Unreadable.Why.EMPTY, "File " + fileName + " has no header row");
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String h : header) {
            if (!h.isBlank() && seen.merge(h, 1, Integer::sum) > 1) {
                throw new Unreadable(Unreadable.Why.DUPLICATE_HEADER, "File " + fileName + ": column '" + h
                        + "' appears twice in the header");
            }
        }
        return new HistoryTable(fileName, header, rows, lines);
    }

    private static List<String> fit(List<String> cells, int width) {
        List<String> out = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
        while (out.size() < width) {
            out.add("");
        }
        return out;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    private static String decode(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return new String(file, Charset.forName("GB18030"));
        }
    }

    /** The column's index, or -1. */
    public int column(String name) {
        return name == null ? -1 : header.indexOf(name);
    }

    /** A cell, stripped; blank for a column not in the file. */
    public String cell(int row, int column) {
        return column < 0 ? "" : rows.get(row).get(column).strip();
    }

    /** The first {@code n} non-blank values of a column. */
    public List<String> samples(String column, int n) {
        int c = column(column);
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.size() && out.size() < n && c >= 0; r++) {
            String v = cell(r, c);
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /** The distinct non-blank values of a column with how many rows have each, most frequent first. */
    public Map<String, Integer> distinct(String column) {
        int c = column(column);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < rows.size() && c >= 0; r++) {
            String v = cell(r, c);
            if (!v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
