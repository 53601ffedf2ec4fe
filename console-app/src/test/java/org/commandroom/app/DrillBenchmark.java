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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.commandroom.app.drill.DrillContext;
import org.commandroom.app.drill.DrillOptions;
import org.commandroom.app.drill.DrillWindows;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.drill.Scenario;
import org.commandroom.core.drill.ScenarioLoader;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;

/**
 * The drill's two speed targets (issue 13), printed, not asserted:
 * <ol>
 *   <li><b>drill database</b>: {@link DrillSession#create} timed (a) the first drill of a county, which generates the
 *       drill county (2,000 incidents of history) and keeps it as a template, (b) every drill after, which copies the
 *       template, and (c) from the full demo snapshot (the demo county with its year of history, as the console makes
 *       it, generated once here and named by the scenario's {@code snapshot:}). Target under 5 s.</li>
 *   <li><b>a 200-event scenario at 20×</b>: a scenario generated here (120 calls, 50 unit moves and behaviours, 30
 *       sightings and dark cameras over 20 minutes) played by {@link DrillContext}'s own timer at 20× with the real
 *       drill windows (the desk under the DRILL banner and the instructor's window) on headless Monocle, 1600×900,
 *       software pipeline. Measured over the run (60 s of wall time): the FX thread's CPU time over wall time
 *       ({@link ThreadMXBean}, target under 10 %), the renderer's and the process's beside it, the delay of a
 *       {@code Platform.runLater} probe every 50 ms and the gap between frames ({@link FxStallWatch}).</li>
 * </ol>
 * Arguments: how many warm creations (5), and {@code nofull} to skip (c). docs/BENCHMARKS.md has the command.
 */
public final class DrillBenchmark {

    private static final long PROBE_EVERY_MS = 50;
    private static final String[] PLACES = {"新华夜市", "沐溪夜市", "人民夜市", "中石化人民加油站", "中国农业银行人民支行",
        "中国工商银行兴隆支行", "中国工商银行新华支行", "中国建设银行锦屏支行", "新华网吧", "榕树小学", "锦屏中学",
        "锦屏宾馆", "锦屏社区服务中心"};
    private static final String[] UNITS = {"清溪摩04", "清溪步02", "玉津巡02", "玉津步01", "解放巡04"};
    private static final String[] TYPES = {"FIGHT", "EBIKE_THEFT", "TRAFFIC_ACCIDENT", "NOISE", "FAMILY_DISPUTE", "TELECOM_FRAUD",
        "PICKPOCKET", "HELP_OTHER"};

