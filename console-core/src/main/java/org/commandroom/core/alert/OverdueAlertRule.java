package org.commandroom.core.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.commandroom.core.dispatch.escalation.EscalationEntry;
import org.commandroom.core.dispatch.escalation.EscalationScan;

/**
 * An order alerts when one of its deadlines passes while the console runs: every overdue line of a scan
 * whose deadline is after {@code since} (the start) gives a trigger keyed by order and deadline, so the
 * {@link AlertCenter} shows it once however many scans list it. Orders that were overdue before the console
 * started are in the escalation list but do not sound.
 */
public final class OverdueAlertRule {

    private final Instant since;

    public OverdueAlertRule(Instant since) {
        this.since = since;
    }

    public List<AlertTrigger> triggers(EscalationScan scan) {
        List<AlertTrigger> out = new ArrayList<>();
        for (EscalationEntry e : scan.entries()) {
            if (e.overdueAt(scan.at()) && e.deadline().isAfter(since)) {
                out.add(new AlertTrigger(AlertKind.ORDER_OVERDUE, "order:" + e.key(), e.order().id(),
                        e.order().orderNo(), e.order().assignee(), e.kind().name(), scan.at()));
            }
        }
        return out;
    }
}
