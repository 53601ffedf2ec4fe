package org.commandroom.core.index;

/** The periods the index is computed for, in the Asia/Shanghai calendar. */
public enum PeriodKind {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
