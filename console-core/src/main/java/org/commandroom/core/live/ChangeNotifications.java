package org.commandroom.core.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.commandroom.core.store.Causes;
import org.commandroom.core.store.DbSettings;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL only: listens on a connection of its own (outside the pool, whose connections are short-lived) for the
 * {@code NOTIFY change_log} that {@link ChangeRecorder} sends with every commit that wrote the change log, and calls
 * {@code onWake} for each. A notification carries nothing: the woken feed reads the log as it always does.
 *
 * <p>The wait for notifications runs on one daemon thread ({@code console-change-listen}), blocking at most
 * {@link #WAIT} at a time so that closing is prompt, and checking every {@link #ALIVE_CHECK} of silence that the
 * connection still answers (a server gone without closing the socket sends nothing). When the connection fails it
 * says so once at WARN, reports {@link #isListening()} false (the feed then polls at its fallback interval), wakes
 * the feed (which reads, and so reports the database's health as before), and connects again after a back-off that
 * doubles up to a maximum. Once listening again it says so at INFO and wakes the feed, which catches up by reading
 * whatever was written in between: notifications sent while nobody listened are lost, the changes are not.
 */
public final class ChangeNotifications implements AutoCloseable {

    /** The channel {@link ChangeRecorder} notifies and the feed listens on. */
    public static final String CHANNEL = "change_log";
    /** Longest single wait for a notification. */
    static final Duration WAIT = Duration.ofMillis(500);
    /** Silence after which the connection is asked whether it still answers. */
    static final Duration ALIVE_CHECK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);

    /** Opens the listening connection. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final Runnable onWake;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Object sleeper = new Object();
    private volatile boolean listening;
    private volatile boolean closed;
    private Thread thread;

    ChangeNotifications(Connector connector, Runnable onWake, Duration firstBackoff, Duration maxBackoff) {
        this.connector = connector;
        this.onWake = onWake;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** A connector for the database of {@code settings}, with short connect and read timeouts. */
    static Connector connector(DbSettings settings) {
        return () -> {
            Properties p = new Properties();
            p.setProperty("user", settings.user());
            p.setProperty("password", settings.password());
            p.setProperty("connectTimeout", "2");
            // Longer than any wait or check here: only a connection that stopped answering runs into it.
            p.setProperty("socketTimeout", "10");
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("ApplicationName", "console-change-listen");
            return DriverManager.getConnection(settings.jdbcUrl(), p);
        };
    }

    /** Starts listening on a thread of its own. */
    synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = new Thread(this::run, "console-change-listen");
        thread.setDaemon(true);
        thread.start();
    }

    /** True while the listening connection is up and listening. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        long backoff = firstBackoff.toMillis();
        boolean warned = false;
        while (!closed) {
            try (Connection c = connector.open()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                backoff = firstBackoff.toMillis();
                if (warned) {
                    LOG.info("Listening for change notifications again; the feed reads what was written meanwhile");
                    warned = false;
                }
                onWake.run(); // whatever was committed while nobody listened
                listen(c, pg);
            } catch (SQLException | RuntimeException e) {
                boolean was = listening;
                listening = false;
                if (closed) {
                    break;
                }
                if (!warned) {
                    LOG.warn("Change notifications {} ({}); the change feed polls until they are back",
                            was ? "lost" : "not available", Causes.rootMessage(e));
                    warned = true;
                } else {
                    LOG.debug("Listening for change notifications failed again: {}", Causes.rootMessage(e));
                }
                if (was) {
                    onWake.run(); // the feed reads now, and reports the database lost if it is
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            } finally {
                listening = false;
            }
        }
    }

    private void listen(Connection c, PGConnection pg) throws SQLException {
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] got = pg.getNotifications((int) WAIT.toMillis());
            if (got != null && got.length > 0) {
                quietSince = System.nanoTime();
                onWake.run();
            } else if (System.nanoTime() - quietSince >= ALIVE_CHECK.toNanos()) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        synchronized (sleeper) {
            long left;
            while (!closed && (left = until - System.nanoTime()) > 0) {
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops listening; the thread ends within one wait. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(WAIT.toMillis() * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
