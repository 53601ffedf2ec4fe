package org.commandroom.core.geo.io;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.access.Principal;
import org.commandroom.core.audit.AuditDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GridLocator;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a GB/T 28181 camera catalogue ({@link GbCatalogReader}) into the camera list, in one transaction:
 * a camera the database has (by its 20-digit code) is updated in place where anything changed, a new one is
 * inserted, and, when the catalogue is complete, a stored camera it no longer lists is marked removed (kept with
 * the time; it leaves the map and the search, and comes back as the same row when a later catalogue lists it).
 * A new camera without a position is not stored (the map could not show it); a known one keeps its position.
 * Each camera gets the station whose boundary holds it. Needs {@link Permission#SETUP}; audited; every written
 * camera is in the change log, so the other workstations' maps follow.
 */
public final class CatalogImportService {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImportService.class);
    private static final int BATCH = 5_000;

    /**
     * @param complete the file is the platform's whole catalogue: stored cameras it does not list are marked
     *                 removed (false for a part of the tree or a Notify of changes)
     */
    public record Request(GbCatalogReader.Settings settings, boolean complete, String actor) {
        public Request {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** What an import did, or why nothing was done. */
    public sealed interface Outcome permits Imported, Rejected {
        String fileName();
    }

    /**
     * @param withoutPosition new cameras the catalogue gives no position for (not stored)
     * @param unplaced        the first 200 of them, where they are in the file
     * @param skipped         camera items left out, where and why (the first 200; {@code skippedCount} is all)
     */
    public record Imported(String fileName, int inserted, int updated, int unchanged, int removed, int restored,
                           int withoutPosition, List<ImportProblem> unplaced, int skippedCount,
                           List<ImportProblem> skipped, int nodes, int withoutStation, long auditId) implements Outcome {
    }

    public record Rejected(String fileName, List<ImportProblem> problems) implements Outcome {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    private record Stored(long id, String name, String kind, double lat, double lon, String datum, boolean online,
                          String manufacturer, String model, String address, String civilCode, String parent,
                          boolean removed, Long station) {
    }

    private final Jdbi jdbi;
    private final ChangeRecorder changes;
    private final Clock clock;
    private final AccessGuard guard;

    public CatalogImportService(Jdbi jdbi, ChangeRecorder changes, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    public Outcome importContent(Request request, String fileName, byte[] content) {
        guard.require(Permission.SETUP, "IMPORT", "CAMERA_CATALOGUE", null);
        GbCatalogReader.Result read = new GbCatalogReader(request.settings()).read(content);
        if (!read.accepted()) {
            LOG.info("catalogue {} refused: {}", fileName, read.problems().get(0));
            return new Rejected(fileName, read.problems());
        }
        Imported done = jdbi.inTransaction(h -> write(h, request, fileName, read));
        LOG.info("catalogue {}: {} new, {} updated, {} unchanged, {} removed, {} back, {} without position, {} skipped",
                fileName, done.inserted(), done.updated(), done.unchanged(), done.removed(), done.restored(),
                done.withoutPosition(), done.skippedCount());
        return done;
    }

    private Imported write(Handle h, Request request, String fileName, GbCatalogReader.Result read) {
        Map<String, Stored> stored = stored(h);
        List<ImportProblem> locatorProblems = new ArrayList<>();
        GridLocator<Long> stations = GeoImportService.stationLocator(h.attach(GeoImportDao.class),
                request.settings().datum(), locatorProblems);
        Instant now = clock.instant();
        Timestamp nowTs = Timestamp.from(now);
        List<GbCatalogReader.Item> inserts = new ArrayList<>();
        List<Long> updatedIds = new ArrayList<>();
        int unchanged = 0;
        int restored = 0;
        int withoutPosition = 0;
        List<ImportProblem> unplaced = new ArrayList<>();
        int withoutStation = 0;
        PreparedBatch update = h.prepareBatch("UPDATE camera SET name = :name, kind = :kind, lat = :lat, lon = :lon, "
                + "datum = :datum, online = :online, manufacturer = :manufacturer, model = :model, address = :address, "
                + "civil_code = :civilCode, parent_device_id = :parent, station_id = :station, removed_at = NULL WHERE id = :id");
        for (GbCatalogReader.Item item : read.cameras()) {
            Stored s = stored.get(item.deviceId());
            if (s == null) {
                if (item.position() == null) {
                    withoutPosition++;
                    if (unplaced.size() < 200) {
                        unplaced.add(new ImportProblem(Text.of("core.geo.where.item", item.where()), Text.of("core.geo.gb.unplaced", item.name())));
                    }
                } else {
                    inserts.add(item);
                }
                continue;
            }
            GeoPoint p = item.position();
            double lat = p == null ? s.lat() : p.lat();
            double lon = p == null ? s.lon() : p.lon();
            String datum = p == null ? s.datum() : p.datum().name();
            Long station = p == null ? s.station() : locate(stations, p);
            boolean online = item.online() == null ? s.online() : item.online();
            boolean same = !s.removed() && s.name().equals(item.name()) && s.kind().equals(item.kind().name())
                    && s.lat() == lat && s.lon() == lon && s.datum().equals(datum) && s.online() == online
                    && Objects.equals(s.manufacturer(), item.manufacturer()) && Objects.equals(s.model(), item.model())
                    && Objects.equals(s.address(), item.address()) && Objects.equals(s.civilCode(), item.civilCode())
                    && Objects.equals(s.parent(), item.parentId()) && Objects.equals(s.station(), station);
            if (same) {
                unchanged++;
                continue;
            }
            if (s.removed()) {
                restored++;
            }
            update.bind("name", item.name()).bind("kind", item.kind().name()).bind("lat", lat).bind("lon", lon)
                    .bind("datum", datum).bind("online", online).bind("manufacturer", item.manufacturer())
                    .bind("model", item.model()).bind("address", item.address()).bind("civilCode", item.civilCode())
                    .bind("parent", item.parentId()).bind("station", station).bind("id", s.id()).add();
            updatedIds.add(s.id());
            if (update.size() >= BATCH) {
                update.execute();
            }
        }
        if (update.size() > 0) {
            update.execute();
        }
        List<Long> insertedIds = new ArrayList<>(inserts.size());
        for (int from = 0; from < inserts.size(); from += BATCH) {
            PreparedBatch insert = h.prepareBatch("INSERT INTO camera (device_id, name, kind, lat, lon, datum, online, "
                    + "manufacturer, model, address, civil_code, parent_device_id, station_id) VALUES (:deviceId, :name, "
                    + ":kind, :lat, :lon, :datum, :online, :manufacturer, :model, :address, :civilCode, :parent, :station)");
            for (GbCatalogReader.Item item : inserts.subList(from, Math.min(inserts.size(), from + BATCH))) {
                Long station = locate(stations, item.position());
                if (station == null) {
                    withoutStation++;
                }
                insert.bind("deviceId", item.deviceId()).bind("name", item.name()).bind("kind", item.kind().name())
                        .bind("lat", item.position().lat()).bind("lon", item.position().lon())
                        .bind("datum", item.position().datum().name())
                        .bind("online", item.online() == null || item.online())
                        .bind("manufacturer", item.manufacturer()).bind("model", item.model())
                        .bind("address", item.address()).bind("civilCode", item.civilCode())
                        .bind("parent", item.parentId()).bind("station", station).add();
            }
            insertedIds.addAll(insert.executePreparedBatch("id").mapTo(Long.class).list());
        }
        List<Long> removedIds = new ArrayList<>();
        if (request.complete()) {
            for (Map.Entry<String, Stored> e : stored.entrySet()) {
                if (!e.getValue().removed() && !read.listed().contains(e.getKey())) {
                    removedIds.add(e.getValue().id());
                }
            }
            PreparedBatch remove = h.prepareBatch("UPDATE camera SET removed_at = :at WHERE id = :id");
            for (Long id : removedIds) {
                remove.bind("at", nowTs).bind("id", id).add();
            }
            if (remove.size() > 0) {
                remove.execute();
            }
        }
        changes.recordAll(h, Entity.CAMERA, insertedIds, ChangeOp.INSERT);
        List<Long> changed = new ArrayList<>(updatedIds);
        changed.addAll(removedIds);
        changes.recordAll(h, Entity.CAMERA, changed, ChangeOp.UPDATE);
        String detail = "import camera catalogue " + shorten(fileName, 300) + " (" + request.settings().datum()
                + (request.complete() ? ", complete" : ", partial") + "): " + insertedIds.size() + " new, "
                + updatedIds.size() + " updated, " + removedIds.size() + " removed, " + withoutPosition
                + " without position, " + read.skippedCount() + " skipped";
        Principal p = guard.principal();
        String who = p != null && p.signedIn() ? p.login() : request.actor();
        long auditId = h.attach(AuditDao.class).append(now, shorten(who, 64), shorten(changes.origin(), 64), "IMPORT",
                Entity.CAMERA.name(), null, shorten(detail, 2000));
        return new Imported(fileName, insertedIds.size(), updatedIds.size(), unchanged, removedIds.size(), restored,
                withoutPosition, unplaced, read.skippedCount(), read.skipped(), read.nodes(), withoutStation, auditId);
    }

    private static Long locate(GridLocator<Long> stations, GeoPoint p) {
        return stations.size() == 0 ? null : stations.locate(p).orElse(null);
    }

    private static Map<String, Stored> stored(Handle h) {
        Map<String, Stored> map = new HashMap<>();
        h.createQuery("SELECT id, device_id, name, kind, lat, lon, datum, online, manufacturer, model, address, "
                        + "civil_code, parent_device_id, removed_at, station_id FROM camera")
                .map((rs, ctx) -> {
                    long station = rs.getLong("station_id");
                    Long stationId = rs.wasNull() ? null : station;
                    return Map.entry(rs.getString("device_id"), new Stored(rs.getLong("id"), rs.getString("name"),
                            rs.getString("kind"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("datum"),
                            rs.getBoolean("online"), rs.getString("manufacturer"), rs.getString("model"),
                            rs.getString("address"), rs.getString("civil_code"), rs.getString("parent_device_id"),
                            rs.getTimestamp("removed_at") != null, stationId));
                })
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
