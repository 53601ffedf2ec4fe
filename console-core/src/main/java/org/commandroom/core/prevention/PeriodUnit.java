package org.commandroom.core.prevention;

/** The unit of an inspection cycle. */
public enum PeriodUnit {
    DAY,
    WEEK,
    MONTH
}
