package org.commandroom.core.geo.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.commandroom.core.geo.BaseMapDao;
import org.commandroom.core.geo.MapLayers;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** V32 on a database of version 26 with the demo's base map: the rows stay, PLACE is accepted, a wrong kind is not. */
class BaseMapMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void anUpgradeKeepsTheBaseMapAndAcceptsPlaces(String kind) {
        DbSettings settings = kind.equals("H2")
                ? new DbSettings("jdbc:h2:mem:v27-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true)
                : TestDatabases.postgresSettings(TestDatabases.createPostgresDatabase());
        Flyway v26 = Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("26").load();
        v26.migrate();
        try (var c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             var st = c.createStatement()) {
            st.execute("INSERT INTO base_map_feature (kind, name, geometry_wkt, datum) VALUES "
                    + "('ROAD_MAJOR', '国道213线', 'LINESTRING (103.9 29.2, 104 29.25)', 'WGS84'), "
                    + "('WATER', '岷江', 'POLYGON ((103.9 29.23, 104 29.23, 104 29.235, 103.9 29.23))', 'GCJ02')");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        try (Database db = Database.open(settings)) { // migrates to the latest
            List<MapLayers.BaseFeature> rows = db.jdbi().withExtension(BaseMapDao.class, BaseMapDao::all);
            assertEquals(List.of("国道213线", "岷江"), rows.stream().map(MapLayers.BaseFeature::name).toList());
            assertEquals(org.commandroom.core.geo.Datum.GCJ02, rows.get(1).datum());
            assertEquals("", rows.get(0).detail());
            db.jdbi().useExtension(BaseMapDao.class, d -> d.insertDetailed(List.of("PLACE"), List.of("城关镇"),
                    List.of("POINT (103.95 29.21)"), List.of("town"), "WGS84"));
            assertEquals(1L, (long) db.jdbi().withExtension(BaseMapDao.class, d -> d.count("PLACE")));
            assertThrows(RuntimeException.class, () -> db.jdbi().useExtension(BaseMapDao.class, d -> d.insertDetailed(
                    List.of("BUILDING"), List.of("x"), List.of("POINT (1 1)"), List.of(""), "WGS84")));
            long next = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO base_map_feature (kind, name, geometry_wkt, "
                    + "datum) VALUES ('WATER', '月湖', 'POINT (1 1)', 'WGS84')").executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one());
            org.junit.jupiter.api.Assertions.assertTrue(next > 3, "ids go on after the copied rows: " + next);
        }
    }
}
