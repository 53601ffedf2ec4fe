package org.commandroom.core.index;

import java.util.Set;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;

/**
 * A computed indicator's computation: its kind and parameters, already checked against the kind.
 *
 * @param types          incident types counted (categories in the file are expanded into their types)
 * @param priorTypes     for repeats: the types of the earlier incident (default: {@code types})
 * @param statuses       for status shares: the statuses that count
 * @param orderKinds     order kinds considered (default: every kind)
 * @param matchOn        for repeats: how an earlier incident is recognised
 * @param windowDays     for repeats: how far back an earlier incident counts
 * @param priorOrderKind for repeats: the earlier incident must have had an order of this kind fed back before
 *                       the new call (e.g. a mediated dispute), or null
 * @param perResidents   for rates: residents per unit (10,000)
 * @param withinDays     for follow-up shares: the order must be created within this many days of the call
 */
public record Computation(ComputationKind kind, Set<IncidentType> types, Set<IncidentType> priorTypes,
                          Set<IncidentStatus> statuses, Set<OrderKind> orderKinds, MatchOn matchOn, int windowDays,
                          OrderKind priorOrderKind, int perResidents, int withinDays) {

    /** How a repeat call is recognised. */
    public enum MatchOn { CALLER, ADDRESS, CALLER_OR_ADDRESS }

    public Computation {
        types = Set.copyOf(types);
        priorTypes = Set.copyOf(priorTypes);
        statuses = Set.copyOf(statuses);
        orderKinds = Set.copyOf(orderKinds);
    }
}
