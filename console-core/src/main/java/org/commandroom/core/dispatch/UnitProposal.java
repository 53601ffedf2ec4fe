package org.commandroom.core.dispatch;

import java.time.Duration;
import java.util.List;
import org.commandroom.core.unit.UnitKind;

/**
 * A unit (or, for the grid's community officer on foot of any unit, an officer alone: {@code unitId} null)
 * proposed for an incident. Distance, travel time and position age are null when unknown; a stale
 * position is one older than the travel model's limit, never reported, or not a live fix at all (an office).
 *
 * @param positionSource where distance and travel time are measured from (for the officer alone: the unit he
 *                       crews, or his office)
 * @param positionName   the call sign of that unit or the office's name; null for a unit's own fix
 * @param openOrderNo    the open dispatch order this unit (or officer) already has for the incident, or null
 */
public record UnitProposal(Responsibility responsibility, Long unitId, String callSign, UnitKind kind, int unitVersion,
                           Long officerId, String officerName, long stationId, String stationName, List<String> crew,
                           Double distanceMetres, Duration eta, Duration positionAge, boolean stale, int openOrders,
                           PositionSource positionSource, String positionName, String openOrderNo) {

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

    /** True when this unit or officer already has an open dispatch order for the incident. */
    public boolean alreadyDispatched() {
        return openOrderNo != null;
    }

    /** The same unit, or the same officer sent alone. */
    public boolean sameAssignee(UnitProposal other) {
        return other != null && java.util.Objects.equals(unitId, other.unitId)
                && (unitId != null || java.util.Objects.equals(officerId, other.officerId));
    }
}
