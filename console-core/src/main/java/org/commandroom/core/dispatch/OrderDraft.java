package org.commandroom.core.dispatch;

import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;

/** What the commander fills in to create an order; the service adds number, times and deadlines. */
public record OrderDraft(
        OrderKind kind,
        Long incidentId,
        IncidentType incidentType,
        long stationId,
        Long unitId,
        Long assigneeOfficerId,
        String summary,
        GeoPoint target) {

    public OrderDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
    }
}
