package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A month not over is provisional: a count or rate over its elapsed part is set against that part of a month (so
 * station B's ten dispute follow-ups in October and two in the first 4⅓ days of November read as the same pace, not
 * as a collapse), a year-on-year change compares the same span of last year, no reminder notice goes out about it,
 * and once it is over the first update stores it whole. The clock: 5 November 2026 08:00 CST.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ProvisionalPeriodTest {

    @Parameter
    TestDb kind;

    private Database db;
    private GoldenCounty c;
    private TestClock clock;
    private IndexDefinitions defs;
    private IndexEngine engine;
    private final Period oct = Period.month(2026, 10);
    private final Period nov = Period.month(2026, 11);
    /** 4 days and 8 hours of November's 30 days. */
    private static final double ELAPSED = (4 * 24 + 8) / (30.0 * 24);

    @BeforeEach
    void setUp() {
        db = kind.open();
        c = new GoldenCounty(db.jdbi());
        db.jdbi().useTransaction(h -> {
            for (int day = 1; day <= 28; day += 3) { // ten in October
                Instant at = GoldenCounty.cst(2026, 10, day, 10, 0);
                c.order(h, c.b, null, "DISPUTE_FOLLOW_UP", at, at.plusSeconds(600), at.plusSeconds(7200), at.plusSeconds(1800),
                        at.plusSeconds(86_400));
            }
            for (int day : new int[] {2, 4}) { // two in the first days of November
                Instant at = GoldenCounty.cst(2026, 11, day, 10, 0);
                c.order(h, c.b, null, "DISPUTE_FOLLOW_UP", at, at.plusSeconds(600), null, at.plusSeconds(1800), at.plusSeconds(86_400));
            }
            // gambling: one a day in November 2025, one a day so far in November 2026
            for (int day = 1; day <= 30; day++) {
                c.incident(h, c.a, "GAMBLING_VICE", "CLOSED", null, GoldenCounty.cst(2025, 11, day, 12, 0));
            }
            for (int day = 1; day <= 4; day++) {
                c.incident(h, c.a, "GAMBLING_VICE", "CLOSED", null, GoldenCounty.cst(2026, 11, day, 12, 0));
            }
        });
        clock = new TestClock(GoldenCounty.NOW);
        defs = IndexDefinitions.withDefault();
        engine = new IndexEngine(db.jdbi(), clock, defs, null);
        engine.recomputeYear(2026);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private IndicatorResult value(long station, Period p, String indicator) {
        return db.jdbi().withHandle(h -> IndexStore.indicatorValue(h, new Scope(ScopeKind.STATION, station), p, indicator))
                .orElseThrow();
    }

    @Test
    void aCountInAMonthInProgressIsSetAgainstTheElapsedPartOfTheMonthNotAWholeOne() {
        assertTrue(nov.provisionalAt(clock.instant()));
        assertFalse(oct.provisionalAt(clock.instant()));
        assertEquals(ELAPSED, nov.elapsed(clock.instant()), 1e-9);
        IndicatorResult october = value(c.b, oct, "I14");
        IndicatorResult november = value(c.b, nov, "I14");
        assertEquals(10.0, october.raw(), 1e-9);
        assertEquals(2.0, november.numerator(), 1e-9);
        assertEquals(ELAPSED, november.denominator(), 1e-9, "one police grid for 0.144 of a month");
        assertEquals(2 / ELAPSED, november.raw(), 1e-9, "13.8 a month at this pace, not 2");
        assertEquals(100.0, november.points(), 1e-9, "not scored as a collapse");
        IndicatorResult quarter = value(c.b, Period.quarter(2026, 4), "I14");
        assertEquals(12 / (1 + ELAPSED), quarter.raw(), 1e-9, "the quarter so far: October and the part of November");

        IndexTrace.Trace t = new IndexTrace(db.jdbi(), clock, defs).trace(c.b, nov, "I14");
        assertEquals(0.144, t.inputs().get("months"), "the trace says the month counts as 0.144 of one");
        assertEquals(2, t.ids("NUMERATOR").size());
    }

    @Test
    void aYearOnYearChangeInAMonthInProgressComparesTheSameSpanOfLastYear() {
        IndicatorResult gambling = value(c.a, nov, "I03");
        assertEquals(4.0, gambling.numerator(), 1e-9);
        // 1-5 November 2025 up to 08:00: the 1st to the 4th at noon
        assertEquals(4.0, gambling.denominator(), 1e-9, "not the whole of last November (30)");
        assertEquals(0.0, gambling.raw(), 1e-9, "the same pace: no change, not a fall of 87 %");
    }

    @Test
    void noReminderGoesOutAboutAPeriodNotOverAndTheFirstUpdateAfterItsEndStoresItWhole() {
        ReminderService reminders = new ReminderService(db.jdbi(), clock, defs, DeadlinePolicy.defaults(),
                new Numbering(clock, Period.ZONE), new ChangeRecorder(clock, "ws1"));
        assertEquals(List.of(), reminders.review(nov), "November is not over");

        IndexUpdater updater = new IndexUpdater(db.jdbi(), clock, engine, Runnable::run);
        long lateNov = db.jdbi().inTransaction(h -> {
            Instant at = GoldenCounty.cst(2026, 11, 30, 22, 0);
            return c.order(h, c.b, null, "DISPUTE_FOLLOW_UP", at, null, null, at.plusSeconds(1800), at.plusSeconds(86_400));
        });
        updater.update(List.of(), List.of(lateNov));
        assertEquals(3.0, value(c.b, nov, "I14").numerator(), 1e-9);
        assertEquals(ELAPSED, value(c.b, nov, "I14").denominator(), 1e-9, "still in progress");

        clock.advance(Duration.ofDays(26)); // 1 December 08:00
        long december = db.jdbi().inTransaction(h -> c.incident(h, c.a, "FIGHT", "NEW", null, GoldenCounty.cst(2026, 12, 1, 7, 0)));
        updater.update(List.of(december), List.of());
        IndicatorResult finished = value(c.b, nov, "I14");
        assertEquals(1.0, finished.denominator(), 1e-9, "November is stored whole once it is over");
        assertEquals(3.0, finished.raw(), 1e-9);
        List<String> sent = reminders.review(nov).stream().filter(n -> n.stationId() == c.b)
                .map(n -> n.cause() + " " + n.subject()).toList();
        assertTrue(sent.contains("UNDER_PASS RISKS"), "reviewed once it is over: " + sent);
    }
}
