package org.commandroom.app.ui.orders;

import org.commandroom.app.ui.common.Failures;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.PushRuntime;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.escalation.IncidentOrders;
import org.commandroom.core.dispatch.escalation.OrderBoardEntry;
import org.commandroom.core.dispatch.escalation.OrderFollowUp;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.dispatch.push.PushConnectionState;
import org.commandroom.core.dispatch.push.PushStatus;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;

/**
 * The orders panel (指令): every open order with its status, assignee, countdowns to its deadlines, push
 * state and feedback; the trail of the selected order or of its whole incident; review and close (监督) with
 * a note, and corrections. Follows the change feed while shown; the push state of orders still waiting for
 * the broker is re-read every {@link #PUSH_REFRESH_TICKS} seconds (delivery writes no change-log row).
 *
 * <p>The incident selected in the queue is the panel's focus ({@link #focusIncident}): its open orders are marked
 * in the table, every order it ever had (closed ones too) is listed in {@link #incidentOrders()}, and the trail
 * shows its orders' steps until an order is picked.
 */
public final class OrdersViewModel {

    /** What the trail shows. */
    public enum TrailScope { ORDER, INCIDENT }

    /** An incident as the queue names it. */
    public record IncidentRef(long id, String number) {
    }

    static final int PUSH_REFRESH_TICKS = 2;

    static final Comparator<OrderRow> ORDER = Comparator.comparing(OrderRow::sortKey)
            .thenComparing(r -> r.getEntry().createdAt())
            .thenComparingLong(r -> r.getEntry().id());

    private final OrderFollowUp followUp;
    private final ChangeFeed feed;
    private final Tasks tasks;
    private final Clock clock;
    private final PushRuntime push;
    private final Role role;
    private final String actor;
    private final IncidentOrders incidentOrderQuery;

    private final ObservableList<OrderRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OrderRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, OrderRow> byId = new HashMap<>();
    private final ObservableList<TrailEvent> trail = FXCollections.observableArrayList();
    private final ObservableList<TrailEvent> readOnlyTrail = FXCollections.unmodifiableObservableList(trail);
    private final ReadOnlyObjectWrapper<org.commandroom.core.dispatch.OrderTimes> times =
            new ReadOnlyObjectWrapper<>(this, "times");
    private final ReadOnlyObjectWrapper<OrderRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<TrailScope> trailScope = new ReadOnlyObjectWrapper<>(this, "trailScope", TrailScope.ORDER);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyStringWrapper actionError = new ReadOnlyStringWrapper(this, "actionError");
    private final ReadOnlyStringWrapper actionDone = new ReadOnlyStringWrapper(this, "actionDone");
    private final ReadOnlyObjectWrapper<PushConnectionState> pushState = new ReadOnlyObjectWrapper<>(this, "pushState");
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper(this, "queued");
    private final ReadOnlyObjectWrapper<IncidentRef> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ObservableList<OrderBoardEntry> incidentOrders = FXCollections.observableArrayList();
    private final ObservableList<OrderBoardEntry> readOnlyIncidentOrders =
            FXCollections.unmodifiableObservableList(incidentOrders);
    private final ReadOnlyBooleanWrapper incidentOrdersLoaded = new ReadOnlyBooleanWrapper(this, "incidentOrdersLoaded");
    private final ChangeFeed.Listener feedListener = this::onChanges;
    private final Consumer<PushConnectionState> pushListener = pushState::set;
    private int ticks;

    /**
     * @param push  the running push (null: no push state line, e.g. in screen tests without a broker)
     * @param actor the name written on the trail for this workstation's user
     */
    public OrdersViewModel(OrderFollowUp followUp, ChangeFeed feed, Tasks tasks, Clock clock, PushRuntime push,
                           Role role, String actor) {
        this(followUp, null, feed, tasks, clock, push, role, actor);
    }

    /**
     * @param incidentOrders every order of an incident, for the queue's selection (null: the focus marks and
     *                       trails the incident's orders but does not list its closed ones)
     */
    public OrdersViewModel(OrderFollowUp followUp, IncidentOrders incidentOrders, ChangeFeed feed, Tasks tasks,
                           Clock clock, PushRuntime push, Role role, String actor) {
        this.incidentOrderQuery = incidentOrders;
        this.followUp = followUp;
        this.feed = feed;
        this.tasks = tasks;
        this.clock = clock;
        this.push = push;
        this.role = role;
        this.actor = actor;
        if (push != null) {
            pushState.set(push.state());
        }
    }

    public void activate() {
        feed.addListener(feedListener);
        if (push != null) {
            push.addStateListener(pushListener);
            pushState.set(push.state());
        }
        reload();
    }

    public void deactivate() {
        feed.removeListener(feedListener);
        if (push != null) {
            push.removeStateListener(pushListener);
        }
    }

    public void reload() {
        loading.set(true);
        tasks.run(followUp::openOrders, this::replaceAll, this::loadFailed);
    }

