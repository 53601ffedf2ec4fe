package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.TestClock;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.incident.CallerLinks;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Rows;
import org.commandroom.core.store.TestDb;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stored link to a caller's previous call (incident.caller_prior_id / caller_prior_at, CallerLinks) against
 * the exact definition: every incident's link equals the previous call found by brute force over the whole table,
 * and the repeat indicators counted through the links ({@link ComputationSql.Repeats#LINKED}, what the engine and
 * the trace use) equal the exact EXISTS of the definition ({@link ComputationSql.Repeats#EXACT}) for every station
 * and month, on a hand-built county with the edge cases and on a generated one.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class RepeatLinkTest {

    @Parameter
    TestDb kind;

    private Database db;

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void linksAndRepeatCountsFollowTheDefinitionAtItsEdges() {
        db = kind.open();
        Jdbi jdbi = db.jdbi();
        GoldenCounty c = new GoldenCounty(jdbi);
        IncidentService intake = new IncidentService(jdbi, new ChangeRecorder(new TestClock(GoldenCounty.NOW), "test"));
        Instant noon20 = GoldenCounty.cst(2026, 10, 20, 12, 0);
        // C1: a dispute on 25 September (the previous period), a fight on 10 October: a repeat within 30 days (I04)
        record(intake, c.b, "13511110001", GoldenCounty.cst(2026, 9, 25, 20, 0), IncidentType.FAMILY_DISPUTE);
        long c1 = record(intake, c.b, "13511110001", GoldenCounty.cst(2026, 10, 10, 20, 0), IncidentType.FIGHT);
        // C2: exactly 30 days before: the window's start is included
        long c2prior = record(intake, c.b, "13511110002", noon20.minus(Duration.ofDays(30)), IncidentType.FIGHT);
        long c2 = record(intake, c.b, "13511110002", noon20, IncidentType.FIGHT);
        // C3: 30 days and one second before: outside
        record(intake, c.b, "13511110003", noon20.minus(Duration.ofDays(30)).minusSeconds(1), IncidentType.FIGHT);
        long c3 = record(intake, c.b, "13511110003", noon20, IncidentType.FIGHT);
        // C4: the previous call is a non-police one, not among I04's prior types: linked, but no repeat
        record(intake, c.b, "13511110004", GoldenCounty.cst(2026, 10, 1, 9, 0), IncidentType.NON_POLICE);
        long c4 = record(intake, c.b, "13511110004", GoldenCounty.cst(2026, 10, 5, 9, 0), IncidentType.FIGHT);
        // C5: two calls at the same instant: the second (larger id) repeats the first
        Instant same = GoldenCounty.cst(2026, 10, 12, 10, 0);
        long c5a = record(intake, c.b, "13511110005", same, IncidentType.FIGHT);
        long c5b = record(intake, c.b, "13511110005", same, IncidentType.FIGHT);
        // C6 (I16): an assault recorded first, then the dispute 90 days before it, recorded late (an import of old
        // calls): the assault's link must move to the dispute; and a dispute later in between relinks again
        long c6 = record(intake, c.b, "13511110006", noon20, IncidentType.ASSAULT);
        long c6prior = record(intake, c.b, "13511110006", noon20.minus(Duration.ofDays(90)), IncidentType.NEIGHBOUR_DISPUTE);
        // no number: no link
        long none = record(intake, c.b, null, noon20, IncidentType.FIGHT);

        assertLinksExact(jdbi);
        Map<Long, Object[]> links = links(jdbi);
        assertEquals(c2prior, links.get(c2)[3]);
        assertEquals(c5a, links.get(c5b)[3]);
        assertNull(links.get(c5a)[3]);
        assertEquals(c6prior, links.get(c6)[3]);
        assertNull(links.get(none)[3]);

        IndexDefinition def = IndexDefinitions.withDefault().current();
        Map<String, Map<Long, long[]>> oct = assertLinkedEqualsExact(jdbi, def, YearMonth.of(2026, 10));
        // B in October: C1 (prior in September), C2 (boundary) and C5's second call; not C3, C4, C5's first, C6 (90 days)
        assertEquals(3, oct.get("I04").get(c.b)[0]);
        // I16: C6's assault, the dispute exactly 90 days before
        assertEquals(1, oct.get("I16").get(c.b)[0]);
        // the golden county's own repeat at A stays: a4 after a3 (I04), mediated by o3 (I05)
        assertEquals(1, oct.get("I04").get(c.a)[0]);
        assertEquals(1, oct.get("I05").get(c.a)[0]);
        assertLinkedEqualsExact(jdbi, def, YearMonth.of(2026, 9));
        assertLinkedEqualsExact(jdbi, def, YearMonth.of(2026, 11));

        // the trace lists exactly the counted calls
        new IndexEngine(jdbi, new TestClock(GoldenCounty.NOW), IndexDefinitions.withDefault(), null).recomputeYear(2026);
        IndexTrace.Trace t = new IndexTrace(jdbi, new TestClock(GoldenCounty.NOW), IndexDefinitions.withDefault())
                .trace(c.b, Period.month(2026, 10), "I04");
        assertEquals(List.of(c1, c2, c5b), t.ids("NUMERATOR"));
        assertTrue(t.ids("DENOMINATOR").containsAll(List.of(c3, c4, c5a, c6)));

        // a repair finds nothing to change
        jdbi.useTransaction(CallerLinks::relinkAll);
        assertEquals(asLists(links), asLists(links(jdbi)));
    }

    @Test
    void theGeneratorStoresTheLinksOfItsCalls() {
        db = kind.open();
        Jdbi jdbi = db.jdbi();
        DemoProfile small = new DemoProfile("LINKS", "测试县公安局", "511123", 29.21, 103.95, 6.0,
                3, 1, 3, 12, 120, 12, 4, 12, 300, 6_000, 30);
        new DemoCountyGenerator(jdbi, small, 11L).generate(Instant.parse("2026-11-23T04:00:00Z"), null);
        assertLinksExact(jdbi);
        IndexDefinition def = IndexDefinitions.withDefault().current();
        long repeats = 0;
        for (int m = 1; m <= 11; m++) {
            repeats += assertLinkedEqualsExact(jdbi, def, YearMonth.of(2026, m)).get("I04").values().stream()
                    .mapToLong(v -> v[0]).sum();
        }
        assertTrue(repeats > 10, "the planted repeat callers are counted: " + repeats);
    }

    private static int seq;

    private static long record(IncidentService intake, long station, String caller, Instant at, IncidentType type) {
        return intake.record(new Incident(0, "T" + (++seq), at,
                caller, "测试地址", null, type, 2, null, station, null, IncidentStatus.CLOSED, at.plusSeconds(600), 0));
    }

    /** id → {caller, received_at, id, caller_prior_id, caller_prior_at}. */
    private static Map<Long, Object[]> links(Jdbi jdbi) {
        Map<Long, Object[]> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, caller_number, received_at, caller_prior_id, caller_prior_at FROM incident")
                .map((rs, ctx) -> new Object[] {rs.getString("caller_number"), Rows.instant(rs, "received_at"), rs.getLong("id"),
                    Rows.nullableLong(rs, "caller_prior_id"), Rows.instant(rs, "caller_prior_at")})
                .forEach(r -> out.put((Long) r[2], r)));
        return out;
    }

    private static Map<Long, List<Object>> asLists(Map<Long, Object[]> rows) {
        Map<Long, List<Object>> out = new HashMap<>();
        rows.forEach((id, r) -> out.put(id, java.util.Arrays.asList(r)));
        return out;
    }

    /** Every incident's stored link is its caller's previous call in (received_at, id) order. */
    private static void assertLinksExact(Jdbi jdbi) {
        Map<Long, Object[]> rows = links(jdbi);
        Map<String, List<Object[]>> byCaller = new HashMap<>();
        for (Object[] r : rows.values()) {
            if (r[0] == null) {
                assertNull(r[3], "a call without a number has no link: " + r[2]);
            } else {
                byCaller.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
            }
        }
        int linked = 0;
        for (List<Object[]> calls : byCaller.values()) {
            calls.sort(Comparator.comparing((Object[] r) -> (Instant) r[1]).thenComparing(r -> (Long) r[2]));
            for (int k = 0; k < calls.size(); k++) {
                Object[] r = calls.get(k);
                Object[] prev = k == 0 ? null : calls.get(k - 1);
                assertEquals(prev == null ? null : prev[2], r[3], "previous call of incident " + r[2]);
                assertEquals(prev == null ? null : prev[1], r[4], "previous call's time of incident " + r[2]);
                linked += prev == null ? 0 : 1;
            }
        }
        assertTrue(linked > 0, "some calls have a previous call");
    }

    /** The repeat indicators of every station in a month, counted through the links and exactly; returns the first. */
    private static Map<String, Map<Long, long[]>> assertLinkedEqualsExact(Jdbi jdbi, IndexDefinition def, YearMonth month) {
        List<IndicatorDef> repeats = def.indicators().stream().filter(d -> d.computation() != null)
                .filter(d -> d.computation().kind() == ComputationKind.REPEAT_INCIDENT_SHARE
                        || d.computation().kind() == ComputationKind.REPEAT_INCIDENT_COUNT).toList();
        assertEquals(3, repeats.size(), "I04, I05 and I16");
        ComputationSql.Range range = ComputationSql.Range.of(Period.month(month), GoldenCounty.NOW);
        return jdbi.withHandle(h -> {
            Map<String, Map<Long, long[]>> linked = ComputationSql.grouped(h, ComputationSql.Scan.INCIDENTS, repeats, range, null,
                    ComputationSql.Repeats.LINKED);
            Map<String, Map<Long, long[]>> exact = ComputationSql.grouped(h, ComputationSql.Scan.INCIDENTS, repeats, range, null,
                    ComputationSql.Repeats.EXACT);
            for (IndicatorDef d : repeats) {
                Map<Long, long[]> l = linked.get(d.id());
                Map<Long, long[]> e = exact.get(d.id());
                assertEquals(e.keySet(), l.keySet(), d.id() + " " + month);
                for (Long sid : e.keySet()) {
                    assertEquals(e.get(sid)[0], l.get(sid)[0], d.id() + " numerator, station " + sid + ", " + month);
                    assertEquals(e.get(sid)[1], l.get(sid)[1], d.id() + " denominator, station " + sid + ", " + month);
                }
                // and for one station at a time, as an incremental update asks
                for (Long sid : e.keySet()) {
                    long[] one = ComputationSql.grouped(h, ComputationSql.Scan.INCIDENTS, List.of(d), range, List.of(sid))
                            .get(d.id()).get(sid);
                    assertTrue(Objects.equals(e.get(sid)[0], one[0]), d.id() + " one station " + sid + ", " + month);
                }
            }
            return linked;
        });
    }
}
