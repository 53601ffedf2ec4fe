package org.commandroom.core.alert;

import java.util.List;

/**
 * What an offer of events changed: {@code raised} are the alerts that appeared (each one deserves a tone;
 * events merged into a group already on screen raise nothing new), {@code active} is everything now on
 * screen, newest first.
 */
public record AlertUpdate(List<Alert> raised, List<Alert> active) {

    public AlertUpdate {
        raised = List.copyOf(raised);
        active = List.copyOf(active);
    }
}
