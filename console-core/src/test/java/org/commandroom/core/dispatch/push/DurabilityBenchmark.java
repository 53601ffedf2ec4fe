package org.commandroom.core.dispatch.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDatabases;

/**
 * What durable commits cost (docs/DURABILITY.md): the time to create and issue an order with its push message, one
 * after another as a commander would, on the embedded H2 file as the console opens it ({@code WRITE_DELAY=0}, each
 * commit written before it returns), against the same file with H2's default (commits written up to 500 ms later,
 * which lost orders on {@code kill -9}), and on PostgreSQL (synchronous commit, fsync). Same run, same machine.
 *
 * <pre>mvn -B -o -pl console-core test-compile exec:java@durability-bench -Dexec.args="2000"</pre>
 */
public final class DurabilityBenchmark {

    private DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("durability-bench");
        for (int pass = 0; pass < 2; pass++) {   // the first pass warms the JIT; the second is reported
            boolean report = pass == 1;
            String baselineUrl = DbSettings.embedded(dir, "delayed" + pass).jdbcUrl().replace(";WRITE_DELAY=0", "");
            run("H2 file, H2's default (WRITE_DELAY 500 ms)", new DbSettings(baselineUrl, "sa", "", true), n, report);
            run("H2 file, as the console opens it (WRITE_DELAY=0)", DbSettings.embedded(dir, "durable" + pass), n, report);
            run("PostgreSQL 17 (synchronous_commit on)", TestDatabases.postgresSettings(TestDatabases.createPostgresDatabase()), n, report);
        }
        System.exit(0);
    }

    private static void run(String label, DbSettings settings, int n, boolean report) throws Exception {
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(settings)) {
            PushFixture f = new PushFixture(db, clock);
            OrderService orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(),
                    new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, "bench"), new OrderPushEnqueuer(clock));
            long[] micros = new long[n];
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, f.incidentId, IncidentType.FAMILY_DISPUTE,
                        f.stationId, f.unitId, null, "基准 #" + i, null), "值班长");
                micros[i] = (System.nanoTime() - s) / 1000;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(micros);
            if (report) {
                System.out.printf("DURABILITY %-52s %6d orders  %7.0f orders/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n",
                        label, n, n / seconds, micros[n / 2] / 1000.0, micros[(int) (n * 0.99)] / 1000.0, micros[n - 1] / 1000.0);
            }
        }
    }
}
