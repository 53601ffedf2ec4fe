package org.commandroom.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.drill.DrillReport;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.drill.ScenarioLoader;
import org.commandroom.core.incident.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillReportPdfTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private final I18n zh = I18n.load(Locale.SIMPLIFIED_CHINESE);

    @Test
    void theReportOfAPlayedDrillCarriesTheDrillMarkOnEveryPageWithTheScoreAndTimeline() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        DrillReport report;
        try (DrillSession drill = DrillSession.create(new ScenarioLoader().bundled("family-dispute-repeat.yaml"), dir,
                "学员乙", background)) {
            drill.advanceTo(Duration.ofMinutes(1));
            Incident chen = drill.incidentOf("chen").orElseThrow();
            UnitProposal first = drill.intake().dispatch().propose(chen, 5).get(0);
            drill.intake().dispatch().dispatch(chen, first, "学员乙");
            drill.playToEnd();
            report = DrillReport.of(drill, Instant.now());
        } finally {
            background.shutdownNow();
        }
        // Long enough for several pages: the timeline repeated.
        List<DrillReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.addAll(report.rows());
        }
        DrillReport longer = new DrillReport(report.scenario(), report.trainee(), report.start(), report.madeAt(), rows,
                report.score());
        Path file = dir.resolve("演练讲评.pdf");
        new DrillReportPdf(CjkFont.find(), zh::tr, ZONE).write(longer, file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertTrue(doc.getNumberOfPages() >= 2, "pages: " + doc.getNumberOfPages());
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String page = strip.getText(doc);
                assertTrue(page.contains("演练") && page.contains("DRILL"), "page " + p + " carries the drill mark");
            }
            strip.setStartPage(1);
            strip.setEndPage(1);
            String first = strip.getText(doc);
            assertTrue(first.contains("演练讲评报告"));
            assertTrue(first.contains("家庭纠纷重复报警"));
            assertTrue(first.contains("学员乙"));
            assertTrue(first.contains(zh.tr("drill.report.score", report.score().total(), 40, report.score().deducted())), first);
            assertTrue(first.contains("出警时效") && first.contains("重复警情"), "per competence");
            assertTrue(first.contains("桂花社区幸福路18号3单元"), "the call on the timeline");
            assertFalse(first.contains("?"), "every character drawable");
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".part")).count());
        }
    }
}
