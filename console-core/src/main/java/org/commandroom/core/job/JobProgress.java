package org.commandroom.core.job;

/**
 * What a long job (a report, a sheet, an import) is told and tells while it runs on its own thread: whether the
 * user asked to stop, and how far it is. Cancelling is cooperative: the job looks at {@link #cancelRequested()}
 * between batches, pages or rows, at points where stopping leaves nothing half-written (a rollback, a temporary
 * file deleted, or a report of exactly what was stored). Nothing interrupts the thread: an interrupt inside H2
 * closes the database file.
 */
public interface JobProgress {

    /** For callers that neither cancel nor watch. */
    JobProgress NONE = new JobProgress() {
        @Override
        public boolean cancelRequested() {
            return false;
        }

        @Override
        public void progress(long done, long total) {
            // nobody watches
        }
    };

    /** True once the user asked the job to stop. */
    boolean cancelRequested();

    /** How far the job is: {@code done} of {@code total} steps (total 0 or less: not known). */
    void progress(long done, long total);

    /**
     * Whether a cancel can still take effect: a job says false before a step it cannot stop (the commit of an
     * import that is then reported whole), so the screen does not offer a cancel that would not be honoured.
     */
    default void cancellable(boolean cancellable) {
        // nobody watches
    }

    /** Throws {@link JobCancelled} when a cancel was asked for; call it where stopping leaves nothing half-done. */
    default void checkpoint() {
        if (cancelRequested()) {
            throw new JobCancelled();
        }
    }
}
