package org.commandroom.core.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.Entity;

/**
 * Which incident changes ask for an alert. A new incident still waiting for a unit (NEW) alerts once; a
 * new one of priority 1 alerts as high priority instead (one alert, not two); an open incident raised to
 * priority 1 alerts as high priority. Incidents recorded already closed (a bulk import of history) do not
 * alert. What this workstation did itself does not alert it: a call it recorded (typed in, imported) or
 * raised to priority 1 (the change log's origin is its own). The rule remembers the priority it last saw of
 * each open incident; {@link #seed} gives it the queue as it stood when the console started, so only what
 * happens afterwards alerts.
 */
public final class IncidentAlertRule {

    private final Map<Long, Integer> knownPriority = new HashMap<>();
    private final String self;

    /** A rule that alerts on every workstation's changes (no origin of its own). */
    public IncidentAlertRule() {
        this(null);
    }

    /** @param self this workstation's origin in the change log; its own changes never alert it (null: none) */
    public IncidentAlertRule(String self) {
        this.self = self;
    }

    /** The open incidents at start: they do not alert, but a later rise to priority 1 does. */
    public void seed(List<QueueEntry> openQueue) {
        for (QueueEntry e : openQueue) {
            knownPriority.put(e.id(), e.priority());
        }
    }

    /**
     * @param changes the change-log rows of one feed batch (any entities)
     * @param current the current queue lines of the INCIDENT ids among them
     */
    public List<AlertTrigger> triggers(List<Change> changes, List<QueueEntry> current, Instant now) {
        Set<Long> inserted = new HashSet<>();
        Set<Long> byOthers = new HashSet<>();
        for (Change c : changes) {
            if (c.entity() != Entity.INCIDENT) {
                continue;
            }
            if (c.op() == ChangeOp.INSERT) {
                inserted.add(c.entityId());
            }
            if (self == null || !self.equals(c.origin())) {
                byOthers.add(c.entityId());
            }
        }
        List<AlertTrigger> out = new ArrayList<>();
        for (QueueEntry e : current) {
            Integer before = knownPriority.get(e.id());
            if (!e.status().isOpen()) {
                knownPriority.remove(e.id());
                continue;
            }
            knownPriority.put(e.id(), e.priority());
            boolean isNew = inserted.contains(e.id()) && before == null;
            if (!byOthers.contains(e.id())) {
                continue; // this workstation recorded or changed it: the commander knows
            }
            if (isNew && e.status() == IncidentStatus.NEW) {
                out.add(trigger(e, e.priority() == 1 ? AlertKind.HIGH_PRIORITY_INCIDENT : AlertKind.NEW_INCIDENT, now));
            } else if (!isNew && before != null && before != 1 && e.priority() == 1) {
                out.add(trigger(e, AlertKind.HIGH_PRIORITY_INCIDENT, now));
            }
        }
        return out;
    }

    private static AlertTrigger trigger(QueueEntry e, AlertKind kind, Instant now) {
        String key = "incident:" + e.id() + ":" + (kind == AlertKind.NEW_INCIDENT ? "NEW" : "P1");
        return new AlertTrigger(kind, key, e.id(), e.incidentNo(), e.address(), e.type().name(), now);
    }
}
