package org.commandroom.core.incident;

import java.time.Instant;
import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/**
 * A reported incident (警情). The position may be null when the address could not be resolved;
 * station and police grid are null until the position is assigned to them.
 */
public record Incident(
        long id,
        String incidentNo,
        Instant receivedAt,
        String callerNumber,
        String address,
        GeoPoint position,
        IncidentType type,
        int priority,
        String description,
        Long stationId,
        Long policeGridId,
        IncidentStatus status,
        Instant closedAt,
        int version) {

    public Incident {
        Objects.requireNonNull(incidentNo, "incidentNo");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        if (priority < 1 || priority > 3) {
            throw new IllegalArgumentException("priority must be 1..3: " + priority);
        }
    }

    public IncidentCategory category() {
        return type.category();
    }
}
