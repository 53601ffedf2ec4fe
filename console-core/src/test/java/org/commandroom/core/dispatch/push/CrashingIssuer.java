package org.commandroom.core.dispatch.push;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.Numbering;

/**
 * The console's issuing path in a process of its own, for {@link CrashDurabilityTest} to kill: the embedded database
 * as the console opens it, the real order service with the push outbox in the issuing transaction, the publisher and
 * the MQTT channel. {@code issue} creates and issues orders as fast as it can and prints {@code ACK id number uid}
 * for each one the service returned (what the commander would see acknowledged); {@code drain} only publishes what
 * is still in the outbox and prints {@code DRAINED}.
 */
public final class CrashingIssuer {

    private CrashingIssuer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        String broker = args[2];
        // Optional: at most this many orders in the burst (then it waits to be killed), default no limit.
        long limit = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService pushExec = Executors.newScheduledThreadPool(2);
        Database db = Database.open(DbSettings.embedded(dir, "crash"));
        long[] ids = seed(db, clock);
        AtomicReference<OutboxPublisher> publisher = new AtomicReference<>();
        OrderPushEnqueuer enqueuer = new OrderPushEnqueuer(clock);
        IssueHook hook = (h, order) -> {
            enqueuer.issued(h, order);
            h.afterCommit(() -> {
                OutboxPublisher p = publisher.get();
                if (p != null) {
                    p.wake();
                }
            });
        };
        OrderService orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(),
                new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, "crash"), hook);
        MqttPushChannel channel = new MqttPushChannel(MqttSettings.of(broker, "crash-console"), pushExec, clock);
        // Under the lease the console runs with: a restart of the same workstation takes it back at once.
        OutboxPublisher p = new OutboxPublisher(db.jdbi(), channel, pushExec, clock, Runnable::run, s -> { })
                .withLease(new PublisherLease(db.jdbi(), "crash-console"));
        publisher.set(p);
        p.start();
        if (mode.equals("drain")) {
            while (p.undeliveredCount() > 0) {
                Thread.sleep(50);
            }
            out.println("DRAINED");
            p.close();
            channel.close();
            db.close();
            System.exit(0);
        }
        // Three issuing threads and a fourth moving the unit, as a desk with the field ingest writes: H2 lost
        // commits under a kill only when transactions ran side by side (SerialWrites).
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService writers = Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            running.add(writers.submit(() -> {
                for (long i; (i = next.getAndIncrement()) < limit; ) {
                    Order o = orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, ids[2], IncidentType.FAMILY_DISPUTE,
                            ids[0], ids[1], null, "速到前进路1号 #" + i, null), "值班长");
                    String uid = db.jdbi().withHandle(h -> h.createQuery("SELECT order_uid FROM work_order WHERE id = :id")
                            .bind("id", o.id()).mapTo(String.class).one());
                    synchronized (out) {
                        out.println("ACK " + o.id() + " " + o.orderNo() + " " + uid);
                    }
                }
                return null;
            }));
        }
        writers.submit(() -> {
            for (int i = 0; ; i++) {
                int step = i;
                db.jdbi().useHandle(h -> h.createUpdate("UPDATE patrol_unit SET lat = :lat, lon = 104.2 WHERE id = :id")
                        .bind("lat", 30.1 + (step % 1000) * 1e-5).bind("id", ids[1]).execute());
            }
        });
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        out.println("BURST-DONE");
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The bureau, station, unit and incident the orders are for; created on the first run, found on later ones. */
    private static long[] seed(Database db, Clock clock) {
        return db.jdbi().inTransaction(h -> {
            var station = h.createQuery("SELECT id FROM station WHERE code = 'S1'").mapTo(Long.class).findOne();
            if (station.isPresent()) {
                long unit = h.createQuery("SELECT id FROM patrol_unit WHERE call_sign = :cs").bind("cs", PushFixture.CALL_SIGN)
                        .mapTo(Long.class).one();
                long incident = h.createQuery("SELECT id FROM incident WHERE incident_no = 'JQ-CRASH'").mapTo(Long.class).one();
                return new long[] {station.get(), unit, incident};
            }
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES (:c, '测试县局')").bind("c", PushFixture.BUREAU)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long s = h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long unit = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES (:cs, 'CAR', :s, 'AVAILABLE')")
                    .bind("cs", PushFixture.CALL_SIGN).bind("s", s).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long incident = h.createUpdate("INSERT INTO incident (incident_no, received_at, address, lat, lon, datum, category, "
                            + "incident_type, priority, description, station_id, status) VALUES ('JQ-CRASH', :at, "
                            + "'前进路1号', 30.1, 104.2, 'WGS84', 'DISPUTE', 'FAMILY_DISPUTE', 2, '夫妻争吵', :s, 'NEW')")
                    .bind("at", clock.instant()).bind("s", s).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new long[] {s, unit, incident};
        });
    }
}
