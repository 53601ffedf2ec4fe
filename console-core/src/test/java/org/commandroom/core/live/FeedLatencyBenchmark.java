package org.commandroom.core.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timing harness (docs/BENCHMARKS.md, "Change feed: LISTEN/NOTIFY against polling"): one PostgreSQL database (the
 * embedded server of the tests), a writer recording incidents through the real {@link IncidentService} at a steady
 * rate, and N simulated workstations of each kind in the same run: N whose feed wakes on notifications and N whose
 * feed polls at the console's interval (250 ms). Every workstation has its own pool, feed and scheduler, as a real
 * one does. For each change and workstation it measures, from the moment before the writer's transaction began:
 * <ul>
 *   <li>delivery: the feed hands the change to its listener;</li>
 *   <li>model: the rows the incident queue reloads for it ({@code IncidentService.queueEntries}, what
 *       {@code IncidentQueueViewModel.onChanges} reads on the I/O executor) are back in memory.</li>
 * </ul>
 * Both are also given from the moment the writer's commit returned, which leaves out the write itself.
 * Not a test; run by hand:
 *
 * <pre>
 * mvn -B -o -q -pl console-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp console-core/target/test-classes:console-core/target/classes:$(cat console-core/target/cp.txt) \
 *     org.commandroom.core.live.FeedLatencyBenchmark 60 20 5
 * </pre>
 * Arguments: seconds measured (after 5 s of warm-up), workstations of each kind, changes per second.
 */
public final class FeedLatencyBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(FeedLatencyBenchmark.class);
    /** The console's poll interval (AppContext.FEED_INTERVAL) and, while listening, its slower read. */
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration WHILE_LISTENING = Duration.ofSeconds(2);
    private static final Duration GAP_WAIT = Duration.ofSeconds(10);
    private static final int WARM_UP_SECONDS = 5;

    /** One simulated workstation: its own pool, feed, feed scheduler and I/O thread. */
    private static final class Workstation implements AutoCloseable {
        final Database db;
        final ChangeFeed feed;
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        final ExecutorService io = Executors.newSingleThreadExecutor();
        final Map<Long, Long> delivered = new ConcurrentHashMap<>();
        final Map<Long, Long> modelled = new ConcurrentHashMap<>();

        Workstation(DbSettings settings, boolean listen) {
            db = Database.open(settings);
            IncidentService incidents = new IncidentService(db.jdbi(), new ChangeRecorder(Clock.systemUTC(), "bench"));
            ChangeFeed f = new ChangeFeed(db.jdbi(), scheduler, Runnable::run, Clock.systemUTC(), POLL, GAP_WAIT);
            feed = listen ? f.listen(settings, WHILE_LISTENING) : f;
            feed.addListener(changes -> {
                long now = System.nanoTime();
                List<Long> ids = Change.idsOf(changes, Entity.INCIDENT);
                ids.forEach(id -> delivered.putIfAbsent(id, now));
                io.execute(() -> {
                    incidents.queueEntries(ids);
                    long done = System.nanoTime();
                    ids.forEach(id -> modelled.putIfAbsent(id, done));
                });
            });
        }

        @Override
        public void close() throws InterruptedException {
            feed.close();
            scheduler.shutdown();
            io.shutdown();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            io.awaitTermination(10, TimeUnit.SECONDS);
            db.close();
        }
    }

    private FeedLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        DbSettings settings = TestDatabases.postgresSettings(TestDatabases.createPostgresDatabase());
        Database writerDb = Database.open(settings);
        IncidentService writer = new IncidentService(writerDb.jdbi(), new ChangeRecorder(Clock.systemUTC(), "writer"));
        List<Workstation> notified = new ArrayList<>();
        List<Workstation> polled = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            notified.add(new Workstation(settings, true));
            polled.add(new Workstation(settings, false));
        }
        for (Workstation w : notified) {
            w.feed.start();
        }
        for (Workstation w : polled) {
            w.feed.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (notified.stream().anyMatch(w -> !w.feed.isListening())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every notified feed listens after 10 s");
            }
            Thread.sleep(50);
        }
        Thread.sleep(1000); // every feed has read its starting point

        String loadBefore = loadAverage();
        Map<Long, Long> started = new ConcurrentHashMap<>();
        Map<Long, Long> committed = new ConcurrentHashMap<>();
        List<Long> commits = new ArrayList<>();
        long periodNanos = (long) (1e9 / rate);
        int total = (int) Math.round((seconds + WARM_UP_SECONDS) * rate);
        int warmUp = (int) Math.round(WARM_UP_SECONDS * rate);
        List<Long> measured = new ArrayList<>();
        long next = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += periodNanos;
            long t0 = System.nanoTime();
            long id = writer.record(new Incident(0, "B" + n, Instant.now(), null, "基准路 " + n, null,
                    IncidentType.NOISE, 2, null, null, null, IncidentStatus.NEW, null, 0));
            long t1 = System.nanoTime();
            started.put(id, t0);
            committed.put(id, t1);
            if (n >= warmUp) {
                measured.add(id);
                commits.add(t1 - t0);
            }
        }
        Thread.sleep(3000); // the last changes reach the polling feeds and the models
        LOG.info("{} changes measured over {} s at {}/s, {} workstations of each kind; load average before {}, after {}",
                measured.size(), seconds, rate, clients, loadBefore, loadAverage());
        System.err.println("| feed | step | n | p50 ms | p95 ms | p99 ms | max ms | missing |");
        System.err.println("|---|---|---|---|---|---|---|---|");
        long[] c = commits.stream().mapToLong(Long::longValue).sorted().toArray();
        System.err.printf("| (writer) | commit | %d | %.1f | %.1f | %.1f | %.1f | - |%n", c.length, pct(c, 50), pct(c, 95),
                pct(c, 99), c.length == 0 ? 0 : c[c.length - 1] / 1e6);
        report("NOTIFY", "delivery", notified, measured, started, false);
        report("NOTIFY", "model", notified, measured, started, true);
        report("poll " + POLL.toMillis() + " ms", "delivery", polled, measured, started, false);
        report("poll " + POLL.toMillis() + " ms", "model", polled, measured, started, true);
        // The same, counted from the moment the writer's commit returned (the feed's own part; may be below 0 when a
        // feed read the row before the writer heard back from the server).
        report("NOTIFY", "delivery after commit", notified, measured, committed, false);
        report("poll " + POLL.toMillis() + " ms", "delivery after commit", polled, measured, committed, false);
        for (Workstation w : notified) {
            w.close();
        }
        for (Workstation w : polled) {
            w.close();
        }
        writerDb.close();
        System.exit(0);
    }

    private static void report(String kind, String step, List<Workstation> stations, List<Long> ids,
                               Map<Long, Long> started, boolean model) {
        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (Workstation w : stations) {
            Map<Long, Long> at = model ? w.modelled : w.delivered;
            for (long id : ids) {
                Long t = at.get(id);
                if (t == null) {
                    missing++;
                } else {
                    latencies.add(t - started.get(id));
                }
            }
        }
        long[] ns = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.err.printf("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", kind, step, ns.length,
                pct(ns, 50), pct(ns, 95), pct(ns, 99), ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6, missing);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
