package org.commandroom.core.live;

import java.time.Instant;

/** One row of the change log: a record was inserted, updated or deleted by some workstation. */
public record Change(long id, Instant at, Entity entity, long entityId, ChangeOp op, String origin) {
}
