package org.commandroom.core.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.wall.WallStatistics.YoyGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The wall's figures from rows put in by hand, on each supported database, in the station's time zone. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class WallStatisticsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Wednesday 25 November 2026, 14:30 in the station's zone. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, ZONE);

    @Parameter
    TestDb kind;

    private Database db;
    private long s1;
    private long s2;
    private int numbers;
    private WallStatistics stats;

    @BeforeEach
    void setUp() {
        db = kind.open();
        s1 = TestData.station(db.jdbi());
        s2 = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) "
                        + "SELECT bureau_id, 'S2', '南关派出所', 'STATION' FROM station WHERE id = :s")
                .bind("s", s1).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        stats = new WallStatistics(db.jdbi(), new TestClock(NOW.toInstant(), ZONE), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long incident(long station, IncidentType type, ZonedDateTime at, IncidentStatus status, int priority) {
        String no = "J-" + (++numbers);
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO incident (incident_no, received_at, address, category, "
                        + "incident_type, priority, station_id, status) VALUES (:no, :at, '某路1号', :c, :t, :p, :s, :st)")
                .bind("no", no).bind("at", at.toInstant()).bind("c", type.category().name()).bind("t", type.name())
                .bind("p", priority).bind("s", station).bind("st", status.name())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private void order(long station, String status, Duration signDue, Duration feedbackDue) {
        Instant now = NOW.toInstant();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO work_order (order_no, kind, station_id, summary, status, created_at, "
                        + "sign_deadline, feedback_deadline) VALUES (:no, 'VISIT', :s, '回访', :st, :c, :sd, :fd)")
                .bind("no", "Z-" + (++numbers)).bind("s", station).bind("st", status).bind("c", now.minus(Duration.ofHours(5)))
                .bind("sd", now.plus(signDue)).bind("fd", now.plus(feedbackDue)).execute());
    }

    @Test
    void todayIsCountedByCategoryUpToNowAndComparedWithTheSameTimeLastWeekAndLastYear() {
        incident(s1, IncidentType.FIGHT, NOW.withHour(0).withMinute(5), IncidentStatus.CLOSED, 1);   // 00:05 today
        incident(s1, IncidentType.FIGHT, NOW.minusMinutes(10), IncidentStatus.NEW, 1);                // 14:20 today
        incident(s2, IncidentType.TRAFFIC_ACCIDENT, NOW.minusHours(3), IncidentStatus.NEW, 2);        // 11:30 today
        incident(s1, IncidentType.FIGHT, NOW.minusDays(1), IncidentStatus.CLOSED, 1);                  // yesterday: nowhere
        incident(s1, IncidentType.NOISE, NOW.minusWeeks(1).minusHours(1), IncidentStatus.CLOSED, 3);   // last week 13:30
        incident(s1, IncidentType.NOISE, NOW.minusWeeks(1).plusHours(2), IncidentStatus.CLOSED, 3);    // last week 16:30
        incident(s1, IncidentType.FIGHT, NOW.minusYears(1).minusMinutes(1), IncidentStatus.CLOSED, 1); // last year 14:29
        incident(s1, IncidentType.FIGHT, NOW.minusYears(1).withHour(23), IncidentStatus.CLOSED, 1);    // last year 23:30

        WallStatistics.TodayFigures t = stats.today();

        assertEquals(3, t.today().total());
        assertEquals(2, t.today().byCategory().get(IncidentCategory.PUBLIC_ORDER));
        assertEquals(1, t.today().byCategory().get(IncidentCategory.TRAFFIC));
        assertEquals(1, t.today().hour(0));
        assertEquals(1, t.today().hour(14));
        assertEquals(1, t.today().hour(11));
        assertEquals(1, t.lastWeek().total(), "only what came in before 14:30 counts against today");
        assertEquals(2, t.lastWeek().dayTotal(), "the hours show the whole day");
        assertEquals(1, t.lastWeek().hour(16));
        assertEquals(1, t.lastYear().total());
        assertEquals(1, t.lastYear().hour(23));
        assertEquals(NOW.toLocalDate().minusYears(1), t.lastYear().date());
    }

    @Test
    void openIncidentsAreCountedWithTheirWaitsLongestFirst() {
        incident(s1, IncidentType.FIGHT, NOW.minusMinutes(10), IncidentStatus.NEW, 1);
        incident(s2, IncidentType.NOISE, NOW.minusMinutes(50), IncidentStatus.DISPATCHED, 3);
        incident(s2, IncidentType.ROBBERY, NOW.minusMinutes(30), IncidentStatus.ON_SCENE, 1);
        incident(s2, IncidentType.ROBBERY, NOW.minusMinutes(300), IncidentStatus.CLOSED, 1);

        WallStatistics.OpenFigures o = stats.open(2);

        assertEquals(3, o.open());
        assertEquals(2, o.urgent());
        assertEquals(Duration.ofMinutes(50), o.longestWait());
        assertEquals(Duration.ofMinutes(30), o.medianWait());
        assertEquals(1, o.byStatus().get(IncidentStatus.NEW));
        assertEquals(List.of(IncidentType.NOISE, IncidentType.ROBBERY), o.longest().stream().map(e -> e.type()).toList());
        assertEquals("南关派出所", o.longest().get(0).stationName());
    }

    @Test
    void ordersPastTheirDeadlinesAreCountedByStationMostOverdueFirst() {
        order(s1, "ISSUED", Duration.ofMinutes(-5), Duration.ofHours(3));    // not signed in time
        order(s2, "ISSUED", Duration.ofMinutes(-5), Duration.ofHours(3));
        order(s2, "SIGNED", Duration.ofMinutes(-60), Duration.ofMinutes(-1)); // no feedback in time
        order(s2, "ISSUED", Duration.ofMinutes(5), Duration.ofHours(3));      // still in time
        order(s1, "FED_BACK", Duration.ofMinutes(-60), Duration.ofMinutes(-1)); // done: not overdue
        order(s1, "CLOSED", Duration.ofMinutes(-60), Duration.ofMinutes(-1));

        List<WallStatistics.Overdue> rows = stats.overdueByStation();

        assertEquals(2, rows.size());
        assertEquals("南关派出所", rows.get(0).stationName());
        assertEquals(1, rows.get(0).unsigned());
        assertEquals(1, rows.get(0).noFeedback());
        assertEquals("城关派出所", rows.get(1).stationName());
        assertEquals(1, rows.get(1).unsigned());
        assertEquals(0, rows.get(1).noFeedback());
    }

    @Test
    void yearOnYearComparesTheYearToDateWithTheSameSpanLastYearPerStationAndGroup() {
        for (int i = 0; i < 4; i++) {
            incident(s1, IncidentType.GAMBLING_VICE, NOW.minusYears(1).minusDays(10 + i), IncidentStatus.CLOSED, 2);
        }
        incident(s1, IncidentType.GAMBLING_VICE, NOW.minusYears(1).plusDays(3), IncidentStatus.CLOSED, 2); // after the span
        incident(s1, IncidentType.GAMBLING_VICE, NOW.minusYears(1).withDayOfYear(1).minusDays(1), IncidentStatus.CLOSED, 2);
        for (int i = 0; i < 3; i++) {
            incident(s1, IncidentType.GAMBLING_VICE, NOW.minusDays(20 + i), IncidentStatus.CLOSED, 2);
        }
        incident(s2, IncidentType.TRAFFIC_INJURY, NOW.minusDays(2), IncidentStatus.CLOSED, 1);
        incident(s2, IncidentType.TRAFFIC_JAM, NOW.minusDays(3), IncidentStatus.CLOSED, 3);
        incident(s2, IncidentType.EBIKE_THEFT, NOW.minusYears(1).minusDays(1), IncidentStatus.CLOSED, 2);
        incident(s2, IncidentType.PICKPOCKET, NOW.minusYears(1).minusDays(1), IncidentStatus.CLOSED, 2);
        incident(s2, IncidentType.BURGLARY, NOW.minusDays(1), IncidentStatus.CLOSED, 1);
        incident(s2, IncidentType.NOISE, NOW.minusDays(1), IncidentStatus.CLOSED, 3); // in no group

        WallStatistics.YearOnYear y = stats.yearOnYear();

        assertEquals(new WallStatistics.YoyLine(3, 4), y.bureau().get(YoyGroup.GAMBLING_VICE));
        assertEquals(-25.0, y.bureau().get(YoyGroup.GAMBLING_VICE).changePercent(), 1e-9);
        assertEquals(new WallStatistics.YoyLine(2, 0), y.bureau().get(YoyGroup.TRAFFIC));
        assertNull(y.bureau().get(YoyGroup.TRAFFIC).changePercent(), "no base last year: no percentage");
        assertEquals(new WallStatistics.YoyLine(1, 2), y.bureau().get(YoyGroup.PREVENTABLE));
        assertEquals(new WallStatistics.YoyLine(0, 0), y.bureau().get(YoyGroup.FIGHT));
        assertEquals(List.of("S1", "S2"), y.stations().stream().map(WallStatistics.StationYoy::code).toList());
        assertEquals(new WallStatistics.YoyLine(3, 4), y.stations().get(0).lines().get(YoyGroup.GAMBLING_VICE));
        assertEquals(new WallStatistics.YoyLine(0, 0), y.stations().get(1).lines().get(YoyGroup.GAMBLING_VICE));
        assertEquals(new WallStatistics.YoyLine(1, 2), y.stations().get(1).lines().get(YoyGroup.PREVENTABLE));
        assertEquals(NOW.toLocalDate().withDayOfYear(1), y.from());
    }

    @Test
    void theDutyNamesComeFromTheSettingsAndAreEmptyWhenNobodyIsRecorded() {
        assertTrue(stats.duty().commander().isEmpty());
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
                .bind("k", WallStatistics.DUTY_COMMANDER_KEY).bind("v", " 王建国 ").execute());
        assertEquals("王建国", stats.duty().commander().orElseThrow());
        assertTrue(stats.duty().leader().isEmpty());
    }
}
