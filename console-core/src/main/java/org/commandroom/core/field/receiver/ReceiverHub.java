package org.commandroom.core.field.receiver;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.commandroom.core.field.PositionFix;
import org.commandroom.core.field.PositionIngest;
import org.commandroom.core.geo.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the configured receivers and hands their fixes, matched to units, to the {@link PositionIngest}. The
 * receiver-to-unit mapping is read from the database at start and again every {@link #MAPPING_REFRESH} (on the
 * thread of the receiver that asks), so a mapping made at another workstation applies within that time. A fix from a
 * receiver with no mapping is dropped; that is logged once per receiver with its key, the key an administrator
 * maps (docs/RECEIVERS.md).
 *
 * <p>gpsd keys are looked up as {@code host:port/dev/path} first, then as the bare device path, so a single gpsd's
 * devices may be mapped by path alone.
 */
public final class ReceiverHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverHub.class);
    public static final Duration MAPPING_REFRESH = Duration.ofSeconds(30);

    private final PositionIngest ingest;
    private final Supplier<Map<String, Long>> mappings;
    private final Clock clock;
    private final List<TcpLineReceiver> receivers = new ArrayList<>();
    private final Set<String> unmappedLogged = ConcurrentHashMap.newKeySet();
    private final AtomicLong unmapped = new AtomicLong();
    private volatile Map<String, Long> snapshot = Map.of();
    private volatile long snapshotNanos;
    private final Object refreshLock = new Object();

    /**
     * @param mappings reads the current mapping ({@link ReceiverMappings#snapshot()}); called at start and every
     *                 {@link #MAPPING_REFRESH}, never on a caller's thread that must not block
     */
    public ReceiverHub(PositionIngest ingest, Supplier<Map<String, Long>> mappings, Clock clock) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates (not yet started) a receiver for every endpoint of the settings. */
    public ReceiverHub configure(ReceiverSettings settings) {
        for (ReceiverSettings.Endpoint e : settings.gpsd()) {
            receivers.add(new GpsdReceiver(e.host(), e.port(), settings.options(), clock, this::accept));
        }
        for (ReceiverSettings.Endpoint e : settings.nmea()) {
            receivers.add(new NmeaReceiver(e.host(), e.port(), settings.options(), clock, this::accept));
        }
        return this;
    }

    /** Reads the mapping and starts every receiver's thread. */
    public void start() {
        refresh(true);
        for (TcpLineReceiver r : receivers) {
            r.start();
        }
        LOG.info("Receivers started: {} ({} mapped receiver(s))", receivers.stream().map(r -> r.describe()).toList(),
                snapshot.size());
    }

    public List<TcpLineReceiver> receivers() {
        return List.copyOf(receivers);
    }

    /** Fixes dropped because their receiver is not mapped to a unit. */
    public long unmapped() {
        return unmapped.get();
    }

    /** Matches a receiver's fix to its unit and hands it to the ingest; called on the receiver's thread. */
    public void accept(ReceiverFix fix) {
        refresh(false);
        Long unit = unitOf(fix);
        if (unit == null) {
            unmapped.incrementAndGet();
            if (unmappedLogged.size() < 256 && unmappedLogged.add(fix.kind() + " " + fix.key())) {
                LOG.warn("Receiver {} {} is not mapped to a unit; its fixes are dropped until it is", fix.kind(), fix.key());
            }
            return;
        }
        String source = fix.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + fix.key();
        ingest.offer(new PositionFix(unit, GeoPoint.wgs84(fix.lat(), fix.lon()), fix.fixAt(), fix.speedMps(),
                fix.heading(), fix.accuracyM(), source));
    }

    private Long unitOf(ReceiverFix fix) {
        Map<String, Long> m = snapshot;
        Long unit = m.get(ReceiverMappings.lookupKey(fix.kind(), fix.key()));
        if (unit == null && fix.kind() == ReceiverKind.GPSD) {
            int slash = fix.key().indexOf('/');
            if (slash > 0) {
                unit = m.get(ReceiverMappings.lookupKey(fix.kind(), fix.key().substring(slash)));
            }
        }
        return unit;
    }

    /** Reads the mapping again if it is older than {@link #MAPPING_REFRESH} (or now); a failed read keeps the old one. */
    public void refresh(boolean now) {
        long age = System.nanoTime() - snapshotNanos;
        if (!now && snapshotNanos != 0 && age < MAPPING_REFRESH.toNanos()) {
            return;
        }
        synchronized (refreshLock) {
            if (!now && snapshotNanos != 0 && System.nanoTime() - snapshotNanos < MAPPING_REFRESH.toNanos()) {
                return;
            }
            try {
                snapshot = Map.copyOf(mappings.get());
            } catch (RuntimeException e) {
                LOG.warn("Receiver mapping could not be read ({}); the last one stays in use", e.toString());
            }
            snapshotNanos = System.nanoTime();
        }
    }

    /** Ends every receiver (the ingest is closed by its owner). */
    @Override
    public void close() {
        for (TcpLineReceiver r : receivers) {
            r.close();
        }
    }
}
