package org.commandroom.core.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.geo.GeoPoint;

/** One line of the unit board: the unit, its station's name and its crew's names. */
public record UnitBoardEntry(
        long id,
        String callSign,
        UnitKind kind,
        UnitStatus status,
        String stationName,
        List<String> crew,
        GeoPoint position,
        Double heading,
        Instant fixAt,
        int version) {

    public UnitBoardEntry {
        crew = List.copyOf(crew);
    }

    /** Age of the last position at {@code now}, or null if the unit never reported one. */
    public Duration positionAgeAt(Instant now) {
        if (fixAt == null) {
            return null;
        }
        Duration d = Duration.between(fixAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public UnitBoardEntry withCrew(List<String> names) {
        return new UnitBoardEntry(id, callSign, kind, status, stationName, names, position, heading, fixAt, version);
    }
}
