package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeService;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;

/**
 * Is the console still responsive while calls arrive at 100 a second? The real console ({@link RunningConsole}:
 * AppContext, main window with the queue, map, units, orders, alerts, the change feed) runs on an in-memory H2
 * database; a second thread records calls through {@link IntakeService} open-loop at a fixed rate. Measured on
 * the FX thread, for a quiet <b>baseline</b> phase and then an <b>intake</b> phase of the same length, in the same
 * run and window:
 * <ul>
 *   <li>probe delay: every 50 ms a task is posted with {@code Platform.runLater}; the time until it runs;</li>
 *   <li>frame gap: the time between two {@link AnimationTimer} pulses (16.7 ms when nothing holds the FX thread);</li>
 *   <li>record → row: from the commit of a call to its row first being in the queue table (intake phase only; the
 *       change feed polls every 250 ms, so 0-250 ms of it is the poll).</li>
 * </ul>
 * Headless (Monocle) unless {@code -Dglass.platform} is given (e.g. under Xvfb). docs/BENCHMARKS.md has the command.
 * Arguments: seconds per phase (30), calls per second (100).
 */
public final class IntakeUiResponsivenessHarness {

    private static final long PROBE_EVERY_MS = 50;

    private IntakeUiResponsivenessHarness() {
    }

    /** What one phase collected, in nanoseconds. */
    private static final class Phase {
        final String name;
        final List<Long> probe = Collections.synchronizedList(new ArrayList<>());
        final List<Long> frameGap = Collections.synchronizedList(new ArrayList<>());
        long fxCpuNanos;
        long wallNanos;

