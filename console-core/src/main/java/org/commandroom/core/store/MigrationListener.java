package org.commandroom.core.store;

import java.util.Objects;

/**
 * Told of each step of a schema upgrade as it starts, so that a start screen can say which one runs ("第 3 / 7 步")
 * instead of a bare "connecting" while a large database is migrated. Called on the thread that opens the database,
 * inside the migration: an implementation hands the step on (to the FX thread, say) and returns at once.
 */
@FunctionalInterface
public interface MigrationListener {

    /** Nobody listens. */
    MigrationListener NONE = step -> { };

    /** A migration about to run. */
    void migrating(Step step);

    /**
     * One step of an upgrade: the {@code number}-th (from 1) of the {@code of} migrations pending when the upgrade
     * began, with its schema version and its description as its file names it ("retire and last sign in").
     */
    record Step(int number, int of, String version, String description) {
        public Step {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
        }
    }
}
