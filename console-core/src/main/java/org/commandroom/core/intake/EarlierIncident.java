package org.commandroom.core.intake;

import java.time.Instant;
import java.util.Set;
import org.commandroom.core.incident.IncidentType;

/** An earlier incident that a new one repeats, with what they share and how far apart they are (null if unknown). */
public record EarlierIncident(long id, String incidentNo, Instant receivedAt, String address, String callerNumber,
                             IncidentType type, Set<RepeatReason> reasons, Double distanceMetres) {

    public EarlierIncident {
        reasons = Set.copyOf(reasons);
    }
}