    private DrillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("ahead")) {
            ahead();
            return;
        }
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean full = !(args.length > 1 && args[1].equals("nofull"));
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1600x900-32");
        }
        System.setProperty("java.awt.headless", "true");
        Path dataDir = Files.createTempDirectory("drill-bench");
        ExecutorService background = Executors.newSingleThreadExecutor();
        int status = 0;
        StringBuilder out = new StringBuilder();
        try {
            databases(dataDir, warm, full, background, out);
            Platform.startup(() -> { });
            Platform.setImplicitExit(false);
            twentyTimes(dataDir, out);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            background.shutdown();
            Platform.exit();
        }
        System.out.print(out);
        System.exit(status);
    }

    private static void databases(Path dataDir, int warm, boolean full, ExecutorService background, StringBuilder out)
            throws Exception {
        Scenario s = new ScenarioLoader().bundled("fugitive-qianjin-road.yaml");
        out.append(String.format(Locale.ROOT, "== drill database (scenario %s, %s seed %d, %d incidents of history)%n", s.id(),
                s.county().profile(), s.county().seed(), s.county().historyIncidents()));
        long t0 = System.nanoTime();
        try (DrillSession first = DrillSession.create(s, dataDir, "bench", background)) {
            out.append(String.format(Locale.ROOT, "first drill of the county (generates the template): %,d ms%n",
                    (System.nanoTime() - t0) / 1_000_000));
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            long t = System.nanoTime();
            try (DrillSession d = DrillSession.create(s, dataDir, "bench", background)) {
                times.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        out.append(String.format(Locale.ROOT, "every drill after (copies the template), %d runs: %s ms, median %d ms%n", warm,
                times, median(times)));
        if (!full) {
            return;
        }
        // The full demo county as the console makes it (a year of history), kept as a snapshot file.
        Path snapshots = dataDir.resolve("snapshots");
        Files.createDirectories(snapshots);
        long g = System.nanoTime();
        try (Database db = Database.open(DbSettings.embedded(snapshots, "demo"))) {
            new DemoCountyGenerator(db.jdbi(), DemoProfile.named("DEMO"), s.county().seed()).generate(s.county().start(), null);
        }
        long generated = (System.nanoTime() - g) / 1_000_000;
        long bytes = Files.size(snapshots.resolve("demo.mv.db"));
        Scenario fromSnapshot = new Scenario(s.id(), s.name(), s.nameEn(), s.description(),
                new Scenario.County(s.county().profile(), s.county().seed(), s.county().historyIncidents(), s.county().start(),
                        "snapshots/demo.mv.db"), s.duration(), s.timeline(), s.injectable(), s.answerKey());
        List<Long> snap = new ArrayList<>();
        for (int i = 0; i < Math.max(1, warm); i++) {
            long t = System.nanoTime();
            try (DrillSession d = DrillSession.create(fromSnapshot, dataDir, "bench", background)) {
                snap.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        out.append(String.format(Locale.ROOT, "from the full demo snapshot (%.1f MB, generated in %,d ms, not counted), %d runs: "
                + "%s ms, median %d ms%n", bytes / 1e6, generated, snap.size(), snap, median(snap)));
    }

    /**
     * {@code ahead}: in a fresh JVM on an empty data directory, the bundled scenarios' counties made ahead as a trainee's
     * desk makes them in the background ({@code DrillTemplates.prepare}, each county timed), then the first drill of
     * each bundled scenario, which copies its county.
     */
    static void ahead() throws Exception {
        Path dataDir = Files.createTempDirectory("drill-bench-ahead");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            long t0 = System.nanoTime();
            List<Scenario> bundled = org.commandroom.core.drill.DrillTemplates.bundled();
            long read = (System.nanoTime() - t0) / 1_000_000;
            List<Long> each = new ArrayList<>();
            for (Scenario s : bundled) {
                long t = System.nanoTime();
                org.commandroom.core.drill.DrillTemplates.prepare(dataDir, List.of(s));
                each.add((System.nanoTime() - t) / 1_000_000);
            }
            long total = (System.nanoTime() - t0) / 1_000_000;
            List<Long> first = new ArrayList<>();
            for (Scenario s : bundled) {
                long t = System.nanoTime();
                try (DrillSession d = DrillSession.create(s, dataDir, "bench", background)) {
                    first.add((System.nanoTime() - t) / 1_000_000);
                }
            }
            System.out.printf(Locale.ROOT, "== counties made ahead (scenarios read in %,d ms): %s ms, %,d ms in all%n", read, each,
                    total);
            System.out.printf(Locale.ROOT, "first drill of each bundled scenario after: %s ms, median %d ms, max %d ms%n", first,
                    median(first), first.stream().mapToLong(Long::longValue).max().orElse(0));
        } finally {
            background.shutdown();
        }
        System.exit(0);
    }

    /** The 200-event scenario, as YAML. */
    static String twoHundredEvents() {
        StringBuilder y = new StringBuilder();
        y.append("format: commandroom-drill/1\nid: bench-200\nname: 两百个事件\nnameEn: Two hundred events\n")
                .append("durationMinutes: 20\ncounty: {profile: DEMO, seed: 20240507, historyIncidents: 2000, ")
                .append("start: \"2026-03-12T11:00:00Z\"}\ntimeline:\n");
        for (int i = 0; i < 200; i++) {
            int seconds = 3 + i * 6; // one every 6 s of scenario time: at 20x, one every 0.3 s
            String at = String.format(Locale.ROOT, "\"%02d:%02d\"", seconds / 60, seconds % 60);
            String place = PLACES[i % PLACES.length];
            if (i % 20 < 12) {
                y.append(String.format(Locale.ROOT, "  - at: %s%n    call: {id: c%d, caller: 报警人%d, number: \"139%08d\", "
                                + "address: %s, type: %s, says: 第%d起报警，请派人看看。}%n", at, i, i, 30_000_000 + i, place,
                        TYPES[i % TYPES.length], i + 1));
            } else if (i % 20 < 17) {
                String behaviour = i % 3 == 0 ? "late-on-scene" : i % 3 == 1 ? "normal" : "never-signs";
                y.append(String.format(Locale.ROOT, "  - at: %s%n    unit: {callSign: %s, moveTo: %s, status: AVAILABLE, behaviour: %s}%n",
                        at, UNITS[i % UNITS.length], place, behaviour));
            } else {
                y.append(String.format(Locale.ROOT, "  - at: %s%n    inject: {id: x%d, kind: %s, address: %s, says: 第%d条线索。}%n", at,
                        i, i % 2 == 0 ? "SIGHTING" : "CAMERA_DARK", place, i + 1));
            }
        }
        y.append("answerKey:\n  rubric: {wrongDispatch: 5}\n  expected:\n")
                .append("    - {id: first, action: DISPATCH, for: c0, assignee: any, within: \"03:00\", points: 10}\n");
        return y.toString();
    }

    private static void twentyTimes(Path dataDir, StringBuilder out) throws Exception {
        Path file = dataDir.resolve("bench-200.yaml");
        Files.writeString(file, twoHundredEvents());
        Scenario scenario = new ScenarioLoader().load(file);
        out.append(String.format(Locale.ROOT, "== %d-event scenario at 20x with the drill windows (1600x900, %s, %s)%n",
                scenario.timeline().size(), System.getProperty("prism.order"), System.getProperty("glass.platform")));
        LaunchOptions options = new LaunchOptions(Optional.empty(), dataDir, Locale.ROOT, false);
        DrillOptions drill = DrillOptions.extract(List.of("--drill", file.toString(), "--trainee", "bench")).drill();
        DrillContext context = new DrillContext(options, drill, Platform::runLater);
        try {
            AppServices services = context.start();
            DrillSession session = context.session();
            Stage stage = onFx(() -> {
                Theme.installUserAgentStylesheet();
                return new Stage();
            });
            DrillWindows windows = onFx(() -> new DrillWindows(session, services, context.tasks(), context.i18n(), "bench"));
            onFx(() -> windows.show(stage, context.i18n()));
            Thread.sleep(5_000); // the desk's first reads and layout, unmeasured
            AtomicInteger played = new AtomicInteger();
            session.addListener(e -> {
                if (!"TERMINAL".equals(e.kind())) {
                    played.incrementAndGet();
                }
            });
            List<Long> probe = Collections.synchronizedList(new ArrayList<>());
            List<Long> frames = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<FxStallWatch.Sink> sink = new AtomicReference<>();
            FxStallWatch watch = FxStallWatch.start(sink::get, PROBE_EVERY_MS);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long fxThread = onFx(() -> Thread.currentThread().getId());
            long renderThread = FxStallWatch.threadNamed(threads, "QuantumRenderer");
            long cpu0 = threads.getThreadCpuTime(fxThread);
            long render0 = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            long process0 = FxStallWatch.processCpu();
            long wall0 = System.nanoTime();
            watch.newPhase();
            sink.set(new FxStallWatch.Sink(probe, frames));
            onFx(() -> {
                windows.control().setSpeed(20);
                windows.control().start();
                return null;
            });
            long limit = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!session.isFinished() && System.nanoTime() < limit) {
                Thread.sleep(100);
            }
            sink.set(null);
            long wall = System.nanoTime() - wall0;
            long fx = threads.getThreadCpuTime(fxThread) - cpu0;
            long render = renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread) - render0;
            long process = FxStallWatch.processCpu() - process0;
            watch.close();
            long incidents = session.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM incident WHERE received_at >= :s").bind("s", session.clock().start()).mapTo(Long.class).one());
            out.append(String.format(Locale.ROOT, "played %d timeline events (+ terminals' answers) in %.1f s wall, finished: %s, "
                    + "%d drill incidents recorded%n", played.get(), wall / 1e9, session.isFinished(), incidents));
            out.append(String.format(Locale.ROOT, "FX thread busy %.1f %% of one core (renderer %.1f %%, process %.1f %% of one core)%n",
                    100.0 * fx / wall, render < 0 ? -1.0 : 100.0 * render / wall, 100.0 * process / wall));
            out.append(String.format(Locale.ROOT, "%-20s %8s %8s %8s %8s %8s%n", "ms", "n", "p50", "p90", "p99", "max"));
            out.append(FxStallWatch.quantiles("FX probe delay", 20, probe));
            out.append(FxStallWatch.quantiles("frame gap", 20, frames));
            onFx(() -> {
                stage.close();
                return null;
            });
        } finally {
            context.close();
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.isEmpty() ? 0 : s.get(s.size() / 2);
    }




}
