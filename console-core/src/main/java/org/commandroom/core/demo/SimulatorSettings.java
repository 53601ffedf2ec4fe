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
 * @param warmQueue            at start, the queue is topped up to this many open incidents with
 *                             calls received in the last minutes (after a night with the console shut)
 */
public record SimulatorSettings(
        Duration meanIncidentInterval,
        Duration dispatchDelayMin,
        Duration dispatchDelayMax,
        Duration positionReportEvery,
        int silentUnits,
        int warmQueue) {

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Duration.ofSeconds(35), Duration.ofSeconds(60), Duration.ofMinutes(6),
                Duration.ofSeconds(3), 2, 6);
    }
}
