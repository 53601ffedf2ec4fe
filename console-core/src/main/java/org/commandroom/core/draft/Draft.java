package org.commandroom.core.draft;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A write the operator made that the database could not take when he made it (it was gone): kept on the
 * workstation's disk until it is saved. {@code id} also travels with the write, so that a write whose first attempt
 * did reach the database is recognised and not saved twice.
 *
 * @param kind      what it is, e.g. {@code CALL} (a 110 call typed at F2) or {@code TASK_ORDER} (F4)
 * @param summary   one line the operator recognises it by (the address and type of a call)
 * @param payload   what is needed to save it, as the kind's handler wrote it
 * @param attempts  how many times saving it was tried
 * @param refused   why the database refused it for good (a located, translated-key reason), or null while it waits
 */
public record Draft(String id, String kind, Instant createdAt, String actor, String summary, JsonNode payload,
                    int attempts, String refused) {

    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** True while it waits for the database (not refused). */
    public boolean waiting() {
        return refused == null;
    }

    Draft tried(String refusedReason) {
        return new Draft(id, kind, createdAt, actor, summary, payload, attempts + 1, refusedReason);
    }
}
