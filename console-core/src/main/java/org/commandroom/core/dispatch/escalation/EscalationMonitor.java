package org.commandroom.core.dispatch.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link EscalationService#scan} on a schedule (and soon after {@link #requestScan()}, e.g. when an
 * order changed) and hands every result to its listeners on the callback executor (the FX thread in the
 * app). It runs whether or not the escalation list is on screen: a missed deadline is recorded for the
 * prevention index even when nobody looks. A failed scan (database lost) is logged and retried.
 */
public final class EscalationMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationMonitor.class);

    private final EscalationService service;
    private final ScheduledExecutorService scheduler;
    private final Executor callbacks;
    private final Clock clock;
    private final Duration interval;
    private final List<Consumer<EscalationScan>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean scanPending = new AtomicBoolean();
    private volatile EscalationScan latest;
    private ScheduledFuture<?> task;

    public EscalationMonitor(EscalationService service, ScheduledExecutorService scheduler, Executor callbacks,
                             Clock clock, Duration interval) {
        this.service = service;
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.clock = clock;
        this.interval = interval;
    }

    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::scanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Scans again soon (coalesced: many requests before the scan runs give one scan). */
    public void requestScan() {
        if (scanPending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    scanPending.set(false);
                    scanSafely();
                }, 100, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scanPending.set(false);
            }
        }
    }

    /** Told of every scan; a new listener gets the latest one at once (on the callback executor). */
    public void addListener(Consumer<EscalationScan> listener) {
        listeners.add(listener);
        EscalationScan last = latest;
        if (last != null) {
            callbacks.execute(() -> listener.accept(last));
        }
    }

    public void removeListener(Consumer<EscalationScan> listener) {
        listeners.remove(listener);
    }

    /** The last completed scan, or null before the first. */
    public EscalationScan latest() {
        return latest;
    }

    /** One scan now, on the calling thread; listeners are told as for a scheduled one. */
    public synchronized EscalationScan scanNow() {
        EscalationScan scan = service.scan(clock.instant());
        latest = scan;
        for (Consumer<EscalationScan> l : listeners) {
            callbacks.execute(() -> l.accept(scan));
        }
        return scan;
    }

    private void scanSafely() {
        try {
            scanNow();
        } catch (RuntimeException e) {
            LOG.warn("Escalation scan failed; retrying in {} s: {}", interval.toSeconds(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
