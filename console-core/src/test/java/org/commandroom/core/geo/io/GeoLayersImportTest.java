package org.commandroom.core.geo.io;

import static org.commandroom.core.geo.io.GeoImportServiceTest.collection;
import static org.commandroom.core.geo.io.GeoImportServiceTest.feature;
import static org.commandroom.core.geo.io.GeoImportServiceTest.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.commandroom.core.TestClock;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.MapLayers;
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
 * Shapefiles through the import service, and the two layers of their own: the district boundary (辖区) and the
 * stations' boundaries (派出所辖区), on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class GeoLayersImportTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    @Parameter
    TestDb kind;

    private Database db;
    private GeoImportService service;

    @BeforeEach
    void setUp() {
        db = kind.open();
        service = new GeoImportService(db.jdbi(), new ChangeRecorder(new TestClock(T0), "ws-3"), new TestClock(T0),
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA));
        db.jdbi().useHandle(h -> {
            OrgDao org = h.attach(OrgDao.class);
            long bureau = org.insertBureau("B1", "犍为县公安局");
            org.insertStation(bureau, "PCS01", "城东派出所", "STATION", 0, 0, null, null, "WGS84");
            org.insertStation(bureau, "PCS02", "城西派出所", "STATION", 0, 0, null, null, "WGS84");
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private GeoImportService.Request request(ImportLayer layer, Datum datum) {
        return new GeoImportService.Request(layer, datum, false, "管理员");
    }

    @Test
    void theCountyShapefileImportsAsTheDistrictOnlyAfterItsRepairIsAccepted() throws IOException {
        Path shp = ShapefileAreaReaderTest.resource("qianwei-gbk.shp");

        ImportOutcome first = service.importFile(request(ImportLayer.DISTRICT, Datum.GCJ02), shp);
        ImportOutcome.NeedsRepairConsent ask = assertInstanceOf(ImportOutcome.NeedsRepairConsent.class, first);
        assertEquals("record 1 (犍为县)", ask.repairs().get(0).where());
        assertTrue(ask.notes().contains("attributes read as GBK (no .cpg; the bytes are not valid UTF-8)"), ask.notes()::toString);
        assertTrue(ask.notes().contains("name from field NAME"), ask.notes()::toString);
        assertTrue(ask.notes().contains("code from field CODE"), ask.notes()::toString);
        assertEquals(0, count("district_boundary"));

        ImportOutcome.Imported done = assertInstanceOf(ImportOutcome.Imported.class,
                service.importFile(request(ImportLayer.DISTRICT, Datum.GCJ02).acceptingRepairs(), shp));
        assertEquals(1, done.inserted());
        assertEquals(Map.of("511123", "犍为县 GCJ02"), rows("SELECT code, name || ' ' || datum FROM district_boundary"));
        assertEquals(List.of("GEOGRAPHY 7 INSERT"), changeLog());
        assertTrue(audit().startsWith("import district from qianwei-gbk.shp (GCJ02): 1 written, 0 replaced; 1 boundary"
                + " repair(s) accepted: record 1 (犍为县)"), audit());

        // The map's district outline is now the imported boundary (no streets at all), and the layer holds it.
        MapLayers layers = MapLayers.load(db.jdbi());
        assertEquals(1, layers.districts().size());
        assertEquals(Datum.GCJ02, layers.districtDatum());
        assertTrue(layers.districtWkt().startsWith("MULTIPOLYGON") || layers.districtWkt().startsWith("POLYGON"));
    }

    @Test
    void aZippedShapefileImportsThroughTheBytesEntryPoint() throws IOException {
        ImportOutcome outcome = service.importContent(request(ImportLayer.DISTRICT, Datum.GCJ02).acceptingRepairs(),
                "qianwei-utf8.zip", ShapefileAreaReaderTest.bytes("qianwei-utf8.zip"));

        assertInstanceOf(ImportOutcome.Imported.class, outcome, () -> outcome.toString());
        assertEquals(Map.of("DI1", "犍为县"), rows("SELECT code, name FROM district_boundary"));
    }

    @Test
    void aShpGivenAsBytesAloneIsRefusedSayingWhatToImportInstead() throws IOException {
        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class, service.importContent(
                request(ImportLayer.DISTRICT, Datum.GCJ02), "x.shp", ShapefileAreaReaderTest.bytes("qianwei-gbk.shp")));

        assertTrue(r.problems().get(0).reason().contains("with its .shx and .dbf beside it"));
    }

    @Test
    void aTruncatedShapefileIsRejectedWithTheRecordAndNothingIsWritten(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        for (String ext : List.of("shx", "dbf", "prj")) {
            Files.copy(ShapefileAreaReaderTest.resource("qianwei-gbk." + ext), dir.resolve("cut." + ext));
        }
        byte[] shp = ShapefileAreaReaderTest.bytes("qianwei-gbk.shp");
        Files.write(dir.resolve("cut.shp"), java.util.Arrays.copyOf(shp, 5000));

        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class,
                service.importFile(request(ImportLayer.DISTRICT, Datum.GCJ02), dir.resolve("cut.shp")));

        assertTrue(r.problems().stream().anyMatch(p -> p.where().equals("cut.shp") && p.reason().startsWith("is cut short")),
                r.problems()::toString);
        assertTrue(r.problems().stream().anyMatch(p -> p.where().equals("record 1 (cut.shp, byte 100)")),
                r.problems()::toString);
        assertEquals(0, count("district_boundary"));
        assertEquals(0, count("audit_log"));
    }

    @Test
    void stationAreasGoIntoTheStoredStationsByCodeOrNameAndPoliceGridsThenFindTheirStationInThem() throws IOException {
        ImportOutcome.Imported areas = assertInstanceOf(ImportOutcome.Imported.class,
                service.importFile(request(ImportLayer.STATION_AREAS, Datum.WGS84),
                        ShapefileAreaReaderTest.resource("stations-hole.shp")));

        assertEquals(2, areas.inserted());
        Map<String, String> stored = rows("SELECT code, datum || ' ' || CAST(ROUND(area_km2) AS INTEGER) FROM station"
                + " WHERE boundary_wkt IS NOT NULL");
        // 0.1° x 0.1° at 29.25°N is about 107.7 km², the 0.02° square 4.3 km²: a hole in PCS01, a part of PCS02
        assertEquals(Map.of("PCS01", "WGS84 103", "PCS02", "WGS84 112"), stored);
        assertEquals(List.of("GEOGRAPHY 8 INSERT"), changeLog());
        assertEquals(2, MapLayers.load(db.jdbi()).stationAreas().size());

        // A grid inside the hole of 城东's area lies in 城西's exclave: placed by the areas just imported.
        imported(service.importContent(request(ImportLayer.POLICE_GRIDS, Datum.WGS84), "grids.geojson",
                utf8(collection(feature("东一警格", "\"code\":\"PG01\"", rect(104.01, 29.21, 104.03, 29.23)),
                        feature("飞地警格", "\"code\":\"PG02\"", rect(104.045, 29.245, 104.055, 29.255))))));
        assertEquals(Map.of("PG01", "PCS01", "PG02", "PCS02"),
                rows("SELECT g.code, s.code FROM police_grid g JOIN station s ON s.id = g.station_id"));
    }

    @Test
    void aStationAreaNamingNoStoredStationOrTheSameStationTwiceIsRejectedWhole() {
        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class, service.importContent(
                request(ImportLayer.STATION_AREAS, Datum.WGS84), "areas.geojson", utf8(collection(
                        feature("城东派出所", "", rect(104.0, 29.2, 104.1, 29.3)),
                        feature("城北派出所", "", rect(104.0, 29.3, 104.1, 29.4)),
                        feature("东区", "\"派出所\":\"PCS01\"", rect(104.1, 29.2, 104.2, 29.3))))));

        assertEquals(List.of(
                "feature 1 (城北派出所): property name = \"城北派出所\" names no station in the database (neither a code nor a name)",
                "feature 2 (东区): is the area of the same station as feature 0 (城东派出所): one boundary per station"
                        + " (make it one multipolygon in the GIS tool)"),
                r.problems().stream().map(ImportProblem::message).toList());
        assertEquals(0, count("change_log"));
        assertEquals(Map.of(), rows("SELECT code, name FROM station WHERE boundary_wkt IS NOT NULL"));
    }

    @Test
    void stationAreasAreReplacedOnlyWithReplace() {
        String areas = collection(feature("城东派出所", "\"code\":\"PCS01\"", rect(104.0, 29.2, 104.1, 29.3)));
        imported(service.importContent(request(ImportLayer.STATION_AREAS, Datum.WGS84), "a.geojson", utf8(areas)));

        ImportOutcome.Rejected again = assertInstanceOf(ImportOutcome.Rejected.class,
                service.importContent(request(ImportLayer.STATION_AREAS, Datum.WGS84), "a.geojson", utf8(areas)));
        assertEquals("database: already holds 1 station-areas; import with replace to replace them all",
                again.problems().get(0).message());

        ImportOutcome.Imported replaced = imported(service.importContent(new GeoImportService.Request(
                ImportLayer.STATION_AREAS, Datum.GCJ02, true, "管理员"), "b.geojson", utf8(collection(
                        feature("城西派出所", "", rect(103.9, 29.2, 104.0, 29.3))))));
        assertEquals(1, replaced.removed());
        assertEquals(Map.of("PCS02", "GCJ02"), rows("SELECT code, datum FROM station WHERE boundary_wkt IS NOT NULL"));
        // the area a station was given stays when its boundary is replaced away (the organisation may have set it)
        assertEquals(Map.of("PCS01", "108", "PCS02", "107"), // PCS02 measured after GCJ-02 → WGS-84
                rows("SELECT code, CAST(CAST(ROUND(area_km2) AS INTEGER) AS VARCHAR(12)) FROM station"));
    }

    @Test
    void theNewLayersAreNamedOnTheCommandLineInEnglishAndChinese() {
        assertEquals(ImportLayer.DISTRICT, ImportLayer.parse("district").orElseThrow());
        assertEquals(ImportLayer.DISTRICT, ImportLayer.parse("辖区").orElseThrow());
        assertEquals(ImportLayer.STATION_AREAS, ImportLayer.parse("station_areas").orElseThrow());
        assertEquals(ImportLayer.STATION_AREAS, ImportLayer.parse("派出所辖区").orElseThrow());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ImportOutcome.Imported imported(ImportOutcome outcome) {
        return assertInstanceOf(ImportOutcome.Imported.class, outcome, outcome::toString);
    }

    private long count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private Map<String, String> rows(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private List<String> changeLog() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT entity, entity_id, op FROM change_log ORDER BY id")
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3)).list());
    }

    private String audit() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_log ORDER BY id DESC")
                .mapTo(String.class).first());
    }
}
