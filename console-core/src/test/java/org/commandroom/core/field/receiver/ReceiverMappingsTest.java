package org.commandroom.core.field.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The receiver-to-unit mapping (V19) on each database, who may change it, and the settings file. */
class ReceiverMappingsTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anAdministratorMapsAndRemapsACommanderIsRefusedAndAudited(TestDb kind) {
        try (Database db = kind.open()) {
            TestClock clock = new TestClock(Instant.parse("2026-12-06T07:45:00Z"));
            long station = TestData.station(db.jdbi());
            long u1 = db.jdbi().withExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, "城关01", UnitKind.CAR,
                    station, null, UnitStatus.AVAILABLE, null, null, null, 0)));
            long u2 = db.jdbi().withExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, "城关02", UnitKind.CAR,
                    station, null, UnitStatus.AVAILABLE, null, null, null, 0)));
            Principal admin = new Principal(1, "admin", "管理员", Set.of(Role.ADMINISTRATOR), "desk-1", false);
            Principal commander = new Principal(2, "wang", "王队", Set.of(Role.DUTY_COMMANDER), "desk-1", false);
            ReceiverMappings asAdmin = new ReceiverMappings(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, admin));
            ReceiverMappings asCommander = new ReceiverMappings(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, commander));

            assertEquals(u1, asAdmin.assign(ReceiverKind.NMEA, " 10.20.0.7:4001 ", "城关01", "car 01", "admin"));
            assertEquals(u1, asAdmin.assign(ReceiverKind.GPSD, "/dev/ttyUSB0", "城关01", null, "admin"));
            assertEquals(u2, asAdmin.assign(ReceiverKind.NMEA, "10.20.0.7:4001", "城关02", "moved", "admin"));
            assertEquals(Map.of("NMEA 10.20.0.7:4001", u2, "GPSD /dev/ttyUSB0", u1), asAdmin.snapshot());
            assertThrows(IllegalArgumentException.class, () -> asAdmin.assign(ReceiverKind.NMEA, "x:1", "无此车", null, "admin"));

            long refusedBefore = refusals(db);
            assertThrows(AccessDenied.class, () -> asCommander.assign(ReceiverKind.NMEA, "10.20.0.8:4001", "城关01", null, "wang"));
            assertThrows(AccessDenied.class, () -> asCommander.remove(ReceiverKind.NMEA, "10.20.0.7:4001", "wang"));
            assertEquals(refusedBefore + 2, refusals(db), "each refusal is in the audit trail");
            assertEquals(2, asCommander.all().size(), "nothing changed; reading is allowed");

            assertTrue(asAdmin.remove(ReceiverKind.NMEA, "10.20.0.7:4001", "admin"));
            assertEquals(Map.of("GPSD /dev/ttyUSB0", u1), asAdmin.snapshot());
            long assigned = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM audit_log WHERE action IN ('RECEIVER_ASSIGN', 'RECEIVER_REMOVE')").mapTo(Long.class).one());
            assertEquals(4, assigned);
        }
    }

    private static long refusals(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'REFUSED'")
                .mapTo(Long.class).one());
    }

    @Test
    void settingsFileEndpointsDefaultsAndProblems() {
        Properties p = new Properties();
        p.setProperty("gpsd.car", "127.0.0.1");
        p.setProperty("gpsd.v6", "[::1]:2948");
        p.setProperty("nmea.car07", "10.20.0.7:4001");
        p.setProperty("nmea.noport", "10.20.0.8");
        p.setProperty("nmea.badport", "10.20.0.9:70000");
        p.setProperty("ingest.cadence.ms", "500");
        p.setProperty("receiver.idle.timeout.s", "1");
        p.setProperty("colour", "red");
        ReceiverSettings s = ReceiverSettings.parse(p);
        assertEquals(2, s.gpsd().size());
        assertEquals("127.0.0.1:2947", s.gpsd().get(0).key());
        assertEquals("::1:2948", s.gpsd().get(1).key());
        assertEquals(1, s.nmea().size());
        assertEquals("10.20.0.7:4001", s.nmea().get(0).key());
        assertEquals(500, s.cadence().toMillis());
        assertEquals(15, s.options().idleTimeout().toSeconds(), "1 s is below the minimum: default kept");
        assertEquals(4, s.problems().size(), String.join("\n", s.problems()));
    }
}
