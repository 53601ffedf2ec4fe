package org.commandroom.core.audit;

import java.time.Instant;

/**
 * One row of the audit trail as the administrator reads it.
 *
 * @param id          the row's id in {@code audit_log}
 * @param seq         its place in the hash chain (1 for the first row)
 * @param at          when the action happened
 * @param actor       who (log-in name)
 * @param workstation where from
 * @param action      what, e.g. {@code LOGIN}, {@code DISPATCH}, {@code ORDER_SIGNED}
 * @param entity      the kind of record acted on, or null
 * @param entityId    the record acted on, or null
 * @param detail      free text, or null
 * @param rowHash     the row's hash in the chain (hex SHA-256)
 */
public record AuditEntry(long id, long seq, Instant at, String actor, String workstation, String action,
                         String entity, Long entityId, String detail, String rowHash) {
}
