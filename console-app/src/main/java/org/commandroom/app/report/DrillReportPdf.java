package org.commandroom.app.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.commandroom.core.drill.DrillReport;
import org.commandroom.core.drill.DrillScore;
import org.commandroom.core.drill.ScenarioLoader;
import org.commandroom.core.job.JobProgress;

/**
 * Writes a drill's after-action report (演练讲评报告) as an A4 PDF with the same stack and embedded Chinese font as the
 * index report: the scenario, trainee and score, the score per competence, and the timeline of expected and actual
 * actions side by side, with the instructor's notes at their time. Every page carries the DRILL mark (演练) at its head and across it, so no page of it can pass
 * for a real record. Written next to its final name and moved into place.
 */
public final class DrillReportPdf {

    private static final float MARGIN = 42;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color DRILL_RED = new Color(190, 30, 30);
    /** The instructor's notes on the timeline. */
    /** A key moment's map on the page, in points. */
    private static final float MAP = 230;
    private static final Color NOTE_BLUE = new Color(30, 70, 160);

    private final CjkFont cjk;
    private final IndexReportPdf.Texts texts;
    private final ZoneId zone;

    public DrillReportPdf(CjkFont cjk, IndexReportPdf.Texts texts, ZoneId zone) {
        this.cjk = cjk;
        this.texts = texts;
        this.zone = zone;
    }

    /** Writes the report to a file (through a temporary file in the same directory). */
    public void write(DrillReport report, Path file) throws IOException {
        ReportFile.write(file, ".drill-report-", JobProgress.NONE, out -> write(report, out));
    }

