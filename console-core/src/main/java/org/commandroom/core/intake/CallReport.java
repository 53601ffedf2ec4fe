package org.commandroom.core.intake;

import java.time.Instant;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;

/**
 * A 110 call as the call-taker (or a feed) gives it. Optional parts may be null: {@code position} is
 * then taken from the gazetteer entry named exactly by the address, {@code priority} from the type,
 * {@code receivedAt} from the clock, {@code incidentNo} from the day's numbering.
 */
public record CallReport(String callerNumber, String address, GeoPoint position, IncidentType type, Integer priority,
                         String description, Instant receivedAt, String incidentNo) {

    /** A call taken now at the console. */
    public static CallReport of(String callerNumber, String address, GeoPoint position, IncidentType type,
                                Integer priority, String description) {
        return new CallReport(callerNumber, address, position, type, priority, description, null, null);
    }
}
