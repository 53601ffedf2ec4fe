package org.commandroom.core.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Editing the organisation after set-up, on a real H2 and a real PostgreSQL, in the county of {@link IntakeFixture}:
 * 王建国 (P100, S1) is community officer of G1, 李明 (P101, S2) of G3, G2 has none.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class OrgEditServiceTest {

    static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private OrgEditService edit;

    @BeforeEach
    void open() {
        db = kind.open();
        fx = new IntakeFixture(db);
        edit = new OrgEditService(db.jdbi(), fx.clock, fx.recorder, AccessGuard.of(db.jdbi(), fx.clock, ADMIN));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private OrgEditService.OfficerRow officer(String badge) {
        return edit.officers(badge).stream().filter(o -> o.badgeNo().equals(badge)).findFirst().orElseThrow();
    }

    private static OrgEditService.OfficerEdit moved(OrgEditService.OfficerRow o, String station, String duty) {
        return new OrgEditService.OfficerEdit(o.badgeNo(), o.name(), o.rankKind(), duty, o.phone(), station, null);
    }

    private long changes(String entity) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log WHERE entity = :e").bind("e", entity)
                .mapTo(Long.class).one());
    }

    private List<String> auditActions() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log ORDER BY seq").mapTo(String.class).list());
    }

    @Test
    void aGridsCommunityOfficerMovesStationOnlyOnceTheGridIsSomeoneElses() {
        OrgEditService.OfficerRow wang = officer("P100");
        assertEquals("S1", wang.stationCode());

        OrgEditRejected refused = assertThrows(OrgEditRejected.class,
                () -> edit.saveOfficer(moved(wang, "S2", "COMMUNITY_OFFICER"), "admin"));
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.STILL_GRID_OFFICER, List.of("G1"))),
                refused.problems());
        assertEquals("S1", officer("P100").stationCode(), "nothing written");
        assertThrows(OrgEditRejected.class, () -> edit.saveOfficer(moved(wang, "S1", "PATROL"), "admin"),
                "nor may the grid's officer stop being a community officer");

        edit.setGridOfficer("G1", null, "admin");
        OrgEditService.OfficerRow after = edit.saveOfficer(moved(wang, "S2", "COMMUNITY_OFFICER"), "admin");
        assertEquals("S2", after.stationCode());
        assertEquals("东城派出所", after.stationName());
        assertEquals(List.of("GRID_OFFICER", "OFFICER_EDIT"), auditActions());
        String detail = db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'OFFICER_EDIT'")
                .mapTo(String.class).one());
        assertTrue(detail.contains("stationCode=S1") && detail.contains("stationCode=S2"), "what it was and became: " + detail);
        assertTrue(AuditChain.verify(db.jdbi()).intact());
    }

    @Test
    void everyWrongFieldIsNamedAtOnceAndNothingIsWritten() {
        OrgEditService.OfficerRow li = officer("P101");
        OrgEditRejected refused = assertThrows(OrgEditRejected.class, () -> edit.saveOfficer(new OrgEditService.OfficerEdit(
                "P101", " ", "SHERIFF", "COMMUNITY_OFFICER", "phone?", "S9", "巡逻队"), "admin"));
        List<OrgEditRejected.Code> codes = refused.problems().stream().map(OrgEditRejected.Problem::code).toList();
        assertEquals(List.of(OrgEditRejected.Code.NAME_LENGTH, OrgEditRejected.Code.BAD_VALUE, OrgEditRejected.Code.BAD_PHONE,
                OrgEditRejected.Code.NO_SUCH_STATION), codes);
        assertEquals(li, officer("P101"));
        assertEquals(List.of(), auditActions());

        OrgEditRejected noTeam = assertThrows(OrgEditRejected.class, () -> edit.saveOfficer(new OrgEditService.OfficerEdit(
                "P101", "李明", "POLICE", "COMMUNITY_OFFICER", "13800001111", "S2", "没有这个队"), "admin"));
        assertEquals(OrgEditRejected.Code.NO_SUCH_TEAM, noTeam.problems().get(0).code());
        assertEquals(List.of("没有这个队", "S2"), noTeam.problems().get(0).args());

        assertEquals(OrgEditRejected.Code.NO_SUCH_OFFICER, assertThrows(OrgEditRejected.class,
                () -> edit.saveOfficer(new OrgEditService.OfficerEdit("X999", "某人", "POLICE", "PATROL", null, "S2", null), "admin")).problems().get(0).code());
    }

    @Test
    void aUnitChangesCrewAndTerminalButNotStationWhileItWorksAnOrder() {
        long patrol = fx.patrolOfficer(fx.s1, "赵磊");
        String patrolBadge = db.jdbi().withHandle(h -> h.createQuery("SELECT badge_no FROM officer WHERE id = :i").bind("i", patrol)
                .mapTo(String.class).one());
        long u1 = fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        fx.unit("城关02", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(5));
        long before = changes("UNIT");

        OrgEditService.UnitRow saved = edit.saveUnit(new OrgEditService.UnitEdit("城关01", "MOTORBIKE", "S1",
                List.of(patrolBadge, "P100"), "T-0001"), "admin");
        assertEquals("MOTORBIKE", saved.kind());
        assertEquals(List.of("P100", patrolBadge).stream().sorted().toList(), saved.crew());
        assertEquals("T-0001", saved.terminalId());
        assertEquals(before + 1, changes("UNIT"), "the other workstations re-read the unit");

        OrgEditRejected taken = assertThrows(OrgEditRejected.class, () -> edit.saveUnit(new OrgEditService.UnitEdit("城关02",
                "CAR", "S1", List.of("NOBODY"), "T-0001"), "admin"));
        assertEquals(List.of(new OrgEditRejected.Problem(OrgEditRejected.Code.NO_SUCH_OFFICER, List.of("NOBODY")),
                new OrgEditRejected.Problem(OrgEditRejected.Code.TERMINAL_TAKEN, List.of("T-0001", "城关01"))), taken.problems());

        db.jdbi().useHandle(h -> h.createUpdate("UPDATE patrol_unit SET status = :s WHERE id = :i")
                .bind("s", UnitStatus.EN_ROUTE.name()).bind("i", u1).execute());
        OrgEditRejected busy = assertThrows(OrgEditRejected.class, () -> edit.saveUnit(new OrgEditService.UnitEdit("城关01",
                "MOTORBIKE", "S2", List.of(patrolBadge), "T-0001"), "admin"));
        assertEquals(OrgEditRejected.Code.UNIT_BUSY, busy.problems().get(0).code());
        // its crew may still change on the way
        assertEquals(List.of(patrolBadge), edit.saveUnit(new OrgEditService.UnitEdit("城关01", "MOTORBIKE", "S1",
                List.of(patrolBadge), "T-0001"), "admin").crew());
        assertEquals("S1", edit.units("城关01").get(0).stationCode());
    }

    @Test
    void aGridTakesOnlyACommunityOfficerOfItsOwnStation() {
        long patrol = fx.patrolOfficer(fx.s1, "赵磊");
        String patrolBadge = db.jdbi().withHandle(h -> h.createQuery("SELECT badge_no FROM officer WHERE id = :i").bind("i", patrol)
                .mapTo(String.class).one());
        assertEquals(List.of(OrgEditRejected.Code.NOT_COMMUNITY_OFFICER), assertThrows(OrgEditRejected.class,
                () -> edit.setGridOfficer("G2", patrolBadge, "admin")).problems().stream().map(OrgEditRejected.Problem::code).toList());
        OrgEditRejected other = assertThrows(OrgEditRejected.class, () -> edit.setGridOfficer("G2", "P101", "admin"));
        assertEquals(new OrgEditRejected.Problem(OrgEditRejected.Code.OTHER_STATION, List.of("P101", "城关派出所")),
                other.problems().get(0));
        assertNull(edit.grids("G2").get(0).officerBadge(), "nothing written");

        long before = changes("GEOGRAPHY");
        OrgEditService.GridRow g2 = edit.setGridOfficer("G2", "P100", "admin");
        assertEquals("王建国", g2.officerName());
        assertEquals(before + 1, changes("GEOGRAPHY"));
        assertEquals(List.of("GRID_OFFICER"), auditActions());
        edit.setGridOfficer("G2", "P100", "admin");
        assertEquals(List.of("GRID_OFFICER"), auditActions(), "no change, no audit row");
    }

    @Test
    void aCameraGoesOutOfServiceWithAReasonAndComesBack() {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO camera (device_id, name, kind, lat, lon, datum, online) "
                + "VALUES ('51112300001320000001', '南关菜市场东口', 'SKYNET', 29.21, 103.71, 'WGS84', TRUE)").execute());
        assertEquals(OrgEditRejected.Code.REASON_REQUIRED, assertThrows(OrgEditRejected.class,
                () -> edit.setCameraInService("51112300001320000001", false, " ", "admin")).problems().get(0).code());
        assertTrue(edit.cameras("菜市场").get(0).online());

        assertFalse(edit.setCameraInService("51112300001320000001", false, "镜头被树枝遮挡", "admin").online());
        assertFalse(edit.cameras("51112300001320000001").get(0).online());
        assertTrue(edit.setCameraInService("51112300001320000001", true, null, "admin").online());
        assertEquals(List.of("CAMERA_OUT_OF_SERVICE", "CAMERA_IN_SERVICE"), auditActions());
        assertEquals(2, changes("CAMERA"));
        assertEquals(OrgEditRejected.Code.NO_SUCH_CAMERA, assertThrows(OrgEditRejected.class,
                () -> edit.setCameraInService("nope", true, null, "admin")).problems().get(0).code());
    }

    @Test
    void aDutyCommanderMayReadButEveryWriteIsRefusedAndAudited() {
        OrgEditService asDuty = new OrgEditService(db.jdbi(), fx.clock, fx.recorder, AccessGuard.of(db.jdbi(), fx.clock, DUTY));
        assertEquals(2, asDuty.officers("").size());
        OrgEditService.OfficerRow li = asDuty.officers("P101").get(0);
        assertThrows(AccessDenied.class, () -> asDuty.saveOfficer(moved(li, "S2", "COMMUNITY_OFFICER"), "duty"));
        assertThrows(AccessDenied.class, () -> asDuty.saveUnit(new OrgEditService.UnitEdit("x", "CAR", "S1", List.of(), null), "duty"));
        assertThrows(AccessDenied.class, () -> asDuty.setGridOfficer("G2", null, "duty"));
        assertThrows(AccessDenied.class, () -> asDuty.setCameraInService("x", true, null, "duty"));
        assertEquals(List.of("REFUSED", "REFUSED", "REFUSED", "REFUSED"), auditActions());
    }

    @Test
    void searchTakesWildcardsLiterally() {
        assertEquals(List.of("P100"), edit.officers("王").stream().map(OrgEditService.OfficerRow::badgeNo).toList());
        assertEquals(List.of(), edit.officers("%"));
        assertEquals(List.of(), edit.grids("_"));
        assertEquals(List.of("G1", "G2", "G3"), edit.grids(" ").stream().map(OrgEditService.GridRow::code).toList());
        assertEquals(List.of("P100"), edit.officersOf("S1", "COMMUNITY_OFFICER").stream().map(OrgEditService.OfficerRow::badgeNo).toList());
        assertEquals(List.of(), edit.officersOf("S1", "PATROL"));
        assertEquals(List.of("S1", "S2"), edit.stations().stream().map(OrgEditService.StationChoice::code).toList());
    }
}
