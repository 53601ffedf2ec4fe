package org.commandroom.core.unit;

import java.time.Instant;
import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/**
 * A patrol unit with its last reported position. {@code version} guards status changes so that two
 * commanders assigning the same unit cannot both succeed; position reports do not touch it.
 */
public record PatrolUnit(
        long id,
        String callSign,
        UnitKind kind,
        long stationId,
        Long zoneId,
        UnitStatus status,
        GeoPoint position,
        Double heading,
        Instant fixAt,
        int version) {

    public PatrolUnit {
        Objects.requireNonNull(callSign, "callSign");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }
}
