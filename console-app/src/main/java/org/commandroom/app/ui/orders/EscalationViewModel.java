package org.commandroom.app.ui.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.core.dispatch.escalation.EscalationEntry;
import org.commandroom.core.dispatch.escalation.EscalationMonitor;
import org.commandroom.core.dispatch.escalation.EscalationScan;

/**
 * The escalation list (超时督办): orders whose sign-for or feedback deadline has passed, comes within the horizon
 * or has reached its early warning (two thirds of the window gone), soonest (most overdue) first, each with a live
 * countdown and its state (running, early warning, overdue). Fed by the {@link EscalationMonitor}, which
 * scans on its own schedule and after every order change; the countdowns move with the window's beat.
 */
public final class EscalationViewModel {

    private final EscalationMonitor monitor;
    private final Clock clock;
    private final ObservableList<EscalationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<EscalationRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper overdue = new ReadOnlyIntegerWrapper(this, "overdue");
    private final ReadOnlyIntegerWrapper warning = new ReadOnlyIntegerWrapper(this, "warning");
    private final Consumer<EscalationScan> listener = this::show;

    public EscalationViewModel(EscalationMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    public void activate() {
        monitor.addListener(listener);
    }

    public void deactivate() {
        monitor.removeListener(listener);
    }

    /** Shows one scan's result (called on the FX thread). */
    void show(EscalationScan scan) {
        Instant now = clock.instant();
        rows.setAll(scan.entries().stream().map(e -> new EscalationRow(e, now)).toList());
        countOverdue();
    }

    public void tick() {
        Instant now = clock.instant();
        for (EscalationRow r : rows) {
            r.tick(now);
        }
        countOverdue();
    }

    private void countOverdue() {
        overdue.set((int) rows.stream().filter(r -> r.getState() == EscalationEntry.State.OVERDUE).count());
        warning.set((int) rows.stream().filter(r -> r.getState() == EscalationEntry.State.WARNING).count());
    }

    public ObservableList<EscalationRow> rows() {
        return readOnlyRows;
    }

    /** How many listed deadlines have passed. */
    public ReadOnlyIntegerProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    /** How many listed deadlines are at their early warning, not yet missed. */
    public ReadOnlyIntegerProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }
}
