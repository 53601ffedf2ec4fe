package org.commandroom.core.prevention.tasks;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;
import org.commandroom.core.org.OrgSheets.Column;
import org.commandroom.core.org.OrgSheets.SheetDef;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.org.OrgWorkbook.CellText;
import org.commandroom.core.org.OrgWorkbook.DataRow;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.text.CsvLines;
import org.commandroom.core.text.Text;

/**
 * The standard-task library as a sheet (docs/PREVENTION.md): one task per row, headers in Chinese or English, in an
 * .xlsx workbook (read as the organisation's, core org OrgWorkbook) or a CSV file (UTF-8, or GB18030 as Excel saves a
 * Chinese CSV). The product's default set is a CSV of this form and is read by the same code.
 *
 * <p>Every cell is checked and every problem named with its sheet (for a CSV: the file), row and column; a file with
 * any problem gives no tasks.
 */
public final class StandardTaskSheet {

    /** The bundled default library, a CSV of this sheet. */
    public static final String DEFAULTS = "standard-tasks.csv";
    /** The largest file read (a bureau's 117 tasks are well under 100 KB). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Rows read. */
    public static final int MAX_ROWS = 2000;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final Pattern LIMIT = Pattern.compile("(\\d{1,4})\\s*(小时|时|h|H|hours?|天|日|d|D|days?)?");
    private static final Pattern ITEM_SEPARATORS = Pattern.compile("[；;|\\n]+");

    private StandardTaskSheet() {
    }

    private static Column col(String key, String zh, String en, boolean required, String help) {
        return new Column(key, zh, en, required, List.of(), help);
    }

    public static final SheetDef TASKS = new SheetDef("tasks", "标准件", "standard tasks", List.of(
            col("code", "编码", "code", true, "字母、数字、- 和 _，最多 32 个; re-import updates by the code"),
            col("title_zh", "名称", "title", true, "中文名称, at most 100 characters"),
            col("title_en", "英文名称", "English title", false, "at most 200 characters (blank: the Chinese title)"),
            col("lead", "牵头部门", "lead department", true, "如 社区警务队、治安管理大队; at most 100 characters"),
            col("basis", "任务依据", "basis", true, "法律法规或工作规定, at most 1000 characters"),
            col("measures", "任务措施", "measures", true, "at most 2000 characters"),
            col("completion", "办结标准", "standard of completion", true, "at most 1000 characters"),
            col("time_limit", "时限", "time limit", true, "如 24小时、3天、36h、7d; a bare number is hours; at most 90 days"),
            col("items", "反馈项", "feedback items", true, "反馈必须填写的项目，以 ； ; | 或换行分隔; at most 20, "
                    + "each at most 40 characters"),
            col("active", "启用", "active", false, "是/否 (blank: 是); a task set to 否 is kept but not offered")),
            "标准件 one standard task per row; re-import updates by code, never deletes");

