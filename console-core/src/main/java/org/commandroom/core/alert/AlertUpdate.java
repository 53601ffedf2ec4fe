package org.commandroom.core.alert;

import java.util.List;

/**
 * What an offer of events changed: {@code raised} are the alerts that appeared, {@code grown} the alerts already on
 * screen that took more events (a routine counter, a burst's group), {@code active} is everything now on screen,
 * urgent first, each part newest first.
 */
public record AlertUpdate(List<Alert> raised, List<Alert> grown, List<Alert> active) {

    public AlertUpdate {
        raised = List.copyOf(raised);
        grown = List.copyOf(grown);
        active = List.copyOf(active);
    }

    /** Whether an urgent alert appeared (the loud tone). */
    public boolean urgentRaised() {
        return raised.stream().anyMatch(a -> a.kind().urgent());
    }

    /** Whether a routine event was taken (the soft tone), as a new counter or into one on screen. */
    public boolean routineAdded() {
        return raised.stream().anyMatch(a -> !a.kind().urgent()) || grown.stream().anyMatch(a -> !a.kind().urgent());
    }
}
