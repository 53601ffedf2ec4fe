package org.commandroom.core.index;

import java.util.Set;

/**
 * The closed set of computations an indicator can name in the definition file. Each is one set-based
 * query per period over incidents or orders, grouped by station; each yields a numerator and a
 * denominator, both additive over months and stations (see {@link Formula}).
 */
public enum ComputationKind {
    /** Incidents of the given types per N residents per month. */
    INCIDENT_RATE(Base.INCIDENT, Formula.RATIO, Set.of("types", "categories", "perResidents")),
    /** Incidents of the given types per month. */
    INCIDENT_COUNT(Base.INCIDENT, Formula.RATIO, Set.of("types", "categories")),
    /** Change in per cent of incidents of the given types against the same period a year before. */
    INCIDENT_CHANGE_YOY(Base.INCIDENT, Formula.CHANGE, Set.of("types", "categories")),
    /** Per cent of incidents of the given types that reached one of the given statuses (e.g. DIVERTED). */
    INCIDENT_STATUS_SHARE(Base.INCIDENT, Formula.PERCENT, Set.of("types", "categories", "statuses")),
    /** Per cent of incidents of the given types preceded, within a window, by one from the same caller or address. */
    REPEAT_INCIDENT_SHARE(Base.INCIDENT, Formula.PERCENT,
            Set.of("types", "categories", "priorTypes", "priorCategories", "windowDays", "matchOn", "priorOrderKind")),
    /** As REPEAT_INCIDENT_SHARE, counted per month (e.g. disputes that turned criminal). */
    REPEAT_INCIDENT_COUNT(Base.INCIDENT, Formula.RATIO,
            Set.of("types", "categories", "priorTypes", "priorCategories", "windowDays", "matchOn", "priorOrderKind")),
    /** Per cent of incidents of the given types with an order of the given kinds created within N days (re-visits). */
    FOLLOW_UP_ORDER_SHARE(Base.INCIDENT, Formula.PERCENT, Set.of("types", "categories", "orderKinds", "withinDays")),
    /** Per cent of orders of the given kinds, signing deadline in the period and passed, signed for in time. */
    SIGN_ON_TIME_SHARE(Base.ORDER, Formula.PERCENT, Set.of("orderKinds")),
    /** Per cent of orders of the given kinds, feedback deadline in the period and passed, fed back in time. */
    FEEDBACK_ON_TIME_SHARE(Base.ORDER, Formula.PERCENT, Set.of("orderKinds")),
    /** Per cent of orders of the given kinds issued in the period that have been fed back (e.g. disputes resolved). */
    ORDER_COMPLETION_SHARE(Base.ORDER, Formula.PERCENT, Set.of("orderKinds")),
    /** Orders of the given kinds issued per police grid per month (e.g. disputes screened). */
    ORDER_COUNT_PER_GRID(Base.ORDER, Formula.RATIO, Set.of("orderKinds")),
    /**
     * Per cent of the register's house inspections (core prevention, docs/PREVENTION.md) whose deadline fell in the
     * period and has passed that were fed back by it: a due date missed without an order counts as late.
     */
    HOUSE_INSPECTION_ON_SCHEDULE(Base.HOUSE, Formula.PERCENT, Set.of()),
    /**
     * Per cent of the model alerts (water-meter models, core prevention ModelAlertService) whose time limit fell in the
     * period and has passed whose order was fed back by it.
     */
    MODEL_ALERT_HANDLED_IN_TIME(Base.MODEL_ALERT, Formula.PERCENT, Set.of()),
    /**
     * Per cent of the community officers' work-hours (core workhours, from the order trail) in the period that were
     * spent in their own community: numerator and denominator in minutes.
     */
    COMMUNITY_WORK_SHARE(Base.ORDER, Formula.PERCENT, Set.of());

    /** The table a computation reads. */
    public enum Base { INCIDENT, ORDER, HOUSE, MODEL_ALERT }

    /** How the raw value follows from numerator n and denominator d (d = 0 gives no value). */
    public enum Formula {
        /** n / d. */
        RATIO,
        /** 100 n / d. */
        PERCENT,
        /** 100 (n - d) / d. */
        CHANGE;

        public Double apply(double n, double d) {
            if (d == 0) {
                return null;
            }
            return switch (this) {
                case RATIO -> n / d;
                case PERCENT -> 100.0 * n / d;
                case CHANGE -> 100.0 * (n - d) / d;
            };
        }
    }

    private final Base base;
    private final Formula formula;
    private final Set<String> parameters;

    ComputationKind(Base base, Formula formula, Set<String> parameters) {
        this.base = base;
        this.formula = formula;
        this.parameters = parameters;
    }

    public Base base() {
        return base;
    }

    public Formula formula() {
        return formula;
    }

    /** The parameter names the definition file may give this kind (besides "kind"). */
    public Set<String> parameters() {
        return parameters;
    }
}
