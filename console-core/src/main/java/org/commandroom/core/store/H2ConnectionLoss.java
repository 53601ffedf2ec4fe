package org.commandroom.core.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool that an H2 connection which reports its session or database as gone is
 * dead. HikariCP recognises dead connections by SQLState class 08 and a few vendor states, but H2
 * reports these with its own codes (state "90121" etc.). Without this the pool kept handing out the
 * same dead connection after an H2 server restart: it skips validation for connections used in the
 * last 500 ms, and the change feed uses one every poll, so the workstation never reconnected.
 */
public final class H2ConnectionLoss implements SQLExceptionOverride {

    /** H2 ErrorCode: IO_EXCEPTION_1, IO_EXCEPTION_2, CONNECTION_BROKEN_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN. */
    private static final Set<Integer> CONNECTION_GONE = Set.of(90028, 90031, 90067, 90098, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (CONNECTION_GONE.contains(x.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
