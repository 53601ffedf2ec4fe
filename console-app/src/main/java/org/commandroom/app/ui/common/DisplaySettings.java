package org.commandroom.app.ui.common;

import java.time.Duration;

/**
 * Thresholds the screens use to raise alarms.
 *
 * @param waitWarning   a NEW incident waiting longer than this is shown as a warning
 * @param waitDanger    ... and longer than this as danger
 * @param positionStale a unit whose last position is older than this is flagged as stale
 */
public record DisplaySettings(Duration waitWarning, Duration waitDanger, Duration positionStale) {

    public static DisplaySettings defaults() {
        return new DisplaySettings(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(2));
    }
}
