package org.commandroom.core.field;

import org.commandroom.core.store.Causes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes position fixes from any thread and writes them in batches.
 *
 * <ul>
 *   <li>{@link #offer} never blocks and never touches the database: it converts the fix to the datum the map is
 *       drawn in and keeps it as the unit's pending fix, replacing an older pending one (latest fix time wins).
 *       Memory is bounded: at most one pending fix per unit, and at most {@link Settings#maxUnits()} units.</li>
 *   <li>Every {@link Settings#cadence()} one writer thread takes all pending fixes and writes them in one
 *       transaction: a JDBC batch of position updates, a batch for the fixes' speed, accuracy and source
 *       ({@code unit_fix}), and the change-log rows the map and the unit board follow ({@code ChangeRecorder}),
 *       exactly as {@code UnitService.reportPosition} records one.</li>
 *   <li>A fix older than the unit's stored fix is dropped, by the update's own condition
 *       ({@code fix_at <= :fixAt}), so two workstations fed by the same receiver, or a receiver replaying its
 *       buffer after a reconnect, never move a unit back. A fix of the same time is written (gpsd reports one epoch
 *       twice, the second time with speed and track).</li>
 *   <li>A batch that fails (database gone) is put back, merged under newer fixes that arrived meanwhile, and tried
 *       at the next tick; the failure is logged once per outage.</li>
 * </ul>
 *
 * Positions from terminals and receivers are machine writes: no user permission is checked here, as for
 * {@code UnitService.reportPosition}; the console starts the ingest only once someone who may write has signed in.
 */
public final class PositionIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PositionIngest.class);

    /**
     * @param cadence  how often pending fixes are written
     * @param maxUnits at most this many units may have a pending fix (more are refused, counted and logged)
     */
    public record Settings(Duration cadence, int maxUnits) {
        public Settings {
            Objects.requireNonNull(cadence, "cadence");
            if (cadence.isNegative() || cadence.isZero()) {
                throw new IllegalArgumentException("cadence must be positive: " + cadence);
            }
            if (maxUnits < 1) {
                throw new IllegalArgumentException("maxUnits must be positive: " + maxUnits);
            }
        }

        /** Every 250 ms (with the change feed's 250 ms poll, the map sees a fix within about half a second). */
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(250), 20_000);
        }
    }

    /** What {@link #offer} did with a fix. */
    public enum Offer {
        /** Kept as the unit's pending fix. */
        QUEUED,
        /** Kept, replacing an older pending fix of the same unit. */
        REPLACED,
        /** Dropped: older than the unit's pending or last written fix. */
        STALE,
        /** Dropped: too many units have a pending fix. */
        FULL,
        /** Dropped: the ingest is closed. */
        CLOSED
    }

    /**
     * One written batch: how many fixes were taken, the units that moved with the fix times written (same order),
     * how long the transaction took, and when it committed ({@link System#nanoTime()}).
     */
    public record Batch(int taken, List<Long> written, List<Instant> fixTimes, long writeNanos, long committedNanos) {
    }

    /** Counters since start. */
    public record Stats(long offered, long replaced, long stale, long full, long written, long unchanged,
                        long batches, long failedBatches) {
    }

    private final Jdbi jdbi;
    private final ChangeRecorder changes;
    private final Clock clock;
    private final Datum storeDatum;
    private final Settings settings;
    private final ScheduledExecutorService writer;
    private final boolean ownsWriter;
    private final ConcurrentHashMap<Long, PositionFix> pending = new ConcurrentHashMap<>();
    /** The last fix time written per unit (only units that exist get here): lets {@link #offer} drop old fixes early. */
    private final ConcurrentHashMap<Long, Instant> lastWritten = new ConcurrentHashMap<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong full = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile Consumer<Batch> batchListener = b -> { };
    private volatile boolean closed;
    private volatile boolean failing;
    private volatile boolean fullLogged;
    private ScheduledFuture<?> task;

    /**
     * @param storeDatum the datum positions are stored in: the one the base map is drawn in
     * @param writer     runs the writes (one thread is enough; it is never interrupted)
     */
    public PositionIngest(Jdbi jdbi, ChangeRecorder changes, Clock clock, Datum storeDatum, Settings settings,
                          ScheduledExecutorService writer) {
        this(jdbi, changes, clock, storeDatum, settings, writer, false);
    }

    private PositionIngest(Jdbi jdbi, ChangeRecorder changes, Clock clock, Datum storeDatum, Settings settings,
                           ScheduledExecutorService writer, boolean ownsWriter) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.storeDatum = Objects.requireNonNull(storeDatum, "storeDatum");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.ownsWriter = ownsWriter;
    }

    /** An ingest with its own writer thread ({@code field-position-ingest}), started at once; {@link #close} ends it. */
    public static PositionIngest start(Jdbi jdbi, ChangeRecorder changes, Clock clock, Datum storeDatum, Settings settings) {
        ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "field-position-ingest");
            t.setDaemon(true);
            return t;
        });
        PositionIngest ingest = new PositionIngest(jdbi, changes, clock, storeDatum, settings, own, true);
        ingest.begin();
        return ingest;
    }

    /** Starts the periodic writes (idempotent). */
    public synchronized void begin() {
        if (task == null && !closed) {
            long ms = settings.cadence().toMillis();
            task = writer.scheduleWithFixedDelay(this::flushSafely, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** The datum positions are stored in. */
    public Datum storeDatum() {
        return storeDatum;
    }

    /** Called after every committed batch on the writer thread (the benchmark measures with it). Keep it short. */
    public void onBatch(Consumer<Batch> listener) {
        this.batchListener = listener == null ? b -> { } : listener;
    }

    /**
     * Hands over a fix. Never blocks and never throws for a well-formed fix; returns at once what was done with it.
     * The fix is written at the next tick unless a newer fix of the same unit replaces it first.
     */
    public Offer offer(PositionFix fix) {
        Objects.requireNonNull(fix, "fix");
        offered.incrementAndGet();
        if (closed) {
            return Offer.CLOSED;
        }
        Instant last = lastWritten.get(fix.unitId());
        if (last != null && fix.fixAt().isBefore(last)) {
            stale.incrementAndGet();
            return Offer.STALE;
        }
        PositionFix stored = fix.position().datum() == storeDatum ? fix
                : fix.at(DatumConverter.convert(fix.position(), storeDatum));
        if (!pending.containsKey(fix.unitId()) && pending.size() >= settings.maxUnits()) {
            full.incrementAndGet();
            if (!fullLogged) {
                fullLogged = true;
                LOG.warn("Position ingest: {} units already have a pending fix; fixes for further units are dropped",
                        settings.maxUnits());
            }
            return Offer.FULL;
        }
        Offer[] outcome = {Offer.QUEUED};
        pending.compute(fix.unitId(), (id, old) -> {
            if (old == null) {
                return stored;
            }
            if (stored.fixAt().isBefore(old.fixAt())) {
                outcome[0] = Offer.STALE;
                return old;
            }
            outcome[0] = Offer.REPLACED;
            return stored;
        });
        if (outcome[0] == Offer.STALE) {
            stale.incrementAndGet();
        } else if (outcome[0] == Offer.REPLACED) {
            replaced.incrementAndGet();
        }
        return outcome[0];
    }

    /** How many units have a fix waiting to be written. */
    public int pendingCount() {
        return pending.size();
    }

    public Stats stats() {
        return new Stats(offered.get(), replaced.get(), stale.get(), full.get(), written.get(), unchanged.get(),
                batches.get(), failedBatches.get());
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("Position ingest: unexpected failure of a write round", e);
        }
    }

    /**
     * Writes every pending fix now, in one transaction (the writer thread does this every tick; tests and
     * {@link #close} call it directly). Returns how many units moved.
     */
    public synchronized int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<PositionFix> batch = new ArrayList<>(pending.size());
        for (Iterator<Map.Entry<Long, PositionFix>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, PositionFix> e = it.next();
            if (pending.remove(e.getKey(), e.getValue())) {
                batch.add(e.getValue());
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        List<PositionFix> moved;
        try {
            moved = jdbi.inTransaction(h -> write(h, batch));
        } catch (RuntimeException e) {
            failedBatches.incrementAndGet();
            for (PositionFix f : batch) {
                pending.merge(f.unitId(), f, (now, back) -> now.fixAt().isBefore(back.fixAt()) ? back : now);
            }
            if (!failing) {
                failing = true;
                LOG.warn("Position ingest: a batch of {} fixes could not be written ({}); kept and tried again every {} ms",
                        batch.size(), Causes.rootMessage(e), settings.cadence().toMillis());
            }
            return 0;
        }
        long nanos = System.nanoTime() - t0;
        if (failing) {
            failing = false;
            LOG.info("Position ingest: writing again ({} fixes in this batch)", batch.size());
        }
        batches.incrementAndGet();
        written.addAndGet(moved.size());
        unchanged.addAndGet(batch.size() - moved.size());
        List<Long> ids = new ArrayList<>(moved.size());
        List<Instant> times = new ArrayList<>(moved.size());
        for (PositionFix f : moved) {
            ids.add(f.unitId());
            times.add(f.fixAt());
        }
        Batch report = new Batch(batch.size(), ids, times, nanos, System.nanoTime());
        try {
            batchListener.accept(report);
        } catch (RuntimeException e) {
            LOG.error("Position ingest: batch listener failed", e);
        }
        return moved.size();
    }

    private List<PositionFix> write(Handle h, List<PositionFix> batch) {
        PreparedBatch positions = h.prepareBatch("UPDATE patrol_unit SET lat = :lat, lon = :lon, datum = :datum, "
                + "heading = :heading, fix_at = :fixAt WHERE id = :id AND (fix_at IS NULL OR fix_at <= :fixAt)");
        for (PositionFix f : batch) {
            positions.bind("lat", f.position().lat())
                    .bind("lon", f.position().lon())
                    .bind("datum", f.position().datum().name())
                    .bind("heading", f.heading())
                    .bind("fixAt", f.fixAt())
                    .bind("id", f.unitId())
                    .add();
        }
        int[] counts = positions.execute();
        List<PositionFix> moved = new ArrayList<>(batch.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                moved.add(batch.get(i));
            }
        }
        if (moved.isEmpty()) {
            return List.of();
        }
        Instant receivedAt = clock.instant();
        PreparedBatch details = h.prepareBatch("UPDATE unit_fix SET speed_mps = :speed, accuracy_m = :accuracy, "
                + "source = :source, received_at = :receivedAt WHERE unit_id = :id");
        for (PositionFix f : moved) {
            bindDetails(details, f, receivedAt).add();
        }
        int[] detailCounts = details.execute();
        PreparedBatch inserts = null;
        for (int i = 0; i < detailCounts.length; i++) {
            if (detailCounts[i] == 0) {
                if (inserts == null) {
                    inserts = h.prepareBatch("INSERT INTO unit_fix (unit_id, speed_mps, accuracy_m, source, received_at) "
                            + "VALUES (:id, :speed, :accuracy, :source, :receivedAt)");
                }
                bindDetails(inserts, moved.get(i), receivedAt).add();
            }
        }
        if (inserts != null) {
            inserts.execute();
        }
        List<Long> ids = new ArrayList<>(moved.size());
        for (PositionFix f : moved) {
            ids.add(f.unitId());
        }
        changes.recordAll(h, Entity.UNIT, ids, ChangeOp.UPDATE);
        h.afterCommit(() -> {
            for (PositionFix f : moved) {
                lastWritten.merge(f.unitId(), f.fixAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return moved;
    }

    private static PreparedBatch bindDetails(PreparedBatch b, PositionFix f, Instant receivedAt) {
        return b.bind("speed", f.speedMps())
                .bind("accuracy", f.accuracyM())
                .bind("source", f.source())
                .bind("receivedAt", receivedAt)
                .bind("id", f.unitId());
    }

    /**
     * Stops the ticks, writes what is pending (once, if the database answers), and ends the own writer thread
     * without interrupting it (an interrupt closes H2's file under a statement).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (task != null) {
                task.cancel(false);
                task = null;
            }
        }
        try {
            writer.submit(this::flushSafely).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            flushSafely();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Position ingest: the last batch did not finish in time on close: {}", e.toString());
        }
        if (ownsWriter) {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("Position ingest: writer still busy 5 s after close; left to finish on its own");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!pending.isEmpty()) {
            LOG.warn("Position ingest closed with {} fixes not written", pending.size());
        }
    }
}