    public void write(DrillReport report, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(); IndexReportPdf.FontHandle font = IndexReportPdf.FontHandle.load(doc, cjk)) {
            doc.getDocumentInformation().setTitle(texts.tr("drill.report.title") + " " + report.scenario().name());
            doc.getDocumentInformation().setCreator("command-room console");
            doc.getDocumentInformation().setKeywords(texts.tr("drill.mark"));
            new Writer(doc, font.font, report).write();
            doc.save(out);
        }
    }

    /** An outcome as the report prints it. */
    String outcome(DrillScore.Outcome o) {
        if (o == null) {
            return "";
        }
        switch (o) {
            case ON_TIME:
                return texts.tr("drill.outcome.onTime");
            case LATE:
                return texts.tr("drill.outcome.late");
            case MISSED:
                return texts.tr("drill.outcome.missed");
            default:
                return texts.tr("drill.outcome.pending");
        }
    }

    private final class Writer {
        private final PdfPages pages;
        private final PDDocument doc;
        private final DrillReport r;
        private float y;

        Writer(PDDocument doc, PDType0Font font, DrillReport r) {
            this.pages = new PdfPages(doc, font);
            this.doc = doc;
            this.r = r;
        }

        void write() throws IOException {
            newPage();
            try {
                header();
                competences();
                timeline();
                maps();
            } finally {
                pages.close();
            }
        }

        private void newPage() throws IOException {
            int pageNo = pages.next();
            float h = PdfPages.HEIGHT;
            // The mark across the page, faint, under everything written after it.
            PDPageContentStream cs = pages.stream();
            PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(0.12f);
            cs.saveGraphicsState();
            cs.setGraphicsStateParameters(faint);
            cs.beginText();
            cs.setFont(pages.font(), 96);
            cs.setNonStrokingColor(DRILL_RED);
            cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(35), 120, 260));
            cs.showText(printable(texts.tr("drill.mark")));
            cs.endText();
            cs.restoreGraphicsState();
            text(texts.tr("drill.mark"), MARGIN, h - 26, 11, DRILL_RED);
            text(texts.tr("drill.report.footer", r.scenario().name(), pageNo), MARGIN, 24, 8, Color.GRAY);
            y = h - MARGIN - 14;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN + 20) {
                newPage();
            }
        }

        private void header() throws IOException {
            text(texts.tr("drill.report.title"), MARGIN, y, 18, Color.BLACK);
            y -= 26;
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
            for (String line : List.of(texts.tr("drill.report.scenario", r.scenario().name()),
                    texts.tr("drill.report.trainee", r.trainee()),
                    texts.tr("drill.report.started", f.format(r.start())),
                    texts.tr("drill.report.score", r.score().total(), r.score().maxPoints(), r.score().deducted()))) {
                text(line, MARGIN, y, 11, Color.BLACK);
                y -= 16;
            }
            y -= 6;
        }

        private void competences() throws IOException {
            text(texts.tr("drill.report.competence"), MARGIN, y, 13, Color.BLACK);
            y -= 18;
            for (Map.Entry<String, int[]> e : r.score().byCompetence().entrySet()) {
                need(16);
                text(e.getKey(), MARGIN + 8, y, 10, Color.BLACK);
                text(e.getValue()[0] + " / " + e.getValue()[1], MARGIN + 200, y, 10, Color.BLACK);
                y -= 15;
            }
            y -= 8;
        }

        /** The map at each key moment, two across: the event, the units, the two nearest available ranked. */
        private void maps() throws IOException {
            if (r.maps().isEmpty()) {
                return;
            }
            y -= 10;
            need(40 + MAP);
            text(texts.tr("drill.report.maps"), MARGIN, y, 13, Color.BLACK);
            y -= 8;
            text(texts.tr("drill.report.maps.legend"), MARGIN, y - 8, 8, Color.DARK_GRAY);
            y -= 22;
            for (int i = 0; i < r.maps().size(); i += 2) {
                need(MAP + 24);
                for (int k = i; k < Math.min(i + 2, r.maps().size()); k++) {
                    DrillReport.KeyMoment m = r.maps().get(k);
                    float x = MARGIN + (k - i) * (MAP + 20);
                    text(ScenarioLoader.format(m.at()) + "  " + m.title(), x, y, 9, Color.BLACK);
                    var img = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc,
                            m.map().render(2 * (int) MAP, 2 * (int) MAP));
                    pages.stream().drawImage(img, x, y - 6 - MAP, MAP, MAP);
                }
                y -= MAP + 24;
            }
        }

        private void timeline() throws IOException {
            text(texts.tr("drill.report.timeline"), MARGIN, y, 13, Color.BLACK);
            y -= 18;
            float[] x = {MARGIN, MARGIN + 44, MARGIN + 250, MARGIN + 420, MARGIN + 470};
            String[] head = {texts.tr("drill.report.col.time"), texts.tr("drill.report.col.expected"),
                texts.tr("drill.report.col.actual"), texts.tr("drill.report.col.result"), texts.tr("drill.report.col.points")};
            tableHead(x, head);
            for (DrillReport.Row row : r.rows()) {
                List<String> expected = wrap(row.expected(), 8.5f, x[2] - x[1] - 6);
                List<String> actual = wrap(row.actual(), 8.5f, x[3] - x[2] - 6);
                int lines = Math.max(1, Math.max(expected.size(), actual.size()));
                if (y - lines * 11 < MARGIN + 20) {
                    newPage();
                    tableHead(x, head);
                }
                Color c = row.kind() == DrillReport.RowKind.UNANSWERED ? DRILL_RED
                        : row.kind() == DrillReport.RowKind.NOTE ? NOTE_BLUE : Color.BLACK;
                text(ScenarioLoader.format(row.at()), x[0], y, 8.5f, Color.BLACK);
                for (int i = 0; i < lines; i++) {
                    if (i < expected.size()) {
                        text(expected.get(i), x[1], y - i * 11, 8.5f, row.kind() == DrillReport.RowKind.EVENT ? Color.DARK_GRAY
                                : row.kind() == DrillReport.RowKind.NOTE ? NOTE_BLUE : Color.BLACK);
                    }
                    if (i < actual.size()) {
                        text(actual.get(i), x[2], y - i * 11, 8.5f, c);
                    }
                }
                text(row.kind() == DrillReport.RowKind.NOTE ? texts.tr("drill.report.note") : outcome(row.outcome()), x[3], y, 8.5f, c);
                if (row.kind() == DrillReport.RowKind.EXPECTED || row.kind() == DrillReport.RowKind.UNANSWERED) {
                    text(Integer.toString(row.points()), x[4], y, 8.5f, c);
                }
                y -= lines * 11 + 4;
            }
        }

        private void tableHead(float[] x, String[] head) throws IOException {
            for (int i = 0; i < head.length; i++) {
                text(head[i], x[i], y, 9, Color.DARK_GRAY);
            }
            y -= 4;
            pages.rule(y, MARGIN, MARGIN + WIDTH);
            y -= 12;
        }

        private void text(String s, float tx, float ty, float size, Color colour) throws IOException {
            pages.text(s, tx, ty, size, colour);
        }

        private String printable(String s) {
            return pages.glyphs().printable(s);
        }

        private List<String> wrap(String s, float size, float w) throws IOException {
            return pages.glyphs().wrap(s, size, w);
        }
    }
}
