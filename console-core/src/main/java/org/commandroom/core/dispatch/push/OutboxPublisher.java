package org.commandroom.core.dispatch.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the push outbox through a {@link PushChannel}: undelivered rows in id order, one at a time, each
 * stamped delivered when the channel confirms it (MQTT PUBACK). It polls every {@code pollInterval} and
 * at once on {@link #wake()} (call it after issuing an order) and on every reconnect. While the channel is
 * down nothing is attempted; when a send fails or is not confirmed within {@code sendTimeout}, the row
 * keeps its place, the attempt and error are recorded, and the next try waits 0.5 s doubling up to
 * {@code maxBackoff}. Delivery is at least once: a terminal must ignore an orderId it already has.
 *
 * <p>With a {@link PublisherLease} ({@link #withLease}) it sends only while this workstation holds the lease, so
 * that of several workstations on one database one sends each order (the others keep their channel for the
 * terminals' acknowledgements); it renews the lease every {@code ttl / 3} and takes it over when the holder dies.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int BATCH = 100;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final Jdbi jdbi;
    private final PushChannel channel;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Duration maxBackoff;
    private final Executor callbackExecutor;
    private final Consumer<PushConnectionState> stateListener;

    private final Object drainLock = new Object();
    private volatile long notBeforeNanos;
    private int failures;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> leaseTask;
    private volatile PublisherLease lease;
    private volatile PushConnectionState state;

    /**
     * @param executor         runs the polling and the sends (its threads may block up to sendTimeout)
     * @param callbackExecutor where {@code stateListener} is called (the app passes Platform::runLater)
     * @param stateListener    told connected / disconnected-since for the status bar
     */
    public OutboxPublisher(Jdbi jdbi, PushChannel channel, ScheduledExecutorService executor, Clock clock,
                           Duration pollInterval, Duration sendTimeout, Duration maxBackoff,
                           Executor callbackExecutor, Consumer<PushConnectionState> stateListener) {
        this.jdbi = jdbi;
        this.channel = channel;
        this.executor = executor;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.maxBackoff = maxBackoff;
        this.callbackExecutor = callbackExecutor;
        this.stateListener = stateListener;
        this.state = new PushConnectionState(channel.isConnected(), clock.instant(), channel.describe());
    }

    /** Polls every second, waits 10 s for a broker acknowledgement, backs off to at most 30 s. */
    public OutboxPublisher(Jdbi jdbi, PushChannel channel, ScheduledExecutorService executor, Clock clock,
                           Executor callbackExecutor, Consumer<PushConnectionState> stateListener) {
        this(jdbi, channel, executor, clock, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30),
                callbackExecutor, stateListener);
    }

    /** Sends only while holding {@code l} (call before {@link #start()}). */
    public OutboxPublisher withLease(PublisherLease l) {
        this.lease = l;
        return this;
    }

    /** The lease this publisher sends under, if any. */
    public java.util.Optional<PublisherLease> lease() {
        return java.util.Optional.ofNullable(lease);
    }

    /** Whether this publisher may send now: no lease configured, or the lease held. */
    public boolean mayPublish() {
        PublisherLease l = lease;
        return l == null || l.held();
    }

    private void renewLease() {
        PublisherLease l = lease;
        boolean before = l.held();
        if (l.tryHold() && !before) {
            wake();
        }
    }

    /** Registers with the channel, starts it and starts polling. */
    public void start() {
        channel.addStateListener(s -> {
            state = s;
            callbackExecutor.execute(() -> stateListener.accept(s));
            if (s.connected()) {
                wake();
            }
        });
        channel.start();
        PublisherLease l = lease;
        if (l != null) {
            leaseTask = executor.scheduleWithFixedDelay(this::renewLeaseSafely, 0, l.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
        poll = executor.scheduleWithFixedDelay(this::drainSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Outbox publisher started on {}", channel.describe());
    }

    /** Sends what is waiting now rather than at the next poll. */
    public void wake() {
        try {
            executor.execute(this::drainSafely);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Publisher stopped; wake ignored");
        }
    }

    public PushConnectionState state() {
        return state;
    }

    public long undeliveredCount() {
        return jdbi.withExtension(PushDao.class, PushDao::undeliveredCount);
    }

    private void renewLeaseSafely() {
        try {
            renewLease();
        } catch (RuntimeException e) {
            LOG.warn("Publisher lease check failed; will retry: {}", e.toString());
        }
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("Outbox publishing failed; will retry: {}", e.toString());
        }
    }

    /** Sends undelivered rows until the outbox is empty, the channel is down, or a send fails. */
    void drain() {
        synchronized (drainLock) {
            while (channel.isConnected() && mayPublish() && System.nanoTime() - notBeforeNanos >= 0) {
                List<PushDao.OutboxRow> rows = jdbi.withExtension(PushDao.class, dao -> dao.undelivered(BATCH));
                if (rows.isEmpty()) {
                    return;
                }
                for (PushDao.OutboxRow row : rows) {
                    if (!mayPublish() || !send(row)) {
                        return;
                    }
                }
            }
        }
    }

    private boolean send(PushDao.OutboxRow row) {
        String error;
        try {
            channel.send(row.topic(), row.payload().getBytes(StandardCharsets.UTF_8))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            jdbi.useExtension(PushDao.class, dao -> dao.markDelivered(row.id(), clock.instant()));
            failures = 0;
            LOG.debug("Outbox #{} (order {}) delivered to {}", row.id(), row.orderId(), row.topic());
            return true;
        } catch (ExecutionException e) {
            error = MqttPushChannel.reason(e.getCause());
        } catch (TimeoutException e) {
            error = "no acknowledgement within " + sendTimeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String cut = error.length() > 500 ? error.substring(0, 500) : error;
        jdbi.useExtension(PushDao.class, dao -> dao.markFailed(row.id(), clock.instant(), cut));
        if (!channel.isConnected()) {
            // Lost the connection mid-send: no backoff, the reconnect wakes us.
            LOG.info("Outbox #{} (order {}) not delivered, channel down: {}", row.id(), row.orderId(), error);
            return false;
        }
        failures++;
        long backoff = Math.min(maxBackoff.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 20));
        notBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff);
        LOG.warn("Outbox #{} (order {}) not delivered ({}); retrying in {} ms", row.id(), row.orderId(), error, backoff);
        executor.schedule(this::drainSafely, backoff, TimeUnit.MILLISECONDS);
        return false;
    }

    /** Stops polling and gives the lease up (the channel is closed by its owner). */
    @Override
    public void close() {
        if (poll != null) {
            poll.cancel(false);
        }
        if (leaseTask != null) {
            leaseTask.cancel(false);
        }
        PublisherLease l = lease;
        if (l != null) {
            l.release();
        }
    }
}
