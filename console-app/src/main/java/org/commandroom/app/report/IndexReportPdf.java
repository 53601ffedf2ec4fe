package org.commandroom.app.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.commandroom.core.index.Bands;
import org.commandroom.core.index.CapabilityDef;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.IndicatorResult;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.ReminderService;
import org.commandroom.core.job.JobCancelled;
import org.commandroom.core.job.JobProgress;

/**
 * Writes the printable report (主防指数报告) of one station and period as an A4 PDF: title, station, period, the
 * index with its gauge, rank in the peer group and overall, change on the previous period and last year, the seven
 * capabilities as a bar chart and a table, the twelve-month trend, every indicator (raw value, unit, points,
 * band) and the reminder notices. The Chinese font is embedded (a subset); charts are drawn as images at twice
 * their printed size. The file is written next to its final name and moved into place, so a failure never leaves
 * half a report.
 */
public final class IndexReportPdf {

    /** The words of the report, looked up by key (the console passes its I18n). */
    public interface Texts {
        String tr(String key, Object... args);
    }

    private static final float MARGIN = 42;
    /** The six sections, then the save. */
    private static final int SECTIONS = 7;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final CjkFont cjk;
    private final Texts texts;
    private final IndexWords words;
    private final ZoneId zone;

    /** Whether every page says 演练 EXERCISE at its head (a report made on a drill database). */
    private boolean exercise;

    /** Marks the report as an exercise's (made on a drill database): 演练 EXERCISE at the head of every page. */
    public IndexReportPdf exercise(boolean mark) {
        this.exercise = mark;
        return this;
    }

    public IndexReportPdf(CjkFont cjk, Texts texts, Locale locale, ZoneId zone) {
        this.cjk = cjk;
        this.texts = texts;
        this.words = new IndexWords(texts, locale);
        this.zone = zone;
    }

    /** Writes the report to a file (through a temporary file in the same directory). */
    public void write(IndexReport report, Path file) throws IOException {
        write(report, file, JobProgress.NONE);
    }

    /**
     * As {@link #write(IndexReport, Path)}, saying how far it is (per section) and stopping at a cancel between
     * sections: the temporary file is then deleted and no report is left ({@link JobCancelled} is thrown).
     */
    public void write(IndexReport report, Path file, JobProgress progress) throws IOException {
        ReportFile.write(file, ".report-", progress, out -> write(report, out, progress));
    }

    /** Writes the report to a stream. */
    public void write(IndexReport report, OutputStream out) throws IOException {
        write(report, out, JobProgress.NONE);
    }

