package org.commandroom.app.ui.queue;

import org.commandroom.app.ui.common.Failures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.commandroom.core.access.Role;
import org.commandroom.core.incident.CallerNumbers;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;

/**
 * The incident queue (警情队列): the open incidents, most urgent first and then the longest waiting.
 * Loads a snapshot when activated, then follows the change feed: an INCIDENT change reloads just
 * those incidents and inserts, updates or removes their lines (closed or diverted ones leave).
 * All mutation happens on the thread the {@link Tasks} callbacks run on (the FX thread in the app).
 * The table shows {@link #visibleRows()}: the queue narrowed by status, category, station and grid (an empty
 * choice means all); caller numbers are shown as the workstation's role may see them.
 */
public final class IncidentQueueViewModel {

    static final Comparator<QueueRow> ORDER = Comparator
            .comparingInt((QueueRow r) -> r.getEntry().priority())
            .thenComparing(r -> r.getEntry().receivedAt())
            .thenComparingLong(r -> r.getEntry().id());

    private final IncidentService incidents;
    private final ChangeFeed feed;
    private final Tasks tasks;
    private final Clock clock;
    private final DisplaySettings settings;

    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, QueueRow> byId = new HashMap<>();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ChangeFeed.Listener feedListener = this::onChanges;
    private final Role role;
    private final FilteredList<QueueRow> visible = new FilteredList<>(rows, r -> true);
    private final ObservableList<String> stationOptions = FXCollections.observableArrayList();
    private final ObservableList<String> gridOptions = FXCollections.observableArrayList();
    private Set<IncidentStatus> statusFilter = Set.of();
    private Set<IncidentCategory> categoryFilter = Set.of();
    private Set<String> stationFilter = Set.of();
    private Set<String> gridFilter = Set.of();

    public IncidentQueueViewModel(IncidentService incidents, ChangeFeed feed, Tasks tasks, Clock clock,
                                  DisplaySettings settings) {
        this(incidents, feed, tasks, clock, settings, Role.DUTY_COMMANDER);
    }

    /** @param role decides whether caller numbers are shown in full or masked (138****1234) */
    public IncidentQueueViewModel(IncidentService incidents, ChangeFeed feed, Tasks tasks, Clock clock,
                                  DisplaySettings settings, Role role) {
        this.role = role;
        rows.addListener((ListChangeListener<QueueRow>) c -> refreshOptions());
        this.incidents = incidents;
        this.feed = feed;
        this.tasks = tasks;
        this.clock = clock;
        this.settings = settings;
        now.set(clock.instant());
    }

