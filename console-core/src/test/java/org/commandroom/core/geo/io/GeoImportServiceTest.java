package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.commandroom.core.TestClock;
import org.commandroom.core.geo.Datum;
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
 * Importing boundaries and cameras into H2 and PostgreSQL: hierarchy by containment, all or nothing,
 * re-import policy, the police-grid ↔ micro-grid matching, change log and audit trail.
 *
 * <p>The test county: street 城东 (lon 104.00–104.10) and street 城西 (103.90–104.00), both lat
 * 29.20–29.30; station 城东派出所 has the boundary of 城东, 城西派出所 that of 城西.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class GeoImportServiceTest {

    private static final DistrictEnvelope DISTRICT = new DistrictEnvelope(29.0, 103.7, 29.5, 104.2);
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private static final String STREETS = collection(
            feature("城东街道", "\"code\":\"JD01\"", rect(104.00, 29.20, 104.10, 29.30)),
            feature("城西街道", "\"code\":\"JD02\"", rect(103.90, 29.20, 104.00, 29.30)));

    @Parameter
    TestDb kind;

    private Database db;
    private GeoImportService service;
    private long eastStation;
    private long westStation;

    @BeforeEach
    void setUp() {
        db = kind.open();
        service = new GeoImportService(db.jdbi(), new ChangeRecorder(new TestClock(T0), "ws-7"), new TestClock(T0),
                GeoImportService.Settings.defaults(DISTRICT));
        db.jdbi().useHandle(h -> {
            OrgDao org = h.attach(OrgDao.class);
            long bureau = org.insertBureau("B1", "测试县局");
            eastStation = org.insertStation(bureau, "PCS01", "城东派出所", "STATION", 0, 0, null,
                    "POLYGON ((104 29.2, 104.1 29.2, 104.1 29.3, 104 29.3, 104 29.2))", "WGS84");
            westStation = org.insertStation(bureau, "PCS02", "城西派出所", "STATION", 0, 0, null,
                    "POLYGON ((103.9 29.2, 104 29.2, 104 29.3, 103.9 29.3, 103.9 29.2))", "WGS84");
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    // ---- boundaries --------------------------------------------------------------------------------

    @Test
    void streetsThenCommunitiesAreStoredWithEachCommunityInTheStreetHoldingMostOfIt() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false));
        ImportOutcome.Imported communities = imported(run(ImportLayer.COMMUNITIES, "communities.geojson", collection(
                feature("东门社区", "\"code\":\"SQ01\",\"population\":\"5200\"", rect(104.01, 29.21, 104.04, 29.24)),
                feature("西门社区", "\"code\":\"SQ02\"", rect(103.91, 29.21, 103.94, 29.24)),
                // five sixths in 城东, one sixth across the line in 城西
                feature("跨界社区", "\"code\":\"SQ03\"", rect(103.99, 29.25, 104.05, 29.28))), false));

        assertEquals(3, communities.inserted());
        Map<String, String> streetOf = rows("SELECT c.code, s.name FROM community c JOIN street s ON s.id = c.street_id");
        assertEquals(Map.of("SQ01", "城东街道", "SQ02", "城西街道", "SQ03", "城东街道"), streetOf);
        assertEquals(Map.of("SQ01", "5200", "SQ02", "0", "SQ03", "0"), rows("SELECT code, population FROM community"));
    }

    @Test
    void coordinatesKeepTheDatumOfTheFile() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false, Datum.GCJ02));

        assertEquals(Map.of("JD01", "GCJ02", "JD02", "GCJ02"), rows("SELECT code, datum FROM street"));
    }

    @Test
    void aStreetPropertyPlacesTheCommunityByCodeOrNameInsteadOfByPosition() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false));
        imported(run(ImportLayer.COMMUNITIES, "communities.geojson", collection(
                feature("甲社区", "\"code\":\"SQ01\",\"街道\":\"JD02\"", rect(104.01, 29.21, 104.04, 29.24)),
                feature("乙社区", "\"code\":\"SQ02\",\"street\":\"城西街道\"", rect(104.05, 29.21, 104.08, 29.24))), false));

        assertEquals(Map.of("SQ01", "城西街道", "SQ02", "城西街道"),
                rows("SELECT c.code, s.name FROM community c JOIN street s ON s.id = c.street_id"));
    }

    @Test
    void communityLyingInNoStreetRejectsTheWholeFileNamingThatFeature() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false));
        long changesBefore = count("change_log");
        long auditBefore = count("audit_log");

        ImportOutcome.Rejected rejected = rejected(run(ImportLayer.COMMUNITIES, "communities.geojson", collection(
                feature("东门社区", "", rect(104.01, 29.21, 104.04, 29.24)),
                feature("飞地社区", "", rect(104.11, 29.21, 104.14, 29.24)),
                feature("西门社区", "", rect(103.91, 29.21, 103.94, 29.24))), false));

        assertEquals(1, rejected.problems().size(), rejected.problems().toString());
        assertEquals("feature 1 (飞地社区)", rejected.problems().get(0).where());
        assertTrue(rejected.problems().get(0).reason().startsWith("lies in no street"), rejected.problems().toString());
        assertEquals(0, count("community"));
        assertEquals(changesBefore, count("change_log"));
        assertEquals(auditBefore, count("audit_log"));
    }

    @Test
    void fileWithOneMalformedFeatureImportsNothingAndNamesTheFeature() {
        String unclosed = "[[[104.01,29.21],[104.04,29.21],[104.04,29.24],[104.01,29.24]]]";

        ImportOutcome.Rejected rejected = rejected(run(ImportLayer.STREETS, "streets.geojson", collection(
                feature("城东街道", "", rect(104.00, 29.20, 104.10, 29.30)),
                feature("城西街道", "", rect(103.90, 29.20, 104.00, 29.30)),
                feature("坏街道", "", unclosed)), false));

        assertEquals(List.of("feature 2 (坏街道)"), rejected.problems().stream().map(ImportProblem::where).toList());
        assertEquals(0, count("street"));
        assertEquals(0, count("change_log"));
        assertEquals(0, count("audit_log"));
    }

    @Test
    void reimportingALayerIsRejectedWithoutReplaceAndReplacesItWithReplace() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false));
        String corrected = collection(
                feature("城东街道", "\"code\":\"JD01\"", rect(104.00, 29.20, 104.10, 29.31)),
                feature("城西街道", "\"code\":\"JD02\"", rect(103.90, 29.20, 104.00, 29.31)),
                feature("城南街道", "\"code\":\"JD03\"", rect(103.90, 29.10, 104.10, 29.20)));

        ImportOutcome.Rejected again = rejected(run(ImportLayer.STREETS, "streets-v2.geojson", corrected, false));
        assertEquals("database", again.problems().get(0).where());
        assertTrue(again.problems().get(0).reason().contains("already holds 2 streets"), again.problems().toString());
        assertEquals(2, count("street"));

        ImportOutcome.Imported replaced = imported(run(ImportLayer.STREETS, "streets-v2.geojson", corrected, true));
        assertEquals(3, replaced.inserted());
        assertEquals(2, replaced.removed());
        assertEquals(3, count("street"));
        assertEquals(List.of("GEOGRAPHY 1 INSERT", "GEOGRAPHY 1 UPDATE"), changeLog());
    }

    @Test
    void replacingStreetsThatCommunitiesReferToIsRejectedAndChangesNothing() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false));
        imported(run(ImportLayer.COMMUNITIES, "communities.geojson",
                collection(feature("东门社区", "", rect(104.01, 29.21, 104.04, 29.24))), false));

        ImportOutcome.Rejected rejected = rejected(run(ImportLayer.STREETS, "streets.geojson", STREETS, true));

        assertEquals(1, rejected.problems().size());
        assertTrue(rejected.problems().get(0).reason().contains("1 communities refer to them"), rejected.problems().toString());
        assertEquals(2, count("street"));
        assertEquals(1, count("community"));
    }

    @Test
    void policeGridNamingAnUnknownStationIsRejectedAndOneNamingAStationByCodeIsPlacedThere() {
        ImportOutcome.Rejected rejected = rejected(run(ImportLayer.POLICE_GRIDS, "grids.geojson", collection(
                feature("一号警格", "\"派出所\":\"PCS02\"", rect(104.00, 29.20, 104.05, 29.30)),
                feature("二号警格", "\"station\":\"南山派出所\"", rect(104.05, 29.20, 104.10, 29.30))), false));
        assertEquals(List.of("feature 1 (二号警格)"), rejected.problems().stream().map(ImportProblem::where).toList());
        assertEquals(0, count("police_grid"));

        imported(run(ImportLayer.POLICE_GRIDS, "grids.geojson", collection(
                feature("一号警格", "\"派出所\":\"PCS02\"", rect(104.00, 29.20, 104.05, 29.30)),
                feature("二号警格", "", rect(104.05, 29.20, 104.10, 29.30))), false));
        assertEquals(Map.of("PG1", Long.toString(westStation), "PG2", Long.toString(eastStation)),
                rows("SELECT code, station_id FROM police_grid"));
    }

    @Test
    void microGridsStraddlingTwoPoliceGridsMatchBothWhenEachHoldsMoreThanTenPercent() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false));
        imported(run(ImportLayer.COMMUNITIES, "communities.geojson",
                collection(feature("东城社区", "\"code\":\"SQ01\"", rect(104.00, 29.20, 104.10, 29.30))), false));
        // Police grid 甲 is lon 104.00-104.05, 乙 is 104.05-104.10.
        imported(run(ImportLayer.MICRO_GRIDS, "micro.geojson", collection(
                feature("半半网格", "\"code\":\"W-HALF\"", rect(104.04, 29.21, 104.06, 29.23)),
                feature("甲内网格", "\"code\":\"W-IN\"", rect(104.00, 29.21, 104.02, 29.23)),
                feature("八二网格", "\"code\":\"W-8\"", rect(104.046, 29.24, 104.096, 29.26)),
                feature("十五网格", "\"code\":\"W-15\"", rect(104.0425, 29.27, 104.0925, 29.29))), false));
        assertEquals(0, count("police_grid_micro_grid"));

        ImportOutcome.Imported grids = imported(run(ImportLayer.POLICE_GRIDS, "grids.geojson", collection(
                feature("甲警格", "\"code\":\"JG-A\"", rect(104.00, 29.20, 104.05, 29.30)),
                feature("乙警格", "\"code\":\"JG-B\"", rect(104.05, 29.20, 104.10, 29.30))), false));

        assertEquals(Map.of(
                "W-HALF", "JG-A,JG-B",
                "W-IN", "JG-A",
                "W-8", "JG-B",
                "W-15", "JG-A,JG-B"), matching());
        assertEquals(6, grids.gridMatches());
        assertTrue(changeLog().contains("GEOGRAPHY " + ImportLayer.GRID_MATCHING_CHANGE_ID + " UPDATE"), changeLog().toString());
    }

    @Test
    void replacingMicroGridsRecomputesTheMatching() {
        imported(run(ImportLayer.STREETS, "streets.geojson", STREETS, false));
        imported(run(ImportLayer.COMMUNITIES, "communities.geojson",
                collection(feature("东城社区", "\"code\":\"SQ01\"", rect(104.00, 29.20, 104.10, 29.30))), false));
        imported(run(ImportLayer.POLICE_GRIDS, "grids.geojson", collection(
                feature("甲警格", "\"code\":\"JG-A\"", rect(104.00, 29.20, 104.05, 29.30)),
                feature("乙警格", "\"code\":\"JG-B\"", rect(104.05, 29.20, 104.10, 29.30))), false));
        imported(run(ImportLayer.MICRO_GRIDS, "micro.geojson",
                collection(feature("甲内网格", "\"code\":\"W1\"", rect(104.00, 29.21, 104.02, 29.23))), false));
        assertEquals(Map.of("W1", "JG-A"), matching());

        imported(run(ImportLayer.MICRO_GRIDS, "micro.geojson",
                collection(feature("乙内网格", "\"code\":\"W1\"", rect(104.07, 29.21, 104.09, 29.23))), true));

        assertEquals(Map.of("W1", "JG-B"), matching());
    }

    @Test
    void successfulImportWritesOneAuditRowNamingWhoWhereWhichFileAndHowMany() {
        ImportOutcome.Imported streets = imported(run(ImportLayer.STREETS, "街道边界.geojson", STREETS, false));

        Map<String, Object> audit = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id, actor, workstation, action, entity, detail FROM audit_log").mapToMap().one());
        assertEquals(streets.auditId(), ((Number) audit.get("id")).longValue());
        assertEquals("张三", audit.get("actor"));
        assertEquals("ws-7", audit.get("workstation"));
        assertEquals("IMPORT", audit.get("action"));
        assertEquals("GEOGRAPHY", audit.get("entity"));
        assertEquals("import streets from 街道边界.geojson (WGS84): 2 written, 0 replaced", audit.get("detail"));
        assertEquals(List.of("GEOGRAPHY 1 INSERT"), changeLog());
    }

    // ---- repairs -----------------------------------------------------------------------------------

    /** 城东 with a spike up from its northern edge, 城西 with a vertex written twice: both import only repaired. */
    private static final String STREETS_NEEDING_REPAIR = collection(
            feature("城东街道", "\"code\":\"JD01\"", "[[[104.0,29.2],[104.1,29.2],[104.1,29.3],[104.05,29.3],[104.05,29.35],"
                    + "[104.05,29.3],[104.0,29.3],[104.0,29.2]]]"),
            feature("城西街道", "\"code\":\"JD02\"", "[[[103.9,29.2],[104.0,29.2],[104.0,29.2],[104.0,29.3],[103.9,29.3],"
                    + "[103.9,29.2]]]"));

    @Test
    void aFileThatImportsOnlyRepairedWritesNothingWithoutConsentAndListsTheRepairs() {
        ImportOutcome outcome = run(ImportLayer.STREETS, "区界.geojson", STREETS_NEEDING_REPAIR, false);

        ImportOutcome.NeedsRepairConsent ask = assertInstanceOf(ImportOutcome.NeedsRepairConsent.class, outcome);
        assertEquals(ImportLayer.STREETS, ask.layer());
        assertEquals("区界.geojson", ask.fileName());
        assertEquals(List.of("feature 0 (城东街道)", "feature 1 (城西街道)"),
                ask.repairs().stream().map(GeometryRepair::where).toList());
        assertEquals(GeometryRepair.Kind.SELF_INTERSECTION, ask.repairs().get(0).defects().get(0).kind());
        assertEquals(GeometryRepair.Kind.REPEATED_POINTS, ask.repairs().get(1).defects().get(0).kind());
        assertEquals(0, count("street"));
        assertEquals(0, count("audit_log"));
        assertEquals(List.of(), changeLog());
    }

    @Test
    void withConsentTheRepairedBoundariesAreWrittenAndTheAuditRowNamesTheRepairs() throws Exception {
        ImportOutcome.Imported streets = imported(service.importContent(new GeoImportService.Request(ImportLayer.STREETS,
                Datum.WGS84, false, "张三", true), "区界.geojson", STREETS_NEEDING_REPAIR.getBytes(StandardCharsets.UTF_8)));

        assertEquals(2, streets.inserted());
        assertEquals(2, streets.repairs().size());
        Map<String, String> stored = rows("SELECT name, boundary_wkt FROM street");
        org.locationtech.jts.geom.Geometry east = new org.locationtech.jts.io.WKTReader().read(stored.get("城东街道"));
        assertTrue(east.isValid());
        assertEquals(29.3, east.getEnvelopeInternal().getMaxY(), 1e-12, "the spike is not stored");
        assertEquals("POLYGON ((103.9 29.2, 104 29.2, 104 29.3, 103.9 29.3, 103.9 29.2))", stored.get("城西街道"));

        String detail = db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE id = :id")
                .bind("id", streets.auditId()).mapTo(String.class).one());
        assertTrue(detail.startsWith("import streets from 区界.geojson (WGS84): 2 written, 0 replaced; "
                + "2 boundary repair(s) accepted: feature 0 (城东街道): Self-intersection at 104.05,29.35; area "), detail);
        assertTrue(detail.contains(" | feature 1 (城西街道): 1 repeated consecutive position dropped (first at 104,29.2)"),
                detail);
        assertEquals(List.of("GEOGRAPHY 1 INSERT"), changeLog());
    }

    @Test
    void aFileWithRealProblemsIsRefusedAsBeforeItsRepairsListedApartEvenWithConsent() {
        imported(run(ImportLayer.STREETS, "街道边界.geojson", STREETS, false));

        for (boolean consent : List.of(false, true)) {
            ImportOutcome outcome = service.importContent(new GeoImportService.Request(ImportLayer.STREETS, Datum.WGS84,
                    false, "张三", consent), "区界.geojson", STREETS_NEEDING_REPAIR.getBytes(StandardCharsets.UTF_8));
            ImportOutcome.Rejected r = rejected(outcome);
            assertEquals(List.of("database: already holds 2 streets; import with replace to replace them all"),
                    r.problems().stream().map(ImportProblem::message).toList());
            assertEquals(2, r.repairs().size(), "the repairs are listed apart from the problems");
        }
        String unnamed = collection(STREETS_NEEDING_REPAIR.substring(STREETS_NEEDING_REPAIR.indexOf('[') + 1,
                STREETS_NEEDING_REPAIR.length() - 2), "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":" + rect(104.0, 29.3, 104.1, 29.4) + "}}");
        ImportOutcome.Rejected inFile = rejected(service.importContent(new GeoImportService.Request(ImportLayer.STREETS,
                Datum.WGS84, true, "张三", true), "区界.geojson", unnamed.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("feature 2: has no name: none of the properties name, NAME, Name, 名称 is set"),
                inFile.problems().stream().map(ImportProblem::message).toList());
        assertEquals(2, inFile.repairs().size());
        assertEquals(2, count("street"), "nothing changed");
        assertEquals(1, count("audit_log"));
    }

    @Test
    void theAuditDetailListsAsManyRepairsAsFitAndCountsTheRest() {
        List<GeometryRepair> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new GeometryRepair(i, "网格" + i, "feature " + i + " (网格" + i + ")", List.of(new GeometryRepair.Defect(
                    GeometryRepair.Kind.SELF_INTERSECTION, null, "Self-intersection", 104.05, 29.25, 1)), 1.2, 1.1, 1, 2));
        }
        String detail = GeoImportService.repairsDetail(many);
        assertTrue(detail.startsWith("; 40 boundary repair(s) accepted: feature 0 (网格0): Self-intersection at 104.05,29.25; "
                + "area 1.20 → 1.10 km² (-8.33%), 1 part → 2 | feature 1 (网格1)"), detail);
        assertTrue(detail.matches(".* \\| … and \\d+ more$"), detail);
        assertTrue(detail.length() <= 1600, "leaves room in the row's 2000 characters for the rest: " + detail.length());
    }

    // ---- cameras -----------------------------------------------------------------------------------

    @Test
    void camerasAreGivenTheStationWhoseBoundaryHoldsThemWithAChangeRowEach() {
        ImportOutcome.Imported cameras = imported(run(ImportLayer.CAMERAS, "cameras.csv", """
                id,name,lon,lat,type
                51011200001310000001,东门路口,104.05,29.25,天网
                51011200001310000002,西门路口,103.95,29.25,雪亮
                51011200001310000003,城外加油站,104.15,29.40,社会
                """, false));

        assertEquals(3, cameras.inserted());
        assertEquals(1, cameras.withoutStation());
        Map<String, String> stationOf = rows("SELECT device_id, COALESCE(station_id, 0) FROM camera");
        assertEquals(Map.of(
                "51011200001310000001", Long.toString(eastStation),
                "51011200001310000002", Long.toString(westStation),
                "51011200001310000003", "0"), stationOf);
        List<Long> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM camera ORDER BY id").mapTo(Long.class).list());
        assertEquals(ids.stream().map(id -> "CAMERA " + id + " INSERT").toList(), changeLog());
        assertEquals(1, count("audit_log"));
    }

    @Test
    void cameraWhoseDeviceIdIsAlreadyStoredRejectsTheFileNamingItsLine() {
        imported(run(ImportLayer.CAMERAS, "first.csv", """
                id,name,lon,lat,type
                51011200001310000001,东门路口,104.05,29.25,天网
                """, false));

        ImportOutcome.Rejected rejected = rejected(run(ImportLayer.CAMERAS, "second.csv", """
                id,name,lon,lat,type
                51011200001310000002,西门路口,103.95,29.25,雪亮

                51011200001310000001,东门路口（新）,104.05,29.25,天网
                51011200001310000004,南门路口,104.05,29.21,天网
                """, false));

        assertEquals(1, rejected.problems().size());
        assertEquals("line 4", rejected.problems().get(0).where());
        assertTrue(rejected.problems().get(0).reason().contains("51011200001310000001 is already in the database (camera 东门路口)"),
                rejected.problems().toString());
        assertEquals(1, count("camera"));
        assertEquals(1, count("audit_log"));
    }

    @Test
    void replacingTheCameraListDeletesTheOldCamerasAndLogsEachDeletion() {
        imported(run(ImportLayer.CAMERAS, "first.csv", """
                id,name,lon,lat,type
                51011200001310000001,东门路口,104.05,29.25,天网
                """, false));
        long oldId = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM camera").mapTo(Long.class).one());

        ImportOutcome.Imported replaced = imported(run(ImportLayer.CAMERAS, "second.csv", """
                id,name,lon,lat,type
                51011200001310000001,东门路口（新）,104.06,29.25,天网
                """, true));

        assertEquals(1, replaced.removed());
        assertEquals(Map.of("51011200001310000001", "东门路口（新）"), rows("SELECT device_id, name FROM camera"));
        assertTrue(changeLog().contains("CAMERA " + oldId + " DELETE"), changeLog().toString());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private ImportOutcome run(ImportLayer layer, String fileName, String content, boolean replace) {
        return run(layer, fileName, content, replace, Datum.WGS84);
    }

    private ImportOutcome run(ImportLayer layer, String fileName, String content, boolean replace, Datum datum) {
        return service.importContent(new GeoImportService.Request(layer, datum, replace, "张三"), fileName,
                content.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportOutcome.Imported imported(ImportOutcome outcome) {
        if (outcome instanceof ImportOutcome.Rejected r) {
            throw new AssertionError("expected an import, got " + r.problems());
        }
        return assertInstanceOf(ImportOutcome.Imported.class, outcome);
    }

    private static ImportOutcome.Rejected rejected(ImportOutcome outcome) {
        return assertInstanceOf(ImportOutcome.Rejected.class, outcome);
    }

    private long count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** First column → second column (as text) of a two-column query. */
    private Map<String, String> rows(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Micro-grid code → its police grids' codes, sorted and joined. */
    private Map<String, String> matching() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT m.code AS m, p.code AS p FROM police_grid_micro_grid x "
                        + "JOIN micro_grid m ON m.id = x.micro_grid_id JOIN police_grid p ON p.id = x.police_grid_id ORDER BY m.code, p.code")
                .map((rs, ctx) -> Map.entry(rs.getString("m"), rs.getString("p"))).list())
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.joining(","))));
    }

    private List<String> changeLog() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT entity, entity_id, op, origin, at FROM change_log ORDER BY id")
                .map((rs, ctx) -> {
                    assertEquals("ws-7", rs.getString("origin"));
                    return rs.getString("entity") + " " + rs.getLong("entity_id") + " " + rs.getString("op");
                }).list());
    }

    static String rect(double lon0, double lat0, double lon1, double lat1) {
        return "[[[" + lon0 + "," + lat0 + "],[" + lon1 + "," + lat0 + "],[" + lon1 + "," + lat1 + "],["
                + lon0 + "," + lat1 + "],[" + lon0 + "," + lat0 + "]]]";
    }

    static String feature(String name, String extraProperties, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\"" + (extraProperties.isEmpty() ? "" : "," + extraProperties)
                + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
