package org.commandroom.core.store;

import java.sql.SQLException;

/** What kind of database failure an exception is, for words on screen (the screens may not look at JDBC types). */
public enum DatabaseFailure {
    /** Not a database failure. */
    NONE,
    /** The connection or the database is gone; it may work later as it is. */
    GONE,
    /** The embedded database file is locked by another process (another console on this machine). */
    IN_USE,
    /** The database refused the login. */
    LOGIN,
    /** The database refused the statement (a constraint, a bug): the reason belongs in the log. */
    REFUSED;

    /** H2: DATABASE_ALREADY_OPEN_1. */
    private static final int H2_IN_USE = 90020;

    public static DatabaseFailure of(Throwable e) {
        if (ConnectionLoss.isLoss(e)) {
            return GONE;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == H2_IN_USE) {
                    return IN_USE;
                }
                if ("28000".equals(sql.getSQLState()) || "28P01".equals(sql.getSQLState())) {
                    return LOGIN;
                }
                return REFUSED;
            }
        }
        return NONE;
    }
}
