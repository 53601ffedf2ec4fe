package org.commandroom.core.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.job.JobProgress;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timing harness for the administrator's audit screen (docs/BENCHMARKS.md): a trail of a year with N chained rows
 * (default one million) in an H2 file database or the embedded PostgreSQL, then the screen's reads timed: the first
 * page, a page deep in the trail, each filter, the list of actions, the verification of the chain and the export of
 * the last day and of everything. Not a test; run by hand:
 *
 * <pre>
 * mvn -B -o -q -pl console-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.commandroom.core.audit.AuditTrailBenchmark -Dexec.args="h2 1000000"
 * mvn ... -Dexec.args="postgres 1000000"
 * </pre>
 */
public final class AuditTrailBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailBenchmark.class);
    private static final Instant END = Instant.parse("2026-11-23T02:00:00Z");
    /** Actions with their weights: calls and orders are most of a trail, user management a trace of it. */
    private static final String[][] ACTIONS = {
        {"INTAKE", "INCIDENT", "20"}, {"DISPATCH", "INCIDENT", "18"}, {"ORDER_SIGNED", "ORDER", "15"},
        {"ORDER_FED_BACK", "ORDER", "14"}, {"ORDER_CLOSED", "ORDER", "10"}, {"ALERT_ACK", "ALERT", "10"},
        {"LOGIN", "USER", "5"}, {"SESSION_LOCK", "USER", "3"}, {"SESSION_UNLOCK", "USER", "3"},
        {"LOGIN_FAILED", "USER", "1"}, {"INDEX_ENTRY", "STATION", "1"}, {"USER_CREATE", "USER", "0"},
        {"AUDIT_EXPORT", "AUDIT", "0"}};

    private AuditTrailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "h2";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("audit-bench");
        Database db = "postgres".equals(kind) ? TestDatabases.postgres()
                : Database.open(DbSettings.embedded(dir, "bench"));
        try {
            long t = System.nanoTime();
            fill(db, rows);
            LOG.info("{}: {} chained rows written in {} s", kind, rows, (System.nanoTime() - t) / 1_000_000_000);
            Clock clock = Clock.fixed(END, ZoneId.of("Asia/Shanghai"));
            Principal admin = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "bench", false);
            AuditService audit = new AuditService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, admin));
            for (int round = 1; round <= 2; round++) {
                LOG.info("-- round {} --", round);
                time("first page, no filter", () -> audit.search(AuditFilter.ALL, 200).rows().size());
                time("page from the middle (keyset)", () -> audit.more(AuditFilter.ALL, rows / 2, 200).rows().size());
                AuditFilter day = AuditFilter.ALL.between(END.minus(Duration.ofDays(1)), null);
                time("last 24 h", () -> audit.search(day, 200).rows().size());
                time("a week, half a year ago", () -> audit.search(AuditFilter.ALL.between(
                        END.minus(Duration.ofDays(190)), END.minus(Duration.ofDays(183))), 200).rows().size());
                time("action LOGIN", () -> audit.search(AuditFilter.ALL.withAction("LOGIN"), 200).rows().size());
                time("rare action USER_CREATE", () -> audit.search(AuditFilter.ALL.withAction("USER_CREATE"), 200)
                        .rows().size());
                time("actor exact user17", () -> audit.search(AuditFilter.ALL.byActor("user17", false), 200).rows().size());
                time("actor prefix user1", () -> audit.search(AuditFilter.ALL.byActor("user1", true), 200).rows().size());
                time("last 24 h + action LOGIN_FAILED", () -> audit.search(day.withAction("LOGIN_FAILED"), 200)
                        .rows().size());
                time("text, common (东大街)", () -> audit.search(AuditFilter.ALL.containing("东大街"), 200).rows().size());
                time("text, nowhere (scans all)", () -> audit.search(AuditFilter.ALL.containing("不存在的词"), 200)
                        .rows().size());
                time("distinct actions", () -> audit.actions().size());
                time("distinct entities", () -> audit.entities().size());
            }
            time("verify the chain", () -> audit.verify(JobProgress.NONE).rows());
            Path dayFile = dir.resolve("day.csv");
            time("export last 24 h", () -> export(audit, AuditFilter.ALL.between(END.minus(Duration.ofDays(1)), null),
                    dayFile));
            Path allFile = dir.resolve("all.csv");
            Runtime rt = Runtime.getRuntime();
            time("export everything", () -> export(audit, AuditFilter.ALL, allFile));
            LOG.info("export of everything: {} MB; heap in use after it {} MB of max {} MB", Files.size(allFile) >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        } finally {
            db.close();
        }
    }

    private static long export(AuditService audit, AuditFilter f, Path file) {
        try {
            return audit.exportCsv(f, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void time(String what, Supplier<Number> work) {
        long t = System.nanoTime();
        Number n = work.get();
        LOG.info(String.format("%-36s %8.1f ms  (%s)", what, (System.nanoTime() - t) / 1e6, n));
    }

    /** N rows spread over the year before END, chained as AuditDao would chain them, written in batches. */
    private static void fill(Database db, int rows) throws Exception {
        Random random = new Random(11);
        int total = 0;
        for (String[] a : ACTIONS) {
            total += Integer.parseInt(a[2]);
        }
        long span = Duration.ofDays(365).toMillis();
        Instant start = END.minus(Duration.ofDays(365));
        String previous = AuditChain.GENESIS;
        db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log"));
        try (org.jdbi.v3.core.Handle handle = db.jdbi().open()) {
            Connection c = handle.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, prev_hash, row_hash, at, actor, "
                    + "workstation, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= rows; seq++) {
                    Instant at = start.plusMillis(span * seq / rows).truncatedTo(ChronoUnit.MICROS);
                    String[] a = pick(random, total, seq);
                    String actor = "user" + random.nextInt(60);
                    String ws = "desk-" + random.nextInt(12);
                    Long id = (long) random.nextInt(200_000);
                    String detail = "J" + seq + " " + (random.nextInt(10) == 0 ? "东大街" : "南关社区") + random.nextInt(99)
                            + "号 " + a[0].toLowerCase();
                    String hash = AuditChain.hash(previous, seq, at, actor, ws, a[0], a[1], id, detail);
                    ps.setLong(1, seq);
                    ps.setString(2, previous);
                    ps.setString(3, hash);
                    ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    ps.setString(5, actor);
                    ps.setString(6, ws);
                    ps.setString(7, a[0]);
                    ps.setString(8, a[1]);
                    ps.setLong(9, id);
                    ps.setString(10, detail);
                    ps.addBatch();
                    previous = hash;
                    if (seq % 5000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("UPDATE audit_head SET seq = ?, row_hash = ? WHERE id = 1")) {
                head.setLong(1, rows);
                head.setString(2, previous);
                head.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        if (db.settings().isPostgres()) {
            db.jdbi().useHandle(h -> h.execute("ANALYZE audit_log"));
        }
    }

    private static String[] pick(Random random, int total, int seq) {
        if (seq % 100_000 == 0) {
            return ACTIONS[11]; // a user created now and then
        }
        if (seq % 250_000 == 0) {
            return ACTIONS[12];
        }
        int r = random.nextInt(total);
        for (String[] a : ACTIONS) {
            r -= Integer.parseInt(a[2]);
            if (r < 0) {
                return a;
            }
        }
        return ACTIONS[0];
    }
}
