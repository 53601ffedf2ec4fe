package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.commandroom.core.TestClock;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ping'an index per police grid and month. Default rule: valid incidents per 10,000 residents a month scored
 * 100 at 60, 60 at 100, 0 at 180; weights 0.6 (incidents) and 0.4 (satisfaction).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class PingAnIndexTest {

    @Parameter
    TestDb kind;

    private Database db;
    private GoldenCounty c;
    private PingAnIndex pingAn;
    private final YearMonth oct = YearMonth.of(2026, 10);

    @BeforeEach
    void setUp() {
        db = kind.open();
        c = new GoldenCounty(db.jdbi());
        pingAn = new PingAnIndex(db.jdbi(), new TestClock(GoldenCounty.NOW), IndexDefinitions.withDefault());
        db.jdbi().useTransaction(h -> {
            // GA-1: 500 residents in one micro-grid; GA-2: 1,000 in two; GB-1 and GP-1 none
            long street = h.createUpdate("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('S', '街道', 'POLYGON((0 0,1 0,1 1,0 0))', 'WGS84')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long community = h.createUpdate("INSERT INTO community (street_id, code, name, boundary_wkt, datum) VALUES (:s, 'C', '社区', "
                    + "'POLYGON((0 0,1 0,1 1,0 0))', 'WGS84')").bind("s", street).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            micro(h, community, "GA-1", "M1", 500);
            micro(h, community, "GA-2", "M2", 600);
            micro(h, community, "GA-2", "M3", 400);
            // GA-1: 4 valid incidents and 1 non-police call in October, 1 in November; GA-2: 10 in October
            for (int i = 0; i < 4; i++) {
                gridIncident(h, "GA-1", "FIGHT", GoldenCounty.cst(2026, 10, 2 + i, 12, 0));
            }
            gridIncident(h, "GA-1", "NON_POLICE", GoldenCounty.cst(2026, 10, 9, 12, 0));
            gridIncident(h, "GA-1", "FIGHT", GoldenCounty.cst(2026, 11, 1, 0, 10));
            for (int i = 0; i < 10; i++) {
                gridIncident(h, "GA-2", "NEIGHBOUR_DISPUTE", GoldenCounty.cst(2026, 10, 1 + i, 9, 0));
            }
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void eachGridGetsItsIncidentRateAndSatisfaction() {
        long ga1 = gridId("GA-1");
        pingAn.enterSatisfaction(ga1, oct, 80, "测评中心");
        GoldenCounty.manual(db.jdbi(), "I40", c.a, Period.month(2026, 10), 95, "测评中心", GoldenCounty.NOW);
        Map<String, PingAnIndex.GridValue> v = byCode(pingAn.compute(oct));
        // GA-1: 4 / (500 / 10,000) = 80 per 10,000 → 100 - 40 × (80-60)/(100-60) = 80 points;
        // satisfaction 80 of its own: 0.6 × 80 + 0.4 × 80 = 80
        PingAnIndex.GridValue a1 = v.get("GA-1");
        assertEquals(4, a1.incidents());
        assertEquals(500, a1.population());
        assertEquals(80.0, a1.incidentRate(), 1e-9);
        assertEquals(80.0, a1.ratePoints(), 1e-9);
        assertEquals("GRID", a1.satisfactionSource());
        assertEquals(80.0, a1.score(), 1e-9);
        // GA-2: 10 / 0.1 = 100 → 60 points; the station's satisfaction 95: 0.6 × 60 + 0.4 × 95 = 74
        PingAnIndex.GridValue a2 = v.get("GA-2");
        assertEquals(1000, a2.population());
        assertEquals(60.0, a2.ratePoints(), 1e-9);
        assertEquals("STATION", a2.satisfactionSource());
        assertEquals(74.0, a2.score(), 1e-9);
        // GB-1: no residents and no satisfaction: no score
        assertNull(v.get("GB-1").score());
        assertEquals(v, byCode(pingAn.values(oct)), "what is stored is what was computed");
    }

    @Test
    void recomputingAMonthReplacesItAndSatisfactionIsChecked() {
        pingAn.compute(oct);
        pingAn.compute(oct);
        assertEquals(4, pingAn.values(oct).size());
        assertEquals(1, byCode(pingAn.compute(YearMonth.of(2026, 11))).get("GA-1").incidents());
        assertThrows(IllegalArgumentException.class, () -> pingAn.enterSatisfaction(gridId("GA-1"), oct, 101, "x"));
    }

    private static Map<String, PingAnIndex.GridValue> byCode(List<PingAnIndex.GridValue> values) {
        return values.stream().collect(Collectors.toMap(PingAnIndex.GridValue::code, Function.identity()));
    }

    private long gridId(String code) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM police_grid WHERE code = :c").bind("c", code).mapTo(Long.class).one());
    }

    private static void micro(Handle h, long community, String grid, String code, int population) {
        long m = h.createUpdate("INSERT INTO micro_grid (community_id, code, name, population, boundary_wkt, datum) VALUES (:c, :code, :code, :p, "
                        + "'POLYGON((0 0,1 0,1 1,0 0))', 'WGS84')")
                .bind("c", community).bind("code", code).bind("p", population).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("INSERT INTO police_grid_micro_grid (police_grid_id, micro_grid_id) SELECT id, :m FROM police_grid WHERE code = :g")
                .bind("m", m).bind("g", grid).execute();
    }

    private int seq;

    private void gridIncident(Handle h, String grid, String type, java.time.Instant at) {
        String category = org.commandroom.core.incident.IncidentType.valueOf(type).category().name();
        h.createUpdate("INSERT INTO incident (incident_no, received_at, address, category, incident_type, priority, station_id, "
                        + "police_grid_id, status) SELECT :no, :at, '某地', :cat, :type, 2, station_id, id, 'CLOSED' FROM police_grid WHERE code = :g")
                .bind("no", "PA-" + (++seq)).bind("at", at).bind("cat", category).bind("type", type).bind("g", grid).execute();
    }
}
