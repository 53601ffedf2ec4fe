package org.commandroom.core.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * One writing transaction at a time on the embedded database, for crash safety.
 *
 * <p>H2's store writes each of its maps (a table, each index, the undo log) as it finds it when a commit stores the
 * database; a transaction changing maps while another one's commit is storing can leave on disk a table and its
 * index from different moments (H2 issue 2080). Nothing notices while the process lives, since the next store
 * writes both again; a {@code kill -9} in between leaves the file inconsistent. Two effects seen in
 * {@code CrashDurabilityTest} under load: acknowledged orders missing after a restart, and an outbox row whose index
 * entry still said "not delivered" after the row itself was, so the publisher sent it again forever.
 *
 * <p>So on the embedded file database a connection takes this lock at its first statement that may change anything
 * (all but plain {@code SELECT}s) and keeps it until its transaction ends (commit, rollback, or the connection going
 * back to the pool); in auto-commit mode, for that one statement. Reads never take it and never wait for it. A whole
 * transaction rather than each statement, because a statement waiting for another transaction's row lock while
 * holding it would wait for ever. The cost: a long writing transaction (a 150,000-camera catalogue import, about
 * 20 s) holds the other workstation writes back until it ends. The lock is fair: writers go in the order they came.
 */
final class SerialWrites {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SerialWrites.class);
    /** A writer that waited this long is named in the log (WARN): the desk's writes should never wait that long. */
    static final java.time.Duration WAIT_WORTH_SAYING = java.time.Duration.ofSeconds(2);
    /** A transaction that held the writes this long is named in the log (INFO): imports do, nothing else should. */
    static final java.time.Duration HOLD_WORTH_SAYING = java.time.Duration.ofSeconds(5);

    private final ReentrantLock lock = new ReentrantLock(true);

    /** The data source whose connections take the lock as described. */
    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(SerialWrites.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, m, args) -> {
                    Object result = invoke(target, m, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    /** Whether a thread holds the lock now (for tests). */
    boolean held() {
        return lock.isLocked();
    }

    /**
     * Whether this statement may change the database: everything but a plain query (a SELECT without FOR UPDATE,
     * which locks rows, or a sequence's next value), EXPLAIN, SHOW, and the online backups BACKUP TO and SCRIPT TO,
     * which read a committed state while others write (a backup under the lock held every write of the desk back for
     * the 74 s it took in a trial).
     */
    static boolean mayWrite(String sql) {
        if (sql == null) {
            return true;
        }
        String s = stripLeadingComments(sql).toUpperCase(Locale.ROOT);
        if (s.startsWith("BACKUP ") || s.startsWith("SCRIPT") || s.startsWith("EXPLAIN ") || s.startsWith("SHOW ")) {
            return false;
        }
        boolean query = s.startsWith("SELECT") || s.startsWith("VALUES") || s.startsWith("WITH") && !containsDml(s);
        return !query || s.contains("FOR UPDATE") || s.contains("NEXT VALUE FOR") || s.contains("NEXTVAL(");
    }

    private static boolean containsDml(String upper) {
        return upper.contains("INSERT ") || upper.contains("UPDATE ") || upper.contains("DELETE ") || upper.contains("MERGE ");
    }

    private static String stripLeadingComments(String sql) {
        String s = sql.stripLeading();
        while (true) {
            if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).stripLeading();
            } else {
                return s;
            }
        }
    }

    private Connection connection(Connection target) {
        Held held = new Held();
        return (Connection) Proxy.newProxyInstance(SerialWrites.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "createStatement":
                            return statement((Statement) invoke(target, m, args), null, target, held, Statement.class);
                        case "prepareStatement":
                            return statement((Statement) invoke(target, m, args), (String) args[0], target, held,
                                    PreparedStatement.class);
                        case "prepareCall":
                            return statement((Statement) invoke(target, m, args), (String) args[0], target, held,
                                    CallableStatement.class);
                        case "commit":
                        case "rollback":
                            try {
                                return invoke(target, m, args);
                            } finally {
                                // a rollback to a savepoint keeps the transaction going
                                if (args == null || args.length == 0) {
                                    held.release();
                                }
                            }
                        case "setAutoCommit":
                            try {
                                return invoke(target, m, args);
                            } finally {
                                if (Boolean.TRUE.equals(args[0])) {
                                    held.release(); // switching auto-commit on commits what was open
                                }
                            }
                        case "close":
                            try {
                                return invoke(target, m, args);
                            } finally {
                                held.release();
                            }
                        case "unwrap":
                            return ((Class<?>) args[0]).isInstance(proxy) ? proxy : invoke(target, m, args);
                        case "isWrapperFor":
                            return ((Class<?>) args[0]).isInstance(proxy) || (boolean) invoke(target, m, args);
                        default:
                            return invoke(target, m, args);
                    }
                });
    }

    private Object statement(Statement target, String preparedSql, Connection connection, Held held, Class<?> type) {
        return Proxy.newProxyInstance(SerialWrites.class.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    String name = m.getName();
                    if (!name.startsWith("execute")) {
                        if (name.equals("getConnection")) {
                            return connection; // not the proxy: callers only read from it
                        }
                        return invoke(target, m, args);
                    }
                    String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                    if (!name.equals("executeBatch") && !mayWrite(sql)) {
                        return invoke(target, m, args);
                    }
                    held.acquire(sql);
                    try {
                        return invoke(target, m, args);
                    } finally {
                        if (connection.getAutoCommit()) {
                            held.release(); // the statement was its own transaction, committed now
                        }
                    }
                });
    }

    private static String brief(String sql) {
        if (sql == null) {
            return "a batch";
        }
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 80) + "…";
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The lock as one connection holds it: at most once, released by whichever thread ends the transaction. */
    private final class Held {
        private Thread owner;
        private long since;
        private String first;

        void acquire(String sql) {
            if (owner == Thread.currentThread()) {
                return;
            }
            long asked = System.nanoTime();
            lock.lock();
            owner = Thread.currentThread();
            since = System.nanoTime();
            first = sql;
            long waitedMs = (since - asked) / 1_000_000;
            if (waitedMs >= WAIT_WORTH_SAYING.toMillis()) {
                LOG.warn("A write to the embedded database waited {} ms behind another writing transaction ({})",
                        waitedMs, brief(sql));
            }
        }

        void release() {
            if (owner == null) {
                return;
            }
            if (owner == Thread.currentThread()) {
                long heldMs = (System.nanoTime() - since) / 1_000_000;
                String what = first;
                owner = null;
                first = null;
                lock.unlock();
                if (heldMs >= HOLD_WORTH_SAYING.toMillis()) {
                    LOG.info("A writing transaction held the embedded database's writes for {} ms ({})", heldMs, brief(what));
                }
            }
            // A transaction ended on another thread than it wrote on cannot give a thread-owned lock back; Jdbi does
            // not do that, and a connection that did would hold writes back until its owner thread ends a transaction.
        }
    }
}
