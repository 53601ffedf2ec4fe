package org.commandroom.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The audit trail: who did what from which workstation. Rows are only ever appended, inside the
 * transaction of the action they record, so an action that rolls back leaves no audit row.
 *
 * <p>Each row is chained to the one before it (docs/ACCESS.md): {@link #append} takes the head of the chain with a
 * row lock (concurrent appenders on other workstations wait for this transaction), writes the row with the next
 * {@code seq}, the previous row's hash and its own ({@link AuditChain#hash}), and moves the head.
 * {@link AuditChain#verify} recomputes the chain.
 */
public interface AuditDao {

    /**
     * @param actor       who (log-in name), at most 64 characters
     * @param workstation where from, at most 64 characters
     * @param action      what, e.g. {@code IMPORT}, at most 32 characters
     * @param entity      the kind of record acted on, or null
     * @param entityId    the record acted on, or null when the action concerns many
     * @param detail      free text for people reading the trail (what changed), at most 2000 characters
     * @return the row's id
     */
    default long append(Instant at, String actor, String workstation, String action, String entity, Long entityId,
                        String detail) {
        // Stored to the microsecond on both databases; hashed as stored.
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        String a = AuditChain.cut(actor, 64);
        String w = AuditChain.cut(workstation, 64);
        String act = AuditChain.cut(action, 32);
        String d = detail == null ? null : AuditChain.cut(detail, 2000);
        AuditChain.Head head = lockHead();
        long seq = head.seq() + 1;
        String hash = AuditChain.hash(head.rowHash(), seq, stored, a, w, act, entity, entityId, d);
        long id = insert(seq, head.rowHash(), hash, stored, a, w, act, entity, entityId, d);
        moveHead(seq, hash);
        return id;
    }

    @SqlQuery("SELECT seq, row_hash FROM audit_head WHERE id = 1 FOR UPDATE")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(AuditChain.Head.class)
    AuditChain.Head lockHead();

    @SqlUpdate("UPDATE audit_head SET seq = :seq, row_hash = :hash WHERE id = 1")
    void moveHead(@Bind("seq") long seq, @Bind("hash") String hash);

    @SqlUpdate("INSERT INTO audit_log (seq, prev_hash, row_hash, at, actor, workstation, action, entity, entity_id, detail) "
            + "VALUES (:seq, :prev, :hash, :at, :actor, :workstation, :action, :entity, :entityId, :detail)")
    @GetGeneratedKeys("id")
    long insert(@Bind("seq") long seq, @Bind("prev") String prev, @Bind("hash") String hash, @Bind("at") Instant at,
                @Bind("actor") String actor, @Bind("workstation") String workstation, @Bind("action") String action,
                @Bind("entity") String entity, @Bind("entityId") Long entityId, @Bind("detail") String detail);
}
