package org.commandroom.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Station areas for the map: the station's boundary, else the union of its police grids; on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class StationAreasTest {

    @Parameter
    TestDb kind;

    private Database db;

    @BeforeEach
    void setUp() {
        db = kind.open();
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO bureau (id, code, name) VALUES (1, 'B', '县局')");
            h.execute("INSERT INTO station (id, bureau_id, code, name, kind, boundary_wkt, datum) VALUES "
                    + "(1, 1, 'S1', '城关派出所', 'STATION', 'POLYGON ((103.9 29.2, 104.0 29.2, 104.0 29.3, 103.9 29.3, 103.9 29.2))', 'WGS84'), "
                    + "(2, 1, 'S2', '河西派出所', 'STATION', NULL, 'WGS84'), "
                    + "(3, 1, 'S3', '火车站警务站', 'POST', NULL, 'WGS84')");
            // two adjacent grid squares of S2: one area; S3 has no grid and no boundary
            h.execute("INSERT INTO police_grid (station_id, code, name, boundary_wkt, datum) VALUES "
                    + "(2, 'G1', '河西1', 'POLYGON ((103.70 29.20, 103.72 29.20, 103.72 29.22, 103.70 29.22, 103.70 29.20))', 'WGS84'), "
                    + "(2, 'G2', '河西2', 'POLYGON ((103.72 29.20, 103.74 29.20, 103.74 29.22, 103.72 29.22, 103.72 29.20))', 'WGS84')");
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aStationsOwnBoundaryIsItsAreaAndWithoutOneTheUnionOfItsGrids() throws Exception {
        List<StationAreas.Area> areas = StationAreas.load(db.jdbi());
        assertEquals(List.of("S1", "S2"), areas.stream().map(StationAreas.Area::code).toList(), "S3 has nothing to draw");
        StationAreas.Area own = areas.get(0);
        assertFalse(own.fromGrids());
        assertEquals(0.01, new WKTReader().read(own.wkt()).getArea(), 1e-9);
        StationAreas.Area union = areas.get(1);
        assertTrue(union.fromGrids());
        Geometry g = new WKTReader().read(union.wkt());
        assertEquals("Polygon", g.getGeometryType(), "adjacent grids merge into one outline");
        assertEquals(0.04 * 0.02, g.getArea(), 1e-9);
        Geometry middleOfSharedEdge = g.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(103.72, 29.21));
        assertTrue(g.getBoundary().distance(middleOfSharedEdge) > 0.009, "the shared edge is inside, not drawn");
        assertEquals(Datum.WGS84, union.datum());
        assertEquals("河西派出所", union.name());
    }
}
