package org.commandroom.core.field.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gpsd's JSON: a real gpsd run by gpsfake (Debian's gpsd-clients; .ci/run installs it, so this never skips in CI)
 * replaying gpsd's own beidou-bd.log, and the same daemon's output recorded in gpsd-beidou-bd.json played by a fake
 * gpsd into the whole chain (mapping by device path, ingest, GCJ-02).
 */
class GpsdReceiverTest {

    static final Instant NOW = Instant.parse("2026-12-06T07:45:00Z");
    static final String GPSFAKE = "/usr/bin/gpsfake";

    @TempDir
    Path dir;

    @Test
    void aRealGpsdUnderGpsfakeGivesTheLogsFixesWithTheDeviceAsKey() throws Exception {
        assertTrue(Files.isExecutable(Path.of(GPSFAKE)),
                "gpsfake is missing: apt-get install gpsd gpsd-clients (.ci/run installs them)");
        Path log = dir.resolve("beidou-bd.log");
        Files.write(log, LogServer.resource("beidou-bd.log"));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process gpsfake = new ProcessBuilder(GPSFAKE, "-1", "-q", "-c", "0.05", "-P", Integer.toString(port), log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("gpsfake.out").toFile()).start();
        List<ReceiverFix> fixes = new CopyOnWriteArrayList<>();
        TestClock clock = new TestClock(NOW);
        GpsdReceiver r = new GpsdReceiver("127.0.0.1", port, ReceiverReplayTest.fast(), clock, fixes::add);
        try {
            r.start();
            ReceiverReplayTest.await(() -> fixes.stream().anyMatch(f -> f.fixAt().equals(Instant.parse("2026-12-06T07:41:59.799Z"))),
                    "gpsd's TPV of the log's last epoch");
        } finally {
            r.close();
            gpsfake.destroy();
            if (!gpsfake.waitFor(10, TimeUnit.SECONDS)) {
                gpsfake.destroyForcibly();
            }
        }
        ReceiverFix last = fixes.stream().filter(f -> f.fixAt().equals(Instant.parse("2026-12-06T07:41:59.799Z")))
                .reduce((x, y) -> y).orElseThrow();
        assertEquals(31 + 14.8943 / 60, last.lat(), 1e-6);
        assertEquals(121 + 35.2444 / 60, last.lon(), 1e-6);
        assertTrue(last.key().startsWith("127.0.0.1:" + port + "/dev/"), "key is endpoint + device path: " + last.key());
        assertTrue(r.stats().noFix() > 0, "mode-1 reports before the fix are no fix");
        assertTrue(r.stats().ignored() > 0, "VERSION, DEVICES, WATCH and SKY are ignored");
        assertTrue(r.stats().redated() > 0, "gpsd 3.22 dates these 2015 logs in 2034; the time of day is kept");
        assertTrue(fixes.stream().allMatch(f -> !f.fixAt().isAfter(NOW)), "no fix in the future");
    }

