package org.commandroom.core.draft;

/** Saves drafts of one kind into the database (given to {@link Drafts#register}). */
@FunctionalInterface
public interface DraftHandler {

    /** What became of one attempt. */
    enum Outcome {
        /** Saved (or found already saved under the draft's id): the draft is removed. */
        SAVED,
        /** The database is still gone: try again later. */
        RETRY,
        /** The database refused it for a reason that will not change by waiting: kept, shown to the operator. */
        REFUSED
    }

    /** The outcome and, for REFUSED, why (a message key or one line in the operator's words). */
    record Result(Outcome outcome, String reason) {
        public static Result saved() {
            return new Result(Outcome.SAVED, null);
        }

        public static Result retry() {
            return new Result(Outcome.RETRY, null);
        }

        public static Result refused(String reason) {
            return new Result(Outcome.REFUSED, reason);
        }
    }

    /** Tries to save the draft; must not throw for a database that is gone (return RETRY). */
    Result save(Draft draft);
}
