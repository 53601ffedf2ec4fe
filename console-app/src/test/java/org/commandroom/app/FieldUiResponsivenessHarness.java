package org.commandroom.app;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.UnitMarker;
import org.commandroom.app.ui.units.UnitRow;
import org.commandroom.core.field.PositionFix;
import org.commandroom.core.field.PositionIngest;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.unit.UnitBoardEntry;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;

/**
 * Does the desk keep up while 500 units report a position every second? The real console ({@link RunningConsole}:
 * AppContext with its change feed and field runtime, the main window with queue, live map, unit board, orders) runs
 * on an H2 <b>file</b> database seeded with a district of 36 police grids (about 12 × 13 km) and {@code units} patrol
 * units spread over it. A driver thread gives every unit one fix a second, open loop (unit i at i/units of each
 * second), moving it along its heading at 5-15 m/s; a second thread changes a unit's status {@code status} times a
 * second through {@link UnitService#changeStatus}. Phases of the same length, in the same window, in this order:
 * <ol>
 *   <li><b>idle</b>: the 500 units are on the map and the board, nothing moves, no status changes;</li>
 *   <li><b>per-fix</b>: every fix its own {@link UnitService#reportPosition} transaction (two worker threads: what the
 *       demo simulator does), plus the status changes;</li>
 *   <li><b>ingest</b>: every fix offered to the console's own {@link PositionIngest} (the batched writer terminals and
 *       receivers use), plus the status changes.</li>
 * </ol>
 * Each loaded phase runs 5 s unmeasured first. Measured per phase:
 * <ul>
 *   <li>FX thread busy: the FX thread's CPU time over the phase's wall time ({@link ThreadMXBean}); the renderer
 *       thread's and the whole process's share beside it;</li>
 *   <li>probe delay: every 50 ms a task posted with {@code Platform.runLater}, the time until it runs; frame gap:
 *       the time between two {@link AnimationTimer} pulses;</li>
 *   <li>fix due → board: from the moment a fix was due to the unit board's row ({@code UnitRow.entryProperty})
 *       holding that fix; fix due → map: to the live map's view model ({@code LiveMapViewModel.units()}) holding it.
 *       A fix overtaken by the unit's next one before the board or map showed it counts as skipped;</li>
 *   <li>status → board / map: from the call of {@code changeStatus} (its commit included) to the row / marker
 *       showing the new status.</li>
 * </ul>
 * The hooks that watch the board and the map run on the FX thread; their own time is printed too.
 * Arguments: seconds per phase (60), units (500), status changes per second (10), phases (idle,perfix,ingest).
 * docs/BENCHMARKS.md has the command.
 */
public final class FieldUiResponsivenessHarness {

    private static final long PROBE_EVERY_MS = 50;
    private static final int WARM_UP_S = 5;
    /** The district: 6 × 6 police grids of 0.02° from here. */
    private static final double SOUTH = 29.16;
    private static final double WEST = 103.66;
    private static final double SIZE_DEG = 0.12;

    private FieldUiResponsivenessHarness() {
    }

    /** What one phase collected (nanoseconds). */
    private static final class Phase {
        final String name;
        final List<Long> probe = Collections.synchronizedList(new ArrayList<>());
        final List<Long> frameGap = Collections.synchronizedList(new ArrayList<>());
        final List<Long> fixToBoard = Collections.synchronizedList(new ArrayList<>());
        final List<Long> fixToMap = Collections.synchronizedList(new ArrayList<>());
        final List<Long> statusToBoard = Collections.synchronizedList(new ArrayList<>());
        final List<Long> statusToMap = Collections.synchronizedList(new ArrayList<>());
        final List<Long> fixToCommit = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong fixesDue = new AtomicLong();
        final AtomicLong statusChanges = new AtomicLong();
        final AtomicLong statusConflicts = new AtomicLong();
        final AtomicLong hookNanos = new AtomicLong();
        long fxCpu;
        long renderCpu;
        long processCpu;
        long wall;

        Phase(String name) {
            this.name = name;
        }
    }

    /** When a fix was due or a status committed (nanoTime), and the phase it counts for (null: warm-up). */
    private record Due(long nanos, Phase phase, UnitStatus status) {
    }

