package org.commandroom.app.ui.cap;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapArea;
import org.commandroom.core.cap.CapDelivery;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapInvalid;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.StoredCap;

/**
 * The alerts of other agencies in force (预警信息): every {@code pollEvery} (on the view's once-a-second beat,
 * {@link #tick}) the inbox folder is read off the FX thread when this user keeps incoming alerts, then the list is
 * read again; expired alerts leave the list. Holds state only; the view words it.
 */
public final class CapAlertsViewModel {

    /** How many alerts the list shows at most. */
    static final int LIMIT = 50;

    private final CapInbox inbox;
    private final boolean mayReceive;
    private final Tasks tasks;
    private final long pollEverySeconds;
    private final String actor;
    private final ObservableList<StoredCap> alerts = FXCollections.observableArrayList();
    private final ObservableList<StoredCap> ours = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<CapArea>> areas =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "areas", List.of());
    private final CapReader stored = new CapReader(CapSchema.none());
    private final CapService issuer;
    private final ReadOnlyObjectWrapper<CapInbox.Poll> lastPoll = new ReadOnlyObjectWrapper<>(this, "lastPoll");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final javafx.collections.ObservableMap<Long, CapDelivery> deliveries = FXCollections.observableHashMap();
    private final javafx.collections.ObservableSet<Long> posting = FXCollections.observableSet();
    private long secondsToNext;
    private boolean busy;

    public CapAlertsViewModel(CapInbox inbox, boolean mayReceive, Tasks tasks, Duration pollEvery, String actor) {
        this(inbox, mayReceive, tasks, pollEvery, actor, null);
    }

    /** @param issuer the warnings service when this user may issue (our warnings in force are then listed too) */
    public CapAlertsViewModel(CapInbox inbox, boolean mayReceive, Tasks tasks, Duration pollEvery, String actor,
                              CapService issuer) {
        this.issuer = issuer;
        this.inbox = inbox;
        this.mayReceive = mayReceive;
        this.tasks = tasks;
        this.pollEverySeconds = Math.max(1, pollEvery.toSeconds());
        this.actor = actor;
    }

    /** One second passed (FX thread): reads when due and no read is running. */
    public void tick() {
        if (--secondsToNext > 0 || busy) {
            return;
        }
        refresh();
    }

    /** Reads now (the folder when allowed, then the list). */
    public void refresh() {
        busy = true;
        secondsToNext = pollEverySeconds;
        tasks.run(() -> {
            CapInbox.Poll poll = mayReceive ? inbox.poll(actor) : null;
            List<StoredCap> in = inbox.inForce(LIMIT);
            List<StoredCap> mine = issuer == null ? List.of() : issuer.inForce(LIMIT);
            // Our cancels whose post failed are listed too, to be sent again (the warning itself is no longer in force).
            if (issuer != null && issuer.posts()) {
                List<StoredCap> cancels = issuer.undeliveredCancels(LIMIT);
                if (!cancels.isEmpty()) {
                    List<StoredCap> both = new java.util.ArrayList<>(cancels);
                    both.addAll(mine);
                    mine = List.copyOf(both);
                }
            }
            Map<Long, CapDelivery> delivered = issuer == null || !issuer.posts() ? Map.of()
                    : issuer.deliveries(mine.stream().map(StoredCap::id).toList());
            return new Read(poll, in, mine, areasOf(in, mine), delivered);
        }, r -> {
            busy = false;
            failed.set(false);
            if (r.poll() != null) {
                lastPoll.set(r.poll());
            }
            alerts.setAll(r.inForce());
            deliveries.putAll(r.delivered());
            ours.setAll(r.ours());
            areas.set(r.areas());
        }, e -> {
            busy = false;
            failed.set(true);
        });
    }

    private record Read(CapInbox.Poll poll, List<StoredCap> inForce, List<StoredCap> ours, List<CapArea> areas,
                        Map<Long, CapDelivery> delivered) {
    }

    /**
     * Posts our alert {@code id} to the endpoint when one is set (not in a drill), on the long-I/O executor: the
     * endpoint's retries and timeouts never hold the FX thread nor the short I/O queue. While it runs the alert is
     * {@link #postingProperty() posting}; then its delivery is in {@link #deliveries()} and the list is read again.
     */
    public void deliver(long id) {
        if (issuer == null || !issuer.posts() || !posting.add(id)) {
            return;
        }
        tasks.runLong(() -> issuer.post(id, actor), d -> {
            posting.remove(id);
            d.ifPresent(x -> deliveries.put(id, x));
            refresh();
        }, e -> {
            posting.remove(id);
            failed.set(true);
        });
    }

    /**
     * Whether our alert {@code id} may be sent again now: alerts are posted, its last delivery failed and no post of
     * it is running (the service checks the same, and the permission, when asked).
     */
    public boolean mayResend(long id) {
        CapDelivery d = deliveries.get(id);
        return posts() && d != null && !d.delivered() && !posting.contains(id);
    }

    /**
     * Posts our alert {@code id} again, unchanged, after its delivery failed, on the long-I/O executor like the first
     * post: {@link #postingProperty() posting} while it runs, then its new delivery is in {@link #deliveries()}.
     *
     * @param error on the FX thread when the service refuses or fails (the delivery shown is then unchanged)
     */
    public void resend(long id, java.util.function.Consumer<Exception> error) {
        resend(id, d -> { }, error);
    }

    /** As {@link #resend(long, java.util.function.Consumer)}, then {@code done} with the new delivery (FX thread). */
    public void resend(long id, java.util.function.Consumer<CapDelivery> done, java.util.function.Consumer<Exception> error) {
        if (!mayResend(id)) {
            return;
        }
        posting.add(id);
        tasks.runLong(() -> issuer.repost(id, actor), d -> {
            deliveries.put(id, d);
            done.accept(d);
            posting.remove(id);
            refresh();
        }, e -> {
            posting.remove(id);
            error.accept(e);
        });
    }

    /** Whether our alerts are posted to an endpoint (set, and not a drill): the list then shows each one's delivery. */
    public boolean posts() {
        return issuer != null && issuer.posts();
    }

    /** The last delivery of each of our alerts posted (this session's or read back from the audit trail). */
    public javafx.collections.ObservableMap<Long, CapDelivery> deliveries() {
        return deliveries;
    }

    /** Our alerts being posted now. */
    public javafx.collections.ObservableSet<Long> postingProperty() {
        return posting;
    }

    /** The areas of the first info block of each alert (the blocks of one alert share their area here). */
    private List<CapArea> areasOf(List<StoredCap> in, List<StoredCap> mine) {
        List<CapArea> out = new java.util.ArrayList<>();
        for (List<StoredCap> list : List.of(in, mine)) {
            for (StoredCap s : list) {
                if (s.msgType() == CapAlert.MsgType.Cancel) {
                    continue; // a cancel waiting to be sent again: its warning is not in force
                }
                try {
                    CapAlert a = s.alert(stored);
                    if (!a.infos().isEmpty()) {
                        out.addAll(a.infos().get(0).areas());
                    }
                } catch (CapInvalid e) {
                    // stored documents were valid when stored; one that no longer reads is left off the map
                }
            }
        }
        return List.copyOf(out);
    }

    /** The areas of the alerts in force, ours and others' (for the map). */
    public javafx.beans.property.ReadOnlyObjectProperty<List<CapArea>> areasProperty() {
        return areas.getReadOnlyProperty();
    }

    /**
     * Cancels our warning (the latest of its chain) with the reason in both languages, then reads again.
     *
     * @param done  on the FX thread with the cancel's identifier
     * @param error on the FX thread with the failure
     */
    public void cancel(StoredCap warning, String reasonZh, String reasonEn, java.util.function.Consumer<String> done,
                       java.util.function.Consumer<Exception> error) {
        tasks.run(() -> issuer.cancel(warning.id(), reasonZh, reasonEn, actor), c -> {
            done.accept(c.alert().identifier());
            refresh();
            deliver(c.stored().id());
        }, error);
    }

    /** Our stored message read back (small and in memory), or null when it no longer reads. */
    public CapAlert read(StoredCap s) {
        try {
            return s.alert(stored);
        } catch (CapInvalid e) {
            return null;
        }
    }

    /**
     * Our warnings in force, and before them our cancels whose post failed (to be sent again), empty when this user
     * does not issue.
     */
    public ObservableList<StoredCap> ours() {
        return ours;
    }

    public String actor() {
        return actor;
    }

    public CapService issuer() {
        return issuer;
    }

    public ObservableList<StoredCap> alerts() {
        return alerts;
    }

    /** The last read of the folder (null before the first, or when this user does not keep incoming alerts). */
    public ReadOnlyObjectProperty<CapInbox.Poll> lastPollProperty() {
        return lastPoll.getReadOnlyProperty();
    }

    /** Whether the last read failed (the database or the folder unreachable). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public boolean mayReceive() {
        return mayReceive;
    }

    public String folder() {
        return inbox.folder().toString();
    }
}
