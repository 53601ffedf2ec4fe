package org.commandroom.core.job;

/**
 * Thrown at a {@link JobProgress#checkpoint()} after the user asked to stop: inside a transaction it rolls the
 * transaction back; around a file being written, the temporary file is deleted. The job's caller says "cancelled,
 * nothing written" (or what was kept, where the job keeps finished batches).
 */
public final class JobCancelled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobCancelled() {
        super("cancelled by the user", null, false, false);
    }
}
