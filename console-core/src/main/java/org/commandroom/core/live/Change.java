package org.commandroom.core.live;

import java.time.Instant;
import java.util.List;

/** One row of the change log: a record was inserted, updated or deleted by some workstation. */
public record Change(long id, Instant at, Entity entity, long entityId, ChangeOp op, String origin) {

    /** The distinct ids of {@code entity} records among the changes, in the order first seen. */
    public static List<Long> idsOf(List<Change> changes, Entity entity) {
        return changes.stream().filter(c -> c.entity() == entity).map(Change::entityId).distinct().toList();
    }
}
