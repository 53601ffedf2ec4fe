package org.commandroom.core.prevention;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commandroom.core.io.FileLimit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.commandroom.core.geo.io.ImportProblem;
import org.commandroom.core.text.Text;

/**
 * Reads the water company's meter readings (水表查抄数据) from CSV, UTF-8, one reading a line (docs/PREVENTION.md, "The
 * readings file"): 表号 meter, 地址 address, 门牌号 house number, 抄表日期 date, 读数 reading (cumulative m³). Headers in
 * Chinese or English, case, blanks and a {@code *} ignored; other columns are ignored.
 *
 * <p>Every problem is named with its line and column, and one problem rejects the file. Limits: {@link #MAX_BYTES}
 * and {@link #MAX_ROWS}.
 */
public final class MeterReadingCsv {

    /** A file larger than this is refused unread (a year of monthly readings of 300,000 flats is about 15 MB). */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    /** {@link #MAX_BYTES}, stated before a readings file is chosen and checked before it is read. */
    public static final FileLimit LIMIT = new FileLimit(MAX_BYTES);
    /** At most this many readings a file. */
    public static final int MAX_ROWS = 1_000_000;
    /** At most this many problems are listed; the rest are counted. */
    static final int MAX_PROBLEMS = 200;
    /** The largest reading taken for a meter's count (m³). */
    static final double MAX_READING = 10_000_000;

    /** The columns, each with the header spellings it is known by (folded: lower case, no blanks, no '*'). */
    enum Column {
        METER("core.meter.column.meter", "表号", "meter", "表号", "水表号", "meter", "meterno", "meter_no"),
        ADDRESS("core.meter.column.address", "地址", "address", "地址", "address"),
        HOUSE_NO("core.meter.column.houseNo", "门牌号", "house number", "门牌号", "门牌", "housenumber", "houseno", "house_no"),
        DATE("core.meter.column.date", "抄表日期", "date", "抄表日期", "日期", "date", "readon", "read_on"),
        READING("core.meter.column.reading", "读数", "reading", "读数", "表读数", "reading");

        final String key;
        final String zh;
        final String en;
        final List<String> names;

        Column(String key, String zh, String en, String... names) {
            this.key = key;
            this.zh = zh;
            this.en = en;
            this.names = List.of(names);
        }
    }

