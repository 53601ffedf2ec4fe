package org.commandroom.core.dispatch;

/**
 * The database failed under a proposal read or a dispatch: unreachable, closed, or timed out. The screen says so
 * in its own words (never the driver's text) and tries again when the database answers; a dispatch tried again
 * is safe, since a unit's second open order for one incident is refused ({@link DispatchConflict}).
 */
public final class DispatchUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DispatchUnavailable(String what, Throwable cause) {
        super(what + ": the database did not answer", cause);
    }
}
