package org.commandroom.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commandroom.app.Fixture;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.StationFacts;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printable report: written with the Chinese font embedded, read back with PDFBox; failures say why. */
class IndexReportPdfTest {

    @TempDir
    Path dir;
    private Fixture fx;
    private ExecutorService worker;
    private IndexModule module;
    private final Period nov = Period.month(2026, 11);
    private final I18n zh = I18n.load(Locale.ROOT);

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
        worker = Executors.newSingleThreadExecutor();
        module = IndexModule.create(fx.db.jdbi(), fx.clock, null, new ChangeRecorder(fx.clock, "test"),
                new Numbering(fx.clock, Fixture.ZONE), worker);
        module.recomputeNow();
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        fx.close();
    }

    private StationFacts station() {
        return module.trace().stations().stream().filter(s -> s.id() == fx.stationId).findFirst().orElseThrow();
    }

    @Test
    void aReportMadeOnADrillDatabaseSaysExerciseAtTheHeadOfEveryPageAndALiveOneDoesNot() throws Exception {
        org.commandroom.core.access.Principal drill = new org.commandroom.core.access.Principal(3, "lim", "李明",
                java.util.Set.of(org.commandroom.core.access.Role.DUTY_COMMANDER), "desk-1", true);
        IndexModule onDrill = IndexModule.withDefinitions(fx.db.jdbi(), fx.clock, IndexModule.loadDefinitions(null),
                new ChangeRecorder(fx.clock, "test"), new Numbering(fx.clock, Fixture.ZONE), worker,
                org.commandroom.core.access.AccessGuard.of(fx.db.jdbi(), fx.clock, drill));
        assertTrue(onDrill.exercise(), "a drill database's module marks its reports");
        assertFalse(module.exercise());
        IndexReport report = IndexReport.load(module, station(), nov, fx.clock, "值班员张三");
        Path marked = dir.resolve("drill.pdf");
        new IndexReportPdf(CjkFont.find(), zh::tr, Locale.ROOT, Fixture.ZONE).exercise(onDrill.exercise()).write(report, marked);
        try (PDDocument doc = Loader.loadPDF(marked.toFile())) {
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                assertTrue(strip.getText(doc).contains(org.commandroom.core.text.ExerciseMark.MARK), "page " + p);
            }
            assertTrue(doc.getDocumentInformation().getTitle().startsWith("演练 EXERCISE"));
        }
        Path live = dir.resolve("live.pdf");
        new IndexReportPdf(CjkFont.find(), zh::tr, Locale.ROOT, Fixture.ZONE).write(report, live);
        try (PDDocument doc = Loader.loadPDF(live.toFile())) {
            assertFalse(new PDFTextStripper().getText(doc).contains("EXERCISE"));
        }
    }

    @Test
    void theReportNamesTheStationPeriodIndexAndEveryIndicatorInChineseWithTheFontEmbedded() throws Exception {
        CjkFont font = CjkFont.find();
        IndexReport report = IndexReport.load(module, station(), nov, fx.clock, "值班员张三");
        Path file = dir.resolve("主防指数报告.pdf");
        new IndexReportPdf(font, zh::tr, Locale.ROOT, Fixture.ZONE).write(report, file);

        String keep = System.getProperty("report.keep");
        if (keep != null) {
            // -Dreport.keep=/tmp/x.pdf keeps the report to look at
            Files.copy(file, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("主防指数报告"), "title");
            assertTrue(text.contains(station().name()), "station name " + station().name());
            assertTrue(text.contains("2026年11月"), "period");
            String index = String.format(Locale.ROOT, "%.1f", report.result().index());
            assertTrue(text.contains("主防指数 " + index), "the index value " + index);
            String flat = text.replaceAll("\\s+", "");
            for (IndicatorDef d : module.definitions().current().indicators()) {
                assertTrue(flat.contains(d.nameZh().replaceAll("\\s+", "")), "indicator " + d.id() + " " + d.nameZh());
            }
            assertTrue(text.contains("提醒单"));
            assertFalse(text.contains("?"), "no character was left undrawable");
            // the font is embedded, so the report prints the same on a machine without it
            PDFont pdf = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(pdf.isEmbedded(), pdf.getName());
            assertTrue(doc.getNumberOfPages() >= 2);
            assertTrue(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "the charts are images");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 50);
            assertTrue(page.getWidth() > 100);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left");
        }
    }

    @Test
    void withoutAChineseFontTheReportIsNotWrittenAndTheMessageSaysWhere() {
        CjkFont.NotFound e = assertThrows(CjkFont.NotFound.class,
                () -> CjkFont.find(List.of(dir.resolve("missing.ttc"), dir.resolve("also-missing.ttf")), false));
        assertTrue(e.getMessage().contains("missing.ttc"), e.getMessage());
        assertTrue(e.getMessage().contains("fonts-wqy-microhei"), e.getMessage());
    }

    @Test
    void anUnwritablePathFailsWithAMessageAndLeavesNothing() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file.txt"), "x");
        IndexReport report = IndexReport.load(module, station(), nov, fx.clock, "值班员");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> new IndexReportPdf(CjkFont.find(), zh::tr,
                Locale.ROOT, Fixture.ZONE).write(report, notADir.resolve("report.pdf")));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void aPeriodNeverComputedIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> IndexReport.load(module, station(), Period.month(2024, 1), fx.clock, "值班员"));
        assertTrue(e.getMessage().contains("2024-01"), e.getMessage());
    }

    @Test
    void aCancelBetweenSectionsLeavesNoReportAndNoTemporaryFile() throws Exception {
        IndexReport report = IndexReport.load(module, station(), nov, fx.clock, "值班员张三");
        Path file = dir.resolve("取消的报告.pdf");
        java.util.List<String> said = new java.util.ArrayList<>();
        org.commandroom.core.job.JobProgress cancelAfterTwo = new org.commandroom.core.job.JobProgress() {
            @Override
            public boolean cancelRequested() {
                return said.size() >= 2;
            }

            @Override
            public void progress(long done, long total) {
                said.add(done + "/" + total);
            }
        };
        assertThrows(org.commandroom.core.job.JobCancelled.class,
                () -> new IndexReportPdf(CjkFont.find(), zh::tr, Locale.ROOT, Fixture.ZONE).write(report, file, cancelAfterTwo));
        assertEquals(List.of("1/7", "2/7"), said, "two sections done, then the cancel was seen");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "neither the report nor its temporary file");
        }
    }
}
