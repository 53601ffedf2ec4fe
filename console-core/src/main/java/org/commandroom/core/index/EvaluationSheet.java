package org.commandroom.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.commandroom.core.io.FileLimit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.core.job.JobCancelled;
import org.commandroom.core.job.JobProgress;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation sheet (评估表) as an .xlsx workbook: a template per period for departments to fill in the
 * manual indicators, its import (every cell checked; one bad cell rejects the whole file and nothing is
 * written), and the export of the evaluation table (scores of every station for a period).
 *
 * <p>Template layout, sheet "评估表": B1 the period as "MONTH 2026-10-01"; row 2 the indicator ids from
 * column C on; row 3 their names and units; from row 4 one station per row, code in A and name in B.
 * Cells already holding the value in force are pre-filled; importing them again records nothing new.
 */
public final class EvaluationSheet {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationSheet.class);

    public static final String SHEET = "评估表";
    public static final String HELP_SHEET = "说明";
    private static final int ID_ROW = 1;
    private static final int FIRST_STATION_ROW = 3;
    private static final int FIRST_INDICATOR_COL = 2;

    /**
     * The outcome of an import: accepted with the number of entries recorded, or rejected with every problem, each in
     * words the screen says in its user's language.
     */
    public record ImportResult(boolean accepted, Period period, int recorded, int unchanged, Set<Long> stations,
                               List<Text> problems) {

        /** The problems in {@code locale}'s language, one line each. */
        public List<String> problemLines(java.util.Locale locale) {
            return problems.stream().map(t -> t.in(locale)).toList();
        }
    }

    private final ManualScores manual;
    private final IndexTrace trace;

    public EvaluationSheet(ManualScores manual, IndexTrace trace) {
        this(manual, trace, false);
    }

    /**
     * @param exercise on a drill database: every workbook written says so (its title and subject, each sheet's printed
     *                 header and a red tab), without a row that would move the template's cells and break its re-import
     */
    public EvaluationSheet(ManualScores manual, IndexTrace trace, boolean exercise) {
        this.manual = manual;
        this.trace = trace;
        this.exercise = exercise;
    }

    private final boolean exercise;

    /** Marks a workbook made on a drill database (see {@link #EvaluationSheet(ManualScores, IndexTrace, boolean)}). */
    private void markExercise(Workbook wb) {
        if (!exercise) {
            return;
        }
        if (wb instanceof XSSFWorkbook x) {
            var props = x.getProperties().getCoreProperties();
            props.setTitle(org.commandroom.core.text.ExerciseMark.MARK);
            props.setSubjectProperty(org.commandroom.core.text.ExerciseMark.MARK);
        }
        for (Sheet sheet : wb) {
            sheet.getHeader().setCenter(org.commandroom.core.text.ExerciseMark.MARK);
            sheet.getFooter().setCenter(org.commandroom.core.text.ExerciseMark.MARK);
            if (sheet instanceof org.apache.poi.xssf.usermodel.XSSFSheet xs) {
                xs.setTabColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[] {(byte) 0xD3, 0x2F, 0x2F}, null));
            }
        }
    }

    /** Writes the template for a period: every station, every manual indicator, current values filled in. */
    public void writeTemplate(Period period, OutputStream out) throws IOException {
        writeTemplate(period, out, JobProgress.NONE);
    }

    /** As {@link #writeTemplate(Period, OutputStream)}, saying how far it is and stopping at a cancel before writing. */
    public void writeTemplate(Period period, OutputStream out, JobProgress progress) throws IOException {
        IndexDefinition def = manual.definitions().current();
        List<IndicatorDef> indicators = def.manualIndicators();
        try (Workbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet s = wb.createSheet(SHEET);
            Row r0 = s.createRow(0);
            text(r0, 0, "期间", st.header);
            text(r0, 1, period.toString(), null);
            text(r0, 2, period.label() + " 主防指数评估表(定义版本 " + def.version() + ")", st.header);
            Row ids = s.createRow(ID_ROW);
            Row names = s.createRow(ID_ROW + 1);
            text(ids, 0, "单位编码", st.header);
            text(ids, 1, "单位名称", st.header);
            text(names, 0, "", st.header);
            text(names, 1, "", st.header);
            for (int k = 0; k < indicators.size(); k++) {
                IndicatorDef d = indicators.get(k);
                text(ids, FIRST_INDICATOR_COL + k, d.id(), st.header);
                text(names, FIRST_INDICATOR_COL + k, d.nameZh() + "(" + d.unit() + ")", st.header);
                s.setColumnWidth(FIRST_INDICATOR_COL + k, 18 * 256);
            }
            s.setColumnWidth(0, 16 * 256);
            s.setColumnWidth(1, 18 * 256);
            Map<Long, Map<String, Double>> current = manual.jdbi().withHandle(h -> inForce(h, period));
            List<StationFacts> stations = manual.jdbi().withHandle(StationFacts::load);
            for (int i = 0; i < stations.size(); i++) {
                progress.checkpoint();
                progress.progress(i, stations.size() + 1L);
                StationFacts f = stations.get(i);
                Row row = s.createRow(FIRST_STATION_ROW + i);
                text(row, 0, f.code(), null);
                text(row, 1, f.name(), null);
                for (int k = 0; k < indicators.size(); k++) {
                    Double v = current.getOrDefault(f.id(), Map.of()).get(indicators.get(k).id());
                    Cell c = row.createCell(FIRST_INDICATOR_COL + k);
                    c.setCellStyle(st.input);
                    if (v != null) {
                        c.setCellValue(v);
                    }
                }
            }
            s.createFreezePane(FIRST_INDICATOR_COL, FIRST_STATION_ROW);
            Sheet help = wb.createSheet(HELP_SHEET);
            String[] head = {"指标", "名称", "能力", "单位", "方向", "最小值", "最大值", "说明"};
            Row hr = help.createRow(0);
            for (int k = 0; k < head.length; k++) {
                text(hr, k, head[k], st.header);
            }
            for (int k = 0; k < indicators.size(); k++) {
                IndicatorDef d = indicators.get(k);
                Row row = help.createRow(k + 1);
                text(row, 0, d.id(), null);
                text(row, 1, d.nameZh(), null);
                text(row, 2, def.capability(d.capability()).map(CapabilityDef::nameZh).orElse(d.capability()), null);
                text(row, 3, d.unit(), null);
                text(row, 4, d.direction() == Direction.HIGHER_IS_BETTER ? "越高越好" : "越低越好", null);
                text(row, 5, d.min() == null ? "" : ManualScores.fmt(d.min()), null);
                text(row, 6, d.max() == null ? "" : ManualScores.fmt(d.max()), null);
                text(row, 7, d.note() == null ? "" : d.note(), null);
            }
            help.setColumnWidth(1, 40 * 256);
            help.setColumnWidth(7, 60 * 256);
            progress.checkpoint();
            markExercise(wb);
            wb.write(out);
        }
    }

    /**
     * Imports a filled sheet. Every cell is checked first; if any is wrong nothing is recorded and every problem
     * is listed ("Sheet 评估表 cell D7: '九十' is not a number"). Otherwise all entries are recorded in one transaction,
     * attributed to {@code enteredBy} with source "SHEET &lt;fileName&gt;". A blank cell means "not entered"; a cell
     * equal to the value already in force records nothing.
     */
    public ImportResult importSheet(InputStream in, String fileName, String enteredBy) {
        return importSheet(in, fileName, enteredBy, JobProgress.NONE);
    }

    /**
     * As {@link #importSheet(InputStream, String, String)}, saying how far it is and looking at a cancel between rows
     * while checking and between values while recording: a cancel then rolls the one transaction back, so a
     * cancelled import has recorded nothing ({@link JobCancelled} is thrown).
     */
    public ImportResult importSheet(InputStream in, String fileName, String enteredBy, JobProgress progress) {
        manual.guard().require(org.commandroom.core.access.Permission.INDEX_ENTRY, "INDEX_IMPORT", "STATION", null);
        List<Text> problems = new ArrayList<>();
        IndexDefinition def = manual.definitions().current();
        byte[] file;
        try {
            file = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            LOG.info("Evaluation sheet {} could not be read: {}", fileName, e.toString());
            return rejected(null, List.of(Text.of("core.evaluation.unreadable", fileName)));
        }
        if (file.length > MAX_FILE_BYTES) {
            return rejected(null, List.of(Text.of("core.evaluation.tooLarge", fileName, MAX_FILE_BYTES / (1024 * 1024))));
        }
        Text unpacked = unpackedTooLarge(file, fileName);
        if (unpacked != null) {
            return rejected(null, List.of(unpacked));
        }
        Workbook wb;
        try {
            wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            LOG.info("Evaluation sheet {} is not a workbook POI reads: {}", fileName, e.toString());
            return rejected(null, List.of(Text.of("core.evaluation.notXlsx", fileName)));
        }
        try (wb) {
            Sheet s = wb.getSheet(SHEET);
            if (s == null) {
                return rejected(null, List.of(Text.of("core.evaluation.noSheet", fileName, SHEET)));
            }
            DataFormatter fmt = new DataFormatter();
            Period period;
            try {
                period = Period.parse(fmt.formatCellValue(cell(s, 0, 1)));
            } catch (RuntimeException e) {
                return rejected(null, List.of(Text.of("core.evaluation.badPeriod", where(0, 1), fmt.formatCellValue(cell(s, 0, 1)))));
            }
            Row idRow = s.getRow(ID_ROW);
            Map<Integer, IndicatorDef> columns = new LinkedHashMap<>();
            if (idRow != null) {
                for (int col = FIRST_INDICATOR_COL; col < idRow.getLastCellNum(); col++) {
                    String id = fmt.formatCellValue(idRow.getCell(col)).trim();
                    if (id.isEmpty()) {
                        continue;
                    }
                    var d = ManualScores.manualIndicator(def, id);
                    if (d.isEmpty()) {
                        problems.add(Text.of("core.evaluation.notManual", where(ID_ROW, col), id, def.version()));
                    } else if (columns.values().contains(d.get())) {
                        problems.add(Text.of("core.evaluation.indicatorTwice", where(ID_ROW, col), id));
                    } else {
                        columns.put(col, d.get());
                    }
                }
            }
            if (columns.isEmpty() && problems.isEmpty()) {
                problems.add(Text.of("core.evaluation.noIndicators", where(ID_ROW, FIRST_INDICATOR_COL), ID_ROW + 1));
            }
            Map<String, Long> stationIds = new HashMap<>();
            manual.jdbi().withHandle(StationFacts::load).forEach(f -> stationIds.put(f.code(), f.id()));
            record Value(long station, IndicatorDef indicator, double value) {
            }
            List<Value> values = new ArrayList<>();
            Set<Long> seenStations = new java.util.HashSet<>();
            int lastRow = s.getLastRowNum();
            for (int r = FIRST_STATION_ROW; r <= lastRow; r++) {
                progress.checkpoint();
                progress.progress(r, 2L * (lastRow + 1));
                Row row = s.getRow(r);
                if (row == null) {
                    continue;
                }
                String code = fmt.formatCellValue(row.getCell(0)).trim();
                boolean anyValue = false;
                for (int col : columns.keySet()) {
                    anyValue |= !blank(row.getCell(col));
                }
                if (code.isEmpty()) {
                    if (anyValue) {
                        problems.add(Text.of("core.evaluation.noStationCode", where(r, 0)));
                    }
                    continue;
                }
                Long station = stationIds.get(code);
                if (station == null) {
                    problems.add(Text.of("core.evaluation.noStation", where(r, 0), code));
                    continue;
                }
                if (!seenStations.add(station)) {
                    problems.add(Text.of("core.evaluation.stationTwice", where(r, 0), code));
                    continue;
                }
                for (Map.Entry<Integer, IndicatorDef> e : columns.entrySet()) {
                    Cell c = row.getCell(e.getKey());
                    if (blank(c)) {
                        continue;
                    }
                    Double v = number(c);
                    if (v == null) {
                        problems.add(Text.of("core.evaluation.notNumber", where(r, e.getKey()), fmt.formatCellValue(c)));
                        continue;
                    }
                    Text problem = ManualScores.check(e.getValue(), v);
                    if (problem != null) {
                        problems.add(Text.of("core.sheet.problem", where(r, e.getKey()), problem));
                        continue;
                    }
                    values.add(new Value(station, e.getValue(), v));
                }
            }
            if (!problems.isEmpty()) {
                return rejected(period, problems);
            }
            Instant now = manual.clock().instant();
            int[] counts = new int[2];
            Set<Long> touched = new TreeSet<>();
            manual.jdbi().useTransaction(h -> {
                Map<Long, Map<String, Double>> current = inForce(h, period);
                int k = 0;
                for (Value v : values) {
                    progress.checkpoint(); // thrown inside the transaction: it rolls back, nothing is recorded
                    progress.progress(lastRow + 1L + (lastRow + 1L) * k++ / Math.max(1, values.size()), 2L * (lastRow + 1));
                    Double old = current.getOrDefault(v.station(), Map.of()).get(v.indicator().id());
                    if (old != null && old == v.value()) {
                        counts[1]++;
                        continue;
                    }
                    manual.insert(h, v.indicator().id(), v.station(), period, v.value(), enteredBy, now, "SHEET " + fileName, null);
                    counts[0]++;
                    touched.add(v.station());
                }
                manual.guard().audit(h, now, enteredBy, "INDEX_IMPORT", "STATION", null, "evaluation sheet " + fileName
                        + " for " + period + ": " + counts[0] + " values recorded, " + counts[1] + " unchanged");
            });
            return new ImportResult(true, period, counts[0], counts[1], touched, List.of());
        } catch (IOException e) {
            LOG.info("Evaluation sheet {} could not be read: {}", fileName, e.toString());
            return rejected(null, List.of(Text.of("core.evaluation.unreadable", fileName)));
        }
    }

    /** Writes the evaluation table of a period: sheet 得分 (index, capabilities, points) and 原始值 (raw values). */
    public void exportScores(Period period, OutputStream out) throws IOException {
        exportScores(period, out, JobProgress.NONE);
    }

    /** As {@link #exportScores(Period, OutputStream)}, a read per unit, saying how far it is and stopping at a cancel. */
    public void exportScores(Period period, OutputStream out, JobProgress progress) throws IOException {
        IndexDefinition def = manual.definitions().current();
        List<StationFacts> stations = manual.jdbi().withHandle(StationFacts::load);
        List<Scope> scopes = new ArrayList<>();
        List<String[]> labels = new ArrayList<>();
        for (StationFacts f : stations) {
            scopes.add(Scope.of(f));
            labels.add(new String[] {f.code(), f.name(), f.scopeKind() == ScopeKind.STREET_POST ? "警务站" : "派出所"});
        }
        for (long bureau : IndexEngine.bureaus(stations).keySet()) {
            scopes.add(Scope.bureau(bureau));
            labels.add(new String[] {"", "全局", "县局"});
        }
        try (Workbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet points = wb.createSheet("得分");
            Sheet raw = wb.createSheet("原始值");
            List<String> head = new ArrayList<>(List.of("单位编码", "单位名称", "类别", "主防指数", "封顶前", "否决项"));
            def.capabilities().forEach(c -> head.add(c.nameZh()));
            def.indicators().forEach(d -> head.add(d.id() + " " + d.nameZh()));
            Row h1 = points.createRow(0);
            Row h2 = raw.createRow(0);
            text(h1, 0, period.label() + " 主防指数评估表", st.header);
            text(h2, 0, period.label() + " 指标原始值", st.header);
            Row hp = points.createRow(1);
            Row hr = raw.createRow(1);
            for (int k = 0; k < head.size(); k++) {
                text(hp, k, head.get(k), st.header);
            }
            text(hr, 0, "单位编码", st.header);
            text(hr, 1, "单位名称", st.header);
            text(hr, 2, "类别", st.header);
            for (int k = 0; k < def.indicators().size(); k++) {
                IndicatorDef d = def.indicators().get(k);
                text(hr, 3 + k, d.id() + " " + d.nameZh() + "(" + d.unit() + ")", st.header);
            }
            for (int i = 0; i < scopes.size(); i++) {
                progress.checkpoint();
                progress.progress(i, scopes.size() + 1L);
                ScopeResult r = trace.result(scopes.get(i), period).orElse(null);
                Row rp = points.createRow(2 + i);
                Row rr = raw.createRow(2 + i);
                for (int k = 0; k < 3; k++) {
                    text(rp, k, labels.get(i)[k], null);
                    text(rr, k, labels.get(i)[k], null);
                }
                if (r == null) {
                    text(rp, 3, "未计算", null);
                    continue;
                }
                num(rp, 3, r.index(), st.number);
                num(rp, 4, r.uncappedIndex(), st.number);
                text(rp, 5, r.vetoedBy() == null ? "" : r.vetoedBy(), null);
                int col = 6;
                for (CapabilityDef c : def.capabilities()) {
                    num(rp, col++, r.capabilities().get(c.code()), st.number);
                }
                for (int k = 0; k < r.indicators().size(); k++) {
                    num(rp, col + k, r.indicators().get(k).points(), st.number);
                    num(rr, 3 + k, r.indicators().get(k).raw(), st.number);
                }
            }
            points.createFreezePane(3, 2);
            raw.createFreezePane(3, 2);
            progress.checkpoint();
            markExercise(wb);
            wb.write(out);
        }
    }

    // ------------------------------------------------------------------------------------------------------

    private static Map<Long, Map<String, Double>> inForce(Handle h, Period period) {
        Map<Long, Map<String, Double>> out = new HashMap<>();
        for (IndexStore.ManualEntry e : IndexStore.latestManual(h, period.start(), period.start().plusDays(1), null)) {
            if (e.period().equals(period)) {
                out.computeIfAbsent(e.stationId(), k -> new HashMap<>()).put(e.indicator(), e.value());
            }
        }
        return out;
    }

    /** The largest workbook file read (an evaluation sheet of 25 stations and 41 indicators is about 10 KB). */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** {@link #MAX_FILE_BYTES}, stated before a sheet is chosen and checked before it is read. */
    public static final FileLimit LIMIT = new FileLimit(MAX_FILE_BYTES);
    /** What its parts may unpack to in all: a small file whose XML parts unpack to hundreds of MB would fill the heap. */
    public static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    /**
     * Unpacks the workbook's parts as a stream, counting (never keeping) the bytes: null when they stay within
     * {@link #MAX_UNPACKED_BYTES}, else why not, naming the part. The sizes the zip declares are not trusted.
     */
    static Text unpackedTooLarge(byte[] file, String fileName) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(file))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        return Text.of("core.evaluation.unpacksTooLarge", fileName, MAX_UNPACKED_BYTES / (1024 * 1024), e.getName());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Evaluation sheet {} is not a readable zip: {}", fileName, e.toString());
            return Text.of("core.evaluation.notXlsx", fileName);
        }
        return null;
    }

    private static ImportResult rejected(Period period, List<Text> problems) {
        return new ImportResult(false, period, 0, 0, Set.of(), List.copyOf(problems));
    }

    private static Text where(int row, int col) {
        return Text.of("core.evaluation.cell", SHEET, new CellReference(row, col).formatAsString());
    }

    private static Cell cell(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    private static boolean blank(Cell c) {
        if (c == null) {
            return true;
        }
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return t == CellType.BLANK || (t == CellType.STRING && c.getStringCellValue().isBlank());
    }

    /** The cell's number: a numeric cell, a formula with a numeric result, or text that is a plain number. */
    private static Double number(Cell c) {
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        if (t == CellType.NUMERIC) {
            return c.getNumericCellValue();
        }
        if (t == CellType.STRING) {
            String s = c.getStringCellValue().trim();
            if (s.matches("[-+]?\\d+(\\.\\d+)?")) {
                return Double.parseDouble(s);
            }
        }
        return null;
    }

    private static void text(Row r, int col, String value, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void num(Row r, int col, Double value, CellStyle style) {
        Cell c = r.createCell(col);
        if (value != null) {
            c.setCellValue(value);
            c.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle input;
        final CellStyle number;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            input = wb.createCellStyle();
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        }
    }
}