    /** Moves every countdown on; re-reads the push state of orders still queued every few seconds. */
    public void tick() {
        Instant now = clock.instant();
        for (OrderRow r : rows) {
            r.tick(now);
        }
        if (++ticks % PUSH_REFRESH_TICKS == 0) {
            List<Long> waiting = rows.stream().filter(r -> r.getEntry().push().state() == PushStatus.State.QUEUED)
                    .map(r -> r.getEntry().id()).toList();
            if (!waiting.isEmpty()) {
                tasks.run(() -> followUp.entries(waiting), found -> {
                    if (apply(waiting, found)) {
                        loadTrail();
                    }
                }, this::loadFailed);
            }
        }
    }

    private void replaceAll(List<OrderBoardEntry> entries) {
        Instant now = clock.instant();
        byId.clear();
        List<OrderRow> fresh = entries.stream().map(e -> new OrderRow(e, now)).sorted(ORDER).toList();
        fresh.forEach(r -> {
            byId.put(r.getEntry().id(), r);
            markFocus(r);
        });
        rows.setAll(fresh);
        loading.set(false);
        loadError.set(null);
        countQueued();
        OrderRow sel = selected.get();
        if (sel != null) {
            select(byId.get(sel.getEntry().id()));
        }
    }

    void onChanges(List<Change> changes) {
        List<Long> ids = Change.idsOf(changes, Entity.ORDER);
        if (ids.isEmpty()) {
            return;
        }
        tasks.run(() -> followUp.entries(ids), found -> {
            boolean selectedChanged = apply(ids, found);
            loadIncidentOrders();
            // An incident's trail may have a new step of any of its orders, not only of the one picked.
            if (selectedChanged || showsIncidentTrail()) {
                loadTrail();
            }
        }, this::loadFailed);
    }

    /** Patches the board; true when the picked order changed (or left). */
    private boolean apply(List<Long> ids, List<OrderBoardEntry> found) {
        boolean selectedChanged = false;
        Map<Long, OrderBoardEntry> byFound = new HashMap<>();
        found.forEach(e -> byFound.put(e.id(), e));
        Instant now = clock.instant();
        boolean reorder = false;
        for (long id : ids) {
            OrderBoardEntry e = byFound.get(id);
            OrderRow row = byId.get(id);
            if (e == null || e.status() == OrderStatus.CLOSED) {
                if (row != null) {
                    byId.remove(id);
                    rows.remove(row);
                    if (selected.get() == row) {
                        selected.set(null);
                        selectedChanged = true;
                    }
                }
            } else if (row == null) {
                OrderRow added = new OrderRow(e, now);
                markFocus(added);
                byId.put(id, added);
                rows.add(added);
                reorder = true;
            } else {
                reorder |= row.getEntry().status() != e.status();
                row.update(e, now);
                markFocus(row);
                selectedChanged |= selected.get() == row;
            }
        }
        if (reorder) {
            FXCollections.sort(rows, ORDER);
        }
        countQueued();
        loadError.set(null);
        return selectedChanged;
    }

    private void countQueued() {
        queued.set((int) rows.stream().filter(r -> r.getEntry().push().state() == PushStatus.State.QUEUED).count());
    }

    private void loadFailed(Exception e) {
        loading.set(false);
        loadError.set(Failures.text(e));
    }

    /**
     * Shows this order's feedback and trail; null clears the order (the trail then shows the focused incident's
     * orders, if any). Picking an order shows its own trail.
     */
    public void select(OrderRow row) {
        if (row == selected.get()) {
            return;
        }
        selected.set(row);
        actionError.set(null);
        actionDone.set(null);
        if (row != null) {
            trailScope.set(TrailScope.ORDER);
        } else if (focus.get() != null) {
            trailScope.set(TrailScope.INCIDENT);
        }
        loadTrail();
    }

    /**
     * The incident selected in the queue (null: none). Its open orders are marked, all its orders listed, and,
     * unless an order of it is picked, the trail shows every step of its orders. An order of another incident
     * is let go.
     */
    public void focusIncident(IncidentRef incident) {
        if (Objects.equals(incident, focus.get())) {
            return;
        }
        // Marked before the focus changes, so that whoever follows the focus finds the incident's rows marked.
        rows.forEach(r -> markFocus(r, incident));
        focus.set(incident);
        incidentOrders.clear();
        incidentOrdersLoaded.set(false);
        OrderRow row = selected.get();
        if (incident != null && row != null && !Objects.equals(row.getEntry().incidentId(), incident.id())) {
            selected.set(null);
            actionError.set(null);
            actionDone.set(null);
            row = null;
        }
        if (incident != null && row == null) {
            trailScope.set(TrailScope.INCIDENT);
        }
        loadIncidentOrders();
        loadTrail();
    }

    private void markFocus(OrderRow r) {
        markFocus(r, focus.get());
    }

    private static void markFocus(OrderRow r, IncidentRef f) {
        r.setOfIncident(f != null && Objects.equals(r.getEntry().incidentId(), f.id()));
    }

