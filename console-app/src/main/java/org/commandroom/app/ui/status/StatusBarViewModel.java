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
import org.commandroom.core.draft.Draft;
import org.commandroom.core.draft.Drafts;
import org.commandroom.core.store.DatabaseHealth;

/**
 * The status bar's state: which database, whether it answers (and since when it does not, and why), the
 * clock, the duty commander and how fresh the data on screen is. Health comes from the database's
 * {@link DatabaseHealth}, which knows within a second when the database is closed, silent or gone; the change
 * feed says when the last change arrived.
 */
public final class StatusBarViewModel {

    private final Clock clock;
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper(this, "database");
    private final ReadOnlyStringWrapper commander = new ReadOnlyStringWrapper(this, "commander");
    /** The signed-in user's role as shown (值班长, 大屏 …), or null before anyone signs in. */
    private final ReadOnlyStringWrapper role = new ReadOnlyStringWrapper(this, "role");
    private final ReadOnlyObjectWrapper<DbState> dbState = new ReadOnlyObjectWrapper<>(this, "dbState", DbState.CONNECTING);
    private final ReadOnlyObjectWrapper<Instant> lostSince = new ReadOnlyObjectWrapper<>(this, "lostSince");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyObjectWrapper<Instant> dataAsOf = new ReadOnlyObjectWrapper<>(this, "dataAsOf");
    private final ReadOnlyObjectWrapper<Instant> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");
    private final ReadOnlyObjectWrapper<DatabaseHealth.Problem> reason = new ReadOnlyObjectWrapper<>(this, "reason");
    /** The push's connection to the MQTT broker, or null before the push is known (no indicator then). */
    private final ReadOnlyObjectWrapper<org.commandroom.core.dispatch.push.PushConnectionState> broker =
            new ReadOnlyObjectWrapper<>(this, "broker");
    private final ReadOnlyStringWrapper brokerAddress = new ReadOnlyStringWrapper(this, "brokerAddress");
    private final javafx.beans.property.ReadOnlyBooleanWrapper brokerMissing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "brokerMissing");
    private final javafx.beans.property.ReadOnlyBooleanWrapper brokerStarting =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "brokerStarting", false);
    /**
     * The push was never begun here: no one who may issue orders has signed in (a trainee's workspace, the wall, an
     * administrator), so nothing is connecting; the trial's trainee workspace said 连接中… for its whole session.
     */
    private final javafx.beans.property.ReadOnlyBooleanWrapper brokerIdle =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "brokerIdle", false);
    private final java.util.function.Consumer<org.commandroom.core.dispatch.push.PushConnectionState> brokerListener = s -> {
        brokerStarting.set(false); // the channel said something: connected, or down with its reason
        brokerIdle.set(this.push != null && !this.push.begun());
        broker.set(s);
    };
    private org.commandroom.app.PushRuntime push;
    private final javafx.collections.ObservableList<Draft> drafts = javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<Draft> draftsView = javafx.collections.FXCollections.unmodifiableObservableList(drafts);
    private final java.util.function.Consumer<List<Draft>> draftsListener = drafts::setAll;
    private Drafts draftStore;

    private final java.util.function.Consumer<DatabaseHealth.State> healthListener = this::onHealth;
    private final ChangeFeed.Listener changeListener = this::onChanges;
    private ChangeFeed feed;
    private DatabaseHealth health;
    private java.util.concurrent.Executor callbacks;
    private boolean active;

    public StatusBarViewModel(Clock clock, String databaseDisplay, String commanderName) {
        this.clock = clock;
        database.set(databaseDisplay);
        commander.set(commanderName);
        now.set(clock.instant());
    }

    /**
     * The database is open and the feed runs; from now on, while shown, its health is followed (reported on
     * {@code callbacks}, the FX thread) and the feed's changes date the data.
     */
    public void connected(ChangeFeed changeFeed, DatabaseHealth databaseHealth, java.util.concurrent.Executor callbacks) {
        detach();
        this.feed = changeFeed;
        this.health = databaseHealth;
        this.callbacks = callbacks;
        Instant t = clock.instant();
        dbState.set(DbState.CONNECTED);
        dataAsOf.set(t);
        lostSince.set(null);
        problem.set(null);
        reason.set(null);
        attach();
    }

    /** Follows the workstation's drafts (writes kept while the database was gone), reported on {@code callbacks}. */
    public void watchDrafts(Drafts store, java.util.concurrent.Executor callbacks) {
        if (draftStore != null) {
            draftStore.removeListener(draftsListener);
        }
        draftStore = store;
        drafts.setAll(store.all());
        store.addListener(callbacks, draftsListener);
    }

    /** The drafts waiting to be saved or refused by the database, oldest first. */
    public javafx.collections.ObservableList<Draft> drafts() {
        return draftsView;   // one wrapper: it listens to the list weakly, so a new one per call could be collected
    }

    /**
     * Follows the push's connection to the broker (reported on the FX thread by the runtime): the bar shows it
     * connected or down, with the whole reason on hover.
     */
    public void watchBroker(org.commandroom.app.PushRuntime runtime) {
        if (push != null) {
            push.removeStateListener(brokerListener);
        }
        push = runtime;
        brokerAddress.set(runtime.embeddedBroker() ? null : runtime.brokerUri());
        brokerMissing.set(runtime.sharedBrokerMissing());
        runtime.addStateListener(brokerListener);
        brokerStarting.set(!runtime.state().connected());
        brokerIdle.set(!runtime.begun());
        broker.set(runtime.state());
    }

    /**
     * True from the moment the push is watched until its channel first reports: the broker is being connected to
     * (or the embedded one started), which is not an outage and is not shown as one.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty brokerStartingProperty() {
        return brokerStarting.getReadOnlyProperty();
    }

    /** True while the push has not been begun (no one who may issue orders signed in): nothing is connecting. */
    public javafx.beans.property.ReadOnlyBooleanProperty brokerIdleProperty() {
        return brokerIdle.getReadOnlyProperty();
    }

    /** The push's connection state (connected, since, the whole reason when not), or null before it is known. */
    public ReadOnlyObjectProperty<org.commandroom.core.dispatch.push.PushConnectionState> brokerProperty() {
        return broker.getReadOnlyProperty();
    }

    /** The configured broker's address, or null for the embedded one. */
    public ReadOnlyStringProperty brokerAddressProperty() {
        return brokerAddress.getReadOnlyProperty();
    }

    /** A shared database with no broker configured: nothing is pushed until one is. */
    public javafx.beans.property.ReadOnlyBooleanProperty brokerMissingProperty() {
        return brokerMissing.getReadOnlyProperty();
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
            feed.addListener(changeListener);
            health.addListener(callbacks, healthListener);
            onHealth(health.state());   // what happened while hidden
        }
    }

    private void detach() {
        if (feed != null) {
            feed.removeListener(changeListener);
            health.removeListener(healthListener);
        }
    }

    public void tick() {
        Instant t = clock.instant();
        now.set(t);
        if (dbState.get() == DbState.CONNECTED) {
            dataAsOf.set(t);
        }
    }

    void onHealth(DatabaseHealth.State s) {
        if (s.up()) {
            if (dbState.get() != DbState.CONNECTED) {
                dbState.set(DbState.CONNECTED);
                dataAsOf.set(clock.instant());
            }
            lostSince.set(null);
            problem.set(null);
            reason.set(null);
        } else {
            reason.set(s.problem());
            problem.set(s.detail());
            lostSince.set(s.since());
            dataAsOf.set(s.lastAnswer());
            dbState.set(DbState.LOST);
        }
    }

    void onChanges(List<Change> changes) {
        lastChange.set(clock.instant());
    }

    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    /** Someone signed in: the bar shows their role and name instead of the workstation's user. */
    public void signedIn(String displayName, String roleText) {
        role.set(roleText);
        commander.set(displayName);
    }

    /** No one is signed in (the log-in screen is up): the bar says so instead of naming the workstation's user. */
    public void signedOut() {
        role.set(null);
        commander.set(null);
    }

    public ReadOnlyStringProperty roleProperty() {
        return role.getReadOnlyProperty();
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

    /** Why the database is lost (closed and being reopened, not answering, unreachable), or null. */
    public ReadOnlyObjectProperty<DatabaseHealth.Problem> reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The last database problem as one technical line (for the log and support, not for the screen), or null. */
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
