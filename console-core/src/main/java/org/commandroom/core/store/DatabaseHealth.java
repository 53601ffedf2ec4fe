package org.commandroom.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, known within a second, for the status bar, the banner and every screen that must
 * not wait on a database that is gone.
 *
 * <p>A probe ({@code SELECT 1} over a connection of its own, outside the pool) runs every {@code interval} on the
 * probe executor; a probe that has not answered after {@code answerWithin} makes the database LOST at once
 * (the probe is left to finish: a thread inside a JDBC driver is never interrupted, an interrupt closes H2's file).
 * A statement failing anywhere because its connection or the database is gone starts a probe at once.
 *
 * <p>When the embedded database has been closed under the console (H2 closes it after an I/O failure), the pool's
 * dead sessions are evicted and the next probe opens the file again: the console reopens its own database and says
 * so, instead of failing every write until it is restarted.
 */
public final class DatabaseHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

    /** Why the database is not answering. */
    public enum Problem {
        /** It answered the last probe. */
        NONE,
        /** A probe did not answer in time (network, a hung server). */
        NO_ANSWER,
        /** The embedded database was closed under the console; it is being opened again. */
        CLOSED,
        /** The connection was refused or broke. */
        UNREACHABLE
    }

    /**
     * The database as last seen: {@code since} is when this condition began, {@code lastAnswer} when the database
     * last answered (the age of the data on screen while it is lost), {@code detail} one technical line for the log.
     */
    public record State(Problem problem, Instant since, Instant lastAnswer, String detail) {
        public boolean up() {
            return problem == Problem.NONE;
        }
    }

    private record Listener(Executor executor, Consumer<State> consumer) {
    }

    private final Database database;
    private final Duration interval;
    private final Duration answerWithin;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;
    /** Runs the probes; a probe may block in the driver, and is never interrupted. */
    private final ExecutorService prober;

    private volatile Clock clock = Clock.systemUTC();
    private volatile State state;
    /** System.nanoTime() when the probe in flight started, or 0 when none is. */
    private volatile long probeStarted;
    private Connection probeConnection;   // only touched by the probe executor
    private ScheduledFuture<?> task;
    private volatile boolean closed;

    /**
     * Watches {@code database}: a probe every {@code interval}, lost after {@code answerWithin} without an answer.
     * Its two threads are daemons of its own, started by {@link #start}.
     */
    DatabaseHealth(Database database, Duration interval, Duration answerWithin) {
        this.database = Objects.requireNonNull(database);
        this.interval = interval;
        this.answerWithin = answerWithin;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("db-health"));
        this.prober = Executors.newSingleThreadExecutor(daemon("db-health-probe"));
        Instant now = clock.instant();
        this.state = new State(Problem.NONE, now, now, null);
        database.onConnectionLoss(e -> probeNow());
    }

    /**
     * Probes every 150 ms and calls a silent database lost after 600 ms without an answer: whatever the loss, it is
     * known within 150 + 600 + 150 ms, under a second. (A probe is {@code SELECT 1} on a connection of its own.)
     */
    static DatabaseHealth standard(Database database) {
        return new DatabaseHealth(database, Duration.ofMillis(150), Duration.ofMillis(600));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Told of every change of condition, on {@code executor} (the FX thread for screens). */
    public void addListener(Executor executor, Consumer<State> listener) {
        listeners.add(new Listener(executor, listener));
    }

    public void removeListener(Consumer<State> listener) {
        listeners.removeIf(l -> l.consumer() == listener);
    }

    public State state() {
        return state;
    }

    /** Starts probing; times are read from {@code time} (the console's clock). Safe to call twice. */
    public synchronized void start(Clock time) {
        if (task == null && !closed) {
            this.clock = time;
            Instant now = time.instant();
            state = new State(state.problem(), now, now, state.detail());
            task = ticker.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a probe now (when one is not already under way), e.g. because a statement just failed. */
    public void probeNow() {
        try {
            ticker.execute(this::tick);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void tick() {
        if (closed) {
            return;
        }
        long started = probeStarted;
        if (started != 0) {
            long waited = System.nanoTime() - started;
            if (waited > answerWithin.toNanos()) {
                report(Problem.NO_ANSWER, "no answer to a probe for " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms");
            }
            return;
        }
        probeStarted = System.nanoTime();
        try {
            prober.execute(this::probe);
        } catch (RejectedExecutionException e) {
            probeStarted = 0;
        }
    }

    private void probe() {
        try {
            if (probeConnection == null) {
                probeConnection = database.openProbeConnection();
            }
            try (Statement st = probeConnection.createStatement()) {
                st.setQueryTimeout(2);
                st.execute("SELECT 1");
            }
            report(Problem.NONE, null);
        } catch (SQLException | RuntimeException e) {
            closeProbeConnection();
            // A database in this process has no network to lose: if it does not answer, it was closed under us.
            boolean closedUnderUs = database.settings().embedded();
            if (closedUnderUs) {
                // Its sessions are dead; the next connection opens the file again.
                database.evictAll();
            }
            report(closedUnderUs ? Problem.CLOSED : Problem.UNREACHABLE, oneLine(e));
        } finally {
            probeStarted = 0;
        }
    }

    private synchronized void report(Problem problem, String detail) {
        State previous = state;
        Instant now = clock.instant();
        if (problem == Problem.NONE) {
            if (previous.up()) {
                state = new State(Problem.NONE, previous.since(), now, null);
                return;
            }
            state = new State(Problem.NONE, now, now, null);
            LOG.warn("Database answers again after {} s ({} before)", Duration.between(previous.since(), now).toSeconds(),
                    previous.problem());
        } else {
            // Once lost, it stays lost as first seen until it answers again: a server that is down makes each probe
            // first overrun its time (no answer) and then fail (refused), and the screen and the log must not flicker
            // between the two every second.
            if (!previous.up()) {
                state = new State(previous.problem(), previous.since(), previous.lastAnswer(), detail);
                return;
            }
            state = new State(problem, previous.up() ? now : previous.since(), previous.lastAnswer(), detail);
            if (problem == Problem.CLOSED) {
                LOG.error("The embedded database was closed under the console ({}); opening it again", detail);
            } else {
                LOG.error("Database lost ({}): {}", problem, detail);
            }
        }
        State next = state;
        for (Listener l : listeners) {
            l.executor().execute(() -> l.consumer().accept(next));
        }
    }

    private void closeProbeConnection() {
        if (probeConnection != null) {
            try {
                probeConnection.close();
            } catch (SQLException | RuntimeException ignored) {
                // it is already broken
            }
            probeConnection = null;
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.replaceAll("\\s+", " ");
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    /**
     * Stops probing and closes the probe's connection, after a probe under way has finished (waits up to two
     * seconds for it; never interrupts it).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        ticker.shutdown();
        try {
            prober.execute(this::closeProbeConnection);
        } catch (RejectedExecutionException e) {
            // already shut down
        }
        prober.shutdown();
        try {
            if (!prober.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("A database probe is still waiting for an answer at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
