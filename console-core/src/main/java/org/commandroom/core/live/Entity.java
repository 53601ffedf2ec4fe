package org.commandroom.core.live;

/** The kinds of record whose changes other workstations follow through the change log. */
public enum Entity {
    INCIDENT,
    UNIT,
    ORDER,
    CAMERA,
    GEOGRAPHY,
    INDEX,
    /** A shift of the duty roster (值班表). */
    ROSTER
}
