package org.commandroom.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V28 gives the incidents of a database of an earlier version their dispatched, en-route, on-scene and cleared
 * times from their orders: a demo county generated at V26, then upgraded.
 */
class IncidentTimesMigrationTest {

    @Test
    void incidentsStoredBeforeV28GetTheirTimesFromTheirOrders() {
        String url = "jdbc:h2:mem:v26-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DbSettings settings = new DbSettings(url, "sa", "", true);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("26").load().migrate();
        org.jdbi.v3.core.Jdbi v26 = org.jdbi.v3.core.Jdbi.create(url, "sa", "")
                .installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
        new DemoCountyGenerator(v26, DemoCountyGeneratorTest.SMALL, 7L).generate(DemoCountyGeneratorTest.END, null);
        long started = System.nanoTime();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        long ms = (System.nanoTime() - started) / 1_000_000;
        try (Database db = Database.open(settings)) {
            long withOrders = count(db, "SELECT COUNT(DISTINCT incident_id) FROM work_order WHERE incident_id IS NOT NULL");
            assertTrue(withOrders > 0, "the demo has dispatched incidents");
            assertEquals(count(db, "SELECT COUNT(*) FROM incident i WHERE EXISTS (SELECT 1 FROM work_order o WHERE "
                    + "o.incident_id = i.id AND o.kind = 'DISPATCH')"), count(db, "SELECT COUNT(*) FROM incident "
                    + "WHERE dispatched_at IS NOT NULL"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM incident i WHERE i.on_scene_at IS DISTINCT FROM "
                    + "(SELECT MIN(o.on_scene_at) FROM work_order o WHERE o.incident_id = i.id)"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM incident i WHERE i.cleared_at IS DISTINCT FROM "
                    + "(SELECT MAX(o.cleared_at) FROM work_order o WHERE o.incident_id = i.id)"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM incident WHERE history_source IS NOT NULL"));
            org.slf4j.LoggerFactory.getLogger(IncidentTimesMigrationTest.class).info(
                    "V28 on {} incidents ({} with orders): {} ms", count(db, "SELECT COUNT(*) FROM incident"),
                    withOrders, ms);
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
