package org.commandroom.app.ui.main;

/** Where the main window is in opening the database. */
public enum ConnectionPhase {
    CONNECTING,
    READY,
    FAILED
}
