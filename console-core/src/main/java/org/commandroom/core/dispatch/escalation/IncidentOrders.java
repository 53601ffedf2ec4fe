package org.commandroom.core.dispatch.escalation;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The orders of one incident for the duty commander who selects it in the queue: every order ever issued for
 * it (closed ones too), oldest first, with who has it, its push state and feedback as the orders panel shows
 * them. A read only; blocking: call it on the I/O executor.
 */
public final class IncidentOrders {

    private final Jdbi jdbi;

    public IncidentOrders(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every order of the incident, oldest first; empty when it has none (or does not exist). */
    public List<OrderBoardEntry> of(long incidentId) {
        return jdbi.withHandle(h -> OrderFollowUp.enrich(h, h.attach(IncidentOrdersDao.class).ofIncident(incidentId)));
    }
}
