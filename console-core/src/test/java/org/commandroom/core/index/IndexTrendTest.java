package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.commandroom.core.TestClock;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Twelve-month trends of the stored scores, with the peer group's average and the bureau, on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class IndexTrendTest {

    @Parameter
    TestDb kind;

    private Database db;
    private GoldenCounty c;
    private long d;
    private IndexTrace trace;
    private IndexTrend trend;
    private final YearMonth nov = YearMonth.of(2026, 11);
    private final YearMonth oct = YearMonth.of(2026, 10);

    @BeforeEach
    void setUp() {
        db = kind.open();
        c = new GoldenCounty(db.jdbi());
        // a second urban station, so that A's peer group (城区) has two stations to average
        d = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO station (bureau_id, code, name, kind, resident_population, "
                        + "area_km2, peer_group) VALUES (:b, 'GD', '丁派出所', 'STATION', 40000, 20, '城区')")
                .bind("b", c.bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        db.jdbi().useTransaction(h -> {
            c.incident(h, d, "FIGHT", "CLOSED", "13500000001", GoldenCounty.cst(2026, 10, 4, 10, 0));
            c.incident(h, d, "BURGLARY", "CLOSED", "13500000002", GoldenCounty.cst(2026, 9, 4, 10, 0));
        });
        GoldenCounty.manual(db.jdbi(), "I40", c.a, Period.month(oct), 90, "测试", GoldenCounty.NOW);
        GoldenCounty.manual(db.jdbi(), "I40", d, Period.month(oct), 70, "测试", GoldenCounty.NOW);
        IndexDefinitions defs = IndexDefinitions.withDefault();
        // peer groups from the station column (城区: A and D), not quantiles of three stations
        String yaml = DefinitionReaderTest.root(r -> ((ObjectNode) r.get("peerGroups")).put("method", "STATION_COLUMN"));
        assertTrue(defs.reload(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test").accepted());
        new IndexEngine(db.jdbi(), new TestClock(GoldenCounty.NOW), defs, null).recomputeYear(2026);
        trace = new IndexTrace(db.jdbi(), new TestClock(GoldenCounty.NOW), defs);
        trend = new IndexTrend(db.jdbi(), defs);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theIndexTrendHasTwelveMonthsEndingAtTheChosenOneWithAGapWhereNothingIsStored() {
        IndexTrend.Trend t = trend.trend(c.a, nov, "INDEX");
        assertEquals(12, t.months().size());
        assertEquals(YearMonth.of(2025, 12), t.months().get(0));
        assertEquals(nov, t.months().get(11));
        assertEquals(12, t.station().size());
        assertNull(t.station().get(0), "December 2025 was never computed: a gap, not 0");
        assertNull(t.bureau().get(0));
        double stored = trace.result(new Scope(ScopeKind.STATION, c.a), Period.month(oct)).orElseThrow().index();
        assertEquals(stored, t.at(oct));
        double bureau = trace.result(Scope.bureau(c.bureau), Period.month(oct)).orElseThrow().index();
        assertEquals(bureau, t.bureau().get(10));
        assertTrue(t.raw().stream().allMatch(v -> v == null), "the index has no raw value");
    }

    @Test
    void thePeerAverageIsTheMeanOfTheGroupsStationsThatHaveAScore() {
        IndexTrend.Trend t = trend.trend(c.a, nov, "INDEX");
        assertEquals(PeerGroup.named("城区"), t.peerGroup());
        assertEquals(2, t.peerCount(), "A and D; the post P is ranked among posts");
        double a = trace.result(new Scope(ScopeKind.STATION, c.a), Period.month(oct)).orElseThrow().index();
        double dd = trace.result(new Scope(ScopeKind.STATION, d), Period.month(oct)).orElseThrow().index();
        assertEquals(Scorer.round((a + dd) / 2), t.peerAverage().get(10), 1e-9);
    }

    @Test
    void aCapabilityAndAnIndicatorHaveTheirOwnTrends() {
        ScopeResult r = trace.result(new Scope(ScopeKind.STATION, c.a), Period.month(oct)).orElseThrow();
        String cap = r.capabilities().entrySet().stream().filter(e -> e.getValue() != null).findFirst().orElseThrow().getKey();
        IndexTrend.Trend capability = trend.trend(c.a, nov, cap);
        assertEquals(r.capabilities().get(cap), capability.at(oct));
        assertTrue(!capability.indicator());

        IndexTrend.Trend satisfaction = trend.trend(c.a, nov, "I40");
        assertTrue(satisfaction.indicator());
        assertEquals(90.0, satisfaction.raw().get(10), "the raw value entered for October");
        IndicatorResult stored = r.indicators().stream().filter(i -> i.id().equals("I40")).findFirst().orElseThrow();
        assertEquals(stored.points(), satisfaction.at(oct));
        assertNotNull(satisfaction.peerAverage().get(10));
        assertNull(satisfaction.station().get(9), "nothing entered for September: a gap");
    }

    @Test
    void anUnknownSubjectOrStationIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trend.trend(c.a, nov, "X99"));
        assertTrue(e.getMessage().contains("X99"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> trend.trend(999_999, nov, "INDEX"));
        assertTrue(s.getMessage().contains("999999"), s.getMessage());
    }
}
