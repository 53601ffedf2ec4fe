package org.commandroom.core.alert;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.commandroom.core.audit.AuditDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Records who acknowledged which alert and when, in {@code audit_log} (action {@code ALERT_ACK}): one row per
 * alert, all rows of an "acknowledge all" in one transaction. A single event's row names its incident or
 * order; a group's row names none and lists the references in its detail.
 */
public final class AlertAudit {

    public static final String ACTION = "ALERT_ACK";

    private final Jdbi jdbi;
    private final Clock clock;
    private final String workstation;
    private final org.commandroom.core.access.AccessGuard guard;

    public AlertAudit(Jdbi jdbi, Clock clock, String workstation) {
        this(jdbi, clock, workstation, org.commandroom.core.access.AccessGuard.trusted());
    }

    /** @param guard acknowledging needs {@link org.commandroom.core.access.Permission#ACK_ALERTS} */
    public AlertAudit(Jdbi jdbi, Clock clock, String workstation, org.commandroom.core.access.AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.clock = clock;
        this.workstation = workstation;
    }

    /** The workstation whose alerts these are (its origin in the change log). */
    public String workstation() {
        return workstation;
    }

    public void acknowledged(List<Alert> alerts, String actor) {
        if (alerts.isEmpty()) {
            return;
        }
        guard.require(org.commandroom.core.access.Permission.ACK_ALERTS, ACTION, null, null);
        org.commandroom.core.access.Principal p = guard.principal();
        String who = p != null && p.signedIn() ? p.login() : actor;
        jdbi.useTransaction(h -> {
            AuditDao dao = h.attach(AuditDao.class);
            for (Alert a : alerts) {
                String entity = a.kind() == AlertKind.ORDER_OVERDUE ? "ORDER" : "INCIDENT";
                Long entityId = a.count() == 1 ? a.first().entityId() : null;
                String refs = a.triggers().stream().map(AlertTrigger::reference).distinct().limit(100)
                        .collect(Collectors.joining(","));
                String detail = a.kind() + " x" + a.count() + " raised " + a.raisedAt() + ": " + refs;
                dao.append(clock.instant(), cut(who, 64), cut(workstation, 64), ACTION, entity, entityId,
                        cut(detail, 2000));
            }
        });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
