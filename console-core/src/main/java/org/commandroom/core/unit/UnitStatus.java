package org.commandroom.core.unit;

public enum UnitStatus {
    AVAILABLE,
    EN_ROUTE,
    ON_SCENE,
    BUSY,
    OFF_DUTY
}
