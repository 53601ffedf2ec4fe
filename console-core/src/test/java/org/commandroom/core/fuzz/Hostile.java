package org.commandroom.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * What every hostile-file case checks, shared by the fuzz tests: a bounded time, a refusal said in words (no exception
 * class, no stack, no library's own message), and for an importer that writes, the tables exactly as they were when it
 * refused.
 */
final class Hostile {

    static final Duration BOUND = Duration.ofSeconds(20);

    private Hostile() {
    }

    static <T> T within(Supplier<T> read, Object c) {
        long start = System.nanoTime();
        T out = read.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, c + " took " + took);
        return out;
    }

    /** A problem as a user reads it: words, no exception class or stack, no parser's or library's own text. */
    static void inWords(String text, Object c) {
        assertFalse(text == null || text.isBlank(), c + ": a blank problem");
        for (String raw : List.of("Exception", "\tat ", "java.", "org.apache", "com.fasterxml", "org.yaml", "Error:",
                "Unexpected character", "line: ", "column: ", "Source: ")) {
            assertFalse(text.contains(raw), c + ": raw text \"" + raw + "\" in: " + text);
        }
    }

    /** Rows in every table of the schema, by table: one query. */
    static Map<String, Long> rows(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<String> tables = h.createQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")
                    .mapTo(String.class).list();
            StringBuilder sql = new StringBuilder();
            for (String t : tables) {
                sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(t)
                        .append("' AS t, COUNT(*) AS n FROM \"").append(t).append('"');
            }
            Map<String, Long> out = new TreeMap<>();
            h.createQuery(sql.toString()).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** A refusal wrote nothing: every table has the rows it had. */
    static void untouched(Map<String, Long> before, Jdbi jdbi, Object c) {
        assertEquals(before, rows(jdbi), c + ": a refused file changed the tables");
    }

    /** The whole JVM's CPU time so far (ns): GC and the database's threads too. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** This thread's CPU time so far (ns): what a case costs whatever else the machine is doing. */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static void print(String what, int cases, int read, String extra, long cpuSince) {
        System.out.printf(java.util.Locale.ROOT, "FUZZ %s: %d cases, %d read, %d refused with where and why%s, %.1f s CPU%n",
                what, cases, read, cases - read, extra, (cpu() - cpuSince) / 1e9);
    }
}
