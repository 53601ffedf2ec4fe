package org.commandroom.core.demo;

import java.time.Duration;

/**
 * How lively the demo simulator is.
 *
 * @param meanIncidentInterval mean time between new incidents at the daily average (scaled by the
 *                             hour-of-day rhythm); 35 s matches a Bao'an-size district (about a
 *                             million incidents a year)
 * @param dispatchDelayMin     the simulated other workstation dispatches a waiting incident after a
 *                             random delay between min and max, so waiting times vary on screen
 * @param dispatchDelayMax     see above
 * @param positionReportEvery  how often each terminal reports its position
 * @param silentUnits          how many units stop reporting (to show stale positions)
 */
public record SimulatorSettings(
        Duration meanIncidentInterval,
        Duration dispatchDelayMin,
        Duration dispatchDelayMax,
        Duration positionReportEvery,
        int silentUnits) {

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Duration.ofSeconds(35), Duration.ofSeconds(60), Duration.ofMinutes(6),
                Duration.ofSeconds(3), 2);
    }
}
