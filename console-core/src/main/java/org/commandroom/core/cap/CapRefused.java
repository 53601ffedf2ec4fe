package org.commandroom.core.cap;

/** A warning the service would not issue, update, cancel or post again; nothing was stored, written or sent. */
public final class CapRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, for the screens' words (bundle key {@code cap.refused.<reason>}). */
    public enum Reason {
        /** The grid, community or zone chosen does not exist (or has no usable boundary). */
        AREA_NOT_FOUND,
        /** The alert to update or cancel is not one of ours, or does not exist. */
        NOT_FOUND,
        /** The alert was cancelled or replaced already: update or cancel the latest one. */
        SUPERSEDED,
        /** The outgoing folder could not be written. */
        FOLDER_NOT_WRITABLE,
        /** A text is empty or longer than the column holds. */
        BAD_TEXT,
        /** Nothing is posted here: no endpoint is set, or this is a drill. */
        NO_ENDPOINT,
        /** An exercise alert: a drill's alerts never leave the drill. */
        EXERCISE,
        /** Posted again only after its last delivery failed (not once delivered, not before it was posted). */
        NOT_FAILED,
        /** A post of the alert is running now. */
        IN_PROGRESS
    }

    private final Reason reason;

    public CapRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CapRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
