package org.commandroom.core.drill;

import java.util.Comparator;
import java.util.List;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.Responsibility;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;

/**
 * A trainee who works the drill through the same core services the desk's screens call: the dispatch proposals,
 * the visit proposed by repeat detection, an intercept order to units picked by their distance on the map.
 */
final class ScriptedTrainee {

    static final String NAME = "学员甲";

    private final DrillSession drill;

    ScriptedTrainee(DrillSession drill) {
        this.drill = drill;
    }

    private Incident incident(String callId) {
        return drill.incidentOf(callId).orElseThrow(() -> new AssertionError("call " + callId + " not played yet"));
    }

    private List<UnitProposal> proposals(Incident i) {
        return drill.intake().dispatch().propose(i, 20);
    }

    /** Dispatches the first proposal that is the incident's own (grid officer's unit or the station's). */
    Order dispatchResponsible(String callId) {
        Incident i = incident(callId);
        UnitProposal p = proposals(i).stream()
                .filter(x -> x.responsibility() == Responsibility.GRID_OFFICER || x.responsibility() == Responsibility.OWN_STATION)
                .filter(x -> x.unitId() != null || x.isOfficerOnly())
                .findFirst().orElseThrow(() -> new AssertionError("no responsible proposal for " + callId));
        return drill.intake().dispatch().dispatch(i, p, NAME);
    }

    /** Dispatches the {@code n} units with the shortest travel time (as the proposals give it). */
    List<Order> dispatchNearest(String callId, int n) {
        Incident i = incident(callId);
        return proposals(i).stream().filter(x -> x.unitId() != null && x.eta() != null && !x.alreadyDispatched())
                .sorted(Comparator.comparing(UnitProposal::eta)).limit(n)
                .map(p -> drill.intake().dispatch().dispatch(incident(callId), p, NAME)).toList();
    }

    /** The wrong dispatch: the available unit farthest from the call. */
    Order dispatchFarthest(String callId) {
        Incident i = incident(callId);
        UnitProposal p = proposals(i).stream().filter(x -> x.unitId() != null && x.distanceMetres() != null)
                .max(Comparator.comparing(UnitProposal::distanceMetres)).orElseThrow();
        return drill.intake().dispatch().dispatch(i, p, NAME);
    }

    /** Confirms the door visit repeat detection proposed for the call. */
    Order orderProposedVisit(String callId) {
        IntakeResult r = drill.callResult(callId).orElseThrow();
        if (!r.repeat().flagged()) {
            throw new AssertionError("call " + callId + " was not recognised as a repeat");
        }
        return drill.intake().tasks().issueDraft(r.visitProposal().orElseThrow(), NAME);
    }

    /** Sends an intercept (布控) order to the {@code n} available units of a kind nearest the sighting. */
    List<Order> intercept(String injectId, UnitKind kind, int n) {
        GeoPoint at = drill.whereOf(injectId).orElseThrow();
        List<PatrolUnit> nearest = drill.units().all().stream()
                .filter(u -> (kind == null || u.kind() == kind) && u.status() == UnitStatus.AVAILABLE && u.position() != null)
                .sorted(Comparator.comparingDouble(u -> u.position().distanceMetres(at)))
                .limit(n).toList();
        return nearest.stream().map(u -> drill.intake().tasks().intercept(u.stationId(), u.id(), u.version(), at,
                "布控：" + injectId, NAME)).toList();
    }
}
