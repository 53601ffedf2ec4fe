package org.commandroom.core.incident;

/** Where an incident stands. NEW, DISPATCHED and ON_SCENE are open and shown in the queue. */
public enum IncidentStatus {
    NEW,
    DISPATCHED,
    ON_SCENE,
    CLOSED,
    DIVERTED;

    public boolean isOpen() {
        return this == NEW || this == DISPATCHED || this == ON_SCENE;
    }
}
