package org.commandroom.app.ui.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.StartupTiming;
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

    public IncidentQueueViewModel(IncidentService incidents, ChangeFeed feed, Tasks tasks, Clock clock,
                                  DisplaySettings settings) {
        this.incidents = incidents;
        this.feed = feed;
        this.tasks = tasks;
        this.clock = clock;
        this.settings = settings;
        now.set(clock.instant());
    }

    /** Starts following the feed and loads the current queue. */
    public void activate() {
        feed.addListener(feedListener);
        reload();
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
        StartupTiming.firstDataShown("incident queue", fresh.size());
        loading.set(false);
        loadError.set(null);
    }

    void onChanges(List<Change> changes) {
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
                rows.add(added);
                reorder = true;
            } else {
                reorder |= row.getEntry().priority() != e.priority();
                row.update(e, t, settings);
            }
        }
        if (reorder) {
            FXCollections.sort(rows, ORDER);
        }
        loadError.set(null);
    }

    private void failed(Exception e) {
        loading.set(false);
        loadError.set(Tasks.rootMessage(e));
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
