package org.commandroom.core.audit;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The audit trail: who did what from which workstation. Rows are only ever appended, inside the
 * transaction of the action they record, so an action that rolls back leaves no audit row.
 */
public interface AuditDao {

    /**
     * @param actor       who (login or OS user), at most 64 characters
     * @param workstation where from, at most 64 characters
     * @param action      what, e.g. {@code IMPORT}, at most 32 characters
     * @param entity      the kind of record acted on, or null
     * @param entityId    the record acted on, or null when the action concerns many
     * @param detail      free text for people reading the trail, at most 2000 characters
     */
    @SqlUpdate("INSERT INTO audit_log (at, actor, workstation, action, entity, entity_id, detail) "
            + "VALUES (:at, :actor, :workstation, :action, :entity, :entityId, :detail)")
    @GetGeneratedKeys("id")
    long append(@Bind("at") Instant at, @Bind("actor") String actor, @Bind("workstation") String workstation,
                @Bind("action") String action, @Bind("entity") String entity, @Bind("entityId") Long entityId,
                @Bind("detail") String detail);
}
