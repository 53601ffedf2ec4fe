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
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.commandroom.app.PushRuntime;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.Permission;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.OrderService;
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
import org.commandroom.core.unit.UnitBoardEntry;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;

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
    private final OrderService orderService;
    private final UnitService units;

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
    private final ReadOnlyObjectWrapper<Refusal> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final ReadOnlyBooleanWrapper canReassign = new ReadOnlyBooleanWrapper(this, "canReassign");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canReturn = new ReadOnlyBooleanWrapper(this, "canReturn");
    private final ReadOnlyBooleanWrapper choosingUnit = new ReadOnlyBooleanWrapper(this, "choosingUnit");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<UnitBoardEntry> unitChoices = FXCollections.observableArrayList();
    private final FilteredList<UnitBoardEntry> filteredUnits = new FilteredList<>(unitChoices);
    private final Map<Long, Double> choiceDistances = new HashMap<>();
    /** Held here so that the listener below lives as long as the model (flatMap results are weakly observed). */
    private final ObservableValue<OrderBoardEntry> selectedEntry = selected.flatMap(OrderRow::entryProperty);
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
        this(followUp, incidentOrders, null, null, feed, tasks, clock, push, role, actor);
    }

    /**
     * @param orders the order service for re-assigning, cancelling and returning for more work (null: those
     *               actions are not offered)
     * @param units  the units a re-assigned order may go to (null: as for {@code orders})
     */
    public OrdersViewModel(OrderFollowUp followUp, IncidentOrders incidentOrders, OrderService orders, UnitService units,
                           ChangeFeed feed, Tasks tasks, Clock clock, PushRuntime push, Role role, String actor) {
        this.orderService = orders;
        this.units = units;
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
        selectedEntry.addListener((o, was, is) -> updateActions(is));
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
        clearOutcome();
        choosingUnit.set(false);
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
            clearOutcome();
            choosingUnit.set(false);
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
        if (row == null || row.getEntry().kind() != org.commandroom.core.dispatch.OrderKind.DISPATCH) {
            times.set(null); // only a dispatch has a terminal's way to a scene; a reminder or a visit has no such times
        } else {
            tasks.run(() -> followUp.times(orderId).orElse(null), times::set, this::loadFailed);
        }
    }

    /**
     * The selected order's times (dispatched, received by the terminal, signed, en route, on scene, cleared) and so
     * its response times; null when no order is picked or it is not a dispatch (出警).
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
        refusal.set(null);
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
        refusal.set(null);
        tasks.run(() -> {
            followUp.correct(id, actor, text);
            return no;
        }, done -> {
            actionDone.set(done);
            loadTrail();
        }, e -> actionError.set(Failures.text(e)));
    }

    /**
     * Why an action on the selected order was not done, for the view to say in the operator's words (each names
     * its bundle key; {@code {0}} is the order's number).
     */
    public enum Refusal {
        /** The signed-in role lacks the permission; the service refused and audited it. */
        NOT_PERMITTED("orders.refused.permission"),
        /** A cancel without a reason. */
        REASON_REQUIRED("orders.refused.reason"),
        /** A return for more work without a note. */
        NOTE_REQUIRED("orders.refused.note"),
        /** A note longer than the trail keeps. */
        TOO_LONG("orders.refused.tooLong"),
        /** No unit picked in the re-assign list. */
        NO_UNIT("orders.refused.noUnit"),
        /** The order moved on (signed-for, fed back, closed…) before the re-assignment reached it. */
        NOT_REASSIGNABLE("orders.refused.reassign"),
        /** The order was already closed or cancelled. */
        NOT_CANCELLABLE("orders.refused.cancel"),
        /** The order no longer waits for review (closed, or returned already). */
        NOT_RETURNABLE("orders.refused.return"),
        /** Something else went wrong; the log has it. */
        FAILED("orders.refused.failed");

        private final String key;

        Refusal(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * The longest note or reason taken: the trail keeps {@link OrderFollowUp#MAX_TEXT} characters, and a
     * re-assignment puts both call-signs before the note.
     */
    static final int MAX_NOTE = OrderFollowUp.MAX_TEXT - 100;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrdersViewModel.class);

    /**
     * What may be done to the selected order: the state the order service accepts for each step (its guarded
     * updates: re-assign an ISSUED or SIGNED order that has a unit, cancel one that is not closed, return a FED_BACK
     * one), and the permission the service checks for it, as the core's role table grants it. The service stays the
     * judge: a change from elsewhere between the read and the click comes back as a refusal.
     */
    private void updateActions(OrderBoardEntry e) {
        boolean open = orderService != null && e != null && e.status() != OrderStatus.CLOSED;
        canReassign.set(open && units != null && may(Permission.DISPATCH) && e.unitCallSign() != null
                && (e.status() == OrderStatus.ISSUED || e.status() == OrderStatus.SIGNED));
        canCancel.set(open && may(Permission.ORDERS));
        canReturn.set(open && may(Permission.REVIEW_CLOSE) && e.status() == OrderStatus.FED_BACK);
        if (!canReassign.get()) {
            choosingUnit.set(false);
        }
    }

    private boolean may(Permission p) {
        return org.commandroom.core.access.RolePermissions.live(role).contains(p);
    }

    /**
     * Opens the list of units the selected order can go to, its own unit left out: available ones first, and within
     * a status the nearest to the order's point first (as the dispatch proposals rank them), then by call-sign.
     */
    public void openReassign() {
        if (!canReassign.get()) {
            return;
        }
        OrderBoardEntry entry = selected.get().getEntry();
        String own = entry.unitCallSign();
        long orderId = entry.id();
        clearOutcome();
        unitChoices.clear();
        choiceDistances.clear();
        filteredUnits.setPredicate(null);
        choosingUnit.set(true);
        tasks.run(() -> {
            org.commandroom.core.geo.GeoPoint target = orderService.find(orderId).map(org.commandroom.core.dispatch.Order::target).orElse(null);
            List<UnitBoardEntry> others = units.boardInService().stream().filter(u -> !u.callSign().equals(own)).toList();
            Map<Long, Double> metres = new HashMap<>();
            if (target != null) {
                others.stream().filter(u -> u.position() != null)
                        .forEach(u -> metres.put(u.id(), u.position().distanceMetres(target)));
            }
            List<UnitBoardEntry> ranked = others.stream()
                    .sorted(Comparator.comparing((UnitBoardEntry u) -> u.status() != UnitStatus.AVAILABLE)
                            .thenComparing(u -> u.status().ordinal())
                            .thenComparing(u -> metres.getOrDefault(u.id(), Double.MAX_VALUE))
                            .thenComparing(UnitBoardEntry::callSign))
                    .toList();
            return Map.entry(ranked, metres);
        }, result -> {
            choiceDistances.putAll(result.getValue());
            unitChoices.setAll(result.getKey());
        }, this::refused);
    }

    /** How far a unit in the re-assign list is from the order's point, in metres; null when either is unknown. */
    public Double distanceToOrder(UnitBoardEntry unit) {
        return choiceDistances.get(unit.id());
    }

    public void closeReassign() {
        choosingUnit.set(false);
    }

    /** Narrows the unit list to call-signs, stations and crew names containing {@code text} (blank: all). */
    public void filterUnits(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        filteredUnits.setPredicate(t.isEmpty() ? null : u -> u.callSign().toLowerCase(java.util.Locale.ROOT).contains(t)
                || (u.stationName() != null && u.stationName().toLowerCase(java.util.Locale.ROOT).contains(t))
                || u.crew().stream().anyMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains(t)));
    }

    /** Gives the selected order to {@code unit}, with an optional note for the trail and both terminals. */
    public void reassign(UnitBoardEntry unit, String note) {
        OrderRow row = selected.get();
        if (row == null || !canReassign.get()) {
            return;
        }
        if (unit == null) {
            refuse(Refusal.NO_UNIT);
            return;
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            refuse(Refusal.TOO_LONG);
            return;
        }
        long id = row.getEntry().id();
        act(() -> orderService.reassign(id, unit.id(), actor, text), row, Refusal.NOT_REASSIGNABLE);
    }

    /** Withdraws the selected order; the reason is required and goes on the trail and to the terminal. */
    public void cancel(String reason) {
        OrderRow row = selected.get();
        if (row == null || !canCancel.get()) {
            return;
        }
        String text = required(reason, Refusal.REASON_REQUIRED);
        if (text != null) {
            long id = row.getEntry().id();
            act(() -> orderService.cancel(id, actor, text), row, Refusal.NOT_CANCELLABLE);
        }
    }

    /** Sends the selected fed-back order back to its unit for more work; the note is required. */
    public void returnForMoreWork(String note) {
        OrderRow row = selected.get();
        if (row == null || !canReturn.get()) {
            return;
        }
        String text = required(note, Refusal.NOTE_REQUIRED);
        if (text != null) {
            long id = row.getEntry().id();
            act(() -> orderService.returnForMoreWork(id, actor, text), row, Refusal.NOT_RETURNABLE);
        }
    }

    private String required(String text, Refusal whenBlank) {
        if (text == null || text.isBlank()) {
            refuse(whenBlank);
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_NOTE) {
            refuse(Refusal.TOO_LONG);
            return null;
        }
        return t;
    }

    /**
     * Runs one step of the order service on the I/O executor (one at a time: a second key press while it runs does
     * nothing); false from the service becomes {@code whenFalse}. The row itself changes with the change feed.
     */
    private void act(java.util.concurrent.Callable<Boolean> step, OrderRow row, Refusal whenFalse) {
        if (busy.get()) {
            return;
        }
        String no = row.getEntry().orderNo();
        clearOutcome();
        busy.set(true);
        tasks.run(step, done -> {
            busy.set(false);
            if (Boolean.TRUE.equals(done)) {
                choosingUnit.set(false);
                actionDone.set(no);
            } else {
                refuse(whenFalse);
            }
        }, e -> {
            busy.set(false);
            refused(e);
        });
    }

    private void refuse(Refusal r) {
        actionDone.set(null);
        actionError.set(null);
        refusal.set(r);
    }

    /** A permission refusal or an unexpected failure in the operator's words; a database's state as Failures says it. */
    private void refused(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.commandroom.core.access.AccessDenied) {
                refuse(Refusal.NOT_PERMITTED);
                return;
            }
        }
        if (org.commandroom.core.store.DatabaseFailure.of(e) != org.commandroom.core.store.DatabaseFailure.NONE) {
            refusal.set(null);
            actionError.set(Failures.text(e));
            return;
        }
        LOG.warn("An order action failed", e);
        refuse(Refusal.FAILED);
    }

    private void clearOutcome() {
        actionError.set(null);
        actionDone.set(null);
        refusal.set(null);
    }

    /** Why the last re-assign, cancel or return was not done; null when it was, or none was tried. */
    public ReadOnlyObjectProperty<Refusal> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** Whether the selected order can be re-assigned by this user (state and permission). */
    public ReadOnlyBooleanProperty canReassignProperty() {
        return canReassign.getReadOnlyProperty();
    }

    /** Whether the selected order can be cancelled by this user. */
    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    /** Whether the selected order can be sent back for more work by this user (fed back, and the permission). */
    public ReadOnlyBooleanProperty canReturnProperty() {
        return canReturn.getReadOnlyProperty();
    }

    /** Whether the re-assign list is open. */
    public ReadOnlyBooleanProperty choosingUnitProperty() {
        return choosingUnit.getReadOnlyProperty();
    }

    /** Whether an action is on its way to the database. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The units the selected order can be re-assigned to, as filtered; available ones first. */
    public ObservableList<UnitBoardEntry> unitChoices() {
        return filteredUnits;
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
    /** True when this workstation is on a shared database with no broker configured: orders wait until one is set. */
    public boolean pushUnconfigured() {
        return push != null && push.sharedBrokerMissing();
    }

    public ReadOnlyObjectProperty<PushConnectionState> pushStateProperty() {
        return pushState.getReadOnlyProperty();
    }

    /** Open orders whose message still waits for the broker. */
    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }
}
