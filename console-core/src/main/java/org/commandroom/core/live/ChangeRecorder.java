package org.commandroom.core.live;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the change log inside the caller's transaction, stamped with this workstation's name
 * and the injected clock. Services call it for every write other workstations must see.
 *
 * <p>On PostgreSQL it also sends {@code NOTIFY change_log} in the same transaction: PostgreSQL delivers it only when
 * the transaction commits (never for a rollback), and several in one transaction arrive as one. Listening feeds
 * ({@link ChangeNotifications}) take it as a wake-up and read the log as they always do. H2 has no notifications;
 * its feeds poll.
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
        notifyOnCommit(handle);
    }

    /** One row per id, in one batch (a bulk import of thousands of records). */
    public void recordAll(Handle handle, Entity entity, List<Long> entityIds, ChangeOp op) {
        if (!entityIds.isEmpty()) {
            handle.attach(ChangeLogDao.class).appendAll(clock.instant(), entity, entityIds, op, origin);
            notifyOnCommit(handle);
        }
    }

    /** PostgreSQL only: wakes listening feeds once this transaction commits. */
    static void notifyOnCommit(Handle handle) {
        if (isPostgres(handle)) {
            handle.execute("NOTIFY " + ChangeNotifications.CHANNEL);
        }
    }

    private static boolean isPostgres(Handle handle) {
        try {
            // The driver answers from what it already knows; no round trip.
            return "PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }

    public String origin() {
        return origin;
    }
}
