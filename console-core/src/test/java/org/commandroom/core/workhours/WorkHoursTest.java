package org.commandroom.core.workhours;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Work-hours read from real orders (H2, PostgreSQL): a unit's dispatch (travel, on scene, across midnight), an
 * officer's own orders (measured on scene, or the standard time at feedback), a crew member's overlap counted once, an
 * open order counted up to now, and the community officer's share in his own grid (indicator 36).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class WorkHoursTest {

    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);
    static final Principal WALL = new Principal(3, "wall", "大屏", Set.of(Role.WALL_DISPLAY), "ws-1", false);
    /** 4 August 2026, 12:00 in Shanghai. */
    static final Instant NOW = WorkTimeTest.cst(8, 4, 12, 0);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private TestClock clock;
    private long unit;
    private long patrol;
    private long incidentInG1;
    private long incidentInG3;
    private int seq;

    @BeforeEach
    void open() {
        db = kind.open();
        clock = new TestClock(NOW, IntakeFixture.ZONE);
        fx = new IntakeFixture(db, clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        patrol = fx.patrolOfficer(fx.s1, "赵巡逻");
        // the community officer 王建国 rides with the patrol car this week
        unit = fx.unit("南关1号车", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofMinutes(1), patrol, fx.officerWang);
        db.jdbi().useHandle(h -> {
            incidentInG1 = incident(h, fx.g1);
            incidentInG3 = incident(h, fx.g3);
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long incident(Handle h, long grid) {
        return h.createUpdate("INSERT INTO incident (incident_no, received_at, address, category, incident_type, priority, station_id, "
                        + "police_grid_id, status) VALUES (:no, :at, '某路', 'DISPUTE', 'FAMILY_DISPUTE', 2, :s, :g, 'CLOSED')")
                .bind("no", "WH-" + (++seq)).bind("at", NOW.minus(Duration.ofDays(2))).bind("s", fx.s1).bind("g", grid)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** An order with the times of its trail (null: not reached). */
    private long order(String kind, Long incident, Long unitId, Long officer, Instant issued, Instant onScene, Instant cleared,
                       Instant fedBack) {
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO work_order (order_no, kind, incident_id, station_id, unit_id, "
                        + "assignee_officer_id, summary, status, created_at, issued_at, on_scene_at, cleared_at, fed_back_at) VALUES "
                        + "(:no, :k, :i, :s, :u, :o, '工时', :st, :is, :is, :os, :cl, :fb)")
                .bind("no", "WZ-" + (++seq)).bind("k", kind).bind("i", incident).bind("s", fx.s1).bind("u", unitId).bind("o", officer)
                .bind("st", fedBack != null ? "FED_BACK" : "SIGNED").bind("is", issued).bind("os", onScene).bind("cl", cleared)
                .bind("fb", fedBack).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private Map<WorkKind, Long> hours(List<WorkHours.Row> rows, WorkHours.Worker.Type type, long id, LocalDate day) {
        return rows.stream().filter(r -> r.worker().type() == type && r.worker().id() == id && r.period().equals(day))
                .map(r -> r.totals().byKind()).findFirst().orElse(Map.of());
    }

    @Test
    void hoursFromTheTrailPerUnitAndOfficerByDayCountingOverlapsOnceAndOpenWorkUpToNow() {
        // the car's dispatch to an incident in G1: issued 3 Aug 23:00, on scene 23:20, cleared 4 Aug 00:50
        order("DISPATCH", incidentInG1, unit, null, WorkTimeTest.cst(8, 3, 23, 0), WorkTimeTest.cst(8, 3, 23, 20),
                WorkTimeTest.cst(8, 4, 0, 50), WorkTimeTest.cst(8, 4, 1, 0));
        // 王建国's own visit fed back at 00:40 with no terminal times: 30 standard minutes, 00:10-00:40, inside the dispatch
        order("VISIT", incidentInG1, null, fx.officerWang, WorkTimeTest.cst(8, 3, 20, 0), null, null, WorkTimeTest.cst(8, 4, 0, 40));
        // a house inspection measured by his terminal: on scene 09:00-09:45 on 4 Aug
        order("HOUSE_INSPECTION", null, null, fx.officerWang, WorkTimeTest.cst(8, 4, 8, 0), WorkTimeTest.cst(8, 4, 9, 0),
                WorkTimeTest.cst(8, 4, 9, 45), WorkTimeTest.cst(8, 4, 10, 0));
        // the car's dispatch to G3 still open: on scene since 11:30, counted up to now (12:00)
        order("DISPATCH", incidentInG3, unit, null, WorkTimeTest.cst(8, 4, 11, 10), WorkTimeTest.cst(8, 4, 11, 30), null, null);
        // a dispute follow-up not fed back yet: no hours
        order("DISPUTE_FOLLOW_UP", incidentInG1, null, fx.officerWang, WorkTimeTest.cst(8, 4, 7, 0), null, null, null);

        WorkHours service = new WorkHours(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, DUTY));
        List<WorkHours.Row> rows = service.report(fx.s1, LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 5), WorkTime.Granularity.DAY);
        LocalDate d3 = LocalDate.of(2026, 8, 3);
        LocalDate d4 = LocalDate.of(2026, 8, 4);
        // the unit: 3 Aug 20 min travel + 40 min on scene; 4 Aug 50 min on scene, then 20 min travel + 30 on scene (open)
        assertEquals(Map.of(WorkKind.TRAVEL, 1200L, WorkKind.ON_SCENE, 2400L), hours(rows, WorkHours.Worker.Type.UNIT, unit, d3));
        assertEquals(Map.of(WorkKind.TRAVEL, 1200L, WorkKind.ON_SCENE, 3000L + 1800L), hours(rows, WorkHours.Worker.Type.UNIT, unit, d4));
        // the crew's patrol officer: the same as the car
        assertEquals(hours(rows, WorkHours.Worker.Type.UNIT, unit, d4), hours(rows, WorkHours.Worker.Type.OFFICER, patrol, d4));
        // 王建国: the car's time, his visit inside it counted once (not added), and his inspection's 45 minutes
        assertEquals(Map.of(WorkKind.TRAVEL, 1200L, WorkKind.ON_SCENE, 4800L, WorkKind.INSPECTION, 2700L),
                hours(rows, WorkHours.Worker.Type.OFFICER, fx.officerWang, d4));
        // indicator 36 for 4 August 00:00-12:00: his 50 minutes on the G1 call (his grid) of 50 + 45 (the inspection, of no
        // registered house: no grid known) + 50 (the G3 call)
        long[] share = db.jdbi().withHandle(h -> WorkHours.communityShareByStation(h, WorkTimeTest.cst(8, 4, 0, 0),
                WorkTimeTest.cst(8, 5, 0, 0), NOW, List.of(fx.s1))).get(fx.s1);
        assertArrayEquals(new long[] {50, 145}, share);
        // the orders behind it: three with time, two of them in his grid (the inspection has no house: not in his grid)
        Map<Long, Map.Entry<String, Boolean>> orders = db.jdbi().withHandle(h -> WorkHours.communityOrders(h, fx.s1,
                WorkTimeTest.cst(8, 4, 0, 0), WorkTimeTest.cst(8, 5, 0, 0), NOW));
        assertEquals(3, orders.size());
        assertEquals(1, orders.values().stream().filter(Map.Entry::getValue).count());
    }

    @Test
    void anOpenDispatchCountsAtMostTwelveHours() {
        order("DISPATCH", incidentInG1, unit, null, WorkTimeTest.cst(8, 3, 8, 0), WorkTimeTest.cst(8, 3, 8, 10), null, null);
        List<WorkHours.Row> rows = new WorkHours(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, DUTY))
                .report(null, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 5), WorkTime.Granularity.WEEK);
        long unitSeconds = rows.stream().filter(r -> r.worker().type() == WorkHours.Worker.Type.UNIT)
                .mapToLong(r -> r.totals().total()).sum();
        assertEquals(Duration.ofMinutes(10).plusHours(12).getSeconds(), unitSeconds, "10 minutes' travel and 12 hours on scene");
    }

    @Test
    void theWallMayNotReadOfficersHours() {
        WorkHours wall = new WorkHours(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, WALL));
        assertThrows(AccessDenied.class, () -> wall.report(fx.s1, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 5),
                WorkTime.Granularity.DAY));
    }
}
