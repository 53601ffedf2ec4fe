package org.commandroom.app.ui.alerts;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.alert.Alert;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.alert.AlertCenter;
import org.commandroom.core.alert.AlertTrigger;
import org.commandroom.core.alert.AlertUpdate;
import org.commandroom.core.alert.IncidentAlertRule;
import org.commandroom.core.alert.OverdueAlertRule;
import org.commandroom.core.dispatch.escalation.EscalationMonitor;
import org.commandroom.core.dispatch.escalation.EscalationScan;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.Entity;

/**
 * The alerts on screen: new incidents and urgent ones (from the change feed), orders that just missed a
 * deadline (from the escalation monitor), triaged by the {@link AlertCenter}: routine new calls in one counter,
 * urgent calls and overdue orders apart until acknowledged. Calls this workstation recorded itself do not alert
 * it (its origin is the audit's workstation). An urgent alert plays the loud tone, a routine call the soft one
 * ({@link AlertSound}; a plain Runnable is run for either); a machine without a sound device is said on screen
 * ({@link #soundMissingProperty()}). The commander acknowledges one or all, and who and when goes to the audit
 * log. Unlike the other panels it follows its sources from start to exit, shown or not: an alert is never lost.
 */
public final class AlertsViewModel {

    private final IncidentService incidents;
    private final ChangeFeed feed;
    private final EscalationMonitor escalation;
    private final AlertCenter center;
    private final AlertAudit audit;
    private final Tasks tasks;
    private final Runnable tone;
    private final String actor;
    private final Clock clock;
    private final IncidentAlertRule incidentRule;
    private final javafx.beans.property.ReadOnlyBooleanWrapper soundMissing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "soundMissing");
    private final OverdueAlertRule overdueRule;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<Alert> readOnlyAlerts = FXCollections.unmodifiableObservableList(alerts);
    private final javafx.beans.binding.IntegerBinding urgentCount = javafx.beans.binding.Bindings.createIntegerBinding(
            () -> (int) alerts.stream().filter(a -> a.kind().urgent()).count(), alerts);
    private final ChangeFeed.Listener feedListener = this::onChanges;
    private final Consumer<EscalationScan> scanListener = this::onScan;
    private boolean started;

    /**
     * @param escalation null when there is none (no overdue alerts)
     * @param audit      records acknowledgements; its workstation is this console's origin in the change log
     * @param tone       played when an alert appears (the app's {@link AlertTone}, an {@link AlertSound})
     * @param since      the start of the console: deadlines missed before it do not alert
     */
    public AlertsViewModel(IncidentService incidents, ChangeFeed feed, EscalationMonitor escalation, AlertCenter center,
                           AlertAudit audit, Tasks tasks, Clock clock, java.time.Instant since, Runnable tone,
                           String actor) {
        this.incidents = incidents;
        this.feed = feed;
        this.escalation = escalation;
        this.center = center;
        this.audit = audit;
        this.tasks = tasks;
        this.tone = tone;
        this.actor = actor;
        this.clock = clock;
        this.overdueRule = new OverdueAlertRule(since == null ? clock.instant() : since);
        this.incidentRule = new IncidentAlertRule(audit == null ? null : audit.workstation());
    }

    /** Learns the queue as it stands (which does not alert), then listens. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        feed.addListener(feedListener);
        if (escalation != null) {
            escalation.addListener(scanListener);
        }
        tasks.run(incidents::openQueue, incidentRule::seed, e -> { });
        if (tone instanceof AlertSound sound) {
            sound.setOnUnavailable(() -> tasks.fx(() -> soundMissing.set(true)));
            tasks.runLong(sound::available, ok -> soundMissing.set(!ok), e -> soundMissing.set(true));
        }
    }

    public void stop() {
        feed.removeListener(feedListener);
        if (escalation != null) {
            escalation.removeListener(scanListener);
        }
        started = false;
    }

    void onChanges(List<Change> changes) {
        List<Long> ids = Change.idsOf(changes, Entity.INCIDENT);
        if (ids.isEmpty()) {
            return;
        }
        tasks.run(() -> incidents.queueEntries(ids),
                entries -> offer(incidentRule.triggers(changes, entries, clock.instant())), e -> { });
    }

    /** A unit pressed its emergency button (told by the push on the FX thread): the loudest alert, at the top. */
    public void emergency(org.commandroom.core.dispatch.push.UnitEmergency e) {
        offer(List.of(org.commandroom.core.alert.EmergencyAlertRule.trigger(e, clock.instant())));
    }

    void onScan(EscalationScan scan) {
        offer(overdueRule.triggers(scan));
    }

    void offer(List<AlertTrigger> triggers) {
        if (triggers.isEmpty()) {
            return;
        }
        AlertUpdate u = center.offer(triggers);
        alerts.setAll(u.active());
        if (u.urgentRaised()) {
            sound(AlertSound.Level.URGENT);
        } else if (u.routineAdded() || !u.raised().isEmpty()) {
            sound(AlertSound.Level.ROUTINE);
        }
    }

    private void sound(AlertSound.Level level) {
        if (tone instanceof AlertSound s) {
            s.play(level);
        } else {
            tone.run();
        }
    }

    public void acknowledge(Alert alert) {
        center.acknowledge(alert.id()).ifPresent(a -> record(List.of(a)));
        alerts.setAll(center.active());
    }

    public void acknowledgeAll() {
        record(center.acknowledgeAll());
        alerts.clear();
    }

    private void record(List<Alert> done) {
        if (!done.isEmpty()) {
            tasks.run(() -> {
                audit.acknowledged(done, actor);
                return done.size();
            }, n -> { }, e -> { });
        }
    }

    /** On screen: urgent alerts newest first, then the routine counter. */
    /** How many of the alerts are urgent (the strip's count, the lock screen's). */
    public javafx.beans.value.ObservableIntegerValue urgentCount() {
        return urgentCount;
    }

    public ObservableList<Alert> alerts() {
        return readOnlyAlerts;
    }

    /** True when the machine has no sound device: the alerts are visual only, and the strip says so. */
    public javafx.beans.property.ReadOnlyBooleanProperty soundMissingProperty() {
        return soundMissing.getReadOnlyProperty();
    }
}
