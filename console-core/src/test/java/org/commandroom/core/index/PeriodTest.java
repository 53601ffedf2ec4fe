package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods follow the Asia/Shanghai calendar whatever the JVM's zone. */
class PeriodTest {

    @Test
    void theYearStartsAtMidnightInShanghaiWhichIsFourPmTheDayBeforeInUtc() {
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), Period.year(2027).startsAt());
        assertEquals(Instant.parse("2027-12-31T16:00:00Z"), Period.year(2027).endsAt());
        assertEquals(Period.month(2027, 1), Period.containing(PeriodKind.MONTH, Instant.parse("2026-12-31T16:00:00Z")));
        assertEquals(Period.month(2026, 12), Period.containing(PeriodKind.MONTH, Instant.parse("2026-12-31T15:59:59Z")));
        assertEquals(Period.year(2027), Period.containing(PeriodKind.YEAR, Instant.parse("2026-12-31T16:00:00Z")));
        assertEquals(Period.quarter(2026, 4), Period.containing(PeriodKind.QUARTER, Instant.parse("2026-12-31T15:59:59Z")));
        assertTrue(Period.year(2027).contains(Instant.parse("2026-12-31T16:00:00Z")));
        assertFalse(Period.year(2026).contains(Instant.parse("2026-12-31T16:00:00Z")));
    }

    @Test
    void quartersMonthsAndNeighbours() {
        Period q = Period.containing(PeriodKind.QUARTER, LocalDate.of(2026, 8, 17));
        assertEquals(Period.quarter(2026, 3), q);
        assertEquals(List.of(YearMonth.of(2026, 7), YearMonth.of(2026, 8), YearMonth.of(2026, 9)), q.months());
        assertEquals(Period.quarter(2026, 2), q.previous());
        assertEquals(Period.quarter(2025, 3), q.sameLastYear());
        assertEquals(Period.month(2025, 12), Period.month(2026, 1).previous());
        assertEquals(List.of(Period.month(2026, 5), Period.quarter(2026, 2), Period.year(2026)), Period.enclosing(YearMonth.of(2026, 5)));
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), Period.quarter(2026, 3).startsAt());
    }

    @Test
    void labelsAndTextRoundTrip() {
        assertEquals("2026年10月", Period.month(2026, 10).label());
        assertEquals("2026年第4季度", Period.quarter(2026, 4).label());
        assertEquals("2026年", Period.year(2026).label());
        assertEquals(Period.quarter(2026, 4), Period.parse(Period.quarter(2026, 4).toString()));
        assertEquals("MONTH 2026-10-01", Period.month(2026, 10).toString());
    }

    @Test
    void aPeriodMustStartOnItsFirstDay() {
        assertThrows(IllegalArgumentException.class, () -> new Period(PeriodKind.MONTH, LocalDate.of(2026, 10, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Period(PeriodKind.QUARTER, LocalDate.of(2026, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-10"));
    }
}
