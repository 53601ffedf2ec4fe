package org.commandroom.core.store;

/**
 * Someone else changed the record between reading and writing it (optimistic locking). The caller
 * keeps what the user typed, reloads and tells the user who won.
 */
public class ConcurrentChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final long entityId;

    public ConcurrentChangeException(String entity, long entityId) {
        super(entity + " " + entityId + " was changed by someone else");
        this.entity = entity;
        this.entityId = entityId;
    }

    public String entity() {
        return entity;
    }

    public long entityId() {
        return entityId;
    }
}
