package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.EvaluationSheet;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndicatorResult;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeKind;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prevention index as the console builds it: override file, change feed, evaluation sheet import. */
class IndexModuleTest {

    @TempDir
    Path dir;
    private Fixture fx;
    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final Period nov = Period.month(2026, 11);

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private IndexModule module(Path dataDir) {
        return IndexModule.create(fx.db.jdbi(), fx.clock, dataDir, new ChangeRecorder(fx.clock, "test"),
                new Numbering(fx.clock, Fixture.ZONE), worker::add);
    }

    private double fights(IndexModule m) {
        IndicatorResult i02 = m.trace().result(new Scope(ScopeKind.STATION, fx.stationId), nov).orElseThrow()
                .indicators().stream().filter(i -> i.id().equals("I02")).findFirst().orElseThrow();
        return i02.numerator();
    }

    @Test
    void withoutAnOverrideFileTheProductsDefaultIsInForce() {
        IndexModule m = module(dir);
        assertEquals(IndexDefinitions.readDefault().version(), m.definitions().current().version());
        assertNull(m.definitionProblem());
    }

    @Test
    void anOverrideFileInTheDataDirectoryReplacesTheDefault() throws Exception {
        String yaml = defaultYaml().replaceFirst("version: \"2026.1\"", "version: \"bureau-7\"");
        Files.writeString(dir.resolve(IndexModule.OVERRIDE_FILE), yaml);
        IndexModule m = module(dir);
        assertEquals("bureau-7", m.definitions().current().version());
        assertNull(m.definitionProblem());
    }

    @Test
    void aBrokenOverrideFileIsReportedAndTheDefaultStays() throws Exception {
        String yaml = defaultYaml().replaceFirst("weight: ", "wieght: ");
        Files.writeString(dir.resolve(IndexModule.OVERRIDE_FILE), yaml);
        IndexModule m = module(dir);
        assertEquals(IndexDefinitions.readDefault().version(), m.definitions().current().version());
        assertTrue(m.definitionProblem().contains("wieght"), m.definitionProblem());
    }

    @Test
    void newIncidentsFromTheFeedUpdateTheMonthInOneCoalescedRunOnTheWorker() {
        IndexModule m = module(null);
        m.recomputeNow();
        assertEquals(1.0, fights(m));
        long a = fx.find(fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(2), "人民路2号")).id();
        long b = fx.find(fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(1), "人民路3号")).id();
        m.feedListener().onChanges(List.of(new Change(1, fx.clock.instant(), Entity.INCIDENT, a, ChangeOp.INSERT, "test")));
        m.feedListener().onChanges(List.of(new Change(2, fx.clock.instant(), Entity.INCIDENT, b, ChangeOp.INSERT, "test")));
        m.feedListener().onChanges(List.of(new Change(3, fx.clock.instant(), Entity.UNIT, 9, ChangeOp.UPDATE, "test")));
        assertEquals(1.0, fights(m), "nothing is computed on the calling (FX) thread");
        assertEquals(1, worker.size(), "two batches while the worker is busy make one update");
        worker.poll().run();
        assertEquals(3.0, fights(m));
        assertTrue(worker.isEmpty());
    }

    @Test
    void anImportedSheetIsRecordedAndTheMonthRecomputedOnTheWorker() throws Exception {
        ExecutorService real = Executors.newSingleThreadExecutor();
        try {
            IndexModule m = IndexModule.create(fx.db.jdbi(), fx.clock, null, new ChangeRecorder(fx.clock, "test"), new Numbering(fx.clock, Fixture.ZONE), real);
            m.recomputeNow();
            Path file = dir.resolve("sheet.xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                m.sheet().writeTemplate(nov, out);
            }
            IndexSheets.fill(file, "I40", "九十");
            EvaluationSheet.ImportResult bad = m.importSheet(file, "张三");
            assertFalse(bad.accepted());
            assertEquals(1, bad.problems().size());
            String said = bad.problemLines(java.util.Locale.ENGLISH).get(0);
            assertTrue(said.contains("'九十' is not a number"), said);

            IndexSheets.fill(file, "I40", 92.5);
            EvaluationSheet.ImportResult ok = m.importSheet(file, "张三");
            assertTrue(ok.accepted(), String.valueOf(ok.problems()));
            assertEquals(1, ok.recorded());
            IndicatorResult i40 = m.trace().result(new Scope(ScopeKind.STATION, fx.stationId), nov).orElseThrow()
                    .indicators().stream().filter(i -> i.id().equals("I40")).findFirst().orElseThrow();
            assertEquals(92.5, i40.raw(), 1e-9, "the stored month has the imported value");
        } finally {
            real.shutdownNow();
        }
    }

    @Test
    void aSheetLargerThanItsLimitIsRefusedByItsSizeBeforeItIsOpened() throws Exception {
        IndexModule m = module(null);
        Path file = dir.resolve("huge.xlsx");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(EvaluationSheet.LIMIT.maxBytes() + 1);
        }
        org.commandroom.core.io.FileTooLarge e = org.junit.jupiter.api.Assertions.assertThrows(
                org.commandroom.core.io.FileTooLarge.class, () -> m.importSheet(file, "张三"));
        assertEquals("文件 huge.xlsx 有 10.0 MB，超过上限 10 MB；未读取任何内容",
                org.commandroom.app.ui.common.Failures.text(e, org.commandroom.app.ui.common.I18n.load(java.util.Locale.ROOT)),
                "the screen says it in its words, not an exception's");
        assertTrue(worker.isEmpty(), "nothing recorded, nothing recomputed");
    }

    private static String defaultYaml() throws Exception {
        try (var in = IndexDefinitions.class.getResourceAsStream(IndexDefinitions.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
