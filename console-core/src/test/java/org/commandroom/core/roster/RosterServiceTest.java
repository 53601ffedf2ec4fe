package org.commandroom.core.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.roster.RosterRejected.Code;
import org.commandroom.core.roster.RosterService.Shift;
import org.commandroom.core.roster.RosterService.ShiftEdit;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.wall.WallStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The duty roster on a real H2 and a real PostgreSQL, in the county of {@link IntakeFixture} (Monday 23 November
 * 2026, 10:00 in Shanghai) with three more officers: 张伟 (P200, 值班长), 陈静 (P201, 指挥长) and 赵退 (P202, retired).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class RosterServiceTest {

    static final ZoneId ZONE = IntakeFixture.ZONE;
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    static final Principal LEADER = new Principal(3, "lead", "陈静", Set.of(Role.COMMAND_LEADER), "ws-1", false);
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private RosterService roster;

    @BeforeEach
    void open() {
        db = kind.open();
        fx = new IntakeFixture(db);
        roster = as(ADMIN);
        db.jdbi().useHandle(h -> {
            long s1 = fx.s1;
            h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) VALUES (?, 'P200', '张伟', 'POLICE', 'COMMANDER')", s1);
            h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) VALUES (?, 'P201', '陈静', 'POLICE', 'LEADER')", s1);
            h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty, retired_at) "
                    + "VALUES (?, 'P202', '赵退', 'POLICE', 'COMMANDER', ?)", s1, java.sql.Timestamp.from(IntakeFixture.T0));
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RosterService as(Principal p) {
        return new RosterService(db.jdbi(), fx.clock, ZONE, fx.recorder, AccessGuard.of(db.jdbi(), fx.clock, p));
    }

    static Instant at(LocalDate d, int hour, int minute) {
        return LocalDateTime.of(d, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    /** The day shift 08:00-20:00 and the night shift 20:00-08:00 of {@code d}. */
    private Shift day(LocalDate d, String... commanders) {
        return roster.save(new ShiftEdit(null, null, at(d, 8, 0), at(d, 20, 0), List.of(commanders), "P201", "白班"), "admin");
    }

    private Shift night(LocalDate d, String... commanders) {
        return roster.save(new ShiftEdit(null, null, at(d, 20, 0), at(d.plusDays(1), 8, 0), List.of(commanders), null, null),
                "admin");
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private List<String> auditActions() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log ORDER BY seq").mapTo(String.class).list());
    }

    private static Optional<Long> id(Optional<Shift> s) {
        return s.map(Shift::id);
    }

    @Test
    void theNightShiftCrossesMidnightAndAShiftCoversItsStartButNotItsEnd() {
        Shift d = day(MONDAY, "P200");
        Shift n = night(MONDAY, "P100", "P101");

        assertEquals(Optional.of(d.id()), id(roster.onDuty(null, at(MONDAY, 19, 59))));
        assertEquals(Optional.of(n.id()), id(roster.onDuty(null, at(MONDAY, 20, 0))), "at 20:00 the night shift is on");
        assertEquals(Optional.of(n.id()), id(roster.onDuty(null, at(MONDAY.plusDays(1), 0, 30))), "after midnight too");
        assertEquals(Optional.of(n.id()), id(roster.onDuty(null, at(MONDAY.plusDays(1), 7, 59))));
        assertEquals(Optional.empty(), roster.onDuty(null, at(MONDAY.plusDays(1), 8, 0)), "nobody on the 24th at 08:00");
        assertEquals(Optional.empty(), roster.onDuty(null, at(MONDAY, 7, 0)));
        assertEquals(Optional.of(n.id()), id(roster.next(null, at(MONDAY, 10, 0))));
        assertEquals(Optional.empty(), roster.next(null, at(MONDAY, 21, 0)));

        Shift night = roster.onDuty(null, at(MONDAY, 23, 0)).orElseThrow();
        assertEquals("王建国、李明", night.commanderNames(), "commanders in the order given");
        assertNull(night.leader());
        assertEquals("陈静", roster.shift(d.id()).orElseThrow().leader().name());
        assertEquals("白班", d.notes());
        assertEquals(Optional.empty(), roster.onDuty("S1", at(MONDAY, 12, 0)), "a station's roster is its own");
    }

    @Test
    void ofOverlappingShiftsTheOneThatStartedLastIsOnDutyAndOfTwoStartingTogetherTheOneEnteredLast() {
        Shift d = day(MONDAY, "P200");
        Shift handover = roster.save(new ShiftEdit(null, null, at(MONDAY, 19, 0), at(MONDAY, 21, 0), List.of("P100"), null,
                "交接"), "admin");
        assertEquals(Optional.of(d.id()), id(roster.onDuty(null, at(MONDAY, 18, 59))));
        assertEquals(Optional.of(handover.id()), id(roster.onDuty(null, at(MONDAY, 19, 30))));

        Shift twin = roster.save(new ShiftEdit(null, null, at(MONDAY, 19, 0), at(MONDAY, 20, 0), List.of("P101"), null, null),
                "admin");
        assertEquals(Optional.of(twin.id()), id(roster.onDuty(null, at(MONDAY, 19, 30))));
        assertEquals(Optional.of(handover.id()), id(roster.onDuty(null, at(MONDAY, 20, 30))), "the twin has ended");
    }

    @Test
    void theWeekShowsTheShiftsOverlappingItIncludingLastSundaysNightShift() {
        Shift sundayNight = night(MONDAY.minusDays(1), "P200");
        Shift d = day(MONDAY, "P200");
        Shift lastNight = night(MONDAY.plusDays(6), "P100");
        night(MONDAY.minusDays(3), "P100");
        assertEquals(List.of(sundayNight.id(), d.id(), lastNight.id()),
                roster.week(null, MONDAY).stream().map(Shift::id).toList());
        assertEquals(MONDAY, RosterService.mondayOf(MONDAY.plusDays(6)));
    }

    @Test
    void everyProblemOfAnEditIsListedAndNothingIsWritten() {
        RosterRejected r = assertThrows(RosterRejected.class, () -> roster.save(new ShiftEdit(null, "S9", at(MONDAY, 20, 0),
                at(MONDAY, 8, 0), List.of("P999", "P202"), "P202", "x".repeat(201)), "admin"));
        assertEquals(List.of(Code.NO_SUCH_STATION, Code.ENDS_BEFORE_START, Code.NO_SUCH_OFFICER, Code.OFFICER_RETIRED,
                Code.SAME_OFFICER_TWICE, Code.NOTES_LENGTH), r.problems().stream().map(RosterRejected.Problem::code).toList());
        assertEquals(List.of("S9"), r.problems().get(0).args());

        RosterRejected none = assertThrows(RosterRejected.class, () -> roster.save(new ShiftEdit(null, null, at(MONDAY, 8, 0),
                at(MONDAY.plusDays(1), 9, 0), List.of(" "), null, null), "admin"));
        assertEquals(List.of(Code.TOO_LONG, Code.NO_COMMANDER), none.problems().stream().map(RosterRejected.Problem::code).toList());
        assertEquals(0, count("SELECT COUNT(*) FROM duty_shift"));
        assertEquals(0, count("SELECT COUNT(*) FROM change_log WHERE entity = 'ROSTER'"));

        RosterRejected gone = assertThrows(RosterRejected.class, () -> roster.delete(12345, "admin"));
        assertEquals(Code.NO_SUCH_SHIFT, gone.problems().get(0).code());
    }

    @Test
    void aDutyCommanderMayReadButNotEditAndTheRefusalIsAuditedWhileALeaderMayEdit() {
        Shift d = day(MONDAY, "P200");
        RosterService duty = as(DUTY);
        assertEquals(Optional.of(d.id()), id(duty.onDuty(null, at(MONDAY, 12, 0))));
        assertThrows(AccessDenied.class, () -> duty.save(new ShiftEdit(null, null, at(MONDAY, 20, 0), at(MONDAY.plusDays(1), 8, 0),
                List.of("P100"), null, null), "duty"));
        assertThrows(AccessDenied.class, () -> duty.delete(d.id(), "duty"));
        assertThrows(AccessDenied.class, () -> duty.copyWeek(null, MONDAY, MONDAY.plusWeeks(1), "duty"));
        assertEquals(1, count("SELECT COUNT(*) FROM duty_shift"));
        assertEquals(List.of("ROSTER_ADD", "REFUSED", "REFUSED", "REFUSED"), auditActions());

        Shift byLeader = as(LEADER).save(new ShiftEdit(null, "S1", at(MONDAY, 20, 0), at(MONDAY.plusDays(1), 8, 0),
                List.of("P100"), "P201", null), "lead");
        assertEquals("S1", byLeader.stationCode());
    }

    @Test
    void addChangeAndDeleteAreAuditedAndInTheChangeLog() {
        Shift d = day(MONDAY, "P200");
        Shift changed = roster.save(new ShiftEdit(d.id(), null, d.startsAt(), d.endsAt().plus(Duration.ofHours(1)),
                List.of("P101", "P200"), null, "改"), "admin");
        assertEquals("李明、张伟", changed.commanderNames());
        assertNull(changed.leader());
        assertEquals(at(MONDAY, 21, 0), changed.endsAt());
        roster.delete(d.id(), "admin");
        assertEquals(Optional.empty(), roster.shift(d.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM duty_shift_member"));

        assertEquals(List.of("ROSTER_ADD", "ROSTER_CHANGE", "ROSTER_DELETE"), auditActions());
        String detail = db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'ROSTER_CHANGE'")
                .mapTo(String.class).one());
        assertTrue(detail.contains("[P200]") && detail.contains("[P101, P200]") && detail.contains(" -> "), detail);
        assertEquals(List.of("INSERT", "UPDATE", "DELETE"), db.jdbi().withHandle(h -> h.createQuery(
                "SELECT op FROM change_log WHERE entity = 'ROSTER' ORDER BY id").mapTo(String.class).list()));
    }

    @Test
    void copyingLastWeekKeepsTheTimesOfDayAndPeopleAndRefusesAWeekAlreadyPlanned() {
        LocalDate last = MONDAY.minusWeeks(1);
        day(last, "P200");
        night(last.plusDays(6), "P100", "P101");
        List<Shift> added = roster.copyWeek(null, last, MONDAY, "admin");
        assertEquals(2, added.size());
        assertEquals(at(MONDAY, 8, 0), added.get(0).startsAt());
        assertEquals("陈静", added.get(0).leader().name());
        assertEquals(at(MONDAY.plusDays(7), 8, 0), added.get(1).endsAt(), "the night shift crosses into next Monday");
        assertEquals("王建国、李明", added.get(1).commanderNames());

        RosterRejected again = assertThrows(RosterRejected.class, () -> roster.copyWeek(null, last, MONDAY, "admin"));
        assertEquals(List.of("2"), again.problems().get(0).args());
        assertEquals(Code.TARGET_WEEK_NOT_EMPTY, again.problems().get(0).code());
        assertEquals(Code.NOTHING_TO_COPY, assertThrows(RosterRejected.class,
                () -> roster.copyWeek(null, MONDAY.plusWeeks(5), MONDAY.plusWeeks(6), "admin")).problems().get(0).code());
        assertEquals(4, count("SELECT COUNT(*) FROM duty_shift"));
        assertTrue(auditActions().contains("ROSTER_COPY"));
    }

    @Test
    void theWallShowsTheRosterNamesAndChangesAtTheShiftBoundaryElseTheSettingsAsAFallback() {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('duty.commander', '备用值班长')");
            h.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('duty.leader', '备用指挥长')");
        });
        WallStatistics wall = new WallStatistics(db.jdbi(), fx.clock, ZONE);
        // 10:00, nothing planned yet: the settings, and the wall knows it is not the roster
        WallStatistics.Duty before = wall.duty();
        assertFalse(before.fromRoster());
        assertEquals(Optional.of("备用值班长"), before.commander());
        assertNull(before.changesAt());

        day(MONDAY, "P200", "P100");
        night(MONDAY, "P101");
        WallStatistics.Duty dayDuty = wall.duty();
        assertTrue(dayDuty.fromRoster());
        assertEquals(Optional.of("张伟、王建国"), dayDuty.commander());
        assertEquals(Optional.of("陈静"), dayDuty.leader());
        assertEquals(at(MONDAY, 20, 0), dayDuty.changesAt());

        fx.clock.advance(Duration.between(fx.clock.instant(), dayDuty.changesAt()));
        WallStatistics.Duty nightDuty = wall.duty();
        assertEquals(Optional.of("李明"), nightDuty.commander());
        assertEquals(Optional.empty(), nightDuty.leader(), "the night shift has no leader: none, not the setting");
        assertEquals(at(MONDAY.plusDays(1), 8, 0), nightDuty.changesAt());

        fx.clock.advance(Duration.ofHours(12));
        WallStatistics.Duty after = wall.duty();
        assertFalse(after.fromRoster());
        assertEquals(Optional.of("备用指挥长"), after.leader());
    }
}
