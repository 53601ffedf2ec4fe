package org.commandroom.core.workhours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of work-hours: Shanghai days, weeks and months; overlapping orders counted once; the window. */
class WorkTimeTest {

    static Instant cst(int mo, int d, int h, int mi) {
        return LocalDateTime.of(2026, mo, d, h, mi).atZone(WorkTime.ZONE).toInstant();
    }

    static Segment seg(long order, WorkKind kind, Instant from, Instant to) {
        return new Segment(order, "Z" + order, kind, from, to, order % 2 == 1);
    }

    private static final Instant FROM = cst(8, 1, 0, 0);
    private static final Instant TO = cst(10, 1, 0, 0);

    @Test
    void aShiftAcrossMidnightCountsOnBothDaysInShanghaiNotUtc() {
        // 23:00 on 4 August to 01:30 on 5 August in Shanghai (15:00-17:30 UTC on 4 August: one UTC day)
        Map<LocalDate, WorkTime.Totals> t = WorkTime.totals(List.of(seg(1, WorkKind.ON_SCENE, cst(8, 4, 23, 0), cst(8, 5, 1, 30))),
                FROM, TO, WorkTime.Granularity.DAY);
        assertEquals(3600L, t.get(LocalDate.of(2026, 8, 4)).total());
        assertEquals(5400L, t.get(LocalDate.of(2026, 8, 5)).total());
        assertEquals(2, t.size());
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        // Sunday 9 August 23:00 to Monday 10 August 01:00; and 31 August 23:30 to 1 September 00:30
        List<Segment> s = List.of(seg(1, WorkKind.ON_SCENE, cst(8, 9, 23, 0), cst(8, 10, 1, 0)),
                seg(3, WorkKind.TRAVEL, cst(8, 31, 23, 30), cst(9, 1, 0, 30)));
        Map<LocalDate, WorkTime.Totals> weeks = WorkTime.totals(s, FROM, TO, WorkTime.Granularity.WEEK);
        assertEquals(3600L, weeks.get(LocalDate.of(2026, 8, 3)).total(), "the week of Monday 3 August");
        assertEquals(3600L, weeks.get(LocalDate.of(2026, 8, 10)).total());
        assertEquals(3600L, weeks.get(LocalDate.of(2026, 8, 31)).total(), "31 August is a Monday: both halves in its week");
        Map<LocalDate, WorkTime.Totals> months = WorkTime.totals(s, FROM, TO, WorkTime.Granularity.MONTH);
        assertEquals(7200L + 1800L, months.get(LocalDate.of(2026, 8, 1)).total());
        assertEquals(1800L, months.get(LocalDate.of(2026, 9, 1)).total());
    }

    @Test
    void overlappingOrdersAreCountedOnceTheEarlierOneOwningTheOverlap() {
        // order 1 on scene 10:00-12:00, order 2 travelling 11:00-13:00, order 5 inside order 1 (10:30-11:00)
        List<Segment> s = List.of(seg(2, WorkKind.TRAVEL, cst(8, 3, 11, 0), cst(8, 3, 13, 0)),
                seg(1, WorkKind.ON_SCENE, cst(8, 3, 10, 0), cst(8, 3, 12, 0)),
                seg(5, WorkKind.VISIT, cst(8, 3, 10, 30), cst(8, 3, 11, 0)));
        WorkTime.Totals t = WorkTime.totals(s, FROM, TO, WorkTime.Granularity.DAY).get(LocalDate.of(2026, 8, 3));
        assertEquals(3 * 3600L, t.total(), "10:00 to 13:00, once");
        assertEquals(Map.of(WorkKind.ON_SCENE, 7200L, WorkKind.TRAVEL, 3600L), t.byKind());
        assertEquals(7200L, t.inCommunity(), "order 1's two hours are in the community, order 2's hour is not");
        // two orders starting together: the lower order id owns the common part
        List<WorkTime.Piece> p = WorkTime.pieces(List.of(seg(4, WorkKind.TRAVEL, cst(8, 3, 9, 0), cst(8, 3, 9, 30)),
                seg(3, WorkKind.ON_SCENE, cst(8, 3, 9, 0), cst(8, 3, 9, 20))), FROM, TO);
        assertEquals(List.of(3L, 4L), p.stream().map(x -> x.owner().orderId()).toList());
        assertEquals(List.of(1200L, 600L), p.stream().map(WorkTime.Piece::seconds).toList());
    }

    @Test
    void onlyTheWindowCounts() {
        // an order open from 30 September 22:00 to 1 October 02:00 (e.g. counted up to now): September keeps two hours
        Map<LocalDate, WorkTime.Totals> t = WorkTime.totals(List.of(seg(1, WorkKind.ON_SCENE, cst(9, 30, 22, 0), cst(10, 1, 2, 0))),
                FROM, TO, WorkTime.Granularity.MONTH);
        assertEquals(Map.of(LocalDate.of(2026, 9, 1), 7200L), Map.of(t.keySet().iterator().next(), t.values().iterator().next().total()));
        assertThrows(IllegalArgumentException.class, () -> seg(1, WorkKind.TRAVEL, cst(8, 3, 9, 0), cst(8, 3, 9, 0)));
    }
}
