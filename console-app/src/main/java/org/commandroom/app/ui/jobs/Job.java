package org.commandroom.app.ui.jobs;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.commandroom.core.job.JobProgress;

/**
 * One long job as the screen follows it (a PDF report, an evaluation sheet, an import): its state, how far it is
 * (0..1, or -1 while not known) and whether a cancel can still take effect. The worker side is the
 * {@link JobProgress} the job's code is given; its news reach the FX thread coalesced (at most one hand-off
 * waiting at a time, whatever the job's pace). {@link #cancel()} only sets a flag that the job reads between
 * batches: nothing interrupts its thread.
 */
public final class Job implements JobProgress {

    /** Where a job is. */
    public enum State { WAITING, RUNNING, CANCELLING, DONE, CANCELLED, FAILED;

        public boolean finished() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }
    }

    private final String kind;
    private final Executor fx;
    private volatile boolean cancelRequested;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile boolean canCancel = true;
    private final AtomicBoolean posted = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable", true);

    /**
     * @param kind what the job is, for the screen that started it to name ("report", "import" …; never shown)
     * @param fx   the FX thread's executor
     */
    public Job(String kind, Executor fx) {
        this.kind = kind;
        this.fx = fx;
    }

    public String kind() {
        return kind;
    }

    /** Asks the job to stop at its next checkpoint (FX thread). */
    public void cancel() {
        if (state.get().finished() || !cancellable.get()) {
            return;
        }
        cancelRequested = true;
        state.set(State.CANCELLING);
    }

    /** Sets only the flag, from any thread (the console is closing and the FX thread may be gone). */
    public void requestCancel() {
        cancelRequested = true;
    }

    @Override
    public boolean cancelRequested() {
        return cancelRequested;
    }

    @Override
    public void progress(long doneSteps, long totalSteps) {
        done.set(doneSteps);
        total.set(totalSteps);
        post();
    }

    @Override
    public void cancellable(boolean can) {
        canCancel = can;
        post();
    }

    private void post() {
        if (posted.compareAndSet(false, true)) {
            fx.execute(() -> {
                posted.set(false);
                long t = total.get();
                progress.set(t <= 0 ? -1 : Math.min(1.0, done.get() / (double) t));
                cancellable.set(canCancel);
            });
        }
    }

    /** Called on the FX thread by {@link org.commandroom.app.ui.common.Tasks} as the job starts and ends. */
    public void moveTo(State next) {
        if (next == State.RUNNING && state.get() == State.CANCELLING) {
            return; // a cancel asked for while it waited stays asked for
        }
        state.set(next);
        if (next == State.DONE) {
            progress.set(1);
        }
        if (next.finished()) {
            cancellable.set(false);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the job does not know how far it is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether the cancel button can act: false once the job is at a step it finishes whole, or has ended. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }
}
