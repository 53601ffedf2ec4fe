package org.commandroom.core.field.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.field.PositionIngest;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gpsd's recorded receiver logs (src/test/resources/receivers, see the README there) replayed over real TCP sockets
 * into the receivers, through the receiver-to-unit mapping and the batched ingest into the database, stored in the
 * GCJ-02 datum of the default base map.
 */
class ReceiverReplayTest {

    /** The logs were recorded at 07:41-07:42 and 05:32 UTC on days in 2015; the console's clock is today. */
    static final Instant NOW = Instant.parse("2026-12-06T07:45:00Z");

    private Database db;
    private TestClock clock;
    private ScheduledExecutorService writer;
    private PositionIngest ingest;
    private ReceiverMappings mappings;
    private long unit;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2();
        clock = new TestClock(NOW);
        writer = Executors.newSingleThreadScheduledExecutor();
        long station = TestData.station(db.jdbi());
        unit = db.jdbi().withExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, "城关01", UnitKind.CAR,
                station, null, UnitStatus.AVAILABLE, null, null, null, 0)));
        ingest = new PositionIngest(db.jdbi(), new ChangeRecorder(clock, "desk-1"), clock, Datum.GCJ02,
                new PositionIngest.Settings(Duration.ofMillis(50), 1000), writer);
        ingest.begin();
        mappings = new ReceiverMappings(db.jdbi(), clock, AccessGuard.trusted());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        ingest.close();
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    static TcpLineReceiver.Options fast() {
        return new TcpLineReceiver.Options(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMillis(100),
                Duration.ofMillis(400), 256);
    }

    private PatrolUnit stored() {
        return db.jdbi().withExtension(UnitDao.class, dao -> dao.findById(unit)).orElseThrow();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private void assertStoredAt(double wgsLat, double wgsLon, Instant fixAt) {
        PatrolUnit u = stored();
        GeoPoint expected = DatumConverter.convert(GeoPoint.wgs84(wgsLat, wgsLon), Datum.GCJ02);
        assertEquals(Datum.GCJ02, u.position().datum());
        assertEquals(expected.lat(), u.position().lat(), 1e-9);
        assertEquals(expected.lon(), u.position().lon(), 1e-9);
        assertEquals(fixAt, u.fixAt());
    }

    @Test
    void beidouBdLogGnAndBdTalkersGiveTheLastValidRmcInGcj02() throws Exception {
        try (LogServer server = new LogServer(List.of(LogServer.resource("beidou-bd.log")), false)) {
            String key = "127.0.0.1:" + server.port();
            mappings.assign(ReceiverKind.NMEA, key, "城关01", "car 01", "admin");
            try (ReceiverHub hub = new ReceiverHub(ingest, mappings::snapshot, clock)) {
                NmeaReceiver r = new NmeaReceiver("127.0.0.1", server.port(), fast(), clock, hub::accept);
                r.start();
                await(() -> r.stats().fixes() == 5, "five valid RMC epochs");
                await(() -> Instant.parse("2026-12-06T07:41:59.799Z").equals(stored().fixAt()), "last fix stored");
                r.close();
                // 074155-074159: five epochs with status A; five RMC with V and five GGA with quality 0 before them.
                assertEquals(10, r.stats().noFix());
                assertEquals(0, r.stats().badChecksum());
                assertEquals(5, r.stats().redated(), "2015-02-25 is far from the console's date");
                assertStoredAt(31 + 14.8943 / 60, 121 + 35.2444 / 60, Instant.parse("2026-12-06T07:41:59.799Z"));
                var details = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT speed_mps, accuracy_m, source FROM unit_fix WHERE unit_id = :u").bind("u", unit).mapToMap().one());
                assertEquals(0.23 * 1852 / 3600, ((Number) details.get("speed_mps")).doubleValue(), 1e-9);
                assertEquals(1.1 * 5, ((Number) details.get("accuracy_m")).doubleValue(), 1e-9, "HDOP of the same second's GGA x 5 m");
                assertEquals("nmea:" + key, details.get("source"));
            }
        }
    }

    @Test
    void aDroppedStreamIsReconnectedAndAHostileLineCannotGrowMemory() throws Exception {
        byte[] log = LogServer.resource("beidou-gb.log");
        String text = new String(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        int cut = text.indexOf("$PSRFEPE,053233.438");
        byte[] first = Arrays.copyOfRange(log, 0, cut);
        // Second connection: 1 MB without a line end, then the rest of the log.
        byte[] junk = new byte[1 << 20];
        Arrays.fill(junk, (byte) 'A');
        byte[] rest = Arrays.copyOfRange(log, cut, log.length);
        byte[] second = new byte[junk.length + 2 + rest.length];
        System.arraycopy(junk, 0, second, 0, junk.length);
        second[junk.length] = '\r';
        second[junk.length + 1] = '\n';
        System.arraycopy(rest, 0, second, junk.length + 2, rest.length);
        try (LogServer server = new LogServer(List.of(first, second), false)) {
            mappings.assign(ReceiverKind.NMEA, "127.0.0.1:" + server.port(), "城关01", null, "admin");
            try (ReceiverHub hub = new ReceiverHub(ingest, mappings::snapshot, clock)) {
                NmeaReceiver r = new NmeaReceiver("127.0.0.1", server.port(), fast(), clock, hub::accept);
                r.start();
                await(() -> r.stats().fixes() == 2, "the fix before the drop and the one after");
                await(() -> Instant.parse("2026-12-06T05:32:33.438Z").equals(stored().fixAt()), "second fix stored");
                r.close();
                assertEquals(2, r.stats().connects(), "connected again after the stream closed");
                assertEquals(1, r.stats().oversize(), "the 1 MB line was dropped whole");
                assertStoredAt(31 + 14.8821 / 60, 121 + 35.2428 / 60, Instant.parse("2026-12-06T05:32:33.438Z"));
            }
        }
    }

    @Test
    void weekRolloverLogIsRedatedToTheConsolesDay() throws Exception {
        clock = new TestClock(Instant.parse("2019-04-07T00:03:00Z"));
        try (LogServer server = new LogServer(List.of(LogServer.resource("april6_2019.log")), false);
             ReceiverHub hub = new ReceiverHub(ingest, mappings::snapshot, clock)) {
            mappings.assign(ReceiverKind.NMEA, "127.0.0.1:" + server.port(), "城关01", null, "admin");
            NmeaReceiver r = new NmeaReceiver("127.0.0.1", server.port(), fast(), clock, hub::accept);
            r.start();
            await(() -> r.stats().fixes() == 2, "both fixes with a wrong date");
            await(() -> Instant.parse("2019-04-07T00:02:31.420Z").equals(stored().fixAt()), "stored on the console's day");
            r.close();
            assertEquals(1, r.stats().noFix(), "the empty RMC with status V");
            assertEquals(2, r.stats().redated(), "an unreadable date (2208-1) and 1999-08-22");
            // In France: outside China GCJ-02 equals WGS-84.
            assertStoredAt(48 + 29.0005 / 60, 22.0016 / 60, Instant.parse("2019-04-07T00:02:31.420Z"));
        }
    }

    @Test
    void anUnmappedReceiversFixesAreDropped() throws Exception {
        try (LogServer server = new LogServer(List.of(LogServer.resource("beidou-gb.log")), false);
             ReceiverHub hub = new ReceiverHub(ingest, mappings::snapshot, clock)) {
            NmeaReceiver r = new NmeaReceiver("127.0.0.1", server.port(), fast(), clock, hub::accept);
            r.start();
            await(() -> hub.unmapped() == 2, "both fixes seen and dropped");
            r.close();
            ingest.flush();
            assertEquals(null, stored().fixAt());
        }
    }
}
