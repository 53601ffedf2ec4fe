package org.commandroom.app.ui.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;

/**
 * The status bar's state: which database, whether it answers (and since when it does not), the
 * clock, the duty commander and how fresh the data on screen is. Health comes from the change
 * feed's {@link ChangeFeed.HealthListener}, which reports each transition on the callback executor.
 */
public final class StatusBarViewModel {

    private final Clock clock;
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper(this, "database");
    private final ReadOnlyStringWrapper commander = new ReadOnlyStringWrapper(this, "commander");
    private final ReadOnlyObjectWrapper<DbState> dbState = new ReadOnlyObjectWrapper<>(this, "dbState", DbState.CONNECTING);
    private final ReadOnlyObjectWrapper<Instant> lostSince = new ReadOnlyObjectWrapper<>(this, "lostSince");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyObjectWrapper<Instant> dataAsOf = new ReadOnlyObjectWrapper<>(this, "dataAsOf");
    private final ReadOnlyObjectWrapper<Instant> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");

    private final ChangeFeed.HealthListener healthListener = this::onHealth;
    private final ChangeFeed.Listener changeListener = this::onChanges;
    private ChangeFeed feed;
    private boolean active;

    public StatusBarViewModel(Clock clock, String databaseDisplay, String commanderName) {
        this.clock = clock;
        database.set(databaseDisplay);
        commander.set(commanderName);
        now.set(clock.instant());
    }

    /** The database is open and the feed runs; from now on its health is followed while shown. */
    public void connected(ChangeFeed changeFeed) {
        detach();
        this.feed = changeFeed;
        Instant t = clock.instant();
        dbState.set(DbState.CONNECTED);
        dataAsOf.set(t);
        lostSince.set(null);
        problem.set(null);
        attach();
    }

    /** Opening (or re-trying to open) the database. */
    public void connecting() {
        dbState.set(DbState.CONNECTING);
        problem.set(null);
    }

    /** The database could not be opened; {@code message} is one line, never a stack trace. */
    public void failed(String message) {
        dbState.set(DbState.FAILED);
        problem.set(message);
    }

    public void activate() {
        active = true;
        attach();
    }

    public void deactivate() {
        detach();
        active = false;
    }

    private void attach() {
        if (active && feed != null) {
            feed.addHealthListener(healthListener);
            feed.addListener(changeListener);
        }
    }

    private void detach() {
        if (feed != null) {
            feed.removeHealthListener(healthListener);
            feed.removeListener(changeListener);
        }
    }

    public void tick() {
        Instant t = clock.instant();
        now.set(t);
        if (dbState.get() == DbState.CONNECTED) {
            dataAsOf.set(t);
        }
    }

    void onHealth(boolean reachable, Instant lastSuccess, String error) {
        if (reachable) {
            dbState.set(DbState.CONNECTED);
            lostSince.set(null);
            problem.set(null);
            dataAsOf.set(clock.instant());
        } else {
            dbState.set(DbState.LOST);
            lostSince.set(clock.instant());
            problem.set(error);
            if (lastSuccess != null) {
                dataAsOf.set(lastSuccess);
            }
        }
    }

    void onChanges(List<Change> changes) {
        lastChange.set(clock.instant());
    }

    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commanderProperty() {
        return commander.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DbState> dbStateProperty() {
        return dbState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lostSinceProperty() {
        return lostSince.getReadOnlyProperty();
    }

    /** The last database problem as one line of text, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** The time up to which the data on screen is known to be current (the last good poll). */
    public ReadOnlyObjectProperty<Instant> dataAsOfProperty() {
        return dataAsOf.getReadOnlyProperty();
    }

    /** When the last change from any workstation arrived, or null. */
    public ReadOnlyObjectProperty<Instant> lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }
}
