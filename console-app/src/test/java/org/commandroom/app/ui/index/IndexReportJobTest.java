package org.commandroom.app.ui.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.commandroom.app.Fixture;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.jobs.Job;
import org.commandroom.app.ui.queue.IncidentQueueViewModel;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.Period;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF report as a job, with the console's executors (short reads, long reads, jobs, and one thread standing for
 * the FX thread): the queue reloaded while a report is being written gets its rows at once, not after the report
 * (and, as the control, it does wait when jobs share the short-read executor, as they did); a report cancelled
 * before it started leaves no file.
 */
class IndexReportJobTest {

    @TempDir
    Path dir;
    private Fixture fx;
    private ExecutorService worker;
    private ExecutorService io;
    private ExecutorService longIo;
    private ExecutorService jobs;
    private ExecutorService fxThread;
    private IndexModule module;
    private final I18n zh = I18n.load(Locale.ROOT);

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        for (int i = 0; i < 30; i++) {
            fx.incident(IncidentType.FIGHT, 2, i % 3 == 0 ? IncidentStatus.NEW : IncidentStatus.CLOSED,
                    Duration.ofMinutes(10 + i), "人民路" + i + "号");
        }
        worker = Executors.newSingleThreadExecutor();
        module = IndexModule.create(fx.db.jdbi(), fx.clock, null, new ChangeRecorder(fx.clock, "test"),
                new Numbering(fx.clock, Fixture.ZONE), worker);
        module.recomputeNow();
        io = Tasks.newIoExecutor("console-io");
        longIo = Tasks.newIoExecutor("console-io-long");
        jobs = Tasks.newIoExecutor("console-jobs");
        fxThread = Tasks.newIoExecutor("fx");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ExecutorService e : List.of(jobs, longIo, io, fxThread, worker)) {
            e.shutdown();
            e.awaitTermination(20, TimeUnit.SECONDS);
        }
        fx.close();
    }

    private <T> T onFx(Callable<T> c) throws Exception {
        return fxThread.submit(c).get(10, TimeUnit.SECONDS);
    }

    private void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!onFx(condition::getAsBoolean)) {
            assertTrue(System.nanoTime() < deadline, "not within 20 s: " + what);
            Thread.sleep(5);
        }
    }

    /** What the queue's reload saw: how long it took, and whether the report was still being written when it ended. */
    private record Reload(long millis, Job.State jobStateThen) {
    }

    private Reload reloadTheQueueWhileAReportIsWritten(Tasks tasks, Path file) throws Exception {
        IndexDashboardViewModel vm = new IndexDashboardViewModel(module, null, tasks, "值班员");
        IncidentQueueViewModel queue = new IncidentQueueViewModel(fx.incidents, fx.feed(null, fxThread, Duration.ofSeconds(1)),
                tasks, fx.clock, DisplaySettings.defaults());
        onFx(() -> {
            vm.activate(Period.month(2026, 11));
            return null;
        });
        waitUntil("the dashboard has its station", () -> vm.stationProperty().get() != null && vm.resultProperty().get() != null);
        onFx(() -> {
            vm.exportReport(file, zh::tr, zh.locale());
            return null;
        });
        waitUntil("the report job runs", () -> vm.jobProperty().get() != null
                && vm.jobProperty().get().stateProperty().get() == Job.State.RUNNING);
        CompletableFuture<Reload> seen = new CompletableFuture<>();
        long t0 = System.nanoTime();
        onFx(() -> {
            queue.loadingProperty().addListener((o, was, loading) -> {
                if (!loading) {
                    seen.complete(new Reload((System.nanoTime() - t0) / 1_000_000, vm.jobProperty().get().stateProperty().get()));
                }
            });
            queue.reload();
            return null;
        });
        Reload r = seen.get(30, TimeUnit.SECONDS);
        waitUntil("the report is written", () -> vm.jobProperty().get().stateProperty().get().finished());
        assertTrue(onFx(() -> vm.reportOutcomeProperty().get().ok()), () -> "report: " + vm.reportOutcomeProperty().get());
        assertEquals(10, onFx(() -> queue.rows().size()).intValue(), "the open calls");
        return r;
    }

    @Test
    void theQueueReloadedWhileAReportIsWrittenIsNotHeldBehindIt() throws Exception {
        Reload own = reloadTheQueueWhileAReportIsWritten(new Tasks(io, longIo, jobs, fxThread::execute), dir.resolve("a.pdf"));
        assertEquals(Job.State.RUNNING, own.jobStateThen(), "the queue had its rows while the report was still being written");
        assertTrue(own.millis() < 1000, "the queue's read took " + own.millis() + " ms");
        assertTrue(Files.size(dir.resolve("a.pdf")) > 10_000);

        // The control: with the job on the short-read executor (as before) the same reload waits for the report.
        Reload shared = reloadTheQueueWhileAReportIsWritten(new Tasks(io, longIo, io, fxThread::execute), dir.resolve("b.pdf"));
        assertNotEquals(Job.State.RUNNING, shared.jobStateThen(), "behind the report, the queue waited for it to end");
        assertTrue(shared.millis() > own.millis(), "shared: " + shared.millis() + " ms, own executor: " + own.millis() + " ms");
        org.slf4j.LoggerFactory.getLogger(IndexReportJobTest.class).info(
                "Queue reload while a report is written: {} ms with the jobs executor, {} ms behind the report", own.millis(),
                shared.millis());
    }

    @Test
    void aReportCancelledBeforeItStartsLeavesNoFileAndSaysSo() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        Tasks tasks = new Tasks(io, longIo, jobs, fxThread::execute);
        jobs.execute(() -> {
            try {
                busy.await(); // another job holds the jobs executor
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        IndexDashboardViewModel vm = new IndexDashboardViewModel(module, null, tasks, "值班员");
        onFx(() -> {
            vm.activate(Period.month(2026, 11));
            return null;
        });
        waitUntil("the dashboard has its station", () -> vm.stationProperty().get() != null);
        Path file = dir.resolve("取消.pdf");
        onFx(() -> {
            vm.exportReport(file, zh::tr, zh.locale());
            assertTrue(vm.busy());
            vm.jobProperty().get().cancel();
            return null;
        });
        busy.countDown();
        waitUntil("the report job ends", () -> vm.jobProperty().get().stateProperty().get().finished());
        assertEquals(Job.State.CANCELLED, onFx(() -> vm.jobProperty().get().stateProperty().get()));
        assertTrue(onFx(() -> vm.reportOutcomeProperty().get().cancelled()));
        assertFalse(Files.exists(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
