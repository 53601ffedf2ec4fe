package org.commandroom.core.dispatch;

/** Why a unit or officer is proposed for an incident, in the order proposals are ranked. */
public enum Responsibility {
    /** The community officer of the incident's police grid (警格责任民警), or a unit he is crewing. */
    GRID_OFFICER,
    /** An available unit of the incident's own station. */
    OWN_STATION,
    /** Another available unit, by estimated travel time. */
    NEAREST
}
