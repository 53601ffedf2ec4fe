package org.commandroom.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.field.PositionIngest;
import org.commandroom.core.field.receiver.ReceiverHub;
import org.commandroom.core.field.receiver.ReceiverMappings;
import org.commandroom.core.field.receiver.ReceiverSettings;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.live.ChangeRecorder;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The field side of a workstation (docs/RECEIVERS.md): the batched position ingest that terminals and vehicle
 * receivers write through, and the receivers of {@code receivers.properties} in the data directory.
 *
 * <p>{@link #prepare} builds it without I/O beyond reading the settings file; {@link #start} (once someone who may
 * write has signed in, like the other background writers) starts the ingest's writer and connects the receivers;
 * {@link #close} ends the receivers, writes what is pending and stops the writer. Positions are stored in the datum
 * the base map is drawn in ({@link #mapDatum()}), so the map shows them where they are.
 */
public final class FieldRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FieldRuntime.class);

    private final Jdbi jdbi;
    private final ChangeRecorder recorder;
    private final Clock clock;
    private final Datum mapDatum;
    private final ReceiverSettings settings;
    private final AccessGuard guard;
    private volatile PositionIngest ingest;
    private volatile ReceiverHub hub;
    private boolean closed;

    private FieldRuntime(Jdbi jdbi, ChangeRecorder recorder, Clock clock, Datum mapDatum, ReceiverSettings settings,
                         AccessGuard guard) {
        this.jdbi = jdbi;
        this.recorder = recorder;
        this.clock = clock;
        this.mapDatum = mapDatum;
        this.settings = settings;
        this.guard = guard;
    }

    /**
     * Reads {@value ReceiverSettings#FILE} from the data directory (none: no receivers, the ingest still serves
     * terminals). Each unusable line of the file is logged and left out; an unreadable file means no receivers.
     */
    public static FieldRuntime prepare(Jdbi jdbi, ChangeRecorder recorder, Clock clock, Path dataDir, Datum mapDatum,
                                       AccessGuard guard) {
        Objects.requireNonNull(mapDatum, "mapDatum");
        ReceiverSettings settings;
        try {
            settings = ReceiverSettings.load(dataDir);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Receivers: {} in {} could not be read ({}); no receivers are connected", ReceiverSettings.FILE,
                    dataDir, e.toString());
            settings = ReceiverSettings.none();
        }
        for (String problem : settings.problems()) {
            LOG.error("Receivers: {} in {}: {}", ReceiverSettings.FILE, dataDir, problem);
        }
        return new FieldRuntime(jdbi, recorder, clock, mapDatum, settings, guard);
    }

    /**
     * The datum the base map will be drawn in, read as the map reads it ({@code -Dcommandroom.map.tileDatum}, GCJ-02
     * by default). Not {@code MapTiles.tileDatum()}: that is only set once the map has loaded its data.
     */
    public static Datum mapDatum() {
        return org.commandroom.app.ui.map.tiles.TileSourceSettings
                .fromSystemProperties(org.commandroom.app.ui.map.tiles.BaseMapData.empty()).tileDatum();
    }

    /** Starts the ingest and connects the configured receivers. Runs once; later calls do nothing. */
    public synchronized void start() {
        if (closed || ingest != null) {
            return;
        }
        ingest = PositionIngest.start(jdbi, recorder, clock, mapDatum,
                new PositionIngest.Settings(settings.cadence(), PositionIngest.Settings.defaults().maxUnits()));
        LOG.info("Position ingest started: batches every {} ms, stored in {}", settings.cadence().toMillis(), mapDatum);
        if (settings.any()) {
            ReceiverMappings mappings = new ReceiverMappings(jdbi, clock, guard);
            hub = new ReceiverHub(ingest, mappings::snapshot, clock).configure(settings);
            hub.start();
        } else {
            LOG.info("Receivers: none configured ({} not in the data directory, or empty)", ReceiverSettings.FILE);
        }
    }

    /**
     * The ingest terminals' position messages go through (null before {@link #start}); {@code offer} never blocks,
     * so it may be called on the MQTT client's thread.
     */
    public PositionIngest ingest() {
        return ingest;
    }

    /** The receivers' hub (null when none are configured or before {@link #start}). */
    public ReceiverHub hub() {
        return hub;
    }

    public ReceiverSettings settings() {
        return settings;
    }

    /** Ends the receivers, writes what is pending, stops the writer. Never interrupts a database call. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (hub != null) {
            hub.close();
        }
        if (ingest != null) {
            ingest.close();
            LOG.info("Position ingest closed: {}", ingest.stats());
        }
    }
}
