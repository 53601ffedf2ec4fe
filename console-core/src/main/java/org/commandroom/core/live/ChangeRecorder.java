package org.commandroom.core.live;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the change log inside the caller's transaction, stamped with this workstation's name
 * and the injected clock. Services call it for every write other workstations must see.
 */
public final class ChangeRecorder {

    private final Clock clock;
    private final String origin;

    public ChangeRecorder(Clock clock, String origin) {
        this.clock = clock;
        this.origin = origin;
    }

    public void record(Handle handle, Entity entity, long entityId, ChangeOp op) {
        handle.attach(ChangeLogDao.class).append(clock.instant(), entity, entityId, op, origin);
    }

    /** One row per id, in one batch (a bulk import of thousands of records). */
    public void recordAll(Handle handle, Entity entity, List<Long> entityIds, ChangeOp op) {
        if (!entityIds.isEmpty()) {
            handle.attach(ChangeLogDao.class).appendAll(clock.instant(), entity, entityIds, op, origin);
        }
    }

    public String origin() {
        return origin;
    }
}
