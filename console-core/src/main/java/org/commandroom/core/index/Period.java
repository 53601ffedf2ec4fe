package org.commandroom.core.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A month, quarter or year of the Asia/Shanghai calendar: it starts at local midnight of its first day,
 * so 1 January 00:00 CST is 31 December 16:00 UTC.
 */
public record Period(PeriodKind kind, LocalDate start) implements Comparable<Period> {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % kind.months() != 0) {
            throw new IllegalArgumentException(start + " is not the first day of a " + kind.name().toLowerCase());
        }
    }

    public static Period month(YearMonth m) {
        return new Period(PeriodKind.MONTH, m.atDay(1));
    }

    public static Period month(int year, int month) {
        return month(YearMonth.of(year, month));
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodKind.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1));
    }

    public static Period year(int year) {
        return new Period(PeriodKind.YEAR, LocalDate.of(year, 1, 1));
    }

    /** The period of this kind that holds the given local date. */
    public static Period containing(PeriodKind kind, LocalDate day) {
        int m0 = (day.getMonthValue() - 1) / kind.months() * kind.months();
        return new Period(kind, LocalDate.of(day.getYear(), m0 + 1, 1));
    }

    /** The period of this kind that holds the instant, in Asia/Shanghai. */
    public static Period containing(PeriodKind kind, Instant at) {
        return containing(kind, LocalDate.ofInstant(at, ZONE));
    }

    /** Parses what {@link #toString()} writes: "MONTH 2026-10-01". */
    public static Period parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a period is written as KIND yyyy-mm-dd, e.g. MONTH 2026-10-01: " + text);
        }
        return new Period(PeriodKind.valueOf(parts[0]), LocalDate.parse(parts[1]));
    }

    public LocalDate endExclusive() {
        return start.plusMonths(kind.months());
    }

    public Instant startsAt() {
        return start.atStartOfDay(ZONE).toInstant();
    }

    public Instant endsAt() {
        return endExclusive().atStartOfDay(ZONE).toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(startsAt()) && at.isBefore(endsAt());
    }

    /**
     * Whether the period is not over at {@code now} (provisional): its scores are read from part of it, counts and
     * rates scaled to a whole month by the time elapsed ({@link #elapsed}).
     */
    public boolean provisionalAt(Instant now) {
        return now.isBefore(endsAt());
    }

    /** The share of the period elapsed at {@code now}: 0 before it starts, 1 once it is over. */
    public double elapsed(Instant now) {
        if (!now.isAfter(startsAt())) {
            return 0;
        }
        if (!now.isBefore(endsAt())) {
            return 1;
        }
        return java.time.Duration.between(startsAt(), now).toMillis() / (double) java.time.Duration.between(startsAt(), endsAt()).toMillis();
    }

    public Period previous() {
        return new Period(kind, start.minusMonths(kind.months()));
    }

    public Period sameLastYear() {
        return new Period(kind, start.minusYears(1));
    }

    /** The months this period is made of, in order. */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        YearMonth m = YearMonth.from(start);
        for (int i = 0; i < kind.months(); i++) {
            out.add(m.plusMonths(i));
        }
        return out;
    }

    /** The month, quarter and year that hold a month. */
    public static List<Period> enclosing(YearMonth m) {
        LocalDate d = m.atDay(1);
        return List.of(containing(PeriodKind.MONTH, d), containing(PeriodKind.QUARTER, d), containing(PeriodKind.YEAR, d));
    }

    /** A short Chinese label: 2026年10月, 2026年第4季度, 2026年. */
    public String label() {
        return switch (kind) {
            case MONTH -> start.getYear() + "年" + start.getMonthValue() + "月";
            case QUARTER -> start.getYear() + "年第" + ((start.getMonthValue() - 1) / 3 + 1) + "季度";
            case YEAR -> start.getYear() + "年";
        };
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
        return kind + " " + start;
    }
}
