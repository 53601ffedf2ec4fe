package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.commandroom.core.TestClock;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The golden test: the hand-built county of {@link GoldenCounty} computed end to end with the default
 * definition, against figures worked out by hand below. Bands: excellent 100, pass 60, fail 0, linear
 * in between. "den" is the per-month denominator: residents / 10,000 for rates.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class GoldenIndexTest {

    @Parameter
    TestDb kind;

    private Database db;
    private GoldenCounty c;
    private final Period oct = Period.month(2026, 10);
    private final Period q4 = Period.quarter(2026, 4);

    @BeforeEach
    void setUp() {
        db = kind.open();
        c = new GoldenCounty(db.jdbi());
        c.houseInspections(db.jdbi());
        c.modelAlerts(db.jdbi());
        c.communityOfficerHours(db.jdbi());
        GoldenCounty.manual(db.jdbi(), "I32", c.a, oct, 1, "督察科王某", GoldenCounty.NOW);  // a misconduct case: veto
        GoldenCounty.manual(db.jdbi(), "I40", c.a, oct, 90, "测评中心李某", GoldenCounty.NOW); // satisfaction 90 %
        new IndexEngine(db.jdbi(), new TestClock(GoldenCounty.NOW), IndexDefinitions.withDefault(), null).recomputeYear(2026);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void stationA() {
        Scope a = new Scope(ScopeKind.STATION, c.a);
        // I01 valid incidents: a1 a2 a3 a4 a5 a8 = 6 (the two NON_POLICE calls are not valid) over den 2 = 3.0 → ≤ 60: 100
        assertIndicator(a, oct, "I01", 6, 2, 3.0, 100);
        // I02 fights: 2 / 2 = 1.0 → ≤ 2: 100
        assertIndicator(a, oct, "I02", 2, 2, 1.0, 100);
        // I03 gambling year on year: 0 against 0 → no value
        assertIndicator(a, oct, "I03", 0, 0, null, null);
        // I04 repeat share: a4 has the caller of a3, 15 days before: 1 of 6 = 16.67 % → ≥ fail 10: 0
        assertIndicator(a, oct, "I04", 1, 6, 100.0 / 6, 0.0);
        // I05 disputes recurring after mediation: a4 follows a3 whose follow-up o3 was fed back: 1 of 2 = 50 % → 0
        assertIndicator(a, oct, "I05", 1, 2, 50.0, 0.0);
        // I06 non-police diverted: 1 of 2 = 50 % = fail line → 0
        assertIndicator(a, oct, "I06", 1, 2, 50.0, 0.0);
        // INCIDENTS = (20×100 + 15×100 + 15×0 + 15×0 + 10×0) / (20+15+15+15+10) = 3500 / 75 = 46.67
        assertScore(a, oct, "INCIDENTS", 46.67);
        // I08 preventable: a5 = 1 / 2 = 0.5 → 100; I09 fraud: 0 per month → 100; I11 burglary: 1 against 2 = -50 % → 100;
        // I13 re-visited: o4 two days after a5 → 100 %; CASES = 100
        assertIndicator(a, oct, "I11", 1, 2, -50.0, 100);
        assertIndicator(a, oct, "I13", 1, 1, 100.0, 100);
        assertScore(a, oct, "CASES", 100);
        // I14 disputes screened: o3 / 2 grids = 0.5 per grid → under fail 1: 0; I15 resolved 1/1 → 100; I16 none → 100;
        // I18 no house inspections → no value. RISKS = (15×0 + 20×100 + 20×100) / 55 = 72.73
        assertIndicator(a, oct, "I14", 1, 2, 0.5, 0.0);
        assertScore(a, oct, "RISKS", 72.73);
        // I29 signed in time: o1 o3 o4 of 4 = 75 % → between fail 70 (0) and pass 90 (60): 60 × 5/20 = 15
        // I30 fed back in time: o1 o2 o3 of 4 (o4 30 h of 24) = 75 % → 15. ENFORCEMENT = 15
        assertIndicator(a, oct, "I29", 3, 4, 75.0, 15);
        assertIndicator(a, oct, "I30", 3, 4, 75.0, 15);
        assertScore(a, oct, "ENFORCEMENT", 15);
        // I32 misconduct 1 = pass line → 60, and a veto; I40 satisfaction 90 → 60 + 40 × 5/10 = 80
        assertIndicator(a, oct, "I32", 1, 1, 1.0, 60);
        assertIndicator(a, oct, "I40", 90, 1, 90.0, 80);
        // index = (20×46.67 + 20×100 + 15×72.73 + 10×100 + 15×15 + 10×60 + 10×80) / 100 = 66.49, capped at 60 by I32
        assertScore(a, oct, "INDEX", 60);
        assertEquals(66.49, stored(a, oct, "uncapped_score"), 1e-9);
        assertEquals("I32", db.jdbi().withHandle(h -> h.createQuery("SELECT vetoed_by FROM index_score WHERE scope_id = :s "
                + "AND scope_kind = 'STATION' AND period_kind = 'MONTH' AND period_start = :p AND part = 'INDEX'")
                .bind("s", c.a).bind("p", oct.start()).mapTo(String.class).one()));
    }

    @Test
    void stationAHouseInspectionsInSeptember() {
        Scope a = new Scope(ScopeKind.STATION, c.a);
        Period sep = Period.month(2026, 9);
        // I18: six inspections with their deadline in September; on time: the site's 1 and 8 September (fed back exactly
        // at its deadline counts), the rented and the self-occupied house; late: 15 September (one minute) and
        // 22 September (missed, no order). 4 of 6 = 66.67 % → between fail 60 (0) and pass 85 (60): 60 × 6.67/25 = 16
        assertIndicator(a, sep, "I18", 4, 6, 400.0 / 6, 16);
        // RISKS in September: I14 no dispute follow-ups over 2 grids → 0 (w15), I16 none turned criminal → 100 (w20),
        // I18 16 (w10): (0 + 2000 + 160) / 45 = 48
        assertScore(a, sep, "RISKS", 48);
        // October has none of them: I18 there stays without a value (stationA)
        assertNull(db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, a, oct, "I18")).orElseThrow().raw());
    }

    @Test
    void stationAModelAlertsInAugust() {
        Scope a = new Scope(ScopeKind.STATION, c.a);
        Period aug = Period.month(2026, 8);
        // I20: five alerts with their time limit in August; handled in time: a day early, exactly at the limit, and the one
        // due at 00:10 on 1 August in Shanghai (31 July in UTC); late: one minute, and never fed back.
        // 3 of 5 = 60 % → between fail 50 (0) and pass 80 (60): 60 × 10/30 = 20
        assertIndicator(a, aug, "I20", 3, 5, 60.0, 20);
        // RISKS in August: I14 no dispute follow-ups → 0 (w15), I16 none → 100 (w20), I20 20 (w10): (0 + 2000 + 200) / 45
        assertScore(a, aug, "RISKS", 48.89);
        // the trace lists the five alerts, three in the numerator
        IndexTrace.Trace t = new IndexTrace(db.jdbi(), new org.commandroom.core.TestClock(GoldenCounty.NOW),
                IndexDefinitions.withDefault()).trace(c.a, aug, "I20");
        assertEquals(3, t.records().stream().filter(r -> r.role().equals("NUMERATOR")).count());
        assertEquals(5, t.records().size());
        assertEquals("MODEL_ALERT", t.records().get(0).kind());
        assertEquals("金县水表路 1号 GROUP_RENTING M1", t.records().get(0).number());
        // July holds none of them (the 00:10 one is August's in Shanghai), nor does September
        assertNull(db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, a, Period.month(2026, 7), "I20"))
                .map(IndicatorResult::raw).orElse(null));
        assertNull(db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, a, Period.month(2026, 9), "I20"))
                .map(IndicatorResult::raw).orElse(null));
    }

    @Test
    void stationACommunityOfficersTimeInAugust() {
        Scope a = new Scope(ScopeKind.STATION, c.a);
        Period aug = Period.month(2026, 8);
        // I36 in minutes: in his grid GA-1, the fight's 20 travel + 60 on scene (his visit's 30 minutes inside it counted
        // once) = 80; all his time: 80 + the GA-2 visit's 30 + the GA-2 call's 40 minutes after midnight on 1 August = 150.
        // 80 / 150 = 53.33 % → between pass 45 (60) and excellent 60 (100): 60 + 40 × 8.33/15 = 82.22
        assertIndicator(a, aug, "I36", 80, 150, 80 * 100.0 / 150, 82.22);
        // CO_GOVERNANCE in August has only I36 (the rest are entered by hand and were not)
        assertScore(a, aug, "CO_GOVERNANCE", 82.22);
        // July keeps the call's 20 minutes' travel and 10 on scene before midnight in Shanghai, not in his grid: 0 %
        assertIndicator(a, Period.month(2026, 7), "I36", 0, 30, 0.0, 0);
        // the trace lists his orders with time in August: the fight's dispatch and visit in his grid; the GA-2 visit and call
        IndexTrace.Trace t = new IndexTrace(db.jdbi(), new org.commandroom.core.TestClock(GoldenCounty.NOW),
                IndexDefinitions.withDefault()).trace(c.a, aug, "I36");
        assertEquals(1, t.records().stream().filter(r -> r.role().equals("NUMERATOR")).count(), "the visit inside the dispatch has "
                + "no second of its own");
        assertEquals(3, t.records().size());
    }

    @Test
    void stationB() {
        Scope b = new Scope(ScopeKind.STATION, c.b);
        // I01: ebike theft + 2 frauds = 3 / 1 → 100; I02 0 → 100; I04 0 of 3 → 100; I05, I06 nothing → no value
        // INCIDENTS = (20 + 15 + 15) × 100 / 50 = 100
        assertScore(b, oct, "INCIDENTS", 100);
        // CASES: I08 1/1 → 100 (w20), I09 2 per month → 100 (w15), I11 0 against 0 → none, I13 0 of 1 → 0 (w20)
        // = 3500 / 55 = 63.64
        assertIndicator(b, oct, "I09", 2, 1, 2.0, 100);
        assertScore(b, oct, "CASES", 63.64);
        // RISKS: I14 0 per grid → 0 (w15), I16 → 100 (w20) = 57.14; ENFORCEMENT: no orders → none
        assertScore(b, oct, "RISKS", 57.14);
        assertScore(b, oct, "ENFORCEMENT", null);
        // index over the capabilities with a score: (20×100 + 20×63.64 + 15×57.14 + 10×100) / 65 = 78.92
        assertScore(b, oct, "INDEX", 78.92);
    }

    @Test
    void streetPostAndTheShanghaiMonthBoundaries() {
        Scope p = new Scope(ScopeKind.STREET_POST, c.p);
        // 1 Oct 00:30 CST (30 Sep 16:30 UTC) counts in October, 1 Nov 00:30 CST (31 Oct 16:30 UTC) does not:
        // I02 = 2 / 0.5 = 4.0 → 60 + 40 × (8-4)/(8-2) = 86.67
        assertIndicator(p, oct, "I02", 2, 0.5, 4.0, 86.67);
        // INCIDENTS = (20×100 + 15×86.67 + 15×100) / 50 = 96.0
        assertScore(p, oct, "INCIDENTS", 96.0);
        // (20×96 + 20×100 + 15×57.14 + 10×100) / 65 = 88.88
        assertScore(p, oct, "INDEX", 88.88);
        // November is in progress (5 Nov 08:00: 104 of its 720 hours, 0.1444): its residents count for that part of a
        // month, so one fight reads as its pace, 1 / (0.5 × 0.1444) = 13.85 per 10,000 a month → 60 × (20-13.85)/12 = 30.77
        double elapsed = 104 / 720.0;
        assertIndicator(p, Period.month(2026, 11), "I02", 1, 0.5 * elapsed, 1 / (0.5 * elapsed), 30.77);
        // the fourth quarter so far: 3 fights over 0.5 + 0.5 × 0.1444 = 5.24 per 10,000 a month → 60 + 40 × (8-5.24)/6 = 78.38
        assertIndicator(p, q4, "I02", 3, 0.5 * (1 + elapsed), 3 / (0.5 * (1 + elapsed)), 78.38);
    }

    @Test
    void bureau() {
        Scope bu = Scope.bureau(c.bureau);
        // I01: 6 + 3 + 2 = 11 over 2 + 1 + 0.5 = 3.5
        assertIndicator(bu, oct, "I01", 11, 3.5, 11 / 3.5, 100);
        // I04: 1 repeat in 6 + 3 + 2 = 11 valid incidents = 9.09 % → 60 × (10 - 9.09)/5 = 10.91
        assertIndicator(bu, oct, "I04", 1, 11, 100.0 / 11, 10.91);
        // INCIDENTS = (20×100 + 15×100 + 15×10.91 + 15×0 + 10×0) / 75 = 48.85
        assertScore(bu, oct, "INCIDENTS", 48.85);
        // the bureau's misconduct mean is 1 (only A entered one): vetoed too
        assertEquals(60.0, stored(bu, oct, "score"), 1e-9);
        // A's quarter so far: valid incidents 6 over (1 + 0.1444) months × 2 = 2.62 per 10,000 a month
        double elapsed = 104 / 720.0;
        assertIndicator(new Scope(ScopeKind.STATION, c.a), q4, "I01", 6, 2 * (1 + elapsed), 6 / (2 * (1 + elapsed)), 100);
    }

    // ------------------------------------------------------------------------------------------------------

    private void assertIndicator(Scope s, Period p, String id, double n, double d, Double raw, Number points) {
        IndicatorResult r = db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, s, p, id)).orElseThrow();
        assertEquals(n, r.numerator(), 1e-9, id + " numerator");
        assertEquals(d, r.denominator(), 1e-9, id + " denominator");
        if (raw == null) {
            assertNull(r.raw(), id + " raw");
            assertNull(r.points(), id + " points");
        } else {
            assertEquals(raw, r.raw(), 1e-9, id + " raw");
            assertEquals(points.doubleValue(), r.points(), 1e-9, id + " points");
        }
    }

    private void assertScore(Scope s, Period p, String part, Number expected) {
        Double score = db.jdbi().withHandle(h -> h.createQuery("SELECT score FROM index_score WHERE scope_kind = :k AND scope_id = :s "
                        + "AND period_kind = :pk AND period_start = :ps AND part = :part")
                .bind("k", s.kind().name()).bind("s", s.id()).bind("pk", p.kind().name()).bind("ps", p.start()).bind("part", part)
                .mapTo(Double.class).one());
        if (expected == null) {
            assertNull(score, part);
        } else {
            assertEquals(expected.doubleValue(), score, 1e-9, part);
        }
    }

    private double stored(Scope s, Period p, String column) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM index_score WHERE scope_kind = :k AND scope_id = :s "
                        + "AND period_kind = :pk AND period_start = :ps AND part = 'INDEX'")
                .bind("k", s.kind().name()).bind("s", s.id()).bind("pk", p.kind().name()).bind("ps", p.start())
                .mapTo(Double.class).one());
    }
}
