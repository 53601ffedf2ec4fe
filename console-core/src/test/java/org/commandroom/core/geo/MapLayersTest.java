package org.commandroom.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class MapLayersTest {

    private Database db;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2();
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO bureau (id, code, name) VALUES (1, 'B', '县局')");
            h.execute("INSERT INTO station (id, bureau_id, code, name, kind) VALUES (1, 1, 'S', '城关派出所', 'STATION')");
            h.execute("INSERT INTO street (id, code, name, boundary_wkt, datum) VALUES "
                    + "(1, 'ST1', '玉津镇', 'POLYGON ((103.90 29.20, 103.95 29.20, 103.95 29.25, 103.90 29.25, 103.90 29.20))', 'WGS84'), "
                    + "(2, 'ST2', '孝姑镇', 'POLYGON ((103.95 29.20, 104.00 29.20, 104.00 29.25, 103.95 29.25, 103.95 29.20))', 'WGS84')");
            h.execute("INSERT INTO community (id, street_id, code, name, boundary_wkt, datum) VALUES "
                    + "(1, 1, 'C1', '滨江社区', 'POLYGON ((103.90 29.20, 103.95 29.20, 103.95 29.25, 103.90 29.20))', 'WGS84')");
            h.execute("INSERT INTO police_grid (id, station_id, code, name, risk_grade, boundary_wkt, datum) VALUES "
                    + "(1, 1, 'PG1', '滨江第1警格', 'RED', 'POLYGON ((103.90 29.20, 103.92 29.20, 103.92 29.22, 103.90 29.20))', 'WGS84')");
            h.execute("INSERT INTO camera (device_id, name, kind, lat, lon, datum, online) VALUES "
                    + "('51112300001310000001', '滨江路口', 'SKYNET', 29.21, 103.93, 'WGS84', TRUE), "
                    + "('51112300001310000002', '菜市场', 'SOCIAL', 29.22, 103.96, 'GCJ02', FALSE)");
            h.execute("INSERT INTO micro_grid (community_id, code, name, boundary_wkt, datum) VALUES "
                    + "(1, 'M1', '滨江社区第1网格', 'POLYGON ((103.90 29.20, 103.91 29.20, 103.91 29.21, 103.90 29.20))', 'WGS84')");
            h.execute("INSERT INTO key_patrol_zone (station_id, code, name, boundary_wkt, datum) VALUES "
                    + "(1, 'Z1', '夜市重点巡区', 'POLYGON ((103.93 29.21, 103.94 29.21, 103.94 29.22, 103.93 29.21))', 'GCJ02')");
            h.execute("INSERT INTO deployment_point (station_id, name, lat, lon, datum) VALUES (1, '滨江路与人民路交叉口', 29.211, 103.921, 'WGS84')");
            h.execute("INSERT INTO key_place (station_id, name, kind, lat, lon, datum) VALUES (1, '滨江小学', 'SCHOOL', 29.212, 103.922, 'WGS84')");
            h.execute("INSERT INTO police_office (station_id, community_id, name, lat, lon, datum) VALUES (1, 1, '滨江社区警务室', 29.213, 103.923, 'GCJ02')");
            h.execute("INSERT INTO base_map_feature (kind, name, geometry_wkt, datum) VALUES "
                    + "('ROAD_MAJOR', '国道213线', 'LINESTRING (103.90 29.20, 104.00 29.25)', 'WGS84'), "
                    + "('WATER', '岷江', 'POLYGON ((103.90 29.23, 104.00 29.23, 104.00 29.235, 103.90 29.23))', 'WGS84')");
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theDistrictOutlineIsTheUnionOfItsStreets() throws Exception {
        MapLayers layers = MapLayers.load(db.jdbi());
        Geometry district = new WKTReader().read(layers.districtWkt());
        assertEquals("Polygon", district.getGeometryType(), "two adjacent streets merge into one outline");
        assertEquals(0.05 * 0.10, district.getArea(), 1e-9);
        assertEquals(2, layers.streets().size());
        assertEquals(1, layers.communities().size());
    }

    @Test
    void gridsCarryTheirRiskGradeAndCamerasTheirKindDatumAndOnlineState() {
        MapLayers layers = MapLayers.load(db.jdbi());
        assertEquals("RED", layers.policeGrids().get(0).riskGrade());
        assertEquals(2, layers.cameras().size());
        MapLayers.CameraPoint social = layers.cameras().get(1);
        assertEquals(CameraKind.SOCIAL, social.kind());
        assertEquals(Datum.GCJ02, social.datum());
        assertFalse(social.online());
        assertTrue(layers.cameras().get(0).online());
    }

    @Test
    void everyOverlayLayerAndTheRoadsAndWaterAreReadWithTheirNamesKindsAndDatum() {
        MapLayers layers = MapLayers.load(db.jdbi());
        assertEquals("滨江社区", layers.communities().get(0).name());
        assertEquals("GREEN", layers.communities().get(0).riskGrade(), "a community without a grade is green");
        assertEquals("滨江社区第1网格", layers.microGrids().get(0).name());
        assertEquals(Datum.GCJ02, layers.patrolZones().get(0).datum());
        assertEquals("滨江路与人民路交叉口", layers.deploymentPoints().get(0).name());
        assertEquals("SCHOOL", layers.keyPlaces().get(0).kind());
        assertEquals(29.212, layers.keyPlaces().get(0).lat(), 1e-9);
        assertEquals(Datum.GCJ02, layers.policeOffices().get(0).datum());
        assertEquals(2, layers.baseMap().size());
        assertEquals(MapLayers.BaseKind.ROAD_MAJOR, layers.baseMap().get(0).kind());
        assertEquals("岷江", layers.baseMap().get(1).name());
    }

    @Test
    void theBaseMapTableRejectsAKindItDoesNotKnow() {
        org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.statement.StatementException.class,
                () -> db.jdbi().useHandle(h -> h.execute("INSERT INTO base_map_feature (kind, name, geometry_wkt, datum) "
                        + "VALUES ('RAILWAY', 'x', 'LINESTRING (0 0, 1 1)', 'WGS84')")));
    }

    @Test
    void anEmptyDatabaseHasNoOutlineRatherThanAnError() {
        Database empty = TestDatabases.h2();
        try {
            MapLayers layers = MapLayers.load(empty.jdbi());
            assertTrue(layers.districtWkt().isEmpty());
            assertTrue(layers.cameras().isEmpty());
        } finally {
            empty.close();
        }
    }
}
