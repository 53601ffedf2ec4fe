package org.commandroom.core.dispatch;

/** Where a proposal's distance and travel time are measured from. */
public enum PositionSource {
    /** The unit's own terminal fix. */
    UNIT_FIX,
    /** The officer's last known position: the fix of a unit he crews (that unit is not free, or he would be in it). */
    CREWED_UNIT,
    /** No fix for the officer: his community police office (of the grid's community, else his station's nearest). */
    OFFICE,
    /** Nothing to measure from. */
    NONE
}
