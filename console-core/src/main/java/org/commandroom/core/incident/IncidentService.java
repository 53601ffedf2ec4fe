package org.commandroom.core.incident;

import java.util.List;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.ConcurrentChangeException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Records incidents and their status changes, each with its change-log row in one transaction. */
public final class IncidentService {

    private final Jdbi jdbi;
    private final ChangeRecorder changes;

    public IncidentService(Jdbi jdbi, ChangeRecorder changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    /** Stores a new incident, with its link to the caller's previous call ({@link CallerLinks}), and returns its id. */
    public long record(Incident incident) {
        return jdbi.inTransaction(h -> record(h, incident));
    }

    public long record(Handle h, Incident incident) {
        long id = h.attach(IncidentDao.class).insert(incident);
        CallerLinks.relinkLater(h, List.of(id));
        changes.record(h, Entity.INCIDENT, id, ChangeOp.INSERT);
        return id;
    }

    public List<QueueEntry> openQueue() {
        return jdbi.withExtension(IncidentDao.class, IncidentDao::openQueue);
    }

    public List<QueueEntry> queueEntries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(IncidentDao.class, dao -> dao.queueEntries(ids));
    }

    public List<Incident> openIncidents() {
        return jdbi.withExtension(IncidentDao.class, IncidentDao::openIncidents);
    }

    /**
     * Moves an incident to a new status if nobody changed it since it was read.
     *
     * @throws ConcurrentChangeException if it was changed in between
     */
    public void changeStatus(Handle h, Incident incident, IncidentStatus status, java.time.Instant closedAt) {
        int n = h.attach(IncidentDao.class).updateStatus(incident.id(), incident.version(), status, closedAt);
        if (n != 1) {
            throw new ConcurrentChangeException("incident", incident.id());
        }
        changes.record(h, Entity.INCIDENT, incident.id(), ChangeOp.UPDATE);
    }

    public void changeStatus(Incident incident, IncidentStatus status, java.time.Instant closedAt) {
        jdbi.useTransaction(h -> changeStatus(h, incident, status, closedAt));
    }
}