    @Test
    void recordedGpsdOutputReachesTheUnitMappedByDevicePath() throws Exception {
        Database db = TestDatabases.h2();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        TestClock clock = new TestClock(NOW);
        try {
            long station = TestData.station(db.jdbi());
            long unit = db.jdbi().withExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, "城关07", UnitKind.CAR,
                    station, null, UnitStatus.AVAILABLE, null, null, null, 0)));
            ReceiverMappings mappings = new ReceiverMappings(db.jdbi(), clock, AccessGuard.trusted());
            // One gpsd: its device may be mapped by path alone.
            mappings.assign(ReceiverKind.GPSD, "/dev/pts/2", "城关07", "in-car gpsd", "admin");
            try (PositionIngest ingest = new PositionIngest(db.jdbi(), new ChangeRecorder(clock, "desk-1"), clock,
                    Datum.GCJ02, new PositionIngest.Settings(Duration.ofMillis(50), 100), writer);
                 LogServer gpsd = new LogServer(List.of(LogServer.resource("gpsd-beidou-bd.json")), true);
                 ReceiverHub hub = new ReceiverHub(ingest, mappings::snapshot, clock)) {
                ingest.begin();
                GpsdReceiver r = new GpsdReceiver("127.0.0.1", gpsd.port(), ReceiverReplayTest.fast(), clock, hub::accept);
                r.start();
                Instant lastFix = Instant.parse("2026-12-06T07:41:59.799Z");
                ReceiverReplayTest.await(() -> lastFix.equals(db.jdbi().withExtension(UnitDao.class,
                        dao -> dao.findById(unit)).orElseThrow().fixAt()), "the last TPV stored");
                r.close();
                assertEquals(List.of("?WATCH={\"enable\":true,\"json\":true}"), gpsd.firstLines);
                assertEquals(8, r.stats().fixes(), "eight mode-3 TPVs with a time");
                PatrolUnit u = db.jdbi().withExtension(UnitDao.class, dao -> dao.findById(unit)).orElseThrow();
                GeoPoint expected = DatumConverter.convert(GeoPoint.wgs84(31.248238333, 121.587406667), Datum.GCJ02);
                assertEquals(expected.lat(), u.position().lat(), 1e-9);
                assertEquals(expected.lon(), u.position().lon(), 1e-9);
                assertEquals(4.94, u.heading(), 1e-9, "the epoch's second TPV (from RMC, with track) replaces the first");
                var details = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT speed_mps, accuracy_m, source FROM unit_fix WHERE unit_id = :u").bind("u", unit).mapToMap().one());
                assertEquals(0.118, ((Number) details.get("speed_mps")).doubleValue(), 1e-9);
                assertEquals(24.275, ((Number) details.get("accuracy_m")).doubleValue(), 1e-9, "the larger of epx, epy");
                assertEquals("gpsd:127.0.0.1:" + gpsd.port() + "/dev/pts/2", details.get("source"));
            }
        } finally {
            writer.shutdown();
            writer.awaitTermination(10, TimeUnit.SECONDS);
            db.close();
        }
    }

    @Test
    void malformedAndOversizeReportsAreDroppedAndTheStreamGoesOn() throws IOException, InterruptedException {
        String good = "{\"class\":\"TPV\",\"device\":\"/dev/ttyUSB0\",\"mode\":2,\"time\":\"2026-12-06T07:44:00.000Z\","
                + "\"lat\":29.2,\"lon\":103.7}\n";
        String stream = "{\"class\":\"TPV\",\"mode\":3,\"lat\":\n"            // malformed JSON
                + "{\"class\":\"TPV\",\"device\":\"/dev/ttyUSB0\",\"mode\":3,\"time\":\"2026-12-06T07:44:00Z\",\"lat\":95,\"lon\":1}\n"
                + "{\"class\":\"SKY\",\"satellites\":[" + "{\"PRN\":1},".repeat(8000) + "{}]}\n" // over 64 KB
                + "{\"class\":\"TPV\",\"device\":\"/dev/ttyUSB0\",\"mode\":3,\"time\":\"2026-12-06T08:44:00Z\",\"lat\":29.2,\"lon\":103.7}\n"
                + good;
        List<ReceiverFix> fixes = new CopyOnWriteArrayList<>();
        try (LogServer gpsd = new LogServer(List.of(LogServer.ascii(stream)), true)) {
            GpsdReceiver r = new GpsdReceiver("127.0.0.1", gpsd.port(), ReceiverReplayTest.fast(), new TestClock(NOW), fixes::add);
            r.start();
            try {
                ReceiverReplayTest.await(() -> fixes.size() == 1, "the good report");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; " + r.stats(), e);
            }
            r.close();
            assertEquals(2, r.stats().malformed(), "broken JSON and latitude 95");
            assertEquals(1, r.stats().oversize());
            assertEquals(1, r.stats().rejectedTime(), "an hour ahead of the console's clock");
            assertEquals("127.0.0.1:" + gpsd.port() + "/dev/ttyUSB0", fixes.get(0).key());
            assertEquals(Instant.parse("2026-12-06T07:44:00Z"), fixes.get(0).fixAt());
        }
    }
}
