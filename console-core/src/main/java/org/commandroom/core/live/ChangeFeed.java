package org.commandroom.core.live;

import org.commandroom.core.store.Causes;
import org.commandroom.core.store.DbSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the change log so that every workstation sees every other's writes (and its own) within a
 * poll interval. Listeners are called on the callback executor (the FX thread in the client).
 *
 * <p>Ids come from an identity column, so a transaction that commits late can leave a lower id
 * behind rows already read. The feed therefore keeps reading from the lowest id it has not seen and
 * waits {@code gapWait} for a missing id before giving it up as a rolled-back insert. A given-up id is
 * still watched for {@link #LATE_WATCH}: a transaction slower than the wait (a loaded server, a lock held
 * long) commits late, and its change is delivered then instead of being lost. Waits are measured on the
 * machine's monotonic time, never on the console's clock: a clock set back or forward (NTP, the soak's
 * sped-up clock) must not make the feed give up early or wait for ever.
 *
 * <p>On PostgreSQL it can {@linkplain #listen listen} for the notification every commit to the change log sends
 * ({@link ChangeNotifications}): each one wakes the feed, which then reads the log exactly as a poll does (the
 * notification is only a wake-up; order, gaps and late ids are handled by the reading). While listening it still
 * reads at least every {@code whileListening}, and at the poll interval while a gap is open or more than one batch
 * of rows waits; when the listening
 * connection is lost it polls at the poll interval until it listens again. H2 has no notifications and polls.
 *
 * <p>It also reports whether the database answers: a failed poll is logged once, reported as lost,
 * and retried on the next tick; the first good poll after reports it back.
 */
public final class ChangeFeed implements AutoCloseable {

    /** Receives changes in id order. */
    public interface Listener {
        void onChanges(List<Change> changes);
    }

    /** Receives the database's health as the feed sees it. */
    public interface HealthListener {
        void onHealth(boolean reachable, Instant lastSuccess, String error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int BATCH = 2000;
    /** How long an id given up as rolled back is still looked for. */
    static final Duration LATE_WATCH = Duration.ofMinutes(10);
    /** At most this many given-up ranges are watched (the oldest is dropped). */
    private static final int MAX_LATE_RANGES = 256;

    /** Ids given up as rolled back, from {@code first} to {@code last}, since {@code sinceNanos}. */
    private static final class GivenUp {
        final long first;
        final long last;
        final long sinceNanos;
        final java.util.Set<Long> delivered = new java.util.HashSet<>();

        GivenUp(long first, long last, long sinceNanos) {
            this.first = first;
            this.last = last;
            this.sinceNanos = sinceNanos;
        }
    }

    private final Jdbi jdbi;
    private final ScheduledExecutorService scheduler;
    private final Executor callbacks;
    private final Clock clock;
    private final Duration interval;
    private final Duration gapWait;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<HealthListener> healthListeners = new CopyOnWriteArrayList<>();

    // Only touched by a read (one at a time, under {@link #reading}).
    private long lowWater = -1;
    private final TreeSet<Long> seenAbove = new TreeSet<>();
    private final Map<Long, Long> gapSince = new HashMap<>();
    private final java.util.ArrayDeque<GivenUp> givenUp = new java.util.ArrayDeque<>();
    private final java.util.function.LongSupplier nanoTime;
    private Boolean lastReachable;
    private Instant lastSuccess;
    private ScheduledFuture<?> task;
    /** One read at a time: the scheduled poll and a wake-up may run on different scheduler threads. */
    private final Object reading = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean wakePending = new java.util.concurrent.atomic.AtomicBoolean();
    private ChangeNotifications notifications;
    private Duration whileListening;
    /** When the last read started (monotonic), or -1 before the first. Read and written under {@link #reading}. */
    private long lastReadNanos = -1;
    /** The last read returned a full batch: more rows wait. Read and written under {@link #reading}. */
    private boolean behind;

    public ChangeFeed(Jdbi jdbi, ScheduledExecutorService scheduler, Executor callbacks, Clock clock,
                      Duration interval, Duration gapWait) {
        this(jdbi, scheduler, callbacks, clock, interval, gapWait, System::nanoTime);
    }

    /** As above, with the monotonic time the waits are measured on (tests move it by hand). */
    ChangeFeed(Jdbi jdbi, ScheduledExecutorService scheduler, Executor callbacks, Clock clock,
               Duration interval, Duration gapWait, java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.jdbi = jdbi;
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.clock = clock;
        this.interval = interval;
        this.gapWait = gapWait;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    public void addHealthListener(HealthListener listener) {
        healthListeners.add(listener);
    }

    public void removeHealthListener(HealthListener listener) {
        healthListeners.remove(listener);
    }

    /**
     * On PostgreSQL, wakes on the change log's notifications over a connection of its own to {@code settings}'s
     * database, and reads at least every {@code whileListening} while it listens; elsewhere (H2) does nothing and
     * the feed polls. Call before {@link #start()}.
     */
    public synchronized ChangeFeed listen(DbSettings settings, Duration whileListening) {
        return listen(settings, whileListening, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** As above, with the back-off between attempts to listen again (doubling from the first to the most). */
    synchronized ChangeFeed listen(DbSettings settings, Duration whileListening, Duration firstBackoff,
                                   Duration maxBackoff) {
        if (!settings.isPostgres() || notifications != null) {
            return this;
        }
        this.whileListening = whileListening;
        this.notifications = new ChangeNotifications(ChangeNotifications.connector(settings), this::wake,
                firstBackoff, maxBackoff);
        if (task != null) {
            notifications.start();
        }
        return this;
    }

    /** True while the feed wakes on notifications (PostgreSQL, listening connection up). */
    public boolean isListening() {
        ChangeNotifications n = notifications;
        return n != null && n.isListening();
    }

    /** Starts polling; changes already in the log when it starts are not delivered. */
    public synchronized void start() {
        if (task != null) {
            return;
        }
        task = scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        if (notifications != null) {
            notifications.start();
        }
    }

    /**
     * Reads soon on a scheduler thread (at most one wake-up waits at a time; one that comes during a read leads to
     * another read after it, so nothing committed before the wake-up is missed).
     */
    public void wake() {
        if (!wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                wakePending.set(false);
                pollSafely();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            wakePending.set(false); // shutting down
        }
    }

    /**
     * The scheduled round: a read, unless the feed listens, read recently enough, and has nothing pending (no gap
     * open, and the last read was not a full batch with more rows behind it).
     */
    private void tick() {
        if (isListening()) {
            synchronized (reading) {
                boolean recent = lastReadNanos >= 0 && nanoTime.getAsLong() - lastReadNanos < whileListening.toNanos();
                if (recent && seenAbove.isEmpty() && !behind) {
                    return;
                }
            }
        }
        pollSafely();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // poll() reports database failures itself; anything else is a bug, but must not kill the schedule.
            LOG.error("Change feed poll failed unexpectedly", e);
        }
    }

    /** One round: reads new changes and hands them to the listeners. Returns how many were new. */
    public int poll() {
        synchronized (reading) {
            lastReadNanos = nanoTime.getAsLong();
            return read();
        }
    }

    private int read() {
        List<Change> rows;
        List<Change> late;
        try {
            if (lowWater < 0) {
                lowWater = jdbi.withExtension(ChangeLogDao.class, ChangeLogDao::maxId);
            }
            long from = lowWater;
            rows = jdbi.withExtension(ChangeLogDao.class, dao -> dao.after(from, BATCH));
            late = lateCommits();
        } catch (RuntimeException e) {
            reportHealth(false, e);
            return 0;
        }
        reportHealth(true, null);
        behind = rows.size() >= BATCH;
        List<Change> fresh = new ArrayList<>(late);
        for (Change c : rows) {
            if (seenAbove.add(c.id())) {
                fresh.add(c);
            }
        }
        advanceLowWater();
        if (!fresh.isEmpty()) {
            List<Change> delivered = List.copyOf(fresh);
            for (Listener l : listeners) {
                callbacks.execute(() -> l.onChanges(delivered));
            }
        }
        return fresh.size();
    }

    private void advanceLowWater() {
        long now = nanoTime.getAsLong();
        while (!seenAbove.isEmpty()) {
            long next = lowWater + 1;
            long first = seenAbove.first();
            if (first == next) {
                seenAbove.pollFirst();
                lowWater = next;
                gapSince.remove(next);
                continue;
            }
            long since = gapSince.computeIfAbsent(next, k -> now);
            if (now - since >= gapWait.toNanos()) {
                LOG.debug("Change log ids {}..{} did not appear within {} ms; taken as rolled back and watched for a late commit",
                        next, first - 1, gapWait.toMillis());
                gapSince.remove(next);
                givenUp.addLast(new GivenUp(next, first - 1, now));
                if (givenUp.size() > MAX_LATE_RANGES) {
                    givenUp.removeFirst();
                }
                lowWater = first - 1;
                continue;
            }
            break;
        }
    }

    /** Changes that appeared in a range given up as rolled back: committed late, delivered now. */
    private List<Change> lateCommits() {
        long now = nanoTime.getAsLong();
        while (!givenUp.isEmpty() && now - givenUp.peekFirst().sinceNanos > LATE_WATCH.toNanos()) {
            givenUp.removeFirst();
        }
        if (givenUp.isEmpty()) {
            return List.of();
        }
        List<Change> late = new ArrayList<>();
        jdbi.useExtension(ChangeLogDao.class, dao -> {
            for (GivenUp range : givenUp) {
                for (Change c : dao.between(range.first, range.last)) {
                    if (range.delivered.add(c.id())) {
                        late.add(c);
                    }
                }
            }
        });
        if (!late.isEmpty()) {
            LOG.info("{} change(s) committed after their id had been given up as rolled back (ids {}); delivered now",
                    late.size(), late.stream().map(Change::id).toList());
        }
        return late;
    }

    private void reportHealth(boolean reachable, RuntimeException error) {
        if (reachable) {
            lastSuccess = clock.instant();
        }
        if (lastReachable != null && lastReachable == reachable) {
            return;
        }
        lastReachable = reachable;
        String message = error == null ? null : Causes.rootMessage(error);
        if (reachable) {
            LOG.info("Database reachable");
        } else {
            LOG.warn("Database not reachable: {}", message);
        }
        Instant success = lastSuccess;
        for (HealthListener l : healthListeners) {
            callbacks.execute(() -> l.onHealth(reachable, success, message));
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (notifications != null) {
            notifications.close();
        }
    }
}
