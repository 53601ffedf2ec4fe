package org.commandroom.core.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Importing the duty roster from its .xlsx template, on a real H2 and PostgreSQL, in the county of
 * {@link IntakeFixture} with 张伟 (P200) added: all or nothing, a check that writes nothing, wrong cells and refused
 * shifts named by row in both languages, the night shift ending the next day, and a duty commander refused.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class RosterWorkbookTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;

    @BeforeEach
    void open() {
        db = kind.open();
        fx = new IntakeFixture(db);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) "
                + "VALUES (?, 'P200', '张伟', 'POLICE', 'COMMANDER')", fx.s1));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RosterService as(Principal p) {
        return new RosterService(db.jdbi(), fx.clock, IntakeFixture.ZONE, fx.recorder, AccessGuard.of(db.jdbi(), fx.clock, p));
    }

    private static byte[] book(Locale lang, List<Map<String, String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(List.of(RosterWorkbook.SHEET), lang, Map.of("roster", rows), out);
        return out.toByteArray();
    }

    private long shifts() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM duty_shift").mapTo(Long.class).one());
    }

    @Test
    void aCheckWritesNothingAndTheImportAddsEveryShiftTheNightOneEndingTheNextDay() throws IOException {
        byte[] file = book(Locale.SIMPLIFIED_CHINESE, List.of(
                Map.of("date", "2026-11-23", "start", "08:00", "end", "20:00", "commanders", "P200", "leader", "P100", "notes", "白班"),
                Map.of("station", "S1", "date", "2026/11/23", "start", "20:00", "end", "8:00", "commanders", "P101、P200")));
        RosterService roster = as(ADMIN);
        RosterWorkbook.Result check = RosterWorkbook.importFile(roster, file, "值班表.xlsx", true, "admin");
        assertEquals(List.of(), check.problems());
        assertEquals(2, check.shifts());
        assertFalse(check.written());
        assertEquals(0, shifts());

        RosterWorkbook.Result done = RosterWorkbook.importFile(roster, file, "值班表.xlsx", false, "admin");
        assertTrue(done.written());
        assertEquals(2, shifts());
        RosterService.Shift night = roster.onDuty("S1", RosterServiceTest.at(MONDAY.plusDays(1), 7, 0)).orElseThrow();
        assertEquals("李明、张伟", night.commanderNames());
        assertEquals("王建国", roster.onDuty(null, RosterServiceTest.at(MONDAY, 9, 0)).orElseThrow()
                .leader().name());
        assertTrue(db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log").mapTo(String.class).list())
                .contains("ROSTER_IMPORT"));
    }

    @Test
    void wrongCellsAndRefusedShiftsAreNamedByRowAndNothingIsWritten() throws IOException {
        byte[] badCells = book(Locale.SIMPLIFIED_CHINESE, List.of(
                Map.of("date", "23.11.", "start", "08:00", "end", "20:00", "commanders", "P200"),
                Map.of("date", "2026-11-23", "start", "8点", "end", "20:00", "commanders", "P200")));
        RosterWorkbook.Result cells = RosterWorkbook.importFile(as(ADMIN), badCells, "x.xlsx", false, "admin");
        assertEquals(List.of("Sheet 值班表, row 2, column B (日期): '23.11.' is not a date (e.g. 2026-11-23)",
                "Sheet 值班表, row 3, column C (开始): '8点' is not a time h:mm (e.g. 08:00)"),
                cells.problems().stream().map(SheetProblem::toString).toList());

        byte[] refused = book(Locale.ENGLISH, List.of(
                Map.of("date", "2026-11-23", "start", "08:00", "end", "20:00", "commanders", "P200"),
                Map.of("date", "2026-11-23", "start", "20:00", "end", "08:00", "commanders", "P999", "station", "S9")));
        RosterWorkbook.Result shifts = RosterWorkbook.importFile(as(ADMIN), refused, "x.xlsx", false, "admin");
        assertFalse(shifts.written());
        assertEquals(List.of(3, 3), shifts.problems().stream().map(SheetProblem::row).toList());
        assertEquals("没有编码为 S9 的派出所或警务站", shifts.problems().get(0).what().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("no officer has badge number P999", shifts.problems().get(1).what().english());
        assertEquals(0, shifts(), "the right first row is not written either");
    }

    @Test
    void theTemplateImportsItsExampleAndADutyCommanderIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RosterWorkbook.template(Locale.SIMPLIFIED_CHINESE, out);
        assertThrows(AccessDenied.class, () -> RosterWorkbook.importFile(as(DUTY), out.toByteArray(), "t.xlsx", false, "duty"));
        RosterWorkbook.Result r = RosterWorkbook.importFile(as(ADMIN), out.toByteArray(), "t.xlsx", false, "admin");
        assertEquals(List.of(), r.problems());
        assertEquals(1, shifts());
    }
}
