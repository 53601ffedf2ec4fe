package org.commandroom.app.ui.orders;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.commandroom.core.dispatch.escalation.EscalationKind;
import org.commandroom.core.dispatch.escalation.OrderBoardEntry;

/** One line of the orders panel: the order, and the countdown to its next deadline (negative = overdue). */
public final class OrderRow {

    private final ReadOnlyObjectWrapper<OrderBoardEntry> entry = new ReadOnlyObjectWrapper<>(this, "entry");
    private final ReadOnlyObjectWrapper<Duration> signLeft = new ReadOnlyObjectWrapper<>(this, "signLeft");
    private final ReadOnlyObjectWrapper<Duration> feedbackLeft = new ReadOnlyObjectWrapper<>(this, "feedbackLeft");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper(this, "overdue");

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
        overdue.set(e.overdue(EscalationKind.SIGN, now) || e.overdue(EscalationKind.FEEDBACK, now));
    }

    public OrderBoardEntry getEntry() {
        return entry.get();
    }

    public ReadOnlyObjectProperty<OrderBoardEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    /** Time left to sign for it; null once signed (or not issued). */
    public ReadOnlyObjectProperty<Duration> signLeftProperty() {
        return signLeft.getReadOnlyProperty();
    }

    /** Time left to feed back; null once fed back (or not issued). */
    public ReadOnlyObjectProperty<Duration> feedbackLeftProperty() {
        return feedbackLeft.getReadOnlyProperty();
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
