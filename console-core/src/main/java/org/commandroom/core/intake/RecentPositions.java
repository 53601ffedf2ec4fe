package org.commandroom.core.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The positions of recent incidents (the repeat window and a day more) in memory, bucketed in cells of
 * about 110 m, for the NEARBY criterion of repeat detection: a database has no portable spatial index,
 * and a latitude band scan costs milliseconds per call at county scale. Loaded once from the database;
 * this workstation's own calls are added as they are recorded, other workstations' through the change
 * feed (so a call recorded elsewhere less than a feed interval ago may be missed). Queries reaching back
 * before what is loaded (a bulk import of old calls) return null and the caller falls back to SQL.
 * Positions are kept in WGS-84. Thread-safe.
 */
public final class RecentPositions {

    private static final Logger LOG = LoggerFactory.getLogger(RecentPositions.class);
    private static final double CELL_DEG = 0.001;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration keep;
    private final Executor background;
    private final Map<Long, List<Entry>> cells = new HashMap<>();
    private final Set<Long> known = new HashSet<>();
    private Instant loadedFrom;
    private int sincePurge;

    private record Entry(long id, long receivedMillis, double lat, double lon) {
    }

    /**
     * @param window     the repeat window; a day more is kept so that calls received a little late still find theirs
     * @param background where other workstations' new incidents are read (the I/O executor)
     */
    public RecentPositions(Jdbi jdbi, Clock clock, Duration window, Executor background) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.keep = window.plusDays(1);
        this.background = background;
    }

    /** Reads the positions of incidents received since the window's start (blocking); does nothing when loaded. */
    public synchronized void ensureLoaded() {
        if (loadedFrom != null) {
            return;
        }
        long t0 = System.nanoTime();
        Instant from = clock.instant().minus(keep);
        List<Object[]> rows = jdbi.withHandle(h -> h.createQuery("SELECT id, received_at, lat, lon, datum FROM incident "
                        + "WHERE received_at >= :from AND lat IS NOT NULL AND lon IS NOT NULL")
                .bind("from", from)
                .map((rs, ctx) -> new Object[] {rs.getLong("id"), org.commandroom.core.store.Rows.instant(rs, "received_at"),
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"), Datum.valueOf(rs.getString("datum")))})
                .list());
        for (Object[] r : rows) {
            put((Long) r[0], (Instant) r[1], (GeoPoint) r[2]);
        }
        loadedFrom = from;
        LOG.info("Recent incident positions loaded: {} since {} in {} ms", rows.size(), from, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Adds a recorded incident (this workstation's own, right after it committed). */
    public synchronized void add(long id, Instant receivedAt, GeoPoint position) {
        if (loadedFrom == null || position == null || receivedAt.isBefore(loadedFrom)) {
            return;
        }
        put(id, receivedAt, position);
        if (++sincePurge >= 5000) {
            purge();
        }
    }

    /**
     * The incidents received in {@code [from, to]} within {@code radiusMetres} of {@code here} (other than
     * {@code excludeId}), with their distance, or null when {@code from} is before what is loaded.
     */
    public synchronized Map<Long, Double> within(GeoPoint here, double radiusMetres, Instant from, Instant to, long excludeId) {
        ensureLoaded();
        if (from.isBefore(loadedFrom)) {
            return null;
        }
        GeoPoint p = DatumConverter.convert(here, Datum.WGS84);
        double dLat = radiusMetres / 111_195.0;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(p.lat())));
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        Map<Long, Double> out = new LinkedHashMap<>();
        for (long r = cellOf(p.lat() - dLat); r <= cellOf(p.lat() + dLat); r++) {
            for (long c = cellOf(p.lon() - dLon); c <= cellOf(p.lon() + dLon); c++) {
                List<Entry> list = cells.get(key(r, c));
                if (list == null) {
                    continue;
                }
                for (Entry e : list) {
                    if (e.id() == excludeId || e.receivedMillis() < fromMs || e.receivedMillis() > toMs) {
                        continue;
                    }
                    double d = GeoPoint.wgs84(e.lat(), e.lon()).distanceMetres(p);
                    if (d <= radiusMetres) {
                        out.put(e.id(), d);
                    }
                }
            }
        }
        return out;
    }

    /** New incidents recorded elsewhere are read and added in the background. */
    public void onChanges(List<Change> changes) {
        List<Long> ids;
        synchronized (this) {
            if (loadedFrom == null) {
                return;
            }
            ids = changes.stream().filter(c -> c.entity() == Entity.INCIDENT && c.op() == ChangeOp.INSERT)
                    .map(Change::entityId).filter(id -> !known.contains(id)).distinct().toList();
        }
        if (ids.isEmpty()) {
            return;
        }
        background.execute(() -> {
            try {
                addFromDatabase(ids);
            } catch (RuntimeException e) {
                LOG.warn("Could not read new incidents' positions: {}", e.toString());
            }
        });
    }

    void addFromDatabase(Collection<Long> ids) {
        List<Object[]> rows = jdbi.withHandle(h -> h.createQuery("SELECT id, received_at, lat, lon, datum FROM incident "
                        + "WHERE id IN (<ids>) AND lat IS NOT NULL AND lon IS NOT NULL")
                .bindList("ids", new ArrayList<>(ids))
                .map((rs, ctx) -> new Object[] {rs.getLong("id"), org.commandroom.core.store.Rows.instant(rs, "received_at"),
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"), Datum.valueOf(rs.getString("datum")))})
                .list());
        for (Object[] r : rows) {
            add((Long) r[0], (Instant) r[1], (GeoPoint) r[2]);
        }
    }

    public synchronized int size() {
        return known.size();
    }

    private void put(long id, Instant receivedAt, GeoPoint position) {
        if (!known.add(id)) {
            return;
        }
        GeoPoint p = DatumConverter.convert(position, Datum.WGS84);
        cells.computeIfAbsent(key(cellOf(p.lat()), cellOf(p.lon())), k -> new ArrayList<>())
                .add(new Entry(id, receivedAt.toEpochMilli(), p.lat(), p.lon()));
    }

    private void purge() {
        sincePurge = 0;
        Instant horizon = clock.instant().minus(keep);
        long h = horizon.toEpochMilli();
        cells.values().forEach(list -> list.removeIf(e -> {
            boolean old = e.receivedMillis() < h;
            if (old) {
                known.remove(e.id());
            }
            return old;
        }));
        cells.values().removeIf(List::isEmpty);
        loadedFrom = horizon;
    }

    private static long cellOf(double degrees) {
        return (long) Math.floor(degrees / CELL_DEG);
    }

    private static long key(long row, long col) {
        return row * 1_000_003L + col;
    }
}
