package org.commandroom.core.alert;

import java.time.Instant;
import java.util.List;

/**
 * An alert on screen until the commander acknowledges it: one event, or a group of events of one kind
 * that arrived together ("12 new incidents").
 *
 * @param id       unique in this console's run
 * @param triggers the events, oldest first; more than one makes it a group
 * @param raisedAt when it first appeared
 */
public record Alert(long id, AlertKind kind, List<AlertTrigger> triggers, Instant raisedAt, boolean grouped) {

    public Alert {
        triggers = List.copyOf(triggers);
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one event");
        }
    }

    public int count() {
        return triggers.size();
    }

    public AlertTrigger first() {
        return triggers.get(0);
    }

    public AlertTrigger latest() {
        return triggers.get(triggers.size() - 1);
    }

    Alert with(AlertTrigger more) {
        List<AlertTrigger> all = new java.util.ArrayList<>(triggers);
        all.add(more);
        return new Alert(id, kind, all, raisedAt, true);
    }
}
