package org.commandroom.core.unit;

/** Patrol car, motorbike ("闪电特勤队") or a foot group of three. */
public enum UnitKind {
    CAR,
    MOTORBIKE,
    FOOT
}
