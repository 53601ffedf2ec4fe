package org.commandroom.core.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Sees every SQLException the connection pool sees, tells the pool which ones mean the connection (or the whole
 * database) is gone, and tells the health monitor at once, so that a lost database is noticed by the first failing
 * statement rather than by the next probe.
 *
 * <p>HikariCP recognises dead connections by SQLState class 08 and a few vendor states, but H2 reports these with
 * its own codes (state "90121" etc.), often wrapped: a failing CHECK constraint reports "Check constraint invalid"
 * caused by "The database has been closed". Without walking the causes the pool kept handing out the same dead
 * connection, and every write failed while the status bar stayed green.
 */
final class ConnectionLoss implements SQLExceptionOverride {

    /** H2 ErrorCode: IO_EXCEPTION_1, IO_EXCEPTION_2, CONNECTION_BROKEN_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN. */
    private static final Set<Integer> H2_GONE = Set.of(90028, 90031, 90067, 90098, 90121);
    /** PostgreSQL: administrator or crash shutdown, cannot connect now, database not accepting connections. */
    private static final Set<String> PG_SERVER_GONE = Set.of("57P01", "57P02", "57P03", "55000");

    /** Told when a statement failed because its connection or the database is gone. */
    interface Signal {
        void connectionLost(SQLException e);
    }

    private final boolean h2;
    private volatile Signal signal = e -> { };

    /** {@code h2}: the pool must evict on H2's codes itself (it knows only SQLState class 08). */
    ConnectionLoss(boolean h2) {
        this.h2 = h2;
    }

    void onLoss(Signal s) {
        this.signal = s;
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        if (isLoss(e)) {
            signal.connectionLost(e);
            return h2 ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }

    /**
     * True when this exception, or one it wraps or chains, says the connection or the database is gone: a connection
     * exception by its class or SQLState (class 08), H2's codes for a closed database or a broken connection, and
     * PostgreSQL's server shutting down or refusing connections to the database.
     */
    static boolean isLoss(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; depth++) {
            if (t instanceof SQLException sql) {
                if (H2_GONE.contains(sql.getErrorCode())) {
                    return true;
                }
                if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
                    return true;
                }
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || PG_SERVER_GONE.contains(state))) {
                    return true;
                }
                SQLException next = sql.getNextException();
                if (next != null && next != t && isLoss(next)) {
                    return true;
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }
}
