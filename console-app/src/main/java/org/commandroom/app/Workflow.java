package org.commandroom.app;

import java.time.Instant;
import org.commandroom.core.access.Role;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.dispatch.escalation.EscalationMonitor;
import org.commandroom.core.dispatch.escalation.OrderFollowUp;

/**
 * The follow-up side of the closed loop as the screens use it: the orders panel's service, the escalation
 * monitor, the push to terminals, the alert audit, and who sits at this workstation.
 *
 * @param push      null only in screen tests that run without a broker
 * @param actor     the name written on trails and in the audit log for this workstation's user
 * @param startedAt when the console started: deadlines missed before then do not sound an alert
 */
public record Workflow(OrderFollowUp followUp, EscalationMonitor escalation, PushRuntime push, AlertAudit alertAudit,
                       Role role, String actor, Instant startedAt) {

    /** The same services for the user who signed in: their role and the name their trails record. */
    public Workflow as(Role signedInRole, String signedInActor) {
        return new Workflow(followUp, escalation, push, alertAudit, signedInRole, signedInActor, startedAt);
    }
}
