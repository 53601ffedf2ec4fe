package org.commandroom.core.geo.io;

import static org.commandroom.core.geo.io.GbCatalogReaderTest.item;
import static org.commandroom.core.geo.io.GbCatalogReaderTest.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.camera.CameraDao;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.MapLayerDao;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A platform's catalogue imported, re-imported changed, and refused, on a real H2 and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class CatalogImportServiceTest {

    private static final String A = "44030600001320000001";
    private static final String B = "44030600001320000002";
    private static final String C = "44030600001320000003";
    private static final String D = "44030600001320000004";

    @Parameter
    TestDb kind;

    private Database db;
    private Clock clock;

    @BeforeEach
    void open() {
        db = kind.open();
        clock = Clock.systemUTC();
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO bureau (code, name) VALUES ('440306', '宝安分局')");
            h.execute("INSERT INTO station (bureau_id, code, name, kind, boundary_wkt, datum) SELECT id, 'XA', '新安派出所', "
                    + "'STATION', 'POLYGON ((113.85 22.53, 113.95 22.53, 113.95 22.60, 113.85 22.60, 113.85 22.53))', 'WGS84' "
                    + "FROM bureau");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CatalogImportService service(Role role) {
        Principal p = new Principal(1, "admin", "周敏", Set.of(role), "ws-1", false);
        return new CatalogImportService(db.jdbi(), new ChangeRecorder(clock, "ws-1"), clock, AccessGuard.of(db.jdbi(), clock, p));
    }

    private CatalogImportService.Outcome importXml(String xml, boolean complete) {
        return service(Role.ADMINISTRATOR).importContent(new CatalogImportService.Request(new GbCatalogReader.Settings(
                        Datum.WGS84, GeoImportService.Settings.CHINA, CameraKind.SKYNET, Map.of()), complete, "admin"),
                "catalog.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private long scalar(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private Map<String, Object> row(String deviceId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM camera WHERE device_id = :d").bind("d", deviceId)
                .mapToMap().one());
    }

    @Test
    void camerasAKeyPlaceDependsOnGoingOffInTheCatalogueMakeItShortOnTheMapAndBackOnMakeItWatched() {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) "
                + "SELECT id, '宝城广场', 'SQUARE', 22.5500, 113.9000, 'WGS84' FROM station"));
        String e = "44030600001320000005";
        String f = "44030600001320000006";
        importXml(response("1", item(e, "广场北", "ON", "113.9000", "22.5505") + item(f, "广场南", "ON", "113.9000", "22.5495")), true);
        java.util.List<org.commandroom.core.camera.VideoCoverage.Gap> watched = org.commandroom.core.camera.VideoCoverage.gaps(
                org.commandroom.core.geo.MapLayers.load(db.jdbi()).keyPlaces(),
                org.commandroom.core.geo.MapLayers.load(db.jdbi()).cameras(), org.commandroom.core.camera.VideoCoverage.Rule.DEFAULT);
        assertEquals(java.util.List.of(), watched, "two cameras on line within 200 m: watched");

        importXml(response("2", item(e, "广场北", "ON", "113.9000", "22.5505") + item(f, "广场南", "OFF", "113.9000", "22.5495")), true);
        org.commandroom.core.geo.MapLayers layers = org.commandroom.core.geo.MapLayers.load(db.jdbi());
        java.util.List<org.commandroom.core.camera.VideoCoverage.Gap> gaps = org.commandroom.core.camera.VideoCoverage.gaps(
                layers.keyPlaces(), layers.cameras(), org.commandroom.core.camera.VideoCoverage.Rule.DEFAULT);
        assertEquals(1, gaps.size(), "the catalogue's OFF leaves the square with one camera on line");
        assertEquals("宝城广场", gaps.get(0).name());
        assertEquals(2, gaps.get(0).cameras());
        assertEquals(1, gaps.get(0).online());

        importXml(response("3", item(e, "广场北", "ON", "113.9000", "22.5505") + item(f, "广场南", "ON", "113.9000", "22.5495")), true);
        org.commandroom.core.geo.MapLayers again = org.commandroom.core.geo.MapLayers.load(db.jdbi());
        assertEquals(java.util.List.of(), org.commandroom.core.camera.VideoCoverage.gaps(again.keyPlaces(), again.cameras(),
                org.commandroom.core.camera.VideoCoverage.Rule.DEFAULT), "back on line: watched again");
    }

    @Test
    void importedThenUpdatedInPlaceRemovedAndListedAgain() {
        String first = response("1", item(A, "新安一路口", "ON", "113.90", "22.55") + item(B, "宝城广场", "ON", "113.91", "22.56")
                + item(C, "界外点", "ON", "114.10", "22.70") + item(D, "无坐标", "ON", null, null));
        CatalogImportService.Imported one = assertInstanceOf(CatalogImportService.Imported.class, importXml(first, true));
        assertEquals(3, one.inserted());
        assertEquals(1, one.withoutPosition());
        assertEquals(1, one.unplaced().size());
        org.junit.jupiter.api.Assertions.assertTrue(one.unplaced().get(0).message().contains("(" + D + "): 无坐标: no longitude/latitude"),
                one.unplaced().toString());
        assertEquals(1, one.withoutStation(), "C lies outside the station's boundary");
        assertEquals(3, scalar("SELECT COUNT(*) FROM camera"));
        Map<String, Object> a = row(A);
        assertEquals("海康威视", a.get("manufacturer"));
        assertEquals("440306", a.get("civil_code"));
        assertNotNull(a.get("station_id"));
        assertEquals(3, scalar("SELECT COUNT(*) FROM change_log WHERE entity = 'CAMERA' AND op = 'INSERT'"));

        CatalogImportService.Imported same = assertInstanceOf(CatalogImportService.Imported.class, importXml(first, true));
        assertEquals(0, same.inserted() + same.updated() + same.removed());
        assertEquals(3, same.unchanged());

        long idA = ((Number) a.get("id")).longValue();
        long idB = ((Number) row(B).get("id")).longValue();
        String second = response("2", item(A, "新安一路口（改）", "OFF", "113.90", "22.55") + item(C, "界外点", "ON", "114.10", "22.70")
                + item(D, "有坐标了", "ON", "113.92", "22.57"));
        CatalogImportService.Imported two = assertInstanceOf(CatalogImportService.Imported.class, importXml(second, true));
        assertEquals(1, two.updated());
        assertEquals(1, two.inserted());
        assertEquals(1, two.removed());
        assertEquals(1, two.unchanged());
        Map<String, Object> a2 = row(A);
        assertEquals(idA, ((Number) a2.get("id")).longValue(), "updated in place");
        assertEquals("新安一路口（改）", a2.get("name"));
        assertEquals(Boolean.FALSE, a2.get("online"));
        assertNotNull(row(B).get("removed_at"));
        assertEquals(3, db.jdbi().withExtension(CameraDao.class, CameraDao::count), "the removed camera is not counted");
        assertEquals(1, db.jdbi().withExtension(CameraDao.class, CameraDao::countOffline));
        assertEquals(3, db.jdbi().withExtension(MapLayerDao.class, MapLayerDao::cameras).size(), "nor drawn");

        CatalogImportService.Imported partial = assertInstanceOf(CatalogImportService.Imported.class,
                importXml(response("3", item(C, "界外点", "ON", "114.10", "22.70")), false));
        assertEquals(0, partial.removed(), "a part of the catalogue removes nothing");

        CatalogImportService.Imported back = assertInstanceOf(CatalogImportService.Imported.class, importXml(first, true));
        assertEquals(1, back.restored());
        assertEquals(idB, ((Number) row(B).get("id")).longValue(), "the same row comes back");
        assertNull(row(B).get("removed_at"));
        assertEquals("无坐标", row(D).get("name"), "the first file gives D no position: the stored one is kept");
        assertEquals(22.57, ((Number) row(D).get("lat")).doubleValue(), 1e-9);
    }

    @Test
    void aRefusedFileOrARoleWithoutSetUpWritesNothing() {
        long audits = scalar("SELECT COUNT(*) FROM audit_log");
        CatalogImportService.Rejected r = assertInstanceOf(CatalogImportService.Rejected.class,
                importXml("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"e\">]><Response/>", true));
        assertEquals("line 2", r.problems().get(0).where());
        assertEquals(0, scalar("SELECT COUNT(*) FROM camera"));
        assertEquals(audits, scalar("SELECT COUNT(*) FROM audit_log"));

        CatalogImportService duty = service(Role.DUTY_COMMANDER);
        assertThrows(AccessDenied.class, () -> duty.importContent(new CatalogImportService.Request(
                new GbCatalogReader.Settings(Datum.WGS84, GeoImportService.Settings.CHINA, CameraKind.SKYNET, Map.of()),
                true, "duty"), "c.xml", response("1", item(A, "a", "ON", "113.9", "22.55")).getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, scalar("SELECT COUNT(*) FROM camera"));
    }
}
