package org.commandroom.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Incidents through IncidentService and IncidentDao, on each supported database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class IncidentServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @Parameter
    TestDb kind;

    private Database db;
    private IncidentService incidents;
    private long stationId;

    @BeforeEach
    void setUp() {
        db = kind.open();
        incidents = new IncidentService(db.jdbi(), new ChangeRecorder(Clock.fixed(T0, ZoneOffset.UTC), "test"));
        stationId = TestData.station(db.jdbi());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anIncidentReadsBackFieldForFieldWithItsInstantsExactToTheMillisecond() {
        Instant received = Instant.parse("2026-03-08T10:30:00.123Z");
        Instant closed = Instant.parse("2026-11-01T08:59:59.999Z");
        Incident in = new Incident(0, "J20260308-00001", received, "13800138000", "城关镇解放路12号",
                new GeoPoint(30.123456, 114.654321, Datum.GCJ02), IncidentType.BURGLARY, 1, "入室盗窃",
                stationId, null, IncidentStatus.CLOSED, closed, 0);
        long id = incidents.record(in);

        Incident out = db.jdbi().withExtension(IncidentDao.class, dao -> dao.findById(id)).orElseThrow();
        assertEquals(withId(in, id), out);
    }

    @Test
    void instantsSurviveWhateverTheJvmTimeZoneIsWhenWrittenAndWhenRead() {
        // A column or binding that kept local time would shift these by the zone offset, or by the
        // daylight-saving hour: 02:30 on 8 March 2026 does not exist in Los Angeles.
        TimeZone original = TimeZone.getDefault();
        Instant received = Instant.parse("2026-03-08T10:30:00.123Z");
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            long id;
            try (Database writer = Database.open(db.settings())) {
                id = new IncidentService(writer.jdbi(), new ChangeRecorder(Clock.systemUTC(), "west"))
                        .record(incident("J-TZ", received, 2, IncidentStatus.NEW));
            }
            for (String zone : List.of("Asia/Shanghai", "UTC", "Pacific/Chatham", "America/Los_Angeles")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                try (Database reader = Database.open(db.settings())) {
                    Incident read = reader.jdbi().withExtension(IncidentDao.class, dao -> dao.findById(id)).orElseThrow();
                    assertEquals(received, read.receivedAt(), "read with JVM zone " + zone);
                    Instant latest = reader.jdbi().withExtension(IncidentDao.class, IncidentDao::latestReceivedAt).orElseThrow();
                    assertEquals(received, latest, "aggregate read with JVM zone " + zone);
                }
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void theQueueShowsOpenIncidentsMostUrgentFirstThenLongestWaiting() {
        incidents.record(incident("P2-early", T0.minusSeconds(600), 2, IncidentStatus.NEW));
        incidents.record(incident("P1-late", T0.minusSeconds(60), 1, IncidentStatus.NEW));
        incidents.record(incident("P3-earliest", T0.minusSeconds(3600), 3, IncidentStatus.ON_SCENE));
        incidents.record(incident("P1-early", T0.minusSeconds(300), 1, IncidentStatus.DISPATCHED));
        incidents.record(incident("P1-closed", T0.minusSeconds(900), 1, IncidentStatus.CLOSED));
        incidents.record(incident("P1-diverted", T0.minusSeconds(900), 1, IncidentStatus.DIVERTED));
        incidents.record(incident("P2-later-by-1ms", T0.minusSeconds(600).plusMillis(1), 2, IncidentStatus.NEW));

        List<QueueEntry> queue = incidents.openQueue();

        assertEquals(List.of("P1-early", "P1-late", "P2-early", "P2-later-by-1ms", "P3-earliest"),
                queue.stream().map(QueueEntry::incidentNo).toList());
        assertEquals("城关派出所", queue.get(0).stationName());
    }

    @Test
    void aStatusChangeFromAStaleCopyIsRefusedAndTheFirstChangeKept() {
        long id = incidents.record(incident("J-1", T0, 1, IncidentStatus.NEW));
        Incident copy = db.jdbi().withExtension(IncidentDao.class, dao -> dao.findById(id)).orElseThrow();

        incidents.changeStatus(copy, IncidentStatus.DISPATCHED, null);
        assertThrows(ConcurrentChangeException.class, () -> incidents.changeStatus(copy, IncidentStatus.DIVERTED, T0));

        Incident now = db.jdbi().withExtension(IncidentDao.class, dao -> dao.findById(id)).orElseThrow();
        assertEquals(IncidentStatus.DISPATCHED, now.status());
        assertEquals(1, now.version());
    }

    private Incident incident(String no, Instant receivedAt, int priority, IncidentStatus status) {
        return new Incident(0, no, receivedAt, null, "地址 " + no, null, IncidentType.NOISE, priority, null,
                stationId, null, status, null, 0);
    }

    private static Incident withId(Incident i, long id) {
        return new Incident(id, i.incidentNo(), i.receivedAt(), i.callerNumber(), i.address(), i.position(), i.type(),
                i.priority(), i.description(), i.stationId(), i.policeGridId(), i.status(), i.closedAt(), i.version());
    }
}
