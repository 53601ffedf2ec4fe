package org.commandroom.core.workhours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of work-hours, with no database: one worker's segments (possibly overlapping) are laid on the time
 * line so that <b>every second is counted once</b>: where segments overlap, the second goes to the segment that began
 * first (then the lower order id), with its kind and its in-community flag. The result is cut at period boundaries
 * (days, ISO weeks from Monday, months) in {@link #ZONE}, so a shift across midnight counts on both days.
 */
public final class WorkTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** How the hours are grouped. */
    public enum Granularity { DAY, WEEK, MONTH }

    /** One piece of a worker's time line, owned by one segment. */
    public record Piece(Segment owner, Instant from, Instant to) {
        public long seconds() {
            return Duration.between(from, to).getSeconds();
        }
    }

    /** One period's seconds by kind, with the part in the community. */
    public record Totals(Map<WorkKind, Long> byKind, long inCommunity) {
        public long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }

        public double hours() {
            return total() / 3600.0;
        }
    }

    private WorkTime() {
    }

    /** The worker's time line within [from, to): non-overlapping pieces in time order, each owned by one segment. */
    public static List<Piece> pieces(List<Segment> segments, Instant from, Instant to) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparing(Segment::from).thenComparingLong(Segment::orderId));
        List<Piece> out = new ArrayList<>();
        Instant covered = from;
        for (Segment s : sorted) {
            Instant start = s.from().isAfter(covered) ? s.from() : covered;
            Instant end = s.to().isBefore(to) ? s.to() : to;
            if (end.isAfter(start)) {
                out.add(new Piece(s, start, end));
                covered = end;
            }
        }
        return out;
    }

    /** The first day of the period {@code day} falls in. */
    public static LocalDate periodStart(LocalDate day, Granularity g) {
        return switch (g) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    static LocalDate next(LocalDate start, Granularity g) {
        return switch (g) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** The worker's seconds per period (keyed by its first day) and kind within [from, to), each second once. */
    public static Map<LocalDate, Totals> totals(List<Segment> segments, Instant from, Instant to, Granularity g) {
        Map<LocalDate, Map<WorkKind, Long>> kinds = new TreeMap<>();
        Map<LocalDate, Long> community = new TreeMap<>();
        for (Piece p : pieces(segments, from, to)) {
            Instant at = p.from();
            while (at.isBefore(p.to())) {
                LocalDate start = periodStart(LocalDate.ofInstant(at, ZONE), g);
                Instant boundary = next(start, g).atStartOfDay(ZONE).toInstant();
                Instant end = boundary.isBefore(p.to()) ? boundary : p.to();
                long sec = Duration.between(at, end).getSeconds();
                kinds.computeIfAbsent(start, k -> new EnumMap<>(WorkKind.class)).merge(p.owner().kind(), sec, Long::sum);
                if (p.owner().inCommunity()) {
                    community.merge(start, sec, Long::sum);
                }
                at = end;
            }
        }
        Map<LocalDate, Totals> out = new TreeMap<>();
        kinds.forEach((d, k) -> out.put(d, new Totals(Map.copyOf(k), community.getOrDefault(d, 0L))));
        return out;
    }
}
