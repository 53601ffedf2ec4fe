package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.org.OrgDao;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Named places written on H2 and PostgreSQL: each placed in its station, all or nothing, updated in place on
 * re-import, dry run, change feed, audit, permission.
 *
 * <p>The test county: 城东派出所 PCS01 (lon 104.00–104.10) and 城西派出所 PCS02 (103.90–104.00), lat 29.20–29.30;
 * police grid 城东一警格 PCS01-01 (104.00–104.02) in 城东; community 东门社区 (104.00–104.05, 29.20–29.25).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class PlaceImportServiceTest {

    private static final DistrictEnvelope DISTRICT = new DistrictEnvelope(29.0, 103.7, 29.5, 104.2);
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    private static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);

    @Parameter
    TestDb kind;

    private Database db;
    private TestClock clock;
    private long community;

    @BeforeEach
    void setUp() {
        db = kind.open();
        clock = new TestClock(T0);
        db.jdbi().useHandle(h -> {
            OrgDao org = h.attach(OrgDao.class);
            long bureau = org.insertBureau("B1", "测试县局");
            long east = org.insertStation(bureau, "PCS01", "城东派出所", "STATION", 0, 0, null,
                    "POLYGON ((104 29.2, 104.1 29.2, 104.1 29.3, 104 29.3, 104 29.2))", "WGS84");
            org.insertStation(bureau, "PCS02", "城西派出所", "STATION", 0, 0, null,
                    "POLYGON ((103.9 29.2, 104 29.2, 104 29.3, 103.9 29.3, 103.9 29.2))", "WGS84");
            GeoDao geo = h.attach(GeoDao.class);
            geo.insertPoliceGrid(east, "PCS01-01", "城东一警格", null, "GREEN",
                    "POLYGON ((104 29.2, 104.02 29.2, 104.02 29.3, 104 29.3, 104 29.2))", "WGS84");
            long street = geo.insertStreet("JD01", "城东街道",
                    "POLYGON ((104 29.2, 104.1 29.2, 104.1 29.3, 104 29.3, 104 29.2))", "WGS84");
            community = geo.insertCommunity(street, "SQ01", "东门社区", 0, "GREEN",
                    "POLYGON ((104 29.2, 104.05 29.2, 104.05 29.25, 104 29.25, 104 29.2))", "WGS84");
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PlaceImportService service(Principal p) {
        return new PlaceImportService(db.jdbi(), new ChangeRecorder(clock, "ws-1"), clock, DISTRICT,
                AccessGuard.of(db.jdbi(), clock, p));
    }

    private PlaceImportService.Outcome run(PlaceKind placeKind, String file, String text, boolean dryRun) {
        return service(ADMIN).importContent(new PlaceImportService.Request(placeKind, Datum.WGS84, "周敏", dryRun), file,
                text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> rows(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list().stream().collect(Collectors.toMap(
                m -> String.valueOf(m.values().toArray()[0]), m -> String.valueOf(m.values().toArray()[1]))));
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static final String KEY_PLACES = "name,code,kind,lon,lat,station,grid\n"
            + "城东中学,ZD01,学校,104.05,29.25,,\n"                  // by position: 城东's boundary
            + "西门医院,ZD02,医院,103.95,29.25,,\n"                  // by position: 城西's boundary
            + "界河银行,ZD03,bank,104.05,29.26,PCS02,\n"             // in 城东, but the list names 城西
            + "一格网吧,,网吧,103.95,29.21,,城东一警格\n";             // the grid named places it

    @Test
    void eachPlaceGoesToTheStationOfItsGridItsNamedStationOrItsPosition() {
        PlaceImportService.Outcome o = run(PlaceKind.KEY_PLACE, "重点场所.csv", KEY_PLACES, false);

        assertTrue(o.accepted(), o.problems()::toString);
        assertEquals(4, o.inserted());
        assertEquals(Map.of("城东中学", "PCS01", "西门医院", "PCS02", "界河银行", "PCS02", "一格网吧", "PCS01"),
                rows("SELECT k.name, s.code FROM key_place k JOIN station s ON s.id = k.station_id"));
        assertEquals(Map.of("城东中学", "SCHOOL", "西门医院", "HOSPITAL", "界河银行", "BANK", "一格网吧", "INTERNET_CAFE"),
                rows("SELECT name, kind FROM key_place"), "the map's kind codes from the list's words");
        assertEquals(Map.of("城东中学", "ZD01", "西门医院", "ZD02", "界河银行", "ZD03", "一格网吧", "null"),
                rows("SELECT name, code FROM key_place"));
        assertEquals("2 place(s) placed in their station by position, 2 by the station or grid the file names",
                o.notes().get(0).english());
        assertEquals(1, count("SELECT COUNT(*) FROM change_log WHERE entity = 'GEOGRAPHY' AND entity_id = 9 AND op = 'INSERT'"),
                "one change-feed row: every map reloads the key places");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND entity = 'GEOGRAPHY' "
                + "AND actor = 'admin' AND detail LIKE '[周敏] import key-place from 重点场所.csv (WGS84): 4 added, 0 updated%'"),
                () -> rows("SELECT actor, detail FROM audit_log").toString());
    }

    @Test
    void aPlaceInNoStationRejectsTheWholeFileNamingItsLineInBothLanguages() {
        long changes = count("SELECT COUNT(*) FROM change_log");
        PlaceImportService.Outcome o = run(PlaceKind.DEPLOYMENT_POINT, "屯警点.csv", "name,lon,lat\n"
                + "东门广场,104.05,29.25\n"
                + "荒山,103.75,29.40\n"
                + "西站,103.95,29.25\n", false);

        assertFalse(o.accepted());
        assertEquals(List.of("line 3: coordinate 103.75,29.4 lies in no station's boundary or police grid: import the "
                + "station areas or police grids first, or name the station in a station column"),
                o.problems().stream().map(ImportProblem::message).toList());
        assertEquals("第 3 行：坐标 103.75,29.4 不在任何派出所辖区或警格内：请先导入派出所辖区或警格，或在 station 列注明派出所",
                o.problems().get(0).message(Locale.SIMPLIFIED_CHINESE));
        assertEquals(0, count("SELECT COUNT(*) FROM deployment_point"), "nothing half-written");
        assertEquals(changes, count("SELECT COUNT(*) FROM change_log"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT'"));
    }

    @Test
    void unknownStationOrGridAndAKeyPlaceWithoutKindAreProblemsOfTheirLines() {
        PlaceImportService.Outcome o = run(PlaceKind.KEY_PLACE, "k.csv", "name,kind,lon,lat,station,grid\n"
                + "甲,学校,104.05,29.25,PCS09,\n"
                + "乙,学校,104.05,29.25,,G9\n"
                + "丙,,104.05,29.25,,\n", false);

        assertEquals(List.of("line 2: there is no station with code or name PCS09",
                "line 3: there is no police grid with code or name G9",
                "line 4: has no kind: a key place needs one, e.g. 学校 (school), 医院 (hospital), 银行 (bank)"),
                o.problems().stream().map(ImportProblem::message).toList());
        assertEquals(0, count("SELECT COUNT(*) FROM key_place"));
    }

    @Test
    void aListOfKeyPlacesImportedAsPoliceOfficesIsRefusedByItsKinds() {
        PlaceImportService.Outcome o = run(PlaceKind.POLICE_OFFICE, "重点场所.csv", KEY_PLACES, false);

        assertFalse(o.accepted());
        assertEquals(4, o.problems().size(), o.problems()::toString);
        assertEquals("line 2: kind \"学校\" is a kind of key place, but this import is of community police offices: "
                + "this looks like a list of key places; choose \"key places\" to import it", o.problems().get(0).message());
        assertEquals("第 2 行：类别“学校”是重点场所的类别，而本次导入的是社区警务室：这像是一份重点场所名单，请在导入时选择“重点场所”",
                o.problems().get(0).message(Locale.SIMPLIFIED_CHINESE));
        assertEquals(0, count("SELECT COUNT(*) FROM police_office"));
        // A kind the map does not know as a key place's (an office's own note) is no reason to refuse.
        assertTrue(run(PlaceKind.POLICE_OFFICE, "警务室.csv", "name,kind,lon,lat\n东门警务室,社区警务室,104.05,29.25\n", false)
                .accepted());
    }

    @Test
    void reImportUpdatesByCodeOrByNameAndKindAndTheSameListAgainChangesNothing() {
        run(PlaceKind.KEY_PLACE, "k.csv", KEY_PLACES, false);
        long ids = count("SELECT SUM(id) FROM key_place");

        PlaceImportService.Outcome again = run(PlaceKind.KEY_PLACE, "k.csv", KEY_PLACES, false);
        assertEquals(List.of(0, 0, 4), List.of(again.inserted(), again.updated(), again.unchanged()));
        assertEquals(1, count("SELECT COUNT(*) FROM change_log WHERE entity = 'GEOGRAPHY' AND entity_id = 9"),
                "nothing changed: no change-feed row");

        PlaceImportService.Outcome moved = run(PlaceKind.KEY_PLACE, "k.csv", "name,code,kind,lon,lat\n"
                + "城东第一中学,ZD01,学校,104.06,29.25\n"       // renamed, known by its code
                + "一格网吧,,网吧,103.95,29.26\n"               // no code: known by name and kind, moved to 城西
                + "新开超市,ZD09,商场,104.07,29.22\n", false);
        assertEquals(List.of(1, 2, 0), List.of(moved.inserted(), moved.updated(), moved.unchanged()));
        assertEquals(5, count("SELECT COUNT(*) FROM key_place"), "places not in the list are kept");
        assertEquals(ids, count("SELECT SUM(id) FROM key_place WHERE code IS NULL OR code <> 'ZD09'"), "updated in place");
        assertEquals(Map.of("城东第一中学", "PCS01", "一格网吧", "PCS02"), rows("SELECT k.name, s.code FROM key_place k "
                + "JOIN station s ON s.id = k.station_id WHERE k.name IN ('城东第一中学', '一格网吧')"));
        assertEquals(1, count("SELECT COUNT(*) FROM change_log WHERE entity = 'GEOGRAPHY' AND entity_id = 9 AND op = 'UPDATE'"));
    }

    @Test
    void aDryRunCountsWhatWouldChangeAndWritesNothing() {
        PlaceImportService.Outcome dry = run(PlaceKind.KEY_PLACE, "k.csv", KEY_PLACES, true);

        assertTrue(dry.accepted() && dry.dryRun());
        assertEquals(4, dry.inserted());
        assertEquals(0, count("SELECT COUNT(*) FROM key_place"));
        assertEquals(0, count("SELECT COUNT(*) FROM change_log"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_log"));
    }

    @Test
    void aPoliceOfficeFromGeoJsonGetsTheCommunityItLiesIn() {
        PlaceImportService.Outcome o = run(PlaceKind.POLICE_OFFICE, "警务室.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"名称":"东门警务室","code":"JWS01"},
                  "geometry":{"type":"Point","coordinates":[104.01,29.21]}},
                 {"type":"Feature","properties":{"name":"西门警务室"},
                  "geometry":{"type":"Point","coordinates":[103.95,29.21]}}]}""", false);

        assertTrue(o.accepted(), o.problems()::toString);
        assertEquals(Map.of("东门警务室", String.valueOf(community), "西门警务室", "null"),
                rows("SELECT name, community_id FROM police_office"));
        assertEquals(1, count("SELECT COUNT(*) FROM change_log WHERE entity = 'GEOGRAPHY' AND entity_id = 10"));
    }

    @Test
    void onlyAnAdministratorMayImportAndTheRefusalIsAudited() {
        PlaceImportService duty = service(DUTY);
        assertThrows(AccessDenied.class, () -> duty.importContent(new PlaceImportService.Request(PlaceKind.KEY_PLACE,
                Datum.WGS84, "李明", false), "k.csv", KEY_PLACES.getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, count("SELECT COUNT(*) FROM key_place"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'REFUSED' AND actor = 'duty'"));
    }
}