    private void write(IndexReport report, OutputStream out, JobProgress progress) throws IOException {
        java.awt.Font awt = cjk.awtFont(12f).orElse(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        try (PDDocument doc = new PDDocument(); FontHandle font = FontHandle.load(doc, cjk)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle((exercise ? org.commandroom.core.text.ExerciseMark.MARK + " " : "") + texts.tr("report.title") + " "
                    + report.station().name() + " " + periodLabel(report.period()));
            info.setCreator("command-room console");
            new Writer(doc, font.font, report, IndexCharts.Style.light(awt), progress).write();
            progress.checkpoint();
            progress.progress(SECTIONS - 1, SECTIONS);
            doc.save(out);
        }
    }

    /** The period as the report names it: 2026年10月, or 2026-10 in English. */
    public String periodLabel(Period p) {
        return words.period(p);
    }

    /** The band of an indicator's points as the report prints it. */
    String band(Double points, Bands bands) {
        if (points == null) {
            return texts.tr("report.band.none");
        }
        if (points >= bands.excellent()) {
            return texts.tr("report.band.excellent");
        }
        return points >= bands.pass() ? texts.tr("report.band.pass") : texts.tr("report.band.fail");
    }

    static String num(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String raw(Double v) {
        if (v == null) {
            return "—";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String signed(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%+.1f", v);
    }

    /** Ends the walk through a font collection at the first face that can draw Chinese. */
    private static final class Found extends IOException {
        private static final long serialVersionUID = 1L;

        Found() {
            super(null, null);
        }
    }

    /** The loaded font, and the collection it came from (open until the document is saved: the subset is made then). */
    static final class FontHandle implements AutoCloseable {
        final PDType0Font font;
        final TrueTypeCollection collection;

        private FontHandle(PDType0Font font, TrueTypeCollection collection) {
            this.font = font;
            this.collection = collection;
        }

        static FontHandle load(PDDocument doc, CjkFont cjk) throws IOException {
            String name = cjk.file().getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".ttc")) {
                return new FontHandle(PDType0Font.load(doc, cjk.file().toFile()), null);
            }
            TrueTypeCollection ttc = new TrueTypeCollection(cjk.file().toFile());
            TrueTypeFont[] found = new TrueTypeFont[1];
            try {
                ttc.processAllFonts(ttf -> {
                    if (found[0] == null && ttf.getUnicodeCmapLookup().getGlyphId('主') > 0) {
                        found[0] = ttf;
                        // The rest of the collection is not parsed: each face is megabytes of glyphs.
                        throw new Found();
                    }
                });
            } catch (Found stop) {
                // found[0] is set
            }
            if (found[0] == null) {
                ttc.close();
                throw new IOException(cjk.file() + " holds no font that can draw Chinese");
            }
            return new FontHandle(PDType0Font.load(doc, found[0], true), ttc);
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }

    /** Lays the report out page by page, top to bottom. */
    private static final Color EXERCISE_RED = new Color(190, 30, 30);

    private final class Writer {
        private final PDDocument doc;
        private final PdfPages pages;
        private final IndexReport r;
        private final IndexCharts.Style style;
        private final JobProgress progress;
        private int section;
        private float y;

        Writer(PDDocument doc, PDType0Font font, IndexReport r, IndexCharts.Style style, JobProgress progress) {
            this.pages = new PdfPages(doc, font);
            this.progress = progress;
            this.doc = doc;
            this.r = r;
            this.style = style;
        }

        void write() throws IOException {
            newPage();
            try {
                header();
                step();
                summary();
                step();
                capabilities();
                step();
                trend();
                step();
                indicators();
                step();
                notices();
                step();
            } finally {
                pages.close();
            }
        }

        /** Whether the report's period was not over when the report was made: its scores are provisional. */
        private boolean provisional() {
            return r.period().provisionalAt(r.generatedAt());
        }

        /** A section is done: say so, and stop here if the user cancelled. */
        private void step() {
            progress.progress(++section, SECTIONS);
            progress.checkpoint();
        }

        private void newPage() throws IOException {
            int pageNo = pages.next();
            y = PdfPages.HEIGHT - MARGIN;
            text(texts.tr("report.footer", r.station().name(), periodLabel(r.period()), pageNo), MARGIN, 24, 8, Color.GRAY);
            if (exercise) {
                text(org.commandroom.core.text.ExerciseMark.MARK, MARGIN, PdfPages.HEIGHT - 22, 11, EXERCISE_RED);
                y -= 10;
            }
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void header() throws IOException {
            y -= 20;
            text(texts.tr("report.title"), MARGIN, y, 20, Color.BLACK);
            y -= 22;
            String group = r.rank() == null || r.rank().peerGroup() == null ? ""
                    : texts.tr("report.groupSuffix", words.peerGroup(r.rank().peerGroup()));
            String period = periodLabel(r.period());
            if (provisional()) {
                period += texts.tr("report.provisional", DateTimeFormatter.ofPattern(texts.tr("index.provisional.asOf"))
                        .withZone(zone).format(r.generatedAt()));
            }
            text(texts.tr("report.stationLine", r.station().name() + group, period), MARGIN, y, 12, Color.BLACK);
            y -= 15;
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
            text(texts.tr("report.generated", f.format(r.generatedAt()), r.generatedBy() == null ? "" : r.generatedBy(),
                    r.definition().version()), MARGIN, y, 9, Color.DARK_GRAY);
            y -= 8;
            line(y);
            y -= 6;
        }

        private void summary() throws IOException {
            float top = y;
            Double index = r.result().index();
            BufferedImage gauge = IndexCharts.image(IndexCharts.gauge(texts.tr("report.index"), index, style), 210, 170, 2);
            image(gauge, MARGIN, top - 170, 210, 170);
            float x = MARGIN + 225;
            float ty = top - 26;
            text(texts.tr("report.indexValue", num(index)), x, ty, 22, IndexCharts.band(index));
            ty -= 22;
            text(texts.tr("report.bandLine", band(index, r.definition().bands())), x, ty, 11, Color.BLACK);
            if (r.result().vetoedBy() != null) {
                ty -= 16;
                text(texts.tr("report.veto", r.result().vetoedBy(), num(r.result().uncappedIndex())), x, ty, 10, IndexCharts.RED);
            }
            if (provisional()) {
                ty -= 16;
                text(texts.tr("report.provisionalNote"), x, ty, 10, IndexCharts.AMBER.darker());
            }
            IndexRanking.RankRow k = r.rank();
            ty -= 20;
            if (k != null) {
                text(texts.tr("report.rank", words.peerGroup(k.peerGroup()), k.rankInGroup(), k.groupSize(), k.rankOverall()), x, ty,
                        11, Color.BLACK);
                ty -= 16;
                text(texts.tr("report.change", signed(k.changeOnPrevious()), num(k.previous())), x, ty, 11, Color.BLACK);
                ty -= 16;
                text(texts.tr("report.yoy", signed(k.changeOnLastYear()), num(k.lastYear())), x, ty, 11, Color.BLACK);
            } else {
                text(texts.tr("report.notRanked"), x, ty, 11, Color.BLACK);
            }
            y = top - 178;
        }

        private void capabilities() throws IOException {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (CapabilityDef c : r.definition().capabilities()) {
                scores.put(capName(c), r.result().capabilities().get(c.code()));
            }
            need(190);
            BufferedImage bars = IndexCharts.image(IndexCharts.capabilityBars(texts.tr("report.capabilities"), scores,
                    texts.tr("report.axis.score"), texts.tr("report.passLine"), style), 250, 185, 2);
            float top = y;
            image(bars, MARGIN, top - 185, 250, 185);
            // the table beside the chart: capability, score, change, year on year, rank in group
            float x = MARGIN + 262;
            float[] cols = {x, x + 98, x + 142, x + 186, x + 230};
            float ty = top - 14;
            String[] head = {texts.tr("report.col.capability"), texts.tr("report.col.score"), texts.tr("report.col.change"),
                texts.tr("report.col.yoy"), texts.tr("report.col.rank")};
            for (int i = 0; i < head.length; i++) {
                text(head[i], cols[i], ty, 9, Color.DARK_GRAY);
            }
            ty -= 4;
            line(ty, x, MARGIN + WIDTH);
            for (CapabilityDef c : r.definition().capabilities()) {
                ty -= 19;
                Double s = r.result().capabilities().get(c.code());
                IndexRanking.RankRow row = r.capabilityRanks().get(c.code());
                text(fit(capName(c), 9, 94), cols[0], ty, 9, Color.BLACK);
                text(num(s), cols[1], ty, 9, IndexCharts.band(s));
                text(row == null ? "—" : signed(row.changeOnPrevious()), cols[2], ty, 9, Color.BLACK);
                text(row == null ? "—" : signed(row.changeOnLastYear()), cols[3], ty, 9, Color.BLACK);
                text(row == null ? "—" : row.rankInGroup() + "/" + row.groupSize(), cols[4], ty, 9, Color.BLACK);
            }
            y = top - 192;
        }

        private void trend() throws IOException {
            need(215);
            String peer = r.trend().peerGroup() == null ? null
                    : texts.tr("report.trend.peer", words.peerGroup(r.trend().peerGroup()), r.trend().peerCount());
            IndexCharts.TrendLabels labels = new IndexCharts.TrendLabels(texts.tr("report.trend.title"), r.station().name(), peer,
                    texts.tr("report.trend.bureau"), texts.tr("report.passLine"), texts.tr("report.axis.score"),
                    texts.tr("report.trend.provisional", r.station().name()));
            BufferedImage chart = IndexCharts.image(IndexCharts.trend(r.trend(), labels, style,
                    m -> Period.month(m).provisionalAt(r.generatedAt())), (int) WIDTH, 210, 2);
            image(chart, MARGIN, y - 210, WIDTH, 210);
            y -= 218;
        }

        private void indicators() throws IOException {
            need(60);
            y -= 14;
            text(texts.tr("report.indicators"), MARGIN, y, 13, Color.BLACK);
            y -= 6;
            float[] cols = {MARGIN, MARGIN + 34, MARGIN + 250, MARGIN + 330, MARGIN + 410, MARGIN + 455};
            String[] head = {texts.tr("report.col.id"), texts.tr("report.col.indicator"), texts.tr("report.col.raw"),
                texts.tr("report.col.unit"), texts.tr("report.col.points"), texts.tr("report.col.band")};
            tableHead(cols, head);
            Map<String, IndicatorResult> values = new LinkedHashMap<>();
            r.result().indicators().forEach(i -> values.put(i.id(), i));
            for (IndicatorDef d : r.definition().indicators()) {
                IndicatorResult v = values.getOrDefault(d.id(), new IndicatorResult(d.id(), null, null, null, null));
                List<String> name = wrap(words.indicator(d) + (d.isManual() ? texts.tr("report.manualMark") : ""),
                        8.5f, cols[2] - cols[1] - 6);
                float h = 12.5f * name.size() + 2;
                if (y - h < MARGIN) {
                    newPage();
                    tableHead(cols, head);
                }
                y -= 12.5f;
                text(d.id(), cols[0], y, 8.5f, Color.BLACK);
                for (int i = 0; i < name.size(); i++) {
                    text(name.get(i), cols[1], y - 12.5f * i, 8.5f, Color.BLACK);
                }
                text(raw(v.raw()), cols[2], y, 8.5f, Color.BLACK);
                text(fit(words.unit(d), 8.5f, cols[4] - cols[3] - 4), cols[3], y, 8.5f, Color.BLACK);
                text(num(v.points()), cols[4], y, 8.5f, IndexCharts.band(v.points()));
                text(band(v.points(), r.definition().bands()), cols[5], y, 8.5f, Color.BLACK);
                y -= 12.5f * (name.size() - 1) + 2;
            }
        }

        private void notices() throws IOException {
            need(60);
            y -= 26;
            text(texts.tr("report.notices"), MARGIN, y, 13, Color.BLACK);
            y -= 6;
            if (r.notices().isEmpty()) {
                y -= 14;
                text(texts.tr("report.noNotices"), MARGIN, y, 9.5f, Color.DARK_GRAY);
                return;
            }
            float[] cols = {MARGIN, MARGIN + 70, MARGIN + 200, MARGIN + 250, MARGIN + 320};
            String[] head = {texts.tr("report.col.period"), texts.tr("report.col.order"), texts.tr("report.col.status"),
                texts.tr("report.col.deadline"), texts.tr("report.col.notice")};
            tableHead(cols, head);
            DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
            for (ReminderService.Listed n : r.notices()) {
                List<String> detail = wrap(words.reminder(r.definition(), n), 8.5f, MARGIN + WIDTH - cols[4]);
                float h = 12.5f * detail.size() + 2;
                if (y - h < MARGIN) {
                    newPage();
                    tableHead(cols, head);
                }
                y -= 12.5f;
                text(periodLabel(n.period()), cols[0], y, 8.5f, Color.BLACK);
                text(n.orderNo(), cols[1], y, 8.5f, Color.BLACK);
                text(texts.tr("enum.orderStatus." + n.orderStatus()), cols[2], y, 8.5f, Color.BLACK);
                text(day.format(n.remediationDeadline()), cols[3], y, 8.5f, Color.BLACK);
                for (int i = 0; i < detail.size(); i++) {
                    text(detail.get(i), cols[4], y - 12.5f * i, 8.5f, Color.BLACK);
                }
                y -= 12.5f * (detail.size() - 1) + 2;
            }
        }

        private void tableHead(float[] cols, String[] head) throws IOException {
            y -= 14;
            for (int i = 0; i < head.length; i++) {
                text(head[i], cols[i], y, 9, Color.DARK_GRAY);
            }
            y -= 4;
            line(y);
        }

        private String capName(CapabilityDef c) {
            return words.capability(c);
        }

        private void text(String s, float x, float ty, float size, Color colour) throws IOException {
            pages.text(s, x, ty, size, colour);
        }

        private void line(float ly) throws IOException {
            line(ly, MARGIN, MARGIN + WIDTH);
        }

        private void line(float ly, float x0, float x1) throws IOException {
            pages.rule(ly, x0, x1);
        }

        private void image(BufferedImage img, float x, float iy, float w, float h) throws IOException {
            PDImageXObject pdi = LosslessFactory.createFromImage(doc, img);
            pages.stream().drawImage(pdi, x, iy, w, h);
        }

        private float width(String s, float size) throws IOException {
            return pages.glyphs().width(s, size);
        }

        /** The text cut with "…" to fit a width. */
        private String fit(String s, float size, float w) throws IOException {
            if (s == null || width(s, size) <= w) {
                return s;
            }
            String t = s;
            while (t.length() > 1 && width(t + "…", size) > w) {
                t = t.substring(0, t.length() - 1);
            }
            return t + "…";
        }

        private List<String> wrap(String s, float size, float w) throws IOException {
            return pages.glyphs().wrap(s, size, w);
        }
    }
}
