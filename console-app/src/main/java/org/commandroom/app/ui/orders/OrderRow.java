package org.commandroom.app.ui.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.commandroom.core.dispatch.escalation.EscalationEntry;
import org.commandroom.core.dispatch.escalation.EscalationKind;
import org.commandroom.core.dispatch.escalation.OrderBoardEntry;

/**
 * One line of the orders panel: the order, the countdowns to its deadlines (negative = overdue), and whether it
 * belongs to the incident selected in the queue.
 */
public final class OrderRow {

    /** What the line is marked with on screen. */
    public enum Mark { OVERDUE, OF_INCIDENT }

    private final ReadOnlyObjectWrapper<OrderBoardEntry> entry = new ReadOnlyObjectWrapper<>(this, "entry");
    private final ReadOnlyObjectWrapper<Duration> signLeft = new ReadOnlyObjectWrapper<>(this, "signLeft");
    private final ReadOnlyObjectWrapper<Duration> feedbackLeft = new ReadOnlyObjectWrapper<>(this, "feedbackLeft");
    private final ReadOnlyObjectWrapper<Duration> nextLeft = new ReadOnlyObjectWrapper<>(this, "nextLeft");
    /** Two thirds of the window to the next deadline have gone (the escalation list's early warning). */
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper(this, "warning");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper(this, "overdue");
    private final ReadOnlyBooleanWrapper ofIncident = new ReadOnlyBooleanWrapper(this, "ofIncident");
    private final ObjectBinding<Set<Mark>> marks = Bindings.createObjectBinding(() -> {
        Set<Mark> m = EnumSet.noneOf(Mark.class);
        if (overdue.get()) {
            m.add(Mark.OVERDUE);
        }
        if (ofIncident.get()) {
            m.add(Mark.OF_INCIDENT);
        }
        return m;
    }, overdue, ofIncident);

    OrderRow(OrderBoardEntry e, Instant now) {
        update(e, now);
    }

    void update(OrderBoardEntry e, Instant now) {
        entry.set(e);
        tick(now);
    }

    void tick(Instant now) {
        OrderBoardEntry e = entry.get();
        signLeft.set(e.remaining(EscalationKind.SIGN, now));
        feedbackLeft.set(e.remaining(EscalationKind.FEEDBACK, now));
        EscalationKind next = e.nextDeadline();
        Instant warnAt = next == null ? null : EscalationEntry.warnAt(e.issuedAt(), e.pendingDeadline(next));
        // Set before the countdown, whose cell reads it when the countdown changes.
        warning.set(warnAt != null && !now.isBefore(warnAt));
        nextLeft.set(next == null ? null : e.remaining(next, now));
        overdue.set(e.overdue(EscalationKind.SIGN, now) || e.overdue(EscalationKind.FEEDBACK, now));
    }

    public OrderBoardEntry getEntry() {
        return entry.get();
    }

    public ReadOnlyObjectProperty<OrderBoardEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    /** True once two thirds of the window to the next deadline have gone. */
    public boolean isWarning() {
        return warning.get();
    }

    /** Time left to sign for it; null once signed (or not issued). */
    public ReadOnlyObjectProperty<Duration> signLeftProperty() {
        return signLeft.getReadOnlyProperty();
    }

    /** Time left to feed back; null once fed back (or not issued). */
    public ReadOnlyObjectProperty<Duration> feedbackLeftProperty() {
        return feedbackLeft.getReadOnlyProperty();
    }

    /** Time left to the deadline that comes next (to sign for it, or to feed back); null when none runs. */
    public ReadOnlyObjectProperty<Duration> nextLeftProperty() {
        return nextLeft.getReadOnlyProperty();
    }

    /** Whether the order belongs to the incident selected in the queue. */
    public ReadOnlyBooleanProperty ofIncidentProperty() {
        return ofIncident.getReadOnlyProperty();
    }

    void setOfIncident(boolean of) {
        ofIncident.set(of);
    }

    /** Overdue and/or of the selected incident, as one value a table row can follow. */
    public javafx.beans.value.ObservableValue<Set<Mark>> marksProperty() {
        return marks;
    }

    public boolean isOverdue() {
        return overdue.get();
    }

    public ReadOnlyBooleanProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    /** The next running deadline, or far in the future when none runs (awaiting review): for ordering. */
    Instant sortKey() {
        OrderBoardEntry e = entry.get();
        EscalationKind k = e.nextDeadline();
        return k == null ? Instant.MAX : e.pendingDeadline(k);
    }
}
