package org.commandroom.app.ui.status;

/** The database as the status bar reports it. */
public enum DbState {
    /** Opening the database in the background. */
    CONNECTING,
    /** Open, and the change feed's last poll succeeded. */
    CONNECTED,
    /** Was open, but the change feed cannot reach it now. */
    LOST,
    /** Could not be opened at all. */
    FAILED
}
