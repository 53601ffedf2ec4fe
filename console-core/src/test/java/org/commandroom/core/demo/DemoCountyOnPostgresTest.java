package org.commandroom.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.junit.jupiter.api.Test;

/** The same migration and generator run on PostgreSQL, and give the same incidents as on H2. */
class DemoCountyOnPostgresTest {

    @Test
    void aSmallCountyGeneratesOnPostgresWithTheSameIncidentsAsOnH2() throws IOException {
        String incidents = "SELECT incident_no, caller_number, address, incident_type, priority, status FROM incident ORDER BY incident_no";
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Database db = Database.open(new DbSettings(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", false));
             Database h2 = org.commandroom.core.store.TestDatabases.h2()) {
            GenerationReport r = new DemoCountyGenerator(db.jdbi(), DemoCountyGeneratorTest.SMALL, 7L)
                    .generate(DemoCountyGeneratorTest.END, null);
            new DemoCountyGenerator(h2.jdbi(), DemoCountyGeneratorTest.SMALL, 7L).generate(DemoCountyGeneratorTest.END, null);
            assertTrue(r.count("incident") > 7_000);
            assertEquals(0, r.count("change_log"));
            assertEquals(DemoChecks.hash(h2.jdbi(), incidents), DemoChecks.hash(db.jdbi(), incidents));
        }
    }
}
