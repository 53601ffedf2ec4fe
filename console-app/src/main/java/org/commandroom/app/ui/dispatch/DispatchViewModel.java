package org.commandroom.app.ui.dispatch;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.List;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.dispatch.DispatchConflict;
import org.commandroom.core.dispatch.DispatchService;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.unit.UnitStatus;

/**
 * The dispatch panel's state (派警, F3) for one incident: its proposals, best first, the one chosen and
 * the commander's note. Confirming runs on the I/O executor; when another workstation got there first
 * the panel says who lost what, reloads the proposals and keeps the note.
 */
public final class DispatchViewModel {

    static final int PROPOSALS = 10;

    private final DispatchService dispatch;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;

    private final ReadOnlyObjectWrapper<Incident> incident = new ReadOnlyObjectWrapper<>(this, "incident");
    private final ObservableList<UnitProposal> proposals = FXCollections.observableArrayList();
    private final ObjectProperty<UnitProposal> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyObjectWrapper<Order> issued = new ReadOnlyObjectWrapper<>(this, "issued");

    public DispatchViewModel(DispatchService dispatch, Tasks tasks, I18n i18n, String actor) {
        this.dispatch = dispatch;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
    }

    /** Reads the incident and proposes units for it. */
    public void load(long incidentId) {
        busy.set(true);
        tasks.run(() -> {
            Incident i = dispatch.incident(incidentId).orElseThrow(() -> new IllegalStateException("#" + incidentId));
            return new Loaded(i, dispatch.propose(i, PROPOSALS));
        }, this::loaded, e -> {
            busy.set(false);
            error(i18n.tr("dispatch.error.failed", Tasks.rootMessage(e)));
        });
    }

    private record Loaded(Incident incident, List<UnitProposal> proposals) {
    }

    private void loaded(Loaded l) {
        loaded(l, false);
    }

    private void loaded(Loaded l, boolean keepMessage) {
        busy.set(false);
        incident.set(l.incident());
        proposals.setAll(l.proposals());
        selected.set(l.proposals().isEmpty() ? null : l.proposals().get(0));
        if (!keepMessage) {
            message.set(null);
            if (l.proposals().isEmpty()) {
                error(i18n.tr("dispatch.none"));
            }
        }
    }

    /** Sends the chosen proposal. */
    public void confirm() {
        Incident i = incident.get();
        UnitProposal p = selected.get();
        if (busy.get() || i == null || p == null) {
            return;
        }
        if (!i.status().isOpen()) {
            error(i18n.tr("dispatch.error.closed", i.incidentNo()));
            return;
        }
        busy.set(true);
        String typed = note.get();
        tasks.run(() -> dispatch.dispatch(i, p, actor, typed), o -> {
            busy.set(false);
            issued.set(o);
            messageIsError.set(false);
            message.set(i18n.tr("dispatch.done", p.label(), o.orderNo()));
            note.set("");
            reload(i.id());
        }, e -> {
            busy.set(false);
            if (e instanceof DispatchConflict c) {
                error(c.what() == DispatchConflict.What.UNIT
                        ? i18n.tr("dispatch.conflict.unit", c.name(), unitStatus(c.nowStatus()))
                        : i18n.tr("dispatch.conflict.incident", c.name()));
                reload(i.id());
            } else {
                error(i18n.tr("dispatch.error.failed", Tasks.rootMessage(e)));
            }
        });
    }

    /** Reads the incident and proposals again, keeping the message shown and what was typed. */
    private void reload(long incidentId) {
        busy.set(true);
        tasks.run(() -> {
            Incident fresh = dispatch.incident(incidentId).orElseThrow();
            return new Loaded(fresh, dispatch.propose(fresh, PROPOSALS));
        }, l -> loaded(l, true), e -> busy.set(false));
    }

    private String unitStatus(String status) {
        try {
            return i18n.label(UnitStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public ReadOnlyObjectProperty<Incident> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    public ObservableList<UnitProposal> proposals() {
        return proposals;
    }

    public ObjectProperty<UnitProposal> selectedProperty() {
        return selected;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Order> issuedProperty() {
        return issued.getReadOnlyProperty();
    }
}
