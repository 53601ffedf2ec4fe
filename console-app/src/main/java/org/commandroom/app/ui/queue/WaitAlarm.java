package org.commandroom.app.ui.queue;

import java.time.Duration;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.core.incident.IncidentStatus;

/** How urgently a queue line asks for attention because of how long it has waited. */
public enum WaitAlarm {
    NONE,
    WARNING,
    DANGER;

    /** Only NEW incidents (nobody dispatched yet) raise an alarm by waiting. */
    public static WaitAlarm of(IncidentStatus status, Duration waiting, DisplaySettings settings) {
        if (status != IncidentStatus.NEW) {
            return NONE;
        }
        if (waiting.compareTo(settings.waitDanger()) > 0) {
            return DANGER;
        }
        if (waiting.compareTo(settings.waitWarning()) > 0) {
            return WARNING;
        }
        return NONE;
    }
}
