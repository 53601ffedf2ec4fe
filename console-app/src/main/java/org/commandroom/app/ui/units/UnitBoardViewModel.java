package org.commandroom.app.ui.units;

import org.commandroom.app.ui.common.Failures;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;
import org.commandroom.core.unit.UnitBoardEntry;
import org.commandroom.core.unit.UnitService;

/**
 * The unit board (警力): every patrol unit with status, crew, station and the age of its last
 * position. Loads the board when activated, then reloads only the units the change feed names.
 */
public final class UnitBoardViewModel {

    /** Call signs in the order a Chinese reader expects (pinyin), not by UTF-16 code. */
    static final Comparator<UnitRow> ORDER = Comparator.comparing((UnitRow r) -> r.getEntry().callSign(),
            Collator.getInstance(Locale.CHINA));

    private final UnitService units;
    private final ChangeFeed feed;
    private final Tasks tasks;
    private final Clock clock;
    private final DisplaySettings settings;

    private final ObservableList<UnitRow> rows = FXCollections.observableArrayList();
    private final ObservableList<UnitRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, UnitRow> byId = new HashMap<>();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyLongWrapper updates = new ReadOnlyLongWrapper(this, "updates");
    private final ChangeFeed.Listener feedListener = this::onChanges;

    public UnitBoardViewModel(UnitService units, ChangeFeed feed, Tasks tasks, Clock clock, DisplaySettings settings) {
        this.units = units;
        this.feed = feed;
        this.tasks = tasks;
        this.clock = clock;
        this.settings = settings;
    }

    public void activate() {
        feed.addListener(feedListener);
        reload();
    }

    public void deactivate() {
        feed.removeListener(feedListener);
    }

    public void tick() {
        Instant t = clock.instant();
        for (UnitRow r : rows) {
            r.tick(t, settings.positionStale());
        }
    }

    public void reload() {
        tasks.run(units::board, this::replaceAll, this::failed);
    }

    private void replaceAll(List<UnitBoardEntry> entries) {
        Instant t = clock.instant();
        byId.clear();
        List<UnitRow> fresh = entries.stream().map(e -> new UnitRow(e, t, settings.positionStale())).sorted(ORDER).toList();
        fresh.forEach(r -> byId.put(r.getEntry().id(), r));
        rows.setAll(fresh);
        loadError.set(null);
    }

    void onChanges(List<Change> changes) {
        List<Long> ids = Change.idsOf(changes, Entity.UNIT);
        if (ids.isEmpty()) {
            return;
        }
        tasks.run(() -> units.boardEntries(ids), entries -> apply(ids, entries), this::failed);
    }

    private void apply(List<Long> ids, List<UnitBoardEntry> entries) {
        Map<Long, UnitBoardEntry> found = new HashMap<>();
        entries.forEach(e -> found.put(e.id(), e));
        Instant t = clock.instant();
        boolean added = false;
        boolean updated = false;
        for (long id : ids) {
            UnitBoardEntry e = found.get(id);
            UnitRow row = byId.get(id);
            if (e == null) {
                if (row != null) {
                    byId.remove(id);
                    rows.remove(row);
                }
            } else if (row == null) {
                UnitRow r = new UnitRow(e, t, settings.positionStale());
                byId.put(id, r);
                rows.add(r);
                added = true;
            } else {
                row.update(e, t, settings.positionStale());
                updated = true;
            }
        }
        if (added) {
            FXCollections.sort(rows, ORDER);
        }
        if (updated) {
            updates.set(updates.get() + 1);
        }
        loadError.set(null);
    }

    private void failed(Exception e) {
        loadError.set(Failures.text(e));
    }

    public ObservableList<UnitRow> rows() {
        return readOnlyRows;
    }

    /**
     * Counts the feed batches that changed rows in place (a unit moved or changed status): the list itself does not
     * change then, so a view drawn from the rows (the live map) listens here to follow at once, once per batch.
     * Use a change listener: an invalidation listener fires only after the value was read.
     */
    public ReadOnlyLongProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