    /** The readings of an accepted file in file order, or the problems of a rejected one (then no readings). */
    public record Read(List<MeterReading> readings, List<ImportProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private static final Pattern METER = Pattern.compile("[A-Za-z0-9_\\-]{1,32}");
    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private MeterReadingCsv() {
    }

    /** The file's header line as the template has it (Chinese). */
    public static String header() {
        return String.join(",", Arrays.stream(Column.values()).map(c -> c.zh).toList());
    }

    public static Read read(byte[] content) {
        if (content.length > MAX_BYTES) {
            return rejected(Text.of("core.meter.tooLarge", content.length / (1024 * 1024), MAX_BYTES / (1024 * 1024)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return rejected(Text.of("core.meter.notUnicode"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return rejected(Text.of("core.meter.empty", header()));
        }
        org.commandroom.core.text.CsvLines lines = new org.commandroom.core.text.CsvLines(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        List<MeterReading> out = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int[] more = {0};
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Column, Integer> columns = null;
            Map<String, Integer> firstLine = new HashMap<>();
            Map<String, MeterReading> firstOfMeter = new HashMap<>();
            for (CSVRecord record : parser) {
                int line = lines.lineOfRecordAt(record.getCharacterPosition());
                if (columns == null) {
                    columns = columns(record, problems);
                    if (columns == null) {
                        return new Read(List.of(), problems);
                    }
                    continue;
                }
                if (out.size() >= MAX_ROWS) {
                    return rejected(Text.of("core.meter.tooManyRows", MAX_ROWS));
                }
                MeterReading r = row(record, line, columns, problems, more);
                if (r == null) {
                    continue;
                }
                String key = r.meterNo() + "|" + r.readOn();
                Integer before = firstLine.putIfAbsent(key, line);
                if (before != null) {
                    problem(problems, more, line, Column.DATE, Text.of("core.meter.twice", r.meterNo(), r.readOn(), before));
                    continue;
                }
                MeterReading first = firstOfMeter.putIfAbsent(r.meterNo(), r);
                if (first != null && !first.houseKey().equals(r.houseKey())) {
                    problem(problems, more, line, Column.ADDRESS, Text.of("core.meter.moved", r.meterNo(),
                            first.address() + " " + first.houseNo(), first.line()));
                    continue;
                }
                out.add(r);
            }
            if (columns == null) {
                return rejected(Text.of("core.meter.empty", header()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            problems.add(new ImportProblem(Text.of("core.meter.where.file"), Text.of("core.meter.malformed",
                    org.commandroom.core.text.Unparsable.csv(root))));
        }
        if (problems.isEmpty() && out.isEmpty()) {
            return rejected(Text.of("core.meter.noLines"));
        }
        if (more[0] > 0) {
            problems.add(new ImportProblem(Text.of("core.meter.where.file"), Text.of("core.meter.more", more[0])));
        }
        return new Read(problems.isEmpty() ? List.copyOf(out) : List.of(), List.copyOf(problems));
    }

    private static Map<Column, Integer> columns(CSVRecord header, List<ImportProblem> problems) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT).replace("*", "").replaceAll("\\s+", "");
            for (Column c : Column.values()) {
                if (c.names.contains(name)) {
                    if (found.putIfAbsent(c, i) != null) {
                        problems.add(new ImportProblem(Text.of("core.meter.where.line", 1),
                                Text.of("core.meter.columnTwice", header.get(i))));
                    }
                }
            }
        }
        List<String> missing = Arrays.stream(Column.values()).filter(c -> !found.containsKey(c)).map(c -> c.zh + "/" + c.en).toList();
        if (!missing.isEmpty()) {
            problems.add(new ImportProblem(Text.of("core.meter.where.line", 1),
                    Text.of("core.meter.missingColumns", String.join(", ", missing), header())));
        }
        return problems.isEmpty() ? found : null;
    }

    private static MeterReading row(CSVRecord record, int line, Map<Column, Integer> columns, List<ImportProblem> problems,
                                    int[] more) {
        int before = problems.size() + more[0];
        String meter = cell(record, columns.get(Column.METER));
        String address = org.commandroom.core.intake.AddressText.clean(cell(record, columns.get(Column.ADDRESS)));
        String houseNo = org.commandroom.core.intake.AddressText.clean(cell(record, columns.get(Column.HOUSE_NO)));
        String day = cell(record, columns.get(Column.DATE));
        String value = cell(record, columns.get(Column.READING));
        if (!METER.matcher(meter).matches()) {
            problem(problems, more, line, Column.METER, meter.isEmpty() ? Text.of("core.meter.blank")
                    : Text.of("core.meter.badMeter", meter));
        }
        if (address.isEmpty() || address.length() > 200) {
            problem(problems, more, line, Column.ADDRESS, address.isEmpty() ? Text.of("core.meter.blank")
                    : Text.of("core.meter.tooLong", 200));
        }
        if (houseNo.isEmpty() || houseNo.length() > 50) {
            problem(problems, more, line, Column.HOUSE_NO, houseNo.isEmpty() ? Text.of("core.meter.blank")
                    : Text.of("core.meter.tooLong", 50));
        }
        LocalDate readOn = day(day);
        if (readOn == null) {
            problem(problems, more, line, Column.DATE, day.isEmpty() ? Text.of("core.meter.blank")
                    : Text.of("core.meter.badDate", day));
        }
        Double reading = null;
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d) && d >= 0 && d <= MAX_READING) {
                reading = d;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        if (reading == null) {
            problem(problems, more, line, Column.READING, value.isEmpty() ? Text.of("core.meter.blank")
                    : Text.of("core.meter.badReading", value, (long) MAX_READING));
        }
        if (problems.size() + more[0] > before) {
            return null;
        }
        return new MeterReading(line, meter, address, houseNo, readOn, reading);
    }

    /** yyyy-mm-dd, also yyyy/m/d, yyyy.m.d and yyyy年m月d日; null when not a day. */
    static LocalDate day(String text) {
        Matcher m = DAY.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).strip() : "";
    }

    static void problem(List<ImportProblem> problems, int[] more, int line, Column column, Text what) {
        if (problems.size() >= MAX_PROBLEMS) {
            more[0]++;
            return;
        }
        problems.add(new ImportProblem(where(line, column), what));
    }

    static Text where(int line, Column column) {
        return Text.of("core.meter.where.cell", line, Text.of(column.key));
    }

    private static Read rejected(Text why) {
        return new Read(List.of(), List.of(new ImportProblem(Text.of("core.meter.where.file"), why)));
    }
}
