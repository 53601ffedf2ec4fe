package org.commandroom.app.ui.map;

import java.time.Instant;
import java.util.Objects;

import org.commandroom.core.geo.GeoPoint;

/** An incident (警情) on the map; priority 1 (most urgent) to 3. */
public record IncidentMarker(String id, String title, int priority, GeoPoint position, Instant reportedAt) {

    public IncidentMarker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (priority < 1 || priority > 3) {
            throw new IllegalArgumentException("priority must be 1..3: " + priority);
        }
    }

    int argb() {
        return switch (priority) {
            case 1 -> MapPalette.PRIORITY_1;
            case 2 -> MapPalette.PRIORITY_2;
            default -> MapPalette.PRIORITY_3;
        };
    }
}
