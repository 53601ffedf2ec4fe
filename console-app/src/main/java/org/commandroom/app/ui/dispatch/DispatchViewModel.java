package org.commandroom.app.ui.dispatch;

import org.commandroom.core.intake.IntakeResult;

import java.time.Instant;
import java.util.List;
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
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.dispatch.DispatchConflict;
import org.commandroom.core.dispatch.DispatchService;
import org.commandroom.core.dispatch.DispatchUnavailable;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.unit.UnitStatus;

/**
 * The dispatch panel's state (派警, F3) for one incident: its proposals, best first, the one chosen and
 * the commander's note. Confirming runs on the I/O executor; when another workstation got there first
 * the panel says who lost what, reloads the proposals and keeps the note.
 *
 * <p>One incident, one unit, one order: after a dispatch the same unit (or officer) stays chosen if it is still
 * proposed, and nothing else is chosen for it, so a second Enter sends nothing new (the service refuses a second
 * open order of the pair and the panel says which order it already has).
 *
 * <p>While shown it follows the database's health as the change feed reports it (the status bar's signal): a read
 * that failed says so in its own words, and the proposals are computed again as soon as the database answers.
 */
public final class DispatchViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DispatchViewModel.class);
    static final int PROPOSALS = 10;
    /** A failed read is tried again after this many beats (seconds) on screen, whatever the feed says. */
    static final int RETRY_BEATS = 5;

    /** Where the proposals list stands. */
    public enum ListState { LOADING, READY, FAILED }

    private final DispatchService dispatch;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ChangeFeed feed;
    private final ChangeFeed.HealthListener health = this::onHealth;

    private final ReadOnlyObjectWrapper<Incident> incident = new ReadOnlyObjectWrapper<>(this, "incident");
    private final ObservableList<UnitProposal> proposals = FXCollections.observableArrayList();
    private final ObjectProperty<UnitProposal> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyObjectWrapper<Order> issued = new ReadOnlyObjectWrapper<>(this, "issued");
    private final ReadOnlyObjectWrapper<ListState> listState = new ReadOnlyObjectWrapper<>(this, "listState",
            ListState.LOADING);
    private final ReadOnlyBooleanWrapper byTravelTime = new ReadOnlyBooleanWrapper(this, "byTravelTime");
    /** The incident's repeat flag and proposed door visit (null: not a repeat, or not known here). */
    private final ReadOnlyObjectWrapper<IntakeResult> repeat = new ReadOnlyObjectWrapper<>(this, "repeat");
    /** The number of the door visit issued from this panel for the incident shown (null: none yet). */
    private final ReadOnlyStringWrapper visitIssued = new ReadOnlyStringWrapper(this, "visitIssued");
    /** Where a call's repeat flag is read and its door visit issued; null where the panel has no intake. */
    private org.commandroom.core.intake.IntakeService intake;
    private org.commandroom.core.dispatch.TaskOrderService visits;

    /** The incident the panel is for, or -1 before the first F3. */
    private long incidentId = -1;
    /** The database came back while a read or dispatch was running: read again when it ends. */
    private boolean readAgain;
    /** Beats since the last read failed. */
    private int beatsFailed;

    /** @param feed the change feed whose health the panel follows while shown; null where there is none */
    public DispatchViewModel(DispatchService dispatch, Tasks tasks, I18n i18n, String actor, ChangeFeed feed) {
        this.dispatch = dispatch;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
        this.feed = feed;
    }

    /**
     * Shows a repeat call's flag and offers its door visit here too: a call taken elsewhere (another workstation, an
     * import, a drill's scenario) never showed the commander intake's answer.
     */
    public void useRepeats(org.commandroom.core.intake.IntakeService intake, org.commandroom.core.dispatch.TaskOrderService visits) {
        this.intake = intake;
        this.visits = visits;
    }

    /** Follows the database's health (the panel is on screen). */
    public void activate() {
        if (feed != null) {
            feed.addHealthListener(health);
        }
    }

    public void deactivate() {
        if (feed != null) {
            feed.removeHealthListener(health);
        }
    }

    /** Reads the incident and proposes units for it. */
    public void load(long id) {
        if (id != incidentId) {
            incident.set(null);
            proposals.clear();
            selected.set(null);
            repeat.set(null);
            visitIssued.set(null);
        }
        incidentId = id;
        message.set(null);
        read(true, null, null);
    }

    /**
     * Reads the incident and its proposals. On a fresh F3 the best proposal not yet dispatched to this incident is
     * chosen; otherwise (after a dispatch, a conflict or an outage) {@code keep}, the proposal chosen before, stays
     * chosen if it is still proposed, and else nothing is: a second Enter never picks another unit by itself.
     *
     * @param done what the message line says once read (null: leave it)
     */
    private void read(boolean fresh, UnitProposal keep, String done) {
        long id = incidentId;
        busy.set(true);
        listState.set(ListState.LOADING);
        tasks.run(() -> {
            Incident i = dispatch.incident(id).orElseThrow(() -> new IllegalStateException("no incident #" + id));
            IntakeResult r = intake == null ? null : intake.review(id).filter(x -> x.repeat().flagged()).orElse(null);
            return new Loaded(i, dispatch.propose(i, PROPOSALS), r);
        }, l -> {
            if (id == incidentId) {
                loaded(l, fresh, keep);
                if (done != null) {
                    messageIsError.set(false);
                    message.set(done);
                }
            }
            settled();
        }, e -> {
            if (id == incidentId) {
                readFailed(e);
            }
            settled();
        });
    }

    private record Loaded(Incident incident, List<UnitProposal> proposals, IntakeResult repeat) {
    }

    private void loaded(Loaded l, boolean fresh, UnitProposal keep) {
        incident.set(l.incident());
        repeat.set(l.repeat());
        byTravelTime.set(DispatchService.nearestUnitFirst(l.incident()));
        proposals.setAll(l.proposals());
        listState.set(ListState.READY);
        UnitProposal choice = null;
        for (UnitProposal p : l.proposals()) {
            if (fresh ? !p.alreadyDispatched() : p.sameAssignee(keep)) {
                choice = p;
                break;
            }
        }
        selected.set(choice);
        if (fresh && l.proposals().isEmpty()) {
            error(i18n.tr("dispatch.none"));
        }
    }

    private void readFailed(Exception e) {
        listState.set(ListState.FAILED);
        beatsFailed = 0;
        error(e instanceof DispatchUnavailable ? i18n.tr("dispatch.error.readDb") : i18n.tr("dispatch.error.read"));
    }

    private void settled() {
        busy.set(false);
        if (readAgain) {
            readAgain = false;
            readAfterOutage();
        }
    }

    /** The database's health changed (on the FX thread). Back again: the proposals are computed afresh. */
    void onHealth(boolean reachable, Instant lastSuccess, String error) {
        if (incidentId < 0) {
            return;
        }
        if (!reachable) {
            if (listState.get() != ListState.FAILED) {
                error(i18n.tr("dispatch.error.dbLost"));
            }
            return;
        }
        if (busy.get()) {
            readAgain = true;
        } else {
            readAfterOutage();
        }
    }

    /**
     * The window's once-a-second beat while the panel is shown. A failed read is tried again every few seconds too:
     * the feed reports only changes of health, and a read can fail while the feed still finds the database.
     */
    public void beat() {
        if (listState.get() == ListState.FAILED && !busy.get() && incidentId >= 0 && ++beatsFailed >= RETRY_BEATS) {
            readAfterOutage();
        }
    }

    /** The database answers again: what is chosen stays chosen (a failed dispatch is one Enter away). */
    private void readAfterOutage() {
        read(incident.get() == null, selected.get(), i18n.tr("dispatch.recovered"));
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
            issued.set(o);
            messageIsError.set(false);
            message.set(i18n.tr("dispatch.done", p.label(), o.orderNo()));
            note.set("");
            busy.set(false);
            read(false, p, null);
        }, e -> {
            busy.set(false);
            if (e instanceof DispatchConflict c) {
                error(switch (c.what()) {
                    case UNIT -> i18n.tr("dispatch.conflict.unit", c.name(), unitStatus(c.nowStatus()));
                    case INCIDENT -> i18n.tr("dispatch.conflict.incident", c.name());
                    case ALREADY_DISPATCHED -> i18n.tr("dispatch.already", c.name(), c.orderNo(), orderStatus(c.nowStatus()));
                });
                read(false, p, null);
            } else if (e instanceof DispatchUnavailable) {
                error(i18n.tr("dispatch.error.dispatchDb", p.label()));
                settled();
            } else {
                error(i18n.tr("dispatch.error.failed", p.label()));
                settled();
            }
        });
    }

    private String unitStatus(String status) {
        try {
            return i18n.label(UnitStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    private String orderStatus(String status) {
        try {
            return i18n.label(OrderStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    /** Issues the door visit proposed for the repeat call shown (to the grid's community officer), off the FX thread. */
    public void issueVisit() {
        IntakeResult r = repeat.get();
        if (intake == null || r == null || r.visitProposal().isEmpty() || visitIssued.get() != null || busy.get()) {
            return;
        }
        long id = incidentId;
        busy.set(true);
        tasks.run(() -> visits.issueDraft(r.visitProposal().get(), actor), (Order o) -> {
            busy.set(false);
            if (id == incidentId) {
                visitIssued.set(o.orderNo());
                messageIsError.set(false);
                message.set(i18n.tr("intake.visit.issued", o.orderNo()));
            }
        }, e -> {
            busy.set(false);
            LOG.error("The door visit could not be issued from the dispatch panel", e);
            error(e instanceof org.commandroom.core.access.AccessDenied ? i18n.tr("dispatch.repeat.denied")
                    : i18n.tr("dispatch.repeat.failed"));
        });
    }

    public ReadOnlyObjectProperty<IntakeResult> repeatProperty() {
        return repeat.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty visitIssuedProperty() {
        return visitIssued.getReadOnlyProperty();
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

    /** Loading, ready, or failed (the database did not answer): what the empty list says. */
    public ReadOnlyObjectProperty<ListState> listStateProperty() {
        return listState.getReadOnlyProperty();
    }

    /** True for an urgent incident: the nearest unit by travel time leads, responsibility after. */
    public ReadOnlyBooleanProperty byTravelTimeProperty() {
        return byTravelTime.getReadOnlyProperty();
    }
}
