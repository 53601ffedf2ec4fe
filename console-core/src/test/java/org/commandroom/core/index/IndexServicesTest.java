package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.commandroom.core.TestClock;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Traceability, incremental updates and rankings on the golden county, on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class IndexServicesTest {

    @Parameter
    TestDb kind;

    private Database db;
    private GoldenCounty c;
    private TestClock clock;
    private IndexDefinitions defs;
    private IndexEngine engine;
    private IndexTrace trace;
    private final Period oct = Period.month(2026, 10);

    @BeforeEach
    void setUp() {
        db = kind.open();
        c = new GoldenCounty(db.jdbi());
        clock = new TestClock(GoldenCounty.NOW);
        defs = IndexDefinitions.withDefault();
        GoldenCounty.manual(db.jdbi(), "I32", c.a, oct, 1, "督察科王某", GoldenCounty.NOW.minusSeconds(3600));
        GoldenCounty.manual(db.jdbi(), "I32", c.a, oct, 0, "督察科王某", GoldenCounty.NOW); // corrected: the later entry counts
        engine = new IndexEngine(db.jdbi(), clock, defs, null);
        engine.recomputeYear(2026);
        trace = new IndexTrace(db.jdbi(), clock, defs);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aTraceListsTheIncidentsThatWereCountedAndTheFormulaInputs() {
        IndexTrace.Trace t = trace.trace(c.a, oct, "I04");
        assertEquals(List.of(c.a4), t.ids("NUMERATOR"));
        assertEquals(List.of(c.a1, c.a2, c.a3, c.a5, c.a8), t.ids("DENOMINATOR"));
        assertEquals(1.0, t.inputs().get("numerator"));
        assertEquals(6.0, t.inputs().get("denominator"));
        assertEquals(100.0 / 6, t.raw(), 1e-9);
        assertEquals(List.of("GJ-4"), t.numbers("NUMERATOR"), "a4 by its incident number");
        assertTrue(t.records().stream().allMatch(r -> r.kind().equals("INCIDENT")));

        IndexTrace.Trace change = trace.trace(c.a, oct, "I11");
        assertEquals(List.of(c.a5), change.ids("NUMERATOR"));
        assertEquals(List.of(c.ly1, c.ly2), change.ids("DENOMINATOR"), "last year's burglaries are the base");

        IndexTrace.Trace rate = trace.trace(c.a, oct, "I01");
        assertEquals(20_000, rate.inputs().get("residents"));
        assertEquals(10_000, rate.inputs().get("perResidents"));
        assertEquals(1.0, rate.inputs().get("months"));
        assertEquals(Period.month(2026, 10).startsAt(), rate.inputs().get("from"));
    }

    @Test
    void aTraceOfOrdersNamesTheOrdersOnTimeAndLate() {
        IndexTrace.Trace t = trace.trace(c.a, oct, "I29");
        assertEquals(List.of(c.o1, c.o3, c.o4), t.ids("NUMERATOR"));
        assertEquals(List.of(c.o2), t.ids("DENOMINATOR"), "o2 was signed late");
        assertEquals(List.of("GZ-17", "GZ-19", "GZ-20"), t.numbers("NUMERATOR"), "the orders by their numbers");
        assertTrue(t.records().stream().allMatch(r -> r.kind().equals("ORDER")));
    }

    @Test
    void everyComputedValueHasExactlyAsManyTracedRecordsAsItsNumerator() {
        for (long station : List.of(c.a, c.b, c.p)) {
            for (Period p : List.of(oct, Period.quarter(2026, 4), Period.year(2026))) {
                for (IndicatorDef d : defs.current().indicators()) {
                    if (d.isManual()) {
                        continue;
                    }
                    IndexTrace.Trace t = trace.trace(station, p, d.id());
                    assertEquals(((Double) t.inputs().get("numerator")).longValue(), t.ids("NUMERATOR").size(),
                            d.id() + " at " + station + " in " + p);
                }
            }
        }
    }

    @Test
    void aManualValueTracesToItsEntriesWithWhoAndWhenAndTheLatestCounts() {
        IndexTrace.Trace t = trace.trace(c.a, oct, "I32");
        assertEquals(2, t.entries().size());
        IndexTrace.ManualEntryRef latest = t.entries().get(1);
        assertTrue(latest.inForce());
        assertEquals("督察科王某", latest.enteredBy());
        assertEquals(GoldenCounty.NOW, latest.enteredAt());
        assertEquals(0.0, t.raw());
        assertEquals(1, t.ids("ENTRY").size());
        ScopeResult r = trace.result(new Scope(ScopeKind.STATION, c.a), oct).orElseThrow();
        assertEquals(null, r.vetoedBy(), "the corrected entry (0) lifts the veto");
        assertEquals(7, r.capabilities().size());
        assertEquals(41, r.indicators().size());
    }

    @Test
    void anIncrementalUpdateStoresWhatAFullRecomputationWould() {
        Map<String, Object> before = snapshot();
        long fight = db.jdbi().inTransaction(h -> c.incident(h, c.b, "FIGHT", "CLOSED", "13800000009", GoldenCounty.cst(2026, 11, 3, 21, 0)));
        long order = db.jdbi().inTransaction(h -> c.order(h, c.b, fight, "DISPATCH", GoldenCounty.cst(2026, 11, 3, 21, 5),
                GoldenCounty.cst(2026, 11, 3, 21, 50), null, GoldenCounty.cst(2026, 11, 3, 21, 35), GoldenCounty.cst(2026, 11, 4, 0, 5)));
        IndexUpdater updater = new IndexUpdater(db.jdbi(), clock, engine, Runnable::run);
        updater.onChanges(List.of(new Change(1, clock.instant(), Entity.INCIDENT, fight, ChangeOp.INSERT, "ws2"),
                new Change(2, clock.instant(), Entity.ORDER, order, ChangeOp.INSERT, "ws2")));
        Map<String, Object> incremental = snapshot();
        assertNotEquals(before, incremental);
        IndicatorResult fights = db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, new Scope(ScopeKind.STATION, c.b),
                Period.month(2026, 11), "I02")).orElseThrow();
        assertEquals(1.0, fights.numerator());
        IndicatorResult late = db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, Scope.bureau(c.bureau),
                Period.quarter(2026, 4), "I29")).orElseThrow();
        assertEquals(5.0, late.denominator(), "the bureau's quarter counts the new order (signed late)");
        assertEquals(3.0, late.numerator());

        engine.recomputeYear(2026);
        assertEquals(snapshot(), incremental, "a full recomputation changes nothing after the incremental update");
    }

    @Test
    void stationsAreRankedWithinPeerGroupsWithChangesOnEarlierPeriods() {
        List<IndexRanking.RankRow> rows = new IndexRanking(db.jdbi(), defs).rank(oct, ScopeKind.STATION, "INDEX");
        assertEquals(List.of(c.b, c.a), rows.stream().map(r -> r.scope().id()).toList());
        IndexRanking.RankRow first = rows.get(0);
        assertEquals(1, first.rankOverall());
        assertEquals(78.92, first.score());
        Double sep = db.jdbi().withHandle(h -> IndexStore.scores(h, List.of(ScopeKind.STATION), Period.month(2026, 9)))
                .get(c.b).get("INDEX");
        assertEquals(Scorer.round(78.92 - sep), first.changeOnPrevious());
        assertEquals(null, first.changeOnLastYear(), "nothing was computed for 2025");
        // quantile groups (4 wanted, 2 stations): each station is a group of its own
        assertEquals(1, first.groupSize());
        assertEquals(1, rows.get(1).rankInGroup());
        assertEquals(2, rows.get(1).rankOverall());
        // posts are ranked among posts
        assertEquals(List.of(c.p), new IndexRanking(db.jdbi(), defs).rank(oct, ScopeKind.STREET_POST, "INDEX").stream()
                .map(r -> r.scope().id()).toList());
    }

    @Test
    void peerGroupsCanComeFromTheStationColumn() {
        String yaml = DefinitionReaderTest.root(r -> ((ObjectNode) r.get("peerGroups")).put("method", "STATION_COLUMN"));
        assertTrue(defs.reload(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test").accepted());
        Map<Long, PeerGroup> groups = new IndexRanking(db.jdbi(), defs).peerGroups(oct, ScopeKind.STATION);
        assertEquals(Map.of(c.a, PeerGroup.named("城区"), c.b, PeerGroup.named("农村")), groups);
    }

    @Test
    void quantileGroupsFollowVolumePopulationAndArea() {
        String yaml = DefinitionReaderTest.root(r -> ((ObjectNode) r.get("peerGroups")).put("groups", 1));
        assertTrue(defs.reload(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test").accepted());
        assertEquals(Map.of(c.a, PeerGroup.quantile(1), c.b, PeerGroup.quantile(1)), new IndexRanking(db.jdbi(), defs).peerGroups(oct, ScopeKind.STATION));
        yaml = DefinitionReaderTest.root(r -> ((ObjectNode) r.get("peerGroups")).put("groups", 2).putArray("metrics").add("POPULATION"));
        assertTrue(defs.reload(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test").accepted());
        // A has 20,000 residents, B 10,000: A is in the first (larger) group
        assertEquals(Map.of(c.a, PeerGroup.quantile(1), c.b, PeerGroup.quantile(2)), new IndexRanking(db.jdbi(), defs).peerGroups(oct, ScopeKind.STATION));
    }

    private Map<String, Object> snapshot() {
        return db.jdbi().withHandle(h -> {
            Map<String, Object> out = new java.util.TreeMap<>();
            h.createQuery("SELECT indicator_code, scope_kind, scope_id, period_kind, period_start, numerator, denominator, raw_value, points "
                    + "FROM indicator_value").map((rs, ctx) -> out.put(rs.getString(1) + "/" + rs.getString(2) + rs.getLong(3) + "/"
                    + rs.getString(4) + rs.getObject(5), List.of(String.valueOf(rs.getObject(6)), String.valueOf(rs.getObject(7)),
                    String.valueOf(rs.getObject(8)), String.valueOf(rs.getObject(9))))).list();
            h.createQuery("SELECT scope_kind, scope_id, period_kind, period_start, part, score, uncapped_score, vetoed_by FROM index_score")
                    .map((rs, ctx) -> out.put(rs.getString(1) + rs.getLong(2) + "/" + rs.getString(3) + rs.getObject(4) + "/" + rs.getString(5),
                            List.of(String.valueOf(rs.getObject(6)), String.valueOf(rs.getObject(7)), String.valueOf(rs.getObject(8))))).list();
            return out;
        });
    }
}