        Phase(String name) {
            this.name = name;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1600x900-32");
        }
        System.setProperty("java.awt.headless", "true");
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        Path dataDir = Files.createTempDirectory("ui-intake-harness");
        Stage stage = onFx(() -> {
            Theme.installUserAgentStylesheet();
            return new Stage();
        });
        try (RunningConsole console = RunningConsole.start(stage, dataDir, seed -> {
            for (int i = 1; i <= 20; i++) {
                seed.unit(String.format("城关%02d", i), UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(i), "民警" + i);
            }
        })) {
            run(console, seconds, rate);
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void run(RunningConsole console, int seconds, int rate) throws Exception {
        IntakeService intake = console.services().intake().intake();
        TableView<QueueRow> queue = console.table("incident-queue-table");
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        Map<Long, Long> shownAt = new ConcurrentHashMap<>();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        onFx(() -> {
            queue.getItems().addListener((ListChangeListener<QueueRow>) c -> {
                long now = System.nanoTime();
                while (c.next()) {
                    if (c.wasAdded()) {
                        for (QueueRow r : c.getAddedSubList()) {
                            if (seen.add(r.getEntry().id())) {
                                shownAt.put(r.getEntry().id(), now);
                            }
                        }
                    }
                }
            });
            return null;
        });

        AtomicReference<Phase> current = new AtomicReference<>();
        FxStallWatch stalls = FxStallWatch.start(() -> {
            Phase p = current.get();
            return p == null ? null : new FxStallWatch.Sink(p.probe, p.frameGap);
        }, PROBE_EVERY_MS);

        ExecutorService workers = Executors.newFixedThreadPool(2, r -> new Thread(r, "intake-worker"));
        List<Long> dueToCommit = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        Random random = new Random(7);

        // Warm-up: 5 s at a fifth of the rate, not measured.
        offer(intake, workers, 5, Math.max(1, rate / 5), random, committedAt, new ArrayList<>(), refused, "warm-up");
        Thread.sleep(1000);
        committedAt.clear();

        // The FX thread's own CPU time: how busy it is, whatever else loads the machine.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        Phase baseline = new Phase("baseline (no intake)");
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long wall0 = System.nanoTime();
        current.set(baseline);
        Thread.sleep(seconds * 1000L);

        Phase loaded = new Phase("intake " + rate + " calls/s");
        stalls.newPhase();
        long cpu1 = threads.getThreadCpuTime(fxThread);
        long wall1 = System.nanoTime();
        baseline.fxCpuNanos = cpu1 - cpu0;
        baseline.wallNanos = wall1 - wall0;
        current.set(loaded);
        int offered = offer(intake, workers, seconds, rate, random, committedAt, dueToCommit, refused, "intake");
        current.set(null);
        loaded.fxCpuNanos = threads.getThreadCpuTime(fxThread) - cpu1;
        loaded.wallNanos = System.nanoTime() - wall1;
        Thread.sleep(3000); // the last rows arrive with the next polls
        stalls.close();
        workers.shutdown();

        List<Long> recordToRow = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<Long, Long> e : committedAt.entrySet()) {
            Long shown = shownAt.get(e.getKey());
            if (shown == null) {
                missing++;
            } else {
                recordToRow.add(Math.max(0, shown - e.getValue()));
            }
        }
        int rows = onFx(() -> queue.getItems().size());

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nUI responsiveness under sustained intake: %d s per phase, %d calls/s offered, "
                + "prism %s, %s%n", seconds, rate, System.getProperty("prism.order"), System.getProperty("glass.platform")));
        out.append(String.format(Locale.ROOT, "%-32s %8s %8s %8s %8s %8s%n", "measure", "n", "p50 ms", "p90 ms", "p99 ms", "max ms"));
        for (Phase p : List.of(baseline, loaded)) {
            out.append(FxStallWatch.quantiles("FX probe delay, " + p.name, 32, p.probe));
            out.append(FxStallWatch.quantiles("frame gap, " + p.name, 32, p.frameGap));
        }
        for (Phase p : List.of(baseline, loaded)) {
            out.append(String.format(Locale.ROOT, "FX thread busy, %-22s %.1f %% of one core%n", p.name,
                    100.0 * p.fxCpuNanos / p.wallNanos));
        }
        out.append(FxStallWatch.quantiles("record -> row in queue", 32, recordToRow));
        out.append(FxStallWatch.quantiles("call due -> committed", 32, dueToCommit));
        out.append(String.format(Locale.ROOT, "load average at the end %.2f (%d cores)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "calls offered %d, committed %d (%.1f/s), refused %d; rows never shown %d; "
                        + "queue rows at the end %d%n", offered, committedAt.size(), committedAt.size() / (double) seconds,
                refused.get(), missing, rows));
        System.out.print(out);
    }

    /** Offers calls open-loop (call i is due at start + i/rate) for {@code seconds}; returns how many were offered. */
    private static int offer(IntakeService intake, ExecutorService workers, int seconds, int rate, Random random,
                             Map<Long, Long> committedAt, List<Long> dueToCommit, AtomicInteger refused, String actor)
            throws InterruptedException {
        int total = seconds * rate;
        long start = System.nanoTime();
        IncidentType[] types = {IncidentType.FIGHT, IncidentType.NOISE, IncidentType.FAMILY_DISPUTE,
                IncidentType.EBIKE_THEFT, IncidentType.TRAFFIC_ACCIDENT, IncidentType.HELP_OTHER};
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1_000_000_000.0 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            // Inside the seeded police grid (103.70-103.72 E, 29.20-29.22 N), mostly new callers and addresses.
            double lat = 29.2005 + random.nextDouble() * 0.019;
            double lon = 103.7005 + random.nextDouble() * 0.019;
            String caller = "139" + String.format("%08d", random.nextInt(100_000_000));
            String address = "南关路" + (1 + random.nextInt(3000)) + "号";
            IncidentType type = types[random.nextInt(types.length)];
            workers.execute(() -> {
                try {
                    var r = intake.record(CallReport.of(caller, address, GeoPoint.wgs84(lat, lon), type, null, "压力测试"), actor);
                    long done = System.nanoTime();
                    committedAt.put(r.incident().id(), done);
                    dueToCommit.add(done - due);
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                }
            });
        }
        return total;
    }


}