    private void loadIncidentOrders() {
        IncidentRef f = focus.get();
        if (f == null || incidentOrderQuery == null) {
            return;
        }
        tasks.run(() -> incidentOrderQuery.of(f.id()), found -> {
            if (f.equals(focus.get())) {
                incidentOrders.setAll(found);
                incidentOrdersLoaded.set(true);
            }
        }, this::loadFailed);
    }

    /** The open row of this order, or null when it is closed (or not loaded). */
    public OrderRow rowOf(long orderId) {
        return byId.get(orderId);
    }

    /**
     * Picks an order of the focused incident that is no longer on the board (closed): its feedback and trail
     * are shown as for an open one; nothing can be done to it.
     */
    public void selectClosed(OrderBoardEntry entry) {
        OrderRow open = byId.get(entry.id());
        select(open != null ? open : new OrderRow(entry, clock.instant()));
    }

    public void setTrailScope(TrailScope scope) {
        trailScope.set(scope);
        loadTrail();
    }

    /** The incident whose orders the trail shows, or null when it shows one order's (or nothing). */
    private Long trailIncident() {
        OrderRow row = selected.get();
        if (row != null && trailScope.get() == TrailScope.ORDER) {
            return null;
        }
        if (row != null && row.getEntry().incidentId() != null) {
            return row.getEntry().incidentId();
        }
        IncidentRef f = focus.get();
        return f == null || row != null ? null : f.id();
    }

    private boolean showsIncidentTrail() {
        return trailIncident() != null;
    }

    private void loadTrail() {
        OrderRow row = selected.get();
        Long incident = trailIncident();
        if (row == null && incident == null) {
            trail.clear();
            times.set(null);
            return;
        }
        long orderId = row == null ? -1 : row.getEntry().id();
        tasks.run(() -> incident != null ? followUp.incidentTrail(incident) : followUp.trail(orderId),
                trail::setAll, this::loadFailed);
        if (row == null) {
            times.set(null);
        } else {
            tasks.run(() -> followUp.times(orderId).orElse(null), times::set, this::loadFailed);
        }
    }

    /**
     * The selected order's times (dispatched, received by the terminal, signed, en route, on scene, cleared) and so
     * its response times; null when no order is picked.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<org.commandroom.core.dispatch.OrderTimes> timesProperty() {
        return times.getReadOnlyProperty();
    }

    /** Whether the signed-in role may close or correct orders. */
    public boolean mayAct() {
        return mayClose() || mayCorrect();
    }

    /** Whether the signed-in role may review and close (the leader on duty, docs/ACCESS.md). */
    public boolean mayClose() {
        return org.commandroom.core.access.RolePermissions.live(role)
                .contains(org.commandroom.core.access.Permission.REVIEW_CLOSE);
    }

    /** Whether the signed-in role may add a correction to a trail. */
    public boolean mayCorrect() {
        return org.commandroom.core.access.RolePermissions.live(role)
                .contains(org.commandroom.core.access.Permission.CORRECT);
    }

    /** Review and close the selected order with a note; the outcome lands in actionDone / actionError. */
    public void reviewAndClose(String note) {
        OrderRow row = selected.get();
        if (row == null || !mayClose()) {
            return;
        }
        long id = row.getEntry().id();
        String no = row.getEntry().orderNo();
        actionError.set(null);
        tasks.run(() -> {
            followUp.reviewAndClose(id, actor, note);
            return no;
        }, actionDone::set, e -> actionError.set(Failures.text(e)));
    }

    /** Record a correction on the selected order's trail. */
    public void correct(String text) {
        OrderRow row = selected.get();
        if (row == null || !mayCorrect()) {
            return;
        }
        long id = row.getEntry().id();
        String no = row.getEntry().orderNo();
        actionError.set(null);
        tasks.run(() -> {
            followUp.correct(id, actor, text);
            return no;
        }, done -> {
            actionDone.set(done);
            loadTrail();
        }, e -> actionError.set(Failures.text(e)));
    }

    public ObservableList<OrderRow> rows() {
        return readOnlyRows;
    }

    public ObservableList<TrailEvent> trail() {
        return readOnlyTrail;
    }

    public ReadOnlyObjectProperty<OrderRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The incident selected in the queue, or null. */
    public ReadOnlyObjectProperty<IncidentRef> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /** Every order of the focused incident, closed ones too, oldest first. */
    public ObservableList<OrderBoardEntry> incidentOrders() {
        return readOnlyIncidentOrders;
    }

    /** Whether {@link #incidentOrders()} has been read for the present focus (an empty list then means none). */
    public ReadOnlyBooleanProperty incidentOrdersLoadedProperty() {
        return incidentOrdersLoaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrailScope> trailScopeProperty() {
        return trailScope.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** Why the last action was refused, in one line; null when it was not. */
    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    /** The number of the order the last action succeeded on. */
    public ReadOnlyStringProperty actionDoneProperty() {
        return actionDone.getReadOnlyProperty();
    }

    /** The push connection (null when this console has no push). */
    public ReadOnlyObjectProperty<PushConnectionState> pushStateProperty() {
        return pushState.getReadOnlyProperty();
    }

    /** Open orders whose message still waits for the broker. */
    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }
}
