package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.field.receiver.ReceiverKind;
import org.commandroom.core.field.receiver.ReceiverMappings;
import org.commandroom.core.geo.Datum;
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

/** The app's field side: settings file → receiver → unit on the map's datum; closed cleanly. */
class FieldRuntimeTest {

    @TempDir
    Path dataDir;

    @Test
    void startsTheConfiguredReceiverStoresInTheMapDatumAndCloses() throws Exception {
        Instant now = Instant.parse("2026-12-06T07:45:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Database db = TestDatabases.h2();
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long station = TestData.station(db.jdbi());
            long unit = db.jdbi().withExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, "城关01", UnitKind.CAR,
                    station, null, UnitStatus.AVAILABLE, null, null, null, 0)));
            new ReceiverMappings(db.jdbi(), clock, AccessGuard.trusted())
                    .assign(ReceiverKind.NMEA, "127.0.0.1:" + receiver.getLocalPort(), "城关01", null, "admin");
            Files.writeString(dataDir.resolve("receivers.properties"),
                    "# test\nnmea.car01 = 127.0.0.1:" + receiver.getLocalPort() + "\nbogus.key = 1\ningest.cadence.ms = 100\n",
                    StandardCharsets.UTF_8);
            FieldRuntime field = FieldRuntime.prepare(db.jdbi(), new ChangeRecorder(clock, "desk-1"), clock, dataDir,
                    Datum.GCJ02, AccessGuard.trusted());
            assertEquals(1, field.settings().nmea().size());
            assertEquals(1, field.settings().problems().size(), "the unknown key is reported");
            field.start();
            assertNotNull(field.ingest());
            try (Socket s = receiver.accept()) {
                OutputStream out = s.getOutputStream();
                out.write("$GNRMC,074155.799,A,3114.8770,N,12135.2463,E,0.30,4.94,061226,,,A*76\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                long end = System.nanoTime() + 20_000_000_000L;
                PatrolUnit u;
                do {
                    Thread.sleep(50);
                    u = db.jdbi().withExtension(UnitDao.class, dao -> dao.findById(unit)).orElseThrow();
                } while (u.fixAt() == null && System.nanoTime() < end);
                assertEquals(Instant.parse("2026-12-06T07:41:55.799Z"), u.fixAt());
                assertEquals(Datum.GCJ02, u.position().datum());
                assertTrue(u.position().lon() > 121 + 35.2463 / 60, "shifted east by the GCJ-02 offset");
            }
            field.close();
            assertEquals(1, field.ingest().stats().written());
            assertEquals(Datum.GCJ02, FieldRuntime.mapDatum(), "the map's default datum");
        } finally {
            db.close();
        }
    }
}
