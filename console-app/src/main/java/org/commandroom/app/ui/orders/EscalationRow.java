package org.commandroom.app.ui.orders;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.commandroom.core.dispatch.escalation.EscalationEntry;

/** A line of the escalation list: the missed or close deadline and the time left (negative = overdue by). */
public final class EscalationRow {

    private final EscalationEntry entry;
    private final ReadOnlyObjectWrapper<Duration> remaining = new ReadOnlyObjectWrapper<>(this, "remaining");

    EscalationRow(EscalationEntry entry, Instant now) {
        this.entry = entry;
        tick(now);
    }

    void tick(Instant now) {
        remaining.set(entry.remaining(now));
    }

    public EscalationEntry getEntry() {
        return entry;
    }

    public Duration getRemaining() {
        return remaining.get();
    }

    public ReadOnlyObjectProperty<Duration> remainingProperty() {
        return remaining.getReadOnlyProperty();
    }
}