    /** The newest fix and status each unit was given, and when (shared by the feeding threads and the FX hooks). */
    private static final class Expected {
        /** key: unit index × 10^13 + fix time in epoch ms. */
        final Map<Long, Due> fixDue = new ConcurrentHashMap<>();
        final Map<Integer, Due> statusForBoard = new ConcurrentHashMap<>();
        final Map<Integer, Due> statusForMap = new ConcurrentHashMap<>();
        final long[] boardShown; // newest fix time (ms) the board showed, per unit (FX thread only)
        final long[] mapShown;

        Expected(int units) {
            boardShown = new long[units];
            mapShown = new long[units];
        }

        static long key(int unit, long fixMillis) {
            return unit * 10_000_000_000_000L + fixMillis;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int statusRate = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> phases = List.of((args.length > 3 ? args[3] : "idle,perfix,ingest").split(","));
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
        Path dataDir = Files.createTempDirectory("ui-field-harness");
        // The embedded console's own file options (DbSettings.embedded): every commit reaches the file.
        String url = "jdbc:h2:file:" + dataDir.resolve("desk").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0;TRACE_LEVEL_FILE=4";
        Stage stage = onFx(() -> {
            Theme.installUserAgentStylesheet();
            return new Stage();
        });
        long[] ids = new long[units];
        int status = 0;
        try (RunningConsole console = RunningConsole.startOn(stage, dataDir, url, seed -> seedDistrict(seed, ids))) {
            run(console, ids, seconds, statusRate, phases);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1; // the console's own threads would keep the JVM alive
        } finally {
            Platform.exit();
        }
        System.exit(status);
    }

    /** 36 police grids of 0.02° (the fixture's own is one of them) and the units, each with two officers. */
    private static void seedDistrict(Fixture seed, long[] ids) {
        seed.db.jdbi().useHandle(h -> {
            for (int row = 0; row < 6; row++) {
                for (int col = 0; col < 6; col++) {
                    double s = SOUTH + row * 0.02;
                    double w = WEST + col * 0.02;
                    if (Math.abs(s - 29.20) < 1e-9 && Math.abs(w - 103.70) < 1e-9) {
                        continue; // the fixture's grid G1
                    }
                    String wkt = String.format(Locale.ROOT, "POLYGON((%.2f %.2f, %.2f %.2f, %.2f %.2f, %.2f %.2f, %.2f %.2f))",
                            w, s, w + 0.02, s, w + 0.02, s + 0.02, w, s + 0.02, w, s);
                    h.createUpdate("INSERT INTO police_grid (station_id, code, name, boundary_wkt, datum) "
                                    + "VALUES (:s, :c, :n, :w, 'WGS84')")
                            .bind("s", seed.stationId).bind("c", String.format("G%d%d", row, col))
                            .bind("n", String.format("第%d警格", row * 6 + col + 1)).bind("w", wkt).execute();
                }
            }
        });
        Random r = new Random(16);
        Instant now = Instant.now();
        for (int i = 0; i < ids.length; i++) {
            UnitKind kind = i % 20 < 12 ? UnitKind.CAR : i % 20 < 17 ? UnitKind.MOTORBIKE : UnitKind.FOOT;
            UnitStatus status = i % 10 < 7 ? UnitStatus.AVAILABLE : i % 10 < 9 ? UnitStatus.BUSY : UnitStatus.ON_SCENE;
            ids[i] = seed.unit(String.format("巡%03d", i + 1), kind, status, Duration.ofSeconds(1),
                    "民警" + (2 * i + 1), "民警" + (2 * i + 2));
            seed.units.reportPosition(ids[i], GeoPoint.wgs84(SOUTH + r.nextDouble() * SIZE_DEG,
                    WEST + r.nextDouble() * SIZE_DEG), r.nextDouble() * 360, now);
        }
    }

    private static void run(RunningConsole console, long[] ids, int seconds, int statusRate, List<String> phases)
            throws Exception {
        int units = ids.length;
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < units; i++) {
            index.put(ids[i], i);
        }
        waitUntil(Duration.ofSeconds(60), "the map shows every unit", () -> {
            LiveMapView map = (LiveMapView) console.scene.lookup("#live-map");
            return map != null && map.viewModel().units().size() == units;
        });
        ObservableList<UnitRow> board = onFx(() -> console.<UnitRow>table("unit-board-table").getItems());
        ObservableList<UnitMarker> markers = onFx(() -> ((LiveMapView) console.scene.lookup("#live-map")).viewModel().units());
        waitUntil(Duration.ofSeconds(30), "the board shows every unit", () -> board.size() == units);

