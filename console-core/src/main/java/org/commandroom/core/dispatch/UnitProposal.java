package org.commandroom.core.dispatch;

import java.time.Duration;
import java.util.List;
import org.commandroom.core.unit.UnitKind;

/**
 * A unit (or, for the grid's community officer on foot of any unit, an officer alone: {@code unitId} null)
 * proposed for an incident. Distance, travel time and position age are null when unknown; a stale
 * position is one older than the travel model's limit or never reported.
 */
public record UnitProposal(Responsibility responsibility, Long unitId, String callSign, UnitKind kind, int unitVersion,
                           Long officerId, String officerName, long stationId, String stationName, List<String> crew,
                           Double distanceMetres, Duration eta, Duration positionAge, boolean stale, int openOrders) {

    public UnitProposal {
        crew = List.copyOf(crew);
    }

    public boolean isOfficerOnly() {
        return unitId == null;
    }

    /** Call sign of the unit, or the officer's name. */
    public String label() {
        return unitId == null ? officerName : callSign;
    }
}
