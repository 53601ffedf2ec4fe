package org.commandroom.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The real DEMO profile, end to end, on in-memory H2. */
class DemoProfileEndToEndTest {

    @Test
    void theDemoProfileBuildsAQianweiSizedCountyWithAYearOfCallsAndALiveQueue() {
        Instant end = Instant.parse("2026-11-23T13:05:00Z"); // 21:05 in Qianwei
        try (Database db = TestDatabases.h2()) {
            Jdbi jdbi = db.jdbi();
            GenerationReport r = new DemoCountyGenerator(jdbi, DemoProfile.DEMO, 42L).generate(end, null);
            assertEquals(8, r.count("station"));
            assertEquals(8, r.count("street"));
            assertEquals(60, r.count("community"));
            assertEquals(600, r.count("micro_grid"));
            assertEquals(60, r.count("police_grid"));
            assertEquals(40, r.count("patrol_unit"));
            assertEquals(3_000, r.count("camera"));
            assertEquals(12, r.count("key_patrol_zone"));
            assertTrue(Math.abs(r.count("incident") - 40_000) < 2_000, "incidents: " + r.count("incident"));
            assertTrue(r.count("work_order") > 30_000, "orders: " + r.count("work_order"));
            long open = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM incident WHERE status IN ('NEW', 'DISPATCHED', 'ON_SCENE')").mapTo(Long.class).one());
            assertTrue(open >= 10 && open <= 30, "open incidents: " + open);
            long story = jdbi.withHandle(h -> h.createQuery(
                    "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM incident WHERE address = '玉津镇滨江路88号' "
                    + "AND incident_type = 'FAMILY_DISPUTE' GROUP BY caller_number) t")
                    .mapTo(Long.class).one());
            assertEquals(3, story, "seed 004: a family dispute called in January, February and March");
        }
    }
}
