package org.commandroom.core.incident;

import java.time.Duration;
import java.time.Instant;
import org.commandroom.core.geo.GeoPoint;

/** One line of the incident queue: the incident with the names of its grid and station (position may be null). */
public record QueueEntry(
        long id,
        String incidentNo,
        Instant receivedAt,
        IncidentType type,
        int priority,
        IncidentStatus status,
        String address,
        String callerNumber,
        String gridName,
        String stationName,
        GeoPoint position) {

    /** How long the incident has waited at {@code now}; never negative. */
    public Duration waitingAt(Instant now) {
        Duration d = Duration.between(receivedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