    private final javafx.beans.property.ReadOnlyObjectWrapper<org.commandroom.core.dispatch.ResponseTimes.Stats> responseStats =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "responseStats");
    private java.util.function.BiFunction<Instant, Instant, org.commandroom.core.dispatch.ResponseTimes.Stats> statsSource;

    /**
     * Shows today's response times (dispatch → on scene, call → on scene, from the units' terminals) with the queue:
     * read on activation and whenever an order changes. {@code source} reads the dispatch orders issued in [from, to).
     */
    public void useResponseStats(java.util.function.BiFunction<Instant, Instant,
            org.commandroom.core.dispatch.ResponseTimes.Stats> source) {
        this.statsSource = source;
    }

    /** Today's response times (since local midnight), or null before they are read or without a source. */
    public javafx.beans.property.ReadOnlyObjectProperty<org.commandroom.core.dispatch.ResponseTimes.Stats> responseStatsProperty() {
        return responseStats.getReadOnlyProperty();
    }

    private void loadResponseStats() {
        java.util.function.BiFunction<Instant, Instant, org.commandroom.core.dispatch.ResponseTimes.Stats> source = statsSource;
        if (source == null) {
            return;
        }
        Instant to = clock.instant();
        Instant from = to.atZone(clock.getZone()).toLocalDate().atStartOfDay(clock.getZone()).toInstant();
        tasks.run(() -> source.apply(from, to.plusSeconds(1)), responseStats::set, e -> { });
    }

    /** Starts following the feed and loads the current queue. */
    public void activate() {
        feed.addListener(feedListener);
        reload();
        loadResponseStats();
    }

    /** Stops following the feed (the view is hidden). */
    public void deactivate() {
        feed.removeListener(feedListener);
    }

    /** Reads the clock and moves every waiting time and alarm on. */
    public void tick() {
        Instant t = clock.instant();
        now.set(t);
        for (QueueRow r : rows) {
            r.tick(t, settings);
        }
    }

    public void reload() {
        loading.set(true);
        tasks.run(incidents::openQueue, this::replaceAll, this::failed);
    }

    private void replaceAll(List<QueueEntry> entries) {
        Instant t = clock.instant();
        now.set(t);
        byId.clear();
        List<QueueRow> fresh = entries.stream().filter(e -> e.status().isOpen())
                .map(e -> new QueueRow(e, t, settings)).sorted(ORDER).toList();
        fresh.forEach(r -> byId.put(r.getEntry().id(), r));
        rows.setAll(fresh);
        loading.set(false);
        loadError.set(null);
    }

    void onChanges(List<Change> changes) {
        if (!Change.idsOf(changes, Entity.ORDER).isEmpty()) {
            loadResponseStats();
        }
        List<Long> ids = Change.idsOf(changes, Entity.INCIDENT);
        if (ids.isEmpty()) {
            return;
        }
        tasks.run(() -> incidents.queueEntries(ids), entries -> apply(ids, entries), this::failed);
    }

    private void apply(List<Long> ids, List<QueueEntry> entries) {
        Map<Long, QueueEntry> found = new HashMap<>();
        entries.forEach(e -> found.put(e.id(), e));
        Instant t = clock.instant();
        boolean reorder = false;
        // New rows go in with one change (and one sort) per batch, not one each: at 100 calls a second every
        // listener of the queue (the table, the map, the filter options) would otherwise run per row
        // (docs/BENCHMARKS.md, "UI responsiveness under sustained intake").
        List<QueueRow> newRows = new ArrayList<>();
        for (long id : ids) {
            QueueEntry e = found.get(id);
            QueueRow row = byId.get(id);
            if (e == null || !e.status().isOpen()) {
                if (row != null) {
                    byId.remove(id);
                    rows.remove(row);
                }
            } else if (row == null) {
                QueueRow added = new QueueRow(e, t, settings);
                byId.put(id, added);
                newRows.add(added);
                reorder = true;
            } else {
                reorder |= row.getEntry().priority() != e.priority();
                row.update(e, t, settings);
            }
        }
        if (!newRows.isEmpty()) {
            rows.addAll(newRows);
        }
        if (reorder) {
            FXCollections.sort(rows, ORDER);
        }
        if (filtered()) {
            refilter(); // a line whose status changed may now pass or fail the filter
        }
        loadError.set(null);
    }

    private void failed(Exception e) {
        loading.set(false);
        loadError.set(Failures.text(e));
    }

    /** The caller's number as this workstation's role may see it. */
    public String caller(QueueEntry e) {
        return CallerNumbers.shown(e.callerNumber(), role);
    }

    /** The lines that pass the filters, in queue order (priority, then the longest waiting). */
    public ObservableList<QueueRow> visibleRows() {
        return visible;
    }

    public void setStatusFilter(Collection<IncidentStatus> statuses) {
        statusFilter = Set.copyOf(statuses);
        refilter();
    }

    public void setCategoryFilter(Collection<IncidentCategory> categories) {
        categoryFilter = Set.copyOf(categories);
        refilter();
    }

    public void setStationFilter(Collection<String> stations) {
        stationFilter = Set.copyOf(stations);
        refilter();
    }

    public void setGridFilter(Collection<String> grids) {
        gridFilter = Set.copyOf(grids);
        refilter();
    }

    /** Shows every open incident again. */
    public void clearFilters() {
        statusFilter = Set.of();
        categoryFilter = Set.of();
        stationFilter = Set.of();
        gridFilter = Set.of();
        refilter();
    }

    public boolean filtered() {
        return !statusFilter.isEmpty() || !categoryFilter.isEmpty() || !stationFilter.isEmpty() || !gridFilter.isEmpty();
    }

    private void refilter() {
        Set<IncidentStatus> st = statusFilter;
        Set<IncidentCategory> cat = categoryFilter;
        Set<String> sta = stationFilter;
        Set<String> grid = gridFilter;
        visible.setPredicate(r -> {
            QueueEntry e = r.getEntry();
            return (st.isEmpty() || st.contains(e.status()))
                    && (cat.isEmpty() || cat.contains(e.type().category()))
                    && (sta.isEmpty() || sta.contains(Objects.toString(e.stationName(), "")))
                    && (grid.isEmpty() || grid.contains(Objects.toString(e.gridName(), "")));
        });
    }

    /** The stations and grids that occur in the queue (and any still chosen), sorted. */
    private void refreshOptions() {
        Set<String> stations = new TreeSet<>(stationFilter);
        Set<String> grids = new TreeSet<>(gridFilter);
        for (QueueRow r : rows) {
            if (r.getEntry().stationName() != null) {
                stations.add(r.getEntry().stationName());
            }
            if (r.getEntry().gridName() != null) {
                grids.add(r.getEntry().gridName());
            }
        }
        if (!stationOptions.equals(List.copyOf(stations))) {
            stationOptions.setAll(stations);
        }
        if (!gridOptions.equals(List.copyOf(grids))) {
            gridOptions.setAll(grids);
        }
    }

    /** Station names to filter by. */
    public ObservableList<String> stationOptions() {
        return FXCollections.unmodifiableObservableList(stationOptions);
    }

    /** Police grid names to filter by. */
    public ObservableList<String> gridOptions() {
        return FXCollections.unmodifiableObservableList(gridOptions);
    }

    /** The queue lines in queue order; read-only for views. */
    public ObservableList<QueueRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last failure to read the queue, or null; the view shows it as a line of text. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
