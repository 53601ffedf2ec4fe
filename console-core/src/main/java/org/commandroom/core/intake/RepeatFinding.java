package org.commandroom.core.intake;

import java.util.List;
import java.util.Set;

/**
 * What repeat detection found for one incident: whether it is flagged, which criteria reached the rule's
 * count, and the earlier incidents behind those criteria, newest first.
 */
public record RepeatFinding(long incidentId, RepeatRule rule, Set<RepeatReason> reasons, List<EarlierIncident> earlier) {

    public RepeatFinding {
        reasons = Set.copyOf(reasons);
        earlier = List.copyOf(earlier);
    }

    public static RepeatFinding none(long incidentId, RepeatRule rule) {
        return new RepeatFinding(incidentId, rule, Set.of(), List.of());
    }

    /** The same finding for the incident once stored (detection may run before its id exists). */
    public RepeatFinding forIncident(long id) {
        return new RepeatFinding(id, rule, reasons, earlier);
    }

    public boolean flagged() {
        return !reasons.isEmpty();
    }

    /** How many times this has now happened within the window: the earlier ones and this one. */
    public int occurrences() {
        return earlier.size() + 1;
    }
}