    /** What a file held: the tasks in file order, or the problems (then no tasks). */
    public record Read(List<LibraryTask> tasks, List<SheetProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** Reads an .xlsx (by its zip signature) or else a CSV. */
    public static Read read(byte[] file, String fileName) {
        if (file.length > MAX_BYTES) {
            return rejected(SheetProblem.file(SheetProblem.Kind.TOO_LARGE,
                    Text.of("core.stdtask.file.tooLarge", fileName, MAX_BYTES / (1024 * 1024))));
        }
        if (file.length >= 2 && file[0] == 'P' && file[1] == 'K') {
            OrgWorkbook.Read read = OrgWorkbook.read("standard task", List.of(TASKS), file, fileName);
            if (!read.problems().isEmpty()) {
                return new Read(List.of(), read.problems());
            }
            return check(read.rows(TASKS), TASKS.zh(), fileName);
        }
        return readCsv(file, fileName);
    }

    private static Read rejected(SheetProblem p) {
        return new Read(List.of(), List.of(p));
    }

    static Read readCsv(byte[] file, String fileName) {
        String text = decode(file);
        if (text == null) {
            return rejected(SheetProblem.file(SheetProblem.Kind.FILE, Text.of("core.stdtask.file.notText", fileName)));
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CsvLines lines = new CsvLines(text);
        List<SheetProblem> problems = new ArrayList<>();
        List<DataRow> rows = new ArrayList<>();
        int lastLine = 1;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Integer, Column> columns = null;
            for (CSVRecord rec : parser) {
                int line = lines.lineOfRecordAt(rec.getCharacterPosition());
                lastLine = line;
                if (columns == null) {
                    columns = header(rec, line, fileName, problems);
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    problems.add(SheetProblem.file(SheetProblem.Kind.TOO_LARGE,
                            Text.of("core.stdtask.file.tooManyRows", fileName, MAX_ROWS)));
                    break;
                }
                Map<String, CellText> cells = new LinkedHashMap<>();
                boolean any = false;
                for (Map.Entry<Integer, Column> e : columns.entrySet()) {
                    String v = e.getKey() < rec.size() ? rec.get(e.getKey()).strip() : "";
                    any |= !v.isEmpty();
                    cells.put(e.getValue().key(), new CellText(v, new SheetProblem.Place(fileName, line,
                            CellReference.convertNumToColString(e.getKey()), e.getValue().zh())));
                }
                if (any) {
                    rows.add(new DataRow(line, cells));
                }
            }
            if (columns == null) {
                problems.add(SheetProblem.file(SheetProblem.Kind.FILE, Text.of("core.stdtask.file.empty", fileName)));
            }
        } catch (IOException | RuntimeException e) {
            // Commons CSV's own message is for developers; the operator is told where to look.
            problems.add(SheetProblem.file(SheetProblem.Kind.FILE, Text.of("core.stdtask.file.malformed", fileName, lastLine)));
        }
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        return check(rows, fileName, fileName);
    }

    /** UTF-8 if the bytes are UTF-8, else GB18030 (a Chinese Excel's "CSV"), else null. */
    private static String decode(byte[] file) {
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            } catch (CharacterCodingException e) {
                // the next charset
            }
        }
        return null;
    }

    private static Map<Integer, Column> header(CSVRecord rec, int line, String fileName, List<SheetProblem> problems) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        for (int k = 0; k < rec.size(); k++) {
            String h = rec.get(k).strip();
            if (h.isEmpty()) {
                continue;
            }
            SheetProblem.Place where = new SheetProblem.Place(fileName, line, CellReference.convertNumToColString(k), h);
            var c = TASKS.column(h);
            if (c.isEmpty()) {
                problems.add(SheetProblem.cell(where, Text.of("core.sheet.header.unknown", TASKS.zh(), String.join(", ",
                        TASKS.columns().stream().map(x -> x.zh() + "/" + x.en()).toList()))));
            } else if (columns.containsValue(c.get())) {
                problems.add(SheetProblem.cell(where, Text.of("core.sheet.header.twice", c.get().zh() + "/" + c.get().en())));
            } else {
                columns.put(k, c.get());
            }
        }
        for (Column c : TASKS.columns()) {
            if (c.required() && !columns.containsValue(c)) {
                problems.add(SheetProblem.row(fileName, line, Text.of("core.sheet.header.missing", c.zh() + "/" + c.en())));
            }
        }
        return columns;
    }

    /** Checks every row; {@code sheet} names the sheet (or file) in problems of a whole row. */
    static Read check(List<DataRow> rows, String sheet, String fileName) {
        List<SheetProblem> problems = new ArrayList<>();
        List<LibraryTask> tasks = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (DataRow row : rows) {
            LibraryTask t = task(row, sheet, problems);
            if (t == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(t.code().toUpperCase(Locale.ROOT), row.excelRow());
            if (earlier != null) {
                problems.add(row.get("code").problem("core.stdtask.twice", t.code(), earlier));
                continue;
            }
            tasks.add(t);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(SheetProblem.file(SheetProblem.Kind.FILE, Text.of("core.stdtask.file.noRows", fileName)));
        }
        return problems.isEmpty() ? new Read(List.copyOf(tasks), List.of()) : new Read(List.of(), problems);
    }

    private static LibraryTask task(DataRow row, String sheet, List<SheetProblem> problems) {
        int before = problems.size();
        String code = text(row, sheet, "code", true, 32, problems);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(row.get("code").problem("core.stdtask.code", code));
        }
        String zh = text(row, sheet, "title_zh", true, 100, problems);
        String en = text(row, sheet, "title_en", false, 200, problems);
        String lead = text(row, sheet, "lead", true, 100, problems);
        String basis = text(row, sheet, "basis", true, 1000, problems);
        String measures = text(row, sheet, "measures", true, 2000, problems);
        String completion = text(row, sheet, "completion", true, 1000, problems);
        String limitCell = text(row, sheet, "time_limit", true, 20, problems);
        int hours = 0;
        if (limitCell != null) {
            hours = hours(limitCell);
            if (hours < 1 || hours > LibraryTask.MAX_HOURS) {
                problems.add(row.get("time_limit").problem("core.stdtask.limit", limitCell));
            }
        }
        List<String> items = List.of();
        String itemsCell = text(row, sheet, "items", true, 1000, problems, true);
        if (itemsCell != null) {
            items = items(itemsCell);
            String problem = itemsProblem(items);
            if (problem != null) {
                problems.add(row.get("items").problem(problem, LibraryTask.MAX_ITEMS, LibraryTask.MAX_ITEM_LENGTH));
            }
        }
        boolean active = true;
        String activeCell = text(row, sheet, "active", false, 10, problems);
        if (activeCell != null) {
            Boolean a = yesNo(activeCell);
            if (a == null) {
                problems.add(row.get("active").problem("core.stdtask.active", activeCell));
            } else {
                active = a;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new LibraryTask(code, zh, en, lead, basis, measures, completion, hours, items, active);
    }

    /** Hours of a time-limit cell ({@code 24小时}, {@code 3天}, {@code 36h}, {@code 7d}, {@code 24}), or -1. */
    public static int hours(String cell) {
        Matcher m = LIMIT.matcher(cell.strip());
        if (!m.matches()) {
            return -1;
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2) == null ? "h" : m.group(2).toLowerCase(Locale.ROOT);
        boolean days = unit.startsWith("d") || unit.equals("天") || unit.equals("日");
        return days ? n * 24 : n;
    }

    /** The items of a cell, stripped, blanks left out. */
    public static List<String> items(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : ITEM_SEPARATORS.split(cell)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Null if the items are acceptable, else the key of what is wrong (arguments: max items, max length). */
    public static String itemsProblem(List<String> items) {
        if (items.isEmpty()) {
            return "core.stdtask.items.none";
        }
        if (items.size() > LibraryTask.MAX_ITEMS) {
            return "core.stdtask.items.many";
        }
        if (items.stream().anyMatch(i -> i.codePointCount(0, i.length()) > LibraryTask.MAX_ITEM_LENGTH)) {
            return "core.stdtask.items.long";
        }
        if (items.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().count() < items.size()) {
            return "core.stdtask.items.twice";
        }
        return null;
    }

    private static Boolean yesNo(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "是", "启用", "yes", "y", "true", "1" -> Boolean.TRUE;
            case "否", "停用", "no", "n", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String text(DataRow row, String sheet, String key, boolean required, int max, List<SheetProblem> problems) {
        return text(row, sheet, key, required, max, problems, false);
    }

    private static String text(DataRow row, String sheet, String key, boolean required, int max, List<SheetProblem> problems,
                               boolean newlines) {
        CellText c = row.get(key);
        String v = c == null ? "" : c.text().strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add(c == null ? SheetProblem.row(sheet, row.excelRow(), Text.of("core.stdtask.column.missing", key))
                        : c.problem("core.org.cell.required"));
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(c.problem("core.house.tooLong", max));
            return null;
        }
        if (v.chars().anyMatch(ch -> ch < 0x20 && !(newlines && (ch == '\n' || ch == '\r')))) {
            problems.add(c.problem("core.org.cell.control"));
            return null;
        }
        return v;
    }
}