        Expected expected = new Expected(units);
        AtomicReference<Phase> current = new AtomicReference<>();
        hookBoard(board, index, expected, current);
        hookMap(markers, index, expected, current);

        FxStallWatch stalls = FxStallWatch.start(() -> {
            Phase p = current.get();
            return p == null ? null : new FxStallWatch.Sink(p.probe, p.frameGap);
        }, PROBE_EVERY_MS);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        long renderThread = FxStallWatch.threadNamed(threads, "QuantumRenderer");
        PositionIngest ingest = console.context.field().ingest();
        if (ingest == null) {
            throw new IllegalStateException("the console did not start its position ingest");
        }
        Motion motion = new Motion(units, new Random(5));
        motion.startFrom(console.services().units().board(), index);
        List<Phase> done = new ArrayList<>();
        for (String name : phases) {
            Phase p = new Phase(name);
            Load load = name.equals("idle") ? null : new Load(console, ids, motion, expected, current, statusRate,
                    name.equals("ingest") ? ingest : null);
            if (load != null) {
                load.start();
                Thread.sleep(WARM_UP_S * 1000L);
            }
            stalls.newPhase();
            long cpu0 = threads.getThreadCpuTime(fxThread);
            long render0 = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            long process0 = FxStallWatch.processCpu();
            long wall0 = System.nanoTime();
            current.set(p);
            Thread.sleep(seconds * 1000L);
            current.set(null);
            p.wall = System.nanoTime() - wall0;
            p.fxCpu = threads.getThreadCpuTime(fxThread) - cpu0;
            p.renderCpu = renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread) - render0;
            p.processCpu = FxStallWatch.processCpu() - process0;
            if (load != null) {
                load.stop();
            }
            done.add(p);
            Thread.sleep(2000); // the last fixes and statuses settle before the next phase
            System.out.printf(Locale.ROOT, "phase %s done (%d fixes due)%n", name, p.fixesDue.get());
        }
        stalls.close();
        print(done, seconds, units, statusRate, ingest);
    }

    /** Watches every board row's entry: a new fix time or the expected status is recorded with its delay. */
    private static void hookBoard(ObservableList<UnitRow> board, Map<Long, Integer> index, Expected expected,
                                  AtomicReference<Phase> current) {
        ChangeListener<UnitBoardEntry> onEntry = (o, was, e) -> {
            long t0 = System.nanoTime();
            Integer i = index.get(e.id());
            Phase p = current.get();
            if (i != null) {
                seen(i, e.fixAt(), e.status(), t0, expected, expected.boardShown, expected.statusForBoard, true);
            }
            if (p != null) {
                p.hookNanos.addAndGet(System.nanoTime() - t0);
            }
        };
        onFx(() -> {
            board.forEach(r -> r.entryProperty().addListener(onEntry));
            board.addListener((ListChangeListener<UnitRow>) c -> {
                while (c.next()) {
                    if (c.wasAdded()) {
                        c.getAddedSubList().forEach(r -> {
                            r.entryProperty().addListener(onEntry);
                            onEntry.changed(r.entryProperty(), null, r.getEntry());
                        });
                    }
                }
            });
            return null;
        });
    }

    /** Watches the map's unit markers (replaced as a list whenever any unit changes). */
    private static void hookMap(ObservableList<UnitMarker> markers, Map<Long, Integer> index, Expected expected,
                                AtomicReference<Phase> current) {
        onFx(() -> {
            markers.addListener((ListChangeListener<UnitMarker>) c -> {
                long t0 = System.nanoTime();
                Phase p = current.get();
                for (UnitMarker m : markers) {
                    Integer i = index.get(Long.parseLong(m.id()));
                    if (i != null) {
                        seen(i, m.fixTime(), m.status(), t0, expected, expected.mapShown, expected.statusForMap, false);
                    }
                }
                if (p != null) {
                    p.hookNanos.addAndGet(System.nanoTime() - t0);
                }
            });
            return null;
        });
    }

    /** A fix or status shown for the first time counts for the phase it was given in (shown during it or after). */
    private static void seen(int i, Instant fixAt, UnitStatus status, long now, Expected expected,
                             long[] shown, Map<Integer, Due> statusWanted, boolean board) {
        if (fixAt != null && fixAt.toEpochMilli() > shown[i]) {
            shown[i] = fixAt.toEpochMilli();
            Due due = expected.fixDue.get(Expected.key(i, fixAt.toEpochMilli()));
            if (due != null && due.phase() != null) {
                (board ? due.phase().fixToBoard : due.phase().fixToMap).add(now - due.nanos());
            }
        }
        Due want = statusWanted.get(i);
        if (want != null && want.status() == status && statusWanted.remove(i, want) && want.phase() != null) {
            (board ? want.phase().statusToBoard : want.phase().statusToMap).add(now - want.nanos());
        }
    }

    /** Where each unit is and where it is heading; advanced one second per fix, turning back at the district's edge. */
    private static final class Motion {
        final double[] lat;
        final double[] lon;
        final double[] heading;
        final double[] speed;
        final Random random;

        Motion(int units, Random random) {
            lat = new double[units];
            lon = new double[units];
            heading = new double[units];
            speed = new double[units];
            this.random = random;
        }

        void startFrom(List<UnitBoardEntry> board, Map<Long, Integer> index) {
            for (UnitBoardEntry e : board) {
                Integer i = index.get(e.id());
                if (i != null && e.position() != null) {
                    GeoPoint p = e.position();
                    lat[i] = p.lat();
                    lon[i] = p.lon();
                    heading[i] = random.nextDouble() * 360;
                    speed[i] = 5 + random.nextDouble() * 10;
                }
            }
        }

        GeoPoint step(int i) {
            if (random.nextInt(20) == 0) {
                heading[i] = (heading[i] + 90 * (random.nextBoolean() ? 1 : -1) + 360) % 360;
            }
            double a = Math.toRadians(heading[i]);
            double nLat = lat[i] + speed[i] * Math.cos(a) / 111_320.0;
            double nLon = lon[i] + speed[i] * Math.sin(a) / (111_320.0 * Math.cos(Math.toRadians(lat[i])));
            if (nLat < SOUTH || nLat > SOUTH + SIZE_DEG || nLon < WEST || nLon > WEST + SIZE_DEG) {
                heading[i] = (heading[i] + 180) % 360;
                return GeoPoint.wgs84(lat[i], lon[i]);
            }
            lat[i] = nLat;
            lon[i] = nLon;
            return GeoPoint.wgs84(nLat, nLon);
        }
    }

    /** The fixes (open loop, one a second per unit) and the status changes of one loaded phase. */
    private static final class Load {
        final RunningConsole console;
        final long[] ids;
        final Motion motion;
        final Expected expected;
        final AtomicReference<Phase> current;
        final int statusRate;
        final PositionIngest ingest; // null: one reportPosition transaction per fix
        final ExecutorService workers = Executors.newFixedThreadPool(2, r -> new Thread(r, "per-fix-writer"));
        final ScheduledExecutorService statusTicker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "status-changer"));
        final Thread driver;
        volatile boolean running = true;
        long statusCount;

        Load(RunningConsole console, long[] ids, Motion motion, Expected expected, AtomicReference<Phase> current,
             int statusRate, PositionIngest ingest) {
            this.console = console;
            this.ids = ids;
            this.motion = motion;
            this.expected = expected;
            this.current = current;
            this.statusRate = statusRate;
            this.ingest = ingest;
            this.driver = new Thread(this::drive, "fix-driver");
        }

        void start() {
            driver.start();
            if (statusRate > 0) {
                statusTicker.scheduleAtFixedRate(this::changeOneStatus, 0, 1_000_000_000L / statusRate, TimeUnit.NANOSECONDS);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            driver.join();
            statusTicker.shutdown();
            statusTicker.awaitTermination(10, TimeUnit.SECONDS);
            workers.shutdown();
            workers.awaitTermination(120, TimeUnit.SECONDS);
        }

        private void drive() {
            int units = ids.length;
            long step = 1_000_000_000L / units;
            long start = System.nanoTime();
            long base = System.currentTimeMillis();
            UnitService service = console.services().units();
            for (long k = 0; running; k++) {
                long due = start + k * step;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                int i = (int) (k % units);
                GeoPoint at = motion.step(i);
                Instant fixAt = Instant.ofEpochMilli(base + k * 1000 / units);
                double heading = motion.heading[i];
                Phase p = current.get();
                expected.fixDue.put(Expected.key(i, fixAt.toEpochMilli()), new Due(due, p, null));
                if (p != null) {
                    p.fixesDue.incrementAndGet();
                }
                if (ingest != null) {
                    ingest.offer(new PositionFix(ids[i], at, fixAt, motion.speed[i], heading, 8.0, "harness"));
                } else {
                    workers.execute(() -> {
                        service.reportPosition(ids[i], at, heading, fixAt);
                        if (p != null) {
                            p.fixToCommit.add(System.nanoTime() - due);
                        }
                    });
                }
            }
        }

        /** Toggles one unit between available and busy, round the district in a stride, as a desk would. */
        private void changeOneStatus() {
            int i = (int) ((statusCount++ * 37) % ids.length);
            Phase p = current.get();
            UnitService service = console.services().units();
            try {
                int version = console.services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT version FROM patrol_unit WHERE id = :id").bind("id", ids[i]).mapTo(Integer.class).one());
                UnitStatus now = console.services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT status FROM patrol_unit WHERE id = :id").bind("id", ids[i]).mapTo(UnitStatus.class).one());
                UnitStatus next = now == UnitStatus.AVAILABLE ? UnitStatus.BUSY : UnitStatus.AVAILABLE;
                // Expected before the call (a descheduled thread must not miss the board's update), timed from it.
                Due want = new Due(System.nanoTime(), p, next);
                expected.statusForBoard.put(i, want);
                expected.statusForMap.put(i, want);
                try {
                    service.changeStatus(ids[i], version, next);
                } catch (ConcurrentChangeException e) {
                    expected.statusForBoard.remove(i, want);
                    expected.statusForMap.remove(i, want);
                    throw e;
                }
                if (p != null) {
                    p.statusChanges.incrementAndGet();
                }
            } catch (ConcurrentChangeException e) {
                if (p != null) {
                    p.statusConflicts.incrementAndGet();
                }
            } catch (RuntimeException e) {
                System.err.println("status change failed: " + e);
            }
        }
    }

    private static void print(List<Phase> phases, int seconds, int units, int statusRate, PositionIngest ingest) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nField UI responsiveness: %d units, one fix each per second, %d status changes/s, "
                        + "%d s per phase after %d s warm-up; prism %s, %s, H2 file%n", units, statusRate, seconds, WARM_UP_S,
                System.getProperty("prism.order"), System.getProperty("glass.platform")));
        out.append(String.format(Locale.ROOT, "%-34s %8s %8s %8s %8s %8s%n", "measure", "n", "p50 ms", "p90 ms", "p99 ms", "max ms"));
        for (Phase p : phases) {
            out.append(String.format(Locale.ROOT, "-- %s: FX thread busy %.1f %% of one core (renderer %.1f %%, process %.1f %%), "
                            + "watch hooks %.2f %%; fixes due %d, status changes %d (conflicts %d)%n", p.name,
                    100.0 * p.fxCpu / p.wall, p.renderCpu < 0 ? Double.NaN : 100.0 * p.renderCpu / p.wall,
                    100.0 * p.processCpu / p.wall, 100.0 * p.hookNanos.get() / p.wall, p.fixesDue.get(),
                    p.statusChanges.get(), p.statusConflicts.get()));
            out.append(FxStallWatch.quantiles("FX probe delay", 34, p.probe));
            out.append(FxStallWatch.quantiles("frame gap", 34, p.frameGap));
            out.append(FxStallWatch.quantiles("fix due -> board row", 34, p.fixToBoard));
            out.append(FxStallWatch.quantiles("fix due -> map view model", 34, p.fixToMap));
            out.append(FxStallWatch.quantiles("status -> board row", 34, p.statusToBoard));
            out.append(FxStallWatch.quantiles("status -> map view model", 34, p.statusToMap));
            if (!p.fixToCommit.isEmpty()) {
                out.append(FxStallWatch.quantiles("fix due -> committed (per fix)", 34, p.fixToCommit));
            }
            if (p.fixesDue.get() > 0) {
                out.append(String.format(Locale.ROOT, "   fixes skipped (overtaken before shown): board %d, map %d%n",
                        Math.max(0, p.fixesDue.get() - p.fixToBoard.size()), Math.max(0, p.fixesDue.get() - p.fixToMap.size())));
            }
        }
        out.append(String.format(Locale.ROOT, "ingest %s%n", ingest.stats()));
        out.append(String.format(Locale.ROOT, "load average at the end %.2f (%d cores)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
        System.out.print(out);
    }




}
