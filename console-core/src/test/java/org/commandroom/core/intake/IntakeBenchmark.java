package org.commandroom.core.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.Numbering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sustained intake on an H2 file database holding the demo county (a year of incidents): calls are
 * offered at a fixed rate (open loop: call i is due at start + i / rate, whether or not the earlier ones
 * are done) to two worker threads, and each call's latency is measured from when it was due to when
 * it was stored, so a backlog shows up in the figures. Two phases in the same run, same rate and length:
 * the baseline, {@link IncidentService#record} with its number (what the demo simulator does), then the
 * intake service (checks, gazetteer, grid and station, repeat detection with its three look-ups and any
 * flag). docs/BENCHMARKS.md gives the command; arguments: seconds per phase (60), calls per second (100).
 */
public final class IntakeBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeBenchmark.class);
    private static final int WORKERS = 2;

    private record Call(String caller, String address, GeoPoint position, IncidentType type) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory("intake-bench-");
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        try (Database db = Database.open(DbSettings.embedded(dir, "bench"))) {
            long t0 = System.nanoTime();
            new DemoCountyGenerator(db.jdbi(), DemoProfile.DEMO, 20240507L).generate(clock.instant(), p -> { });
            long incidents = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident").mapTo(Long.class).one());
            LOG.info("Demo county generated in {} s: {} incidents already stored", (System.nanoTime() - t0) / 1_000_000_000,
                    incidents);
            List<Call> calls = calls(db);
            ChangeRecorder recorder = new ChangeRecorder(clock, "bench");
            IncidentService incidentService = new IncidentService(db.jdbi(), recorder);
            Numbering numbering = new Numbering(clock, clock.getZone());
            GazetteerService gazetteer = new GazetteerService(db.jdbi(), Runnable::run);
            long g0 = System.nanoTime();
            gazetteer.load();
            LOG.info("Gazetteer: {} places loaded in {} ms; a search takes {} us on average", gazetteer.size(),
                    (System.nanoTime() - g0) / 1_000_000, searchMicros(gazetteer, calls));
            RecentPositions recent = new RecentPositions(db.jdbi(), clock, RepeatRule.defaults().window(), Runnable::run);
            recent.ensureLoaded();
            IntakeService intake = new IntakeService(db.jdbi(), clock, incidentService, numbering, gazetteer,
                    new RepeatDetector(RepeatRule.defaults(), recent));
            AtomicInteger flagged = new AtomicInteger();

            Result baseline = run("baseline: IncidentService.record", seconds, rate, calls, 0, c -> db.jdbi().useTransaction(h ->
                    incidentService.record(h, new Incident(0, numbering.next(h, "B"), clock.instant(), c.caller(), c.address(),
                            c.position(), c.type(), c.type().defaultPriority(), null, null, null, IncidentStatus.NEW, null, 0))));
            // The intake phase takes the next calls, not the baseline's (which would all be repeats of their twins).
            Result full = run("intake: IntakeService.record", seconds, rate, calls, seconds * rate, c -> {
                IntakeResult r = intake.record(CallReport.of(c.caller(), c.address(), c.position(), c.type(), null, null), "bench");
                if (r.repeat().flagged()) {
                    flagged.incrementAndGet();
                }
            });
            LOG.info("RESULT {}", baseline);
            LOG.info("RESULT {}", full);
            LOG.info("RESULT intake flagged {} of {} calls as repeats; {} failed (a moved point outside the district)",
                    flagged.get(), full.done(), full.failed());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Calls modelled on stored incidents: a third at a stored address and position (the repeat-prone ones),
     * the others at a new address 80-300 m from a stored incident; one in five from a caller already on file.
     */
    private static List<Call> calls(Database db) {
        Random rnd = new Random(7);
        List<Call> out = new ArrayList<>();
        AtomicInteger fresh = new AtomicInteger();
        db.jdbi().useHandle(h -> h.createQuery("SELECT caller_number, address, lat, lon, datum, incident_type FROM incident "
                + "WHERE lat IS NOT NULL ORDER BY id FETCH FIRST 30000 ROWS ONLY").map((rs, ctx) -> {
                    String caller = rnd.nextInt(5) == 0 ? rs.getString("caller_number")
                            : "139" + String.format("%08d", rnd.nextInt(100_000_000));
                    GeoPoint stored = new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"), Datum.valueOf(rs.getString("datum")));
                    IncidentType type = IncidentType.valueOf(rs.getString("incident_type"));
                    if (rnd.nextInt(3) == 0) {
                        return new Call(caller, rs.getString("address"), stored, type);
                    }
                    double metres = 80 + rnd.nextDouble() * 220;
                    double bearing = rnd.nextDouble() * 2 * Math.PI;
                    GeoPoint moved = new GeoPoint(stored.lat() + metres * Math.cos(bearing) / 111_195.0,
                            stored.lon() + metres * Math.sin(bearing) / (111_195.0 * Math.cos(Math.toRadians(stored.lat()))),
                            stored.datum());
                    return new Call(caller, "测试路" + fresh.incrementAndGet() + "号", moved, type);
                }).forEach(out::add));
        java.util.Collections.shuffle(out, rnd);
        return out;
    }

    private static long searchMicros(GazetteerService g, List<Call> calls) {
        long t = System.nanoTime();
        int n = 2000;
        for (int i = 0; i < n; i++) {
            String a = calls.get(i % calls.size()).address();
            g.search(a.substring(0, Math.min(3, a.length())), 8);
        }
        return (System.nanoTime() - t) / 1000 / n;
    }

    record Result(String name, int offered, int done, int failed, double seconds, double[] latencyMs) {
        @Override
        public String toString() {
            return String.format("%-34s offered %5d, stored %5d (%.1f/s), failed %d; latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f",
                    name, offered, done, done / seconds, failed, pct(0.50), pct(0.90), pct(0.99), pct(1.0));
        }

        double pct(double q) {
            if (latencyMs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latencyMs.length - 1, Math.max(0, Math.ceil(q * latencyMs.length) - 1));
            return latencyMs[i];
        }
    }

    private static Result run(String name, int seconds, int rate, List<Call> calls, int firstCall, Consumer<Call> work)
            throws InterruptedException {
        int total = seconds * rate;
        double[] latency = new double[total];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime() + 200_000_000L;
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Call c = calls.get((firstCall + i) % calls.size());
            int index = i;
            pool.execute(() -> {
                try {
                    work.accept(c);
                    latency[index] = (System.nanoTime() - due) / 1e6;
                    done.incrementAndGet();
                } catch (RuntimeException e) {
                    latency[index] = Double.NaN;
                    if (failed.incrementAndGet() <= 3 && !(e instanceof IntakeRejected)) {
                        LOG.warn("{}: call failed: {}", name, e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] ok = Arrays.stream(latency).filter(d -> !Double.isNaN(d)).sorted().toArray();
        Result r = new Result(name, total, done.get(), failed.get(), elapsed, ok);
        LOG.info("{}", r);
        return r;
    }

    private IntakeBenchmark() {
    }
}
