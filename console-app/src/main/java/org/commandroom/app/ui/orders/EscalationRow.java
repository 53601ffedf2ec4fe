package org.commandroom.app.ui.orders;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.commandroom.core.dispatch.escalation.EscalationEntry;
import org.commandroom.core.dispatch.escalation.EscalationKind;

/**
 * A line of the escalation list: the missed, warned or close deadline, the time left (negative = overdue by) and
 * where it stands (running, early warning, overdue), both moving with the window's beat.
 */
public final class EscalationRow {

    /** What the deadline columns show: which deadline, how long is left and where it stands. */
    public record Standing(EscalationKind kind, Duration remaining, EscalationEntry.State state) {
    }

    private final EscalationEntry entry;
    private final ReadOnlyObjectWrapper<Duration> remaining = new ReadOnlyObjectWrapper<>(this, "remaining");
    private final ReadOnlyObjectWrapper<Standing> standing = new ReadOnlyObjectWrapper<>(this, "standing");

    EscalationRow(EscalationEntry entry, Instant now) {
        this.entry = entry;
        tick(now);
    }

    void tick(Instant now) {
        Duration left = entry.remaining(now);
        remaining.set(left);
        Standing s = new Standing(entry.kind(), left, entry.state(now));
        if (!s.equals(standing.get())) {
            standing.set(s);
        }
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

    public EscalationEntry.State getState() {
        return standing.get().state();
    }

    public ReadOnlyObjectProperty<Standing> standingProperty() {
        return standing.getReadOnlyProperty();
    }
}
