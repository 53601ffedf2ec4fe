package org.commandroom.core.dispatch;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.commandroom.core.unit.UnitKind;

/**
 * A rough estimate of travel time with no road network: straight-line distance times a road factor,
 * divided by a typical speed for the kind of unit. Defaults (docs/INTAKE.md): road factor 1.4 (Chinese
 * county towns measure 1.3-1.5 between street and crow-fly distance), car 30 km/h and motorbike
 * 25 km/h (urban average with lights and traffic, not top speed), foot 4.5 km/h. A position older than
 * {@code staleAfter} (default 5 minutes) is marked stale.
 */
public record TravelModel(double roadFactor, Map<UnitKind, Double> kmPerHour, Duration staleAfter) {

    public TravelModel {
        kmPerHour = Map.copyOf(kmPerHour);
        for (UnitKind k : UnitKind.values()) {
            Double v = kmPerHour.get(k);
            if (v == null || !(v > 0)) {
                throw new IllegalArgumentException("no positive speed for " + k);
            }
        }
        if (!(roadFactor >= 1)) {
            throw new IllegalArgumentException("the road factor must be at least 1, got " + roadFactor);
        }
    }

    public static TravelModel defaults() {
        Map<UnitKind, Double> speeds = new EnumMap<>(UnitKind.class);
        speeds.put(UnitKind.CAR, 30.0);
        speeds.put(UnitKind.MOTORBIKE, 25.0);
        speeds.put(UnitKind.FOOT, 4.5);
        return new TravelModel(1.4, speeds, Duration.ofMinutes(5));
    }

    /** Estimated time for a unit of this kind to cover {@code metres} of straight line. */
    public Duration eta(UnitKind kind, double metres) {
        double metresPerSecond = kmPerHour.get(kind) / 3.6;
        return Duration.ofSeconds(Math.round(metres * roadFactor / metresPerSecond));
    }
}
