package org.commandroom.core.dispatch.push;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.field.PositionIngest;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.TestDb;
import org.slf4j.LoggerFactory;

/**
 * The console's side of protocol 2 on a real broker and database: the push fixture (bureau B1, unit 城关01), a second
 * unit 城关02 of B1 and a unit 县B01 of another bureau B2, the live MQTT channel, the listener of bureau B1 feeding a
 * real batched position ingest, the outbox publisher, the emergencies the listener reported, and the listener's WARN
 * lines.
 */
final class TerminalRig implements AutoCloseable {

    final PushFixture f;
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
    final MqttPushChannel channel;
    final OutboxPublisher publisher;
    final TerminalAckListener listener;
    final PositionIngest ingest;
    final List<UnitEmergency> emergencies = new CopyOnWriteArrayList<>();
    final long unit2;
    final long otherBureauUnit;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger listenerLogger = (Logger) LoggerFactory.getLogger(TerminalAckListener.class);

    TerminalRig(TestDb kind, String serverUri) throws InterruptedException {
        f = new PushFixture(kind, Clock.systemUTC());
        long[] ids = f.db.jdbi().withHandle(h -> {
            long u2 = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES ('城关02', 'CAR', :s, 'AVAILABLE')")
                    .bind("s", f.stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long b2 = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B2', '邻县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long s2 = h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S2', '邻县派出所', 'STATION')")
                    .bind("b", b2).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long u3 = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES ('县B01', 'CAR', :s, 'AVAILABLE')")
                    .bind("s", s2).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new long[] {u2, u3};
        });
        unit2 = ids[0];
        otherBureauUnit = ids[1];
        ChangeRecorder changes = new ChangeRecorder(f.clock, "test");
        ingest = new PositionIngest(f.db.jdbi(), changes, f.clock, Datum.WGS84,
                new PositionIngest.Settings(Duration.ofHours(1), 100), scheduler);
        listener = new TerminalAckListener(f.db.jdbi(), f.orders, f.clock, PushFixture.BUREAU, changes)
                .positionsTo(ingest::offer).emergenciesTo(emergencies::add);
        channel = new MqttPushChannel(MqttSettings.of(serverUri, "console-" + UUID.randomUUID().toString().substring(0, 8)),
                scheduler, f.clock);
        listener.subscribeTo(channel);
        publisher = new OutboxPublisher(f.db.jdbi(), channel, scheduler, f.clock, Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofSeconds(5), Runnable::run, s -> { });
        publisher.start();
        PushScenarios.await("console connected", channel::isConnected);
        log.start();
        listenerLogger.addAppender(log);
    }

    /** The listener's WARN lines so far (one per rejected message). */
    List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    String uid(long orderId) {
        return f.db.jdbi().withExtension(PushDao.class, d -> d.orderUid(orderId)).orElseThrow();
    }

    long count(String sql) {
        return f.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() throws Exception {
        listenerLogger.detachAppender(log);
        publisher.close();
        channel.close();
        ingest.close();
        scheduler.shutdown();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }
}
