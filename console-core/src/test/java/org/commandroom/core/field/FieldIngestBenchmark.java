package org.commandroom.core.field;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestData;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;

/**
 * 500 units each reporting a position every second, plus status changes, on an H2 file database, in two phases of
 * the same run (docs/BENCHMARKS.md, "Field positions"):
 * <ol>
 *   <li><b>baseline</b>: one {@code UnitService.reportPosition} transaction per fix, on two worker threads;</li>
 *   <li><b>ingest</b>: every fix offered to {@link PositionIngest} (250 ms batches, one writer thread).</li>
 * </ol>
 * Fixes are due open loop (unit i at i/units of each second), so a backlog shows as latency. Measured per phase:
 * rows written per second, write latency (baseline: fix due → committed; ingest: one batch's transaction),
 * fix due → the change feed (250 ms poll, as each workstation runs it) delivers the unit's change (what the map and
 * unit board react to), and status change latency ({@code UnitService.changeStatus}) while positions pour in.
 *
 * <pre>
 * mvn -B -o -q -pl console-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.commandroom.core.field.FieldIngestBenchmark -Dexec.args="60 500 10"
 * </pre>
 * Arguments: seconds per phase, units, status changes per second.
 */
public final class FieldIngestBenchmark {

    private FieldIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int statusPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("field-bench");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DbSettings.embedded(dir, "bench"))) {
            long station = TestData.station(db.jdbi());
            long[] ids = new long[units];
            db.jdbi().useExtension(UnitDao.class, dao -> {
                for (int i = 0; i < units; i++) {
                    ids[i] = dao.insert(new PatrolUnit(0, String.format("U%04d", i), UnitKind.CAR, station, null,
                            UnitStatus.AVAILABLE, null, null, null, 0));
                }
            });
            ChangeRecorder recorder = new ChangeRecorder(clock, "bench");
            UnitService unitService = new UnitService(db.jdbi(), recorder);
            List<String> rows = new ArrayList<>();
            rows.add(run("baseline: reportPosition per fix", false, db, recorder, unitService, ids, seconds, statusPerSecond, clock));
            rows.add(run("ingest: PositionIngest, 250 ms batches", true, db, recorder, unitService, ids, seconds, statusPerSecond, clock));
            System.out.println();
            System.out.println("| phase | fixes due | unit rows written/s | position transactions/s | process CPU (of one core) | fix due → committed p50 / p90 / p99 / max ms "
                    + "| batch transaction p50 / p90 / p99 / max ms | fix due → change feed delivers it p50 / p90 / p99 / max ms "
                    + "| status change p50 / p99 / max ms | change_log rows |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    private static String run(String name, boolean batched, Database db, ChangeRecorder recorder, UnitService unitService,
                              long[] ids, int seconds, int statusPerSecond, Clock clock) throws Exception {
        int units = ids.length;
        long firstId = ids[0];
        // Per unit, the due time (nanos) of the newest committed fix the feed has not delivered yet.
        AtomicLongArray undelivered = new AtomicLongArray(units);
        List<Long> batchNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> feedDelays = Collections.synchronizedList(new ArrayList<>());
        List<Long> writeLatencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> statusLatencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong committed = new AtomicLong();
        AtomicLong rowsChanged = new AtomicLong();
        long logBefore = changeLogRows(db);

        ScheduledExecutorService feedScheduler = Executors.newSingleThreadScheduledExecutor();
        ChangeFeed feed = new ChangeFeed(db.jdbi(), feedScheduler, Runnable::run, clock, Duration.ofMillis(250),
                Duration.ofSeconds(10));
        boolean[] measuring = {false};
        feed.addListener(changes -> {
            long now = System.nanoTime();
            for (long id : Change.idsOf(changes, Entity.UNIT)) {
                int i = (int) (id - firstId);
                if (i >= 0 && i < units) {
                    long due = undelivered.getAndSet(i, 0);
                    if (due != 0 && measuring[0]) {
                        feedDelays.add(now - due);
                    }
                }
            }
        });
        feed.start();

        ScheduledExecutorService ingestWriter = Executors.newSingleThreadScheduledExecutor();
        PositionIngest ingest = new PositionIngest(db.jdbi(), recorder, clock, Datum.GCJ02,
                PositionIngest.Settings.defaults(), ingestWriter);
        long[] clockBase = new long[2]; // {start nanos, base epoch millis}
        ingest.onBatch(b -> {
            for (int k = 0; k < b.written().size(); k++) {
                int i = (int) (b.written().get(k) - firstId);
                long fixIndex = (b.fixTimes().get(k).toEpochMilli() - clockBase[1]) * units / 1000;
                long due = clockBase[0] + fixIndex * (1_000_000_000L / units);
                undelivered.accumulateAndGet(i, due, Math::max);
                if (measuring[0]) {
                    writeLatencies.add(b.committedNanos() - due);
                }
            }
            if (measuring[0]) {
                batchNanos.add(b.writeNanos());
                rowsChanged.addAndGet(b.written().size());
                committed.addAndGet(b.written().size());
            }
        });
        if (batched) {
            ingest.begin();
        }
        ExecutorService workers = Executors.newFixedThreadPool(2);

        // Status changes on their own thread, at the given rate.
        ScheduledExecutorService statusTicker = Executors.newSingleThreadScheduledExecutor();
        long[] statusCount = {0};
        statusTicker.scheduleAtFixedRate(() -> {
            int i = (int) (statusCount[0]++ % units);
            long s = System.nanoTime();
            try {
                int version = db.jdbi().withHandle(h -> h.createQuery("SELECT version FROM patrol_unit WHERE id = :id")
                        .bind("id", ids[i]).mapTo(Integer.class).one());
                unitService.changeStatus(ids[i], version, statusCount[0] % 2 == 0 ? UnitStatus.AVAILABLE : UnitStatus.BUSY);
                if (measuring[0]) {
                    statusLatencies.add(System.nanoTime() - s);
                }
            } catch (ConcurrentChangeException e) {
                // a race with nobody: cannot happen here
            }
        }, 0, 1_000_000_000L / Math.max(1, statusPerSecond), TimeUnit.NANOSECONDS);

        // 2 s warm-up, then the measured seconds; fixes due open loop.
        int warmup = 2;
        long[] cpuBefore = {0};
        long[] txBefore = {0};
        long start = System.nanoTime();
        long totalDue = 0;
        Instant base = Instant.ofEpochMilli(System.currentTimeMillis());
        clockBase[0] = start;
        clockBase[1] = base.toEpochMilli();
        long end = start + TimeUnit.SECONDS.toNanos(warmup + seconds);
        long next = start;
        long fix = 0;
        long measuredDue = 0;
        long stepNanos = 1_000_000_000L / units;
        while (true) {
            long due = next;
            if (due >= end) {
                break;
            }
            long now = System.nanoTime();
            if (due > now) {
                TimeUnit.NANOSECONDS.sleep(Math.min(due - now, 2_000_000));
                continue;
            }
            boolean inPhase = due >= start + TimeUnit.SECONDS.toNanos(warmup);
            if (inPhase && !measuring[0]) {
                measuring[0] = true;
                cpuBefore[0] = processCpuNanos();
                txBefore[0] = batched ? ingest.stats().batches() : 0;
            }
            int i = (int) (fix % units);
            long second = fix / units;
            double lat = 29.2 + (i % 50) * 0.001 + second * 1e-5;
            double lon = 103.7 + (i / 50) * 0.001;
            PositionFix f = new PositionFix(ids[i], GeoPoint.wgs84(lat, lon), base.plusMillis(fix * 1000 / units),
                    8.0, 90.0, 5.0, "bench");
            if (inPhase) {
                measuredDue++;
            }
            if (batched) {
                ingest.offer(f);
            } else {
                boolean measured = inPhase;
                workers.execute(() -> {
                    unitService.reportPosition(f.unitId(), f.position(), f.heading(), f.fixAt());
                    undelivered.accumulateAndGet(i, due, Math::max);
                    if (measured) {
                        writeLatencies.add(System.nanoTime() - due);
                        committed.incrementAndGet();
                        rowsChanged.incrementAndGet();
                    }
                });
            }
            fix++;
            totalDue++;
            next = start + fix * stepNanos;
        }
        long phaseNanos = System.nanoTime() - start - TimeUnit.SECONDS.toNanos(warmup);
        long cpuAfter = processCpuNanos();
        statusTicker.shutdown();
        statusTicker.awaitTermination(10, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        long drainedNanos = System.nanoTime() - start - TimeUnit.SECONDS.toNanos(warmup);
        ingest.close();
        ingestWriter.shutdown();
        ingestWriter.awaitTermination(10, TimeUnit.SECONDS);
        Thread.sleep(600); // the feed's last polls
        measuring[0] = false;
        feed.close();
        feedScheduler.shutdown();
        feedScheduler.awaitTermination(10, TimeUnit.SECONDS);
        long logRows = changeLogRows(db) - logBefore;
        double secs = phaseNanos / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d fixes due in %.1f s (all done %.1f s after the phase began); ingest %s%n",
                name, measuredDue, secs, drainedNanos / 1e9, ingest.stats());
        double tx = batched ? (ingest.stats().batches() - txBefore[0]) / secs : committed.get() / secs;
        return String.format(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f %% | %s | %s | %s | %s | %,d |", name, measuredDue,
                committed.get() / secs, tx, 100.0 * (cpuAfter - cpuBefore[0]) / phaseNanos, pct(writeLatencies, true), batched ? pct(batchNanos, true) : "–",
                pct(feedDelays, true), pct(statusLatencies, false), logRows);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long changeLogRows(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log").mapTo(Long.class).one());
    }

    private static String pct(List<Long> nanos, boolean p90) {
        List<Long> s;
        synchronized (nanos) {
            s = new ArrayList<>(nanos);
        }
        if (s.isEmpty()) {
            return "–";
        }
        Collections.sort(s);
        java.util.function.DoubleFunction<Double> q = p -> s.get(Math.min(s.size() - 1, (int) Math.floor(p * s.size()))) / 1e6;
        double max = s.get(s.size() - 1) / 1e6;
        return p90 ? String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", q.apply(0.5), q.apply(0.9), q.apply(0.99), max)
                : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", q.apply(0.5), q.apply(0.99), max);
    }
}
