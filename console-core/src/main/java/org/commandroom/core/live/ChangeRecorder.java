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

    /**
     * The origin this thread's writes are stamped with in place of the recorder's own, while {@link #actingAs} runs.
     * A drill's scenario writes through the same services as the trainee's desk; the desk must still tell the
     * scenario's calls (which alert it, as another call-taker's would) from its own (which do not).
     */
    private static final ThreadLocal<String> ACTING_AS = new ThreadLocal<>();

    private final Clock clock;
    private final String origin;

    public ChangeRecorder(Clock clock, String origin) {
        this.clock = clock;
        this.origin = origin;
    }

    /**
     * Runs {@code work} on this thread with every change recorded by any recorder stamped with {@code as} (not the
     * recorder's own origin); the previous stamp is back afterwards, also when {@code work} throws.
     */
    public static <T> T actingAs(String as, java.util.function.Supplier<T> work) {
        String before = ACTING_AS.get();
        ACTING_AS.set(as);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING_AS.remove();
            } else {
                ACTING_AS.set(before);
            }
        }
    }

    private String stamp() {
        String as = ACTING_AS.get();
        return as != null ? as : origin;
    }

    public void record(Handle handle, Entity entity, long entityId, ChangeOp op) {
        handle.attach(ChangeLogDao.class).append(clock.instant(), entity, entityId, op, stamp());
        notifyOnCommit(handle);
    }

    /** One row per id, in one batch (a bulk import of thousands of records). */
    public void recordAll(Handle handle, Entity entity, List<Long> entityIds, ChangeOp op) {
        if (!entityIds.isEmpty()) {
            handle.attach(ChangeLogDao.class).appendAll(clock.instant(), entity, entityIds, op, stamp());
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
