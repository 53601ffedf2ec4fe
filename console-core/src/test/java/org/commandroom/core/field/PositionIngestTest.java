package org.commandroom.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.TestClock;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The batched position ingest on each supported database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class PositionIngestTest {

    static final Instant T0 = Instant.parse("2026-12-06T07:40:00Z");

    @Parameter
    TestDb kind;

    private Database db;
    private TestClock clock;
    private ChangeRecorder recorder;
    private ScheduledExecutorService writer;
    private long a;
    private long b;

    @BeforeEach
    void setUp() {
        db = kind.open();
        clock = new TestClock(T0.plusSeconds(60));
        recorder = new ChangeRecorder(clock, "desk-1");
        writer = Executors.newSingleThreadScheduledExecutor();
        long station = TestData.station(db.jdbi());
        a = unit(station, "城关01");
        b = unit(station, "城关02");
    }

    private long unit(long station, String callSign) {
        return db.jdbi().withExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, callSign, UnitKind.CAR,
                station, null, UnitStatus.AVAILABLE, null, null, null, 0)));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    private PositionIngest ingest(Datum datum) {
        return new PositionIngest(db.jdbi(), recorder, clock, datum, PositionIngest.Settings.defaults(), writer);
    }

    private static PositionFix fix(long unit, double lat, double lon, int second) {
        return new PositionFix(unit, GeoPoint.wgs84(lat, lon), T0.plusSeconds(second), 8.5, 90.0, 6.0, "nmea:test");
    }

    private PatrolUnit stored(long id) {
        return db.jdbi().withExtension(UnitDao.class, dao -> dao.findById(id)).orElseThrow();
    }

    private long unitChanges() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log WHERE entity = 'UNIT'")
                .mapTo(Long.class).one());
    }

    @Test
    void coalescesPerUnitLatestFixWinsAndWritesOneChangePerUnit() {
        PositionIngest in = ingest(Datum.WGS84);
        assertEquals(PositionIngest.Offer.QUEUED, in.offer(fix(a, 29.20, 103.70, 1)));
        assertEquals(PositionIngest.Offer.REPLACED, in.offer(fix(a, 29.22, 103.72, 3)));
        assertEquals(PositionIngest.Offer.STALE, in.offer(fix(a, 29.21, 103.71, 2)), "older than the pending fix");
        assertEquals(PositionIngest.Offer.QUEUED, in.offer(fix(b, 29.30, 103.80, 2)));
        assertEquals(2, in.pendingCount(), "one pending fix per unit");

        assertEquals(2, in.flush());

        PatrolUnit ua = stored(a);
        assertEquals(29.22, ua.position().lat(), 1e-12);
        assertEquals(103.72, ua.position().lon(), 1e-12);
        assertEquals(T0.plusSeconds(3), ua.fixAt());
        assertEquals(90.0, ua.heading());
        assertEquals(2, unitChanges(), "one change-log row per unit moved");
        var details = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT speed_mps, accuracy_m, source FROM unit_fix WHERE unit_id = :u").bind("u", a)
                .mapToMap().one());
        assertEquals(8.5, ((Number) details.get("speed_mps")).doubleValue());
        assertEquals(6.0, ((Number) details.get("accuracy_m")).doubleValue());
        assertEquals("nmea:test", details.get("source"));
        PositionIngest.Stats s = in.stats();
        assertEquals(4, s.offered());
        assertEquals(1, s.replaced());
        assertEquals(1, s.stale());
        assertEquals(2, s.written());
        assertEquals(1, s.batches());

        // A second batch updates unit_fix rather than inserting it again.
        in.offer(fix(a, 29.23, 103.73, 4));
        assertEquals(1, in.flush());
        assertEquals(29.23, stored(a).position().lat(), 1e-12);
    }

    @Test
    void aFixOlderThanTheStoredOneIsDroppedByTheDatabaseAndEarly() {
        // Another workstation (or a terminal) stored a newer fix.
        db.jdbi().useExtension(UnitDao.class, dao -> dao.updatePosition(a, 29.5, 103.5, "WGS84", null, T0.plusSeconds(10)));
        PositionIngest in = ingest(Datum.WGS84);
        in.offer(fix(a, 29.20, 103.70, 5));
        long before = unitChanges();
        assertEquals(0, in.flush(), "older than the stored fix: nothing moves");
        assertEquals(29.5, stored(a).position().lat(), 1e-12);
        assertEquals(before, unitChanges(), "no change recorded for a fix that did not move the unit");
        assertEquals(1, in.stats().unchanged());

        in.offer(fix(a, 29.40, 103.40, 20));
        assertEquals(1, in.flush());
        assertEquals(PositionIngest.Offer.STALE, in.offer(fix(a, 29.1, 103.1, 19)), "older than the last written fix");
        assertEquals(0, in.pendingCount());
    }

    @Test
    void storesInTheMapDatumWithTheKnownWgs84Gcj02Pair() {
        // eviltransform's Shanghai pair (also in DatumConverterTest).
        PositionIngest in = ingest(Datum.GCJ02);
        in.offer(new PositionFix(a, GeoPoint.wgs84(31.1774276, 121.5272106), T0, null, null, null, "gpsd:test"));
        in.flush();
        PatrolUnit u = stored(a);
        assertEquals(Datum.GCJ02, u.position().datum());
        assertEquals(31.17530398364597, u.position().lat(), 1e-9);
        assertEquals(121.531541859215, u.position().lon(), 1e-9);

        // A GCJ-02 fix (a terminal that says so) on a WGS-84 map goes the other way.
        PositionIngest wgs = ingest(Datum.WGS84);
        wgs.offer(new PositionFix(b, new GeoPoint(31.17530398364597, 121.531541859215, Datum.GCJ02), T0, null, null,
                null, "terminal"));
        wgs.flush();
        PatrolUnit ub = stored(b);
        assertEquals(Datum.WGS84, ub.position().datum());
        assertEquals(31.1774276, ub.position().lat(), 1e-7);
        assertEquals(121.5272106, ub.position().lon(), 1e-7);
    }

    @Test
    void theChangeFeedTheMapReadsDeliversTheMovedUnits() {
        List<Change> seen = new CopyOnWriteArrayList<>();
        ChangeFeed feed = new ChangeFeed(db.jdbi(), writer, Runnable::run, clock, Duration.ofMillis(250),
                Duration.ofSeconds(10));
        feed.addListener(seen::addAll);
        feed.poll();
        PositionIngest in = ingest(Datum.WGS84);
        in.offer(fix(a, 29.2, 103.7, 1));
        in.offer(fix(b, 29.3, 103.8, 1));
        in.flush();
        feed.poll();
        assertEquals(List.of(a, b).stream().sorted().toList(),
                Change.idsOf(seen, Entity.UNIT).stream().sorted().toList());
        feed.close();
    }

    @Test
    void unknownUnitsAreNotWrittenAndTheBoundHolds() {
        PositionIngest in = new PositionIngest(db.jdbi(), recorder, clock, Datum.WGS84,
                new PositionIngest.Settings(Duration.ofMillis(250), 2), writer);
        assertEquals(PositionIngest.Offer.QUEUED, in.offer(fix(999_999, 29.2, 103.7, 1)));
        assertEquals(PositionIngest.Offer.QUEUED, in.offer(fix(a, 29.2, 103.7, 1)));
        assertEquals(PositionIngest.Offer.FULL, in.offer(fix(b, 29.2, 103.7, 1)), "a third unit exceeds maxUnits 2");
        assertEquals(PositionIngest.Offer.REPLACED, in.offer(fix(a, 29.2, 103.7, 2)), "a pending unit still takes fixes");
        assertEquals(1, in.flush(), "the unknown unit moves nothing");
        assertEquals(1, in.stats().full());
    }

    @Test
    void offersNeverWaitForTheDatabaseAndPendingStaysOnePerUnit() throws Exception {
        PositionIngest in = ingest(Datum.WGS84);
        in.begin();
        // Another transaction holds unit a's row: the writer's batch waits on the lock.
        Handle holder = db.jdbi().open();
        holder.begin();
        holder.createUpdate("UPDATE patrol_unit SET status = 'BUSY' WHERE id = :id").bind("id", a).execute();
        try {
            in.offer(fix(a, 29.0, 103.0, 1));
            Thread.sleep(600); // the writer has taken the batch and is blocked on the row lock
            int threads = 4;
            int perThread = 20_000;
            CountDownLatch done = new CountDownLatch(threads);
            long[] worst = new long[threads];
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                Thread th = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long s = System.nanoTime();
                        in.offer(fix(i % 2 == 0 ? a : b, 29.0 + i * 1e-6, 103.0, 10 + i));
                        worst[n] = Math.max(worst[n], System.nanoTime() - s);
                    }
                    done.countDown();
                });
                ts.add(th);
                th.start();
            }
            assertTrue(done.await(20, TimeUnit.SECONDS), "80,000 offers finished while the writer was blocked");
            assertTrue(in.pendingCount() <= 2, "at most one pending fix per unit: " + in.pendingCount());
            for (long w : worst) {
                assertTrue(w < TimeUnit.MILLISECONDS.toNanos(200), "an offer took " + w / 1e6 + " ms");
            }
        } finally {
            holder.rollback();
            holder.close();
        }
        in.close();
        assertEquals(29.0 + (20_000 - 2) * 1e-6, stored(a).position().lat(), 1e-9, "the latest fix of a was written");
        assertEquals(T0.plusSeconds(10 + 19_999), stored(b).fixAt(), "the latest fix of b was written");
    }
}
