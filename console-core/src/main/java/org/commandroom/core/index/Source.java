package org.commandroom.core.index;

/** Where an indicator's raw value comes from. */
public enum Source {
    /** Computed from the console's own incidents and orders. */
    COMPUTED,
    /** Entered by a department, by form or through the evaluation sheet (评估表). */
    MANUAL
}
