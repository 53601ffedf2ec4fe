package org.commandroom.app.ui.map;

import java.time.Instant;
import java.util.Objects;

import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;

/**
 * A patrol unit as the map shows it.
 *
 * @param headingDeg course over ground, degrees clockwise from north; NaN when unknown
 * @param fixTime    when the terminal reported this position; older than the map's stale age it is
 *                   drawn as stale, with its age
 */
public record UnitMarker(String id, String callSign, UnitKind kind, UnitStatus status, GeoPoint position,
                         double headingDeg, Instant fixTime) {

    public UnitMarker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callSign, "callSign");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(fixTime, "fixTime");
    }
}
