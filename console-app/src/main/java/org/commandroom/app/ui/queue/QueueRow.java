package org.commandroom.app.ui.queue;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.core.incident.QueueEntry;

/** One line of the queue as the view shows it: the entry, how long it has waited, its alarm. */
public final class QueueRow {

    private final ReadOnlyObjectWrapper<QueueEntry> entry = new ReadOnlyObjectWrapper<>(this, "entry");
    private final ReadOnlyObjectWrapper<Duration> waiting = new ReadOnlyObjectWrapper<>(this, "waiting", Duration.ZERO);
    private final ReadOnlyObjectWrapper<WaitAlarm> alarm = new ReadOnlyObjectWrapper<>(this, "alarm", WaitAlarm.NONE);

    QueueRow(QueueEntry e, Instant now, DisplaySettings settings) {
        update(e, now, settings);
    }

    void update(QueueEntry e, Instant now, DisplaySettings settings) {
        entry.set(e);
        tick(now, settings);
    }

    void tick(Instant now, DisplaySettings settings) {
        QueueEntry e = entry.get();
        Duration w = e.waitingAt(now);
        waiting.set(w);
        alarm.set(WaitAlarm.of(e.status(), w, settings));
    }

    public QueueEntry getEntry() {
        return entry.get();
    }

    public ReadOnlyObjectProperty<QueueEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public Duration getWaiting() {
        return waiting.get();
    }

    public ReadOnlyObjectProperty<Duration> waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public WaitAlarm getAlarm() {
        return alarm.get();
    }

    public ReadOnlyObjectProperty<WaitAlarm> alarmProperty() {
        return alarm.getReadOnlyProperty();
    }
}
