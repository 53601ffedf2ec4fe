package org.commandroom.core.geo.io;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.commandroom.core.io.FileLimit;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GridLocator;
import org.commandroom.core.intake.IntakeGeography;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Rows;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the named places of one list ({@link PlaceFileReader}: CSV or GeoJSON points) into their table: key places
 * (重点场所), community police offices (社区警务室) or deployment points (屯警点), see {@link PlaceKind}.
 *
 * <p><b>Placing.</b> Each place belongs to a station: the police grid named in the file ({@code grid}, code or name),
 * else the station named ({@code station}, code or name), else the place's position, as a call or a house is placed
 * ({@link IntakeGeography}: the police grid containing it, else the station boundary). A place in no station is a
 * problem naming its line or feature. A police office also gets the community its position lies in (dispatch proposes
 * the office of the grid's communities).
 *
 * <p><b>Re-import.</b> A place is the same as a stored one by its code when the file gives one (else a stored place
 * of the same name, and kind for key places, that has no code yet); otherwise by name (and kind). Such places are
 * updated in place, new ones added, places not in the file kept; the same list again changes nothing.
 *
 * <p><b>All or nothing</b> in one transaction: every problem of the file is listed and nothing written, or every place
 * written with one change-feed row (GEOGRAPHY, {@link PlaceKind#changeId()}; every map reloads the layer) and one
 * audit row. A dry run checks and counts the same way and writes nothing. Needs {@link Permission#SETUP}.
 */
public final class PlaceImportService {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceImportService.class);

    /**
     * What an import did, or would do (dry run), or why it did nothing.
     *
     * @param accepted  false: nothing written, {@link #problems()} say why
     * @param inserted  places added
     * @param updated   stored places changed in place
     * @param unchanged stored places the file gives again as they are
     * @param notes     how the file was read and placed, in the user's language
     */
    public record Outcome(PlaceKind kind, String fileName, boolean accepted, boolean dryRun, int inserted, int updated,
                          int unchanged, List<ImportProblem> problems, List<Text> notes) {
        public Outcome {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(fileName, "fileName");
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        static Outcome rejected(PlaceKind kind, String fileName, List<ImportProblem> problems, List<Text> notes) {
            return new Outcome(kind, fileName, false, false, 0, 0, 0, problems, notes);
        }

        /** One line, English, for the command line, the log and the audit trail. */
        public String summary() {
            return inserted + " added, " + updated + " updated, " + unchanged + " unchanged";
        }
    }

    /**
     * One import as the user chose it.
     *
     * @param datum  the datum of coordinates that do not name their own
     * @param dryRun check and count only; write nothing
     */
    /** A place list larger than this is refused before it is read (100,000 places are about 10 MB of CSV). */
    public static final FileLimit LIMIT = FileLimit.megabytes(32);

    public record Request(PlaceKind kind, Datum datum, String actor, boolean dryRun) {
        public Request {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(datum, "datum");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** A place as stored. */
    private record Stored(long id, String code, String name, String kind, long stationId, Long communityId, double lat,
                          double lon, String datum) {
    }

    /** A place as it is to be stored; {@code id} null for a new one. */
    private record Planned(Long id, String code, String name, String kind, long stationId, Long communityId,
                           GeoPoint position) {
        boolean sameAs(Stored s) {
            return Objects.equals(code, s.code()) && name.equals(s.name()) && Objects.equals(kind, s.kind())
                    && stationId == s.stationId() && Objects.equals(communityId, s.communityId())
                    && position.lat() == s.lat() && position.lon() == s.lon() && position.datum().name().equals(s.datum());
        }
    }

    private final Jdbi jdbi;
    private final ChangeRecorder changes;
    private final Clock clock;
    private final DistrictEnvelope district;
    private final AccessGuard guard;

    /** @param district every place must lie inside it (in the file's datum) */
    public PlaceImportService(Jdbi jdbi, ChangeRecorder changes, Clock clock, DistrictEnvelope district,
                              AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.district = Objects.requireNonNull(district, "district");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** Reads the file's bytes ({@code .csv}: CSV, otherwise GeoJSON) and imports them; see the class comment. */
    public Outcome importContent(Request request, String fileName, byte[] content) {
        guard.require(Permission.SETUP, "IMPORT", "GEOGRAPHY", null);
        PlaceKind kind = request.kind();
        ImportResult<PlaceFileReader.ImportedPlace> read = new PlaceFileReader(request.datum(), district)
                .read(fileName, content);
        Outcome outcome;
        if (!read.accepted()) {
            outcome = Outcome.rejected(kind, fileName, read.problems(), List.of());
        } else {
            outcome = jdbi.inTransaction(h -> {
                List<ImportProblem> problems = new ArrayList<>();
                List<Text> notes = new ArrayList<>();
                List<Planned> planned = plan(h, kind, read.records(), problems, notes);
                if (!problems.isEmpty()) {
                    return Outcome.rejected(kind, fileName, problems, notes);
                }
                return write(h, request, fileName, planned, notes);
            });
        }
        if (outcome.accepted()) {
            LOG.info("{} {} from {}: {}", outcome.dryRun() ? "checked" : "imported", kind.cliName(), fileName,
                    outcome.summary());
        } else {
            LOG.info("import of {} from {} rejected: {} problem(s), first: {}", kind.cliName(), fileName,
                    outcome.problems().size(), outcome.problems().get(0));
        }
        return outcome;
    }

    private List<Planned> plan(Handle h, PlaceKind kind, List<PlaceFileReader.ImportedPlace> places,
                               List<ImportProblem> problems, List<Text> notes) {
        GeoDao geo = h.attach(GeoDao.class);
        IntakeGeography where = IntakeGeography.load(h);
        Map<String, Long> stationsByRef = new HashMap<>();
        Map<String, Long> stationsByName = new HashMap<>();
        for (GeoDao.Area s : h.attach(GeoImportDao.class).stations()) {
            stationsByRef.put(s.code(), s.id());
            stationsByName.putIfAbsent(s.name(), s.id());
        }
        Map<String, Long> gridStationByCode = new HashMap<>();
        Map<String, Long> gridStationByName = new HashMap<>();
        for (GeoDao.Area g : geo.policeGrids()) {
            gridStationByCode.put(g.code(), g.parentId());
            gridStationByName.putIfAbsent(g.name(), g.parentId());
        }
        GridLocator<Long> communities = kind == PlaceKind.POLICE_OFFICE ? communities(geo) : null;
        List<Stored> stored = stored(h, kind);
        Map<String, Stored> byCode = new HashMap<>();
        Map<String, Stored> byName = new HashMap<>();
        for (Stored s : stored) {
            if (s.code() != null) {
                byCode.put(s.code(), s);
            }
            byName.putIfAbsent(nameKey(s.name(), s.kind()), s);
        }
        Map<String, Text> firstOfName = new HashMap<>();
        List<Planned> planned = new ArrayList<>(places.size());
        int byPosition = 0;
        for (PlaceFileReader.ImportedPlace p : places) {
            int before = problems.size();
            String placeKind = null;
            if (kind == PlaceKind.KEY_PLACE) {
                if (p.kind() == null) {
                    problems.add(new ImportProblem(p.where(), Text.of("core.geo.place.kindMissing")));
                } else {
                    placeKind = PlaceKind.keyPlaceKind(p.kind());
                    if (placeKind.length() > PlaceKind.MAX_KIND) {
                        problems.add(new ImportProblem(p.where(), Text.of("core.geo.place.kindTooLong", p.kind(),
                                PlaceKind.MAX_KIND)));
                    }
                }
            } else if (p.kind() != null && PlaceKind.isKnownKeyPlaceKind(p.kind())) {
                // The trial imported a list of schools and hospitals as police offices without a word.
                problems.add(new ImportProblem(p.where(), Text.of("core.geo.place.keyPlaceKindElsewhere", p.kind(),
                        kind.text())));
            }
            String key = nameKey(p.name(), placeKind);
            if (p.code() == null) {
                Text first = firstOfName.putIfAbsent(key, p.where());
                if (first != null) {
                    problems.add(new ImportProblem(p.where(), Text.of("core.geo.place.nameRepeats", p.name(), first)));
                }
            }
            Long station;
            if (p.grid() != null) {
                station = Optional.ofNullable(gridStationByCode.get(p.grid())).orElse(gridStationByName.get(p.grid()));
                if (station == null) {
                    problems.add(new ImportProblem(p.where(), Text.of("core.geo.place.noGrid", p.grid())));
                }
            } else if (p.station() != null) {
                station = Optional.ofNullable(stationsByRef.get(p.station())).orElse(stationsByName.get(p.station()));
                if (station == null) {
                    problems.add(new ImportProblem(p.where(), Text.of("core.geo.place.noStation", p.station())));
                }
            } else {
                station = where.assign(p.position()).stationId();
                byPosition++;
                if (station == null) {
                    problems.add(new ImportProblem(p.where(), Text.of("core.geo.place.inNoStation",
                            DistrictEnvelope.format(p.position().lon(), p.position().lat()))));
                }
            }
            if (problems.size() > before) {
                continue;
            }
            Stored same = p.code() != null ? byCode.get(p.code()) : null;
            if (same == null) {
                Stored named = byName.get(key);
                same = named != null && (p.code() == null || named.code() == null) ? named : null;
            }
            Long community = communities == null ? null : communities.locate(p.position()).orElse(null);
            planned.add(new Planned(same == null ? null : same.id(), p.code(), p.name(), placeKind, station, community,
                    p.position()));
        }
        notes.add(Text.of("core.geo.place.placedNote", byPosition, places.size() - byPosition));
        // two lines matching the same stored place would write it twice
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Long id = planned.get(i).id();
            if (id != null && seen.putIfAbsent(id, i) != null) {
                problems.add(new ImportProblem(places.get(i).where(), Text.of("core.geo.place.sameStored",
                        planned.get(i).name(), places.get(seen.get(id)).where())));
            }
        }
        return planned;
    }

    private static String nameKey(String name, String kind) {
        return name.strip() + "\u0000" + (kind == null ? "" : kind);
    }

    private static GridLocator<Long> communities(GeoDao geo) {
        List<GeoDao.Area> rows = geo.communities();
        Datum d = rows.isEmpty() ? Datum.WGS84 : rows.get(0).datum();
        List<GridLocator.Area<Long>> areas = new ArrayList<>();
        for (GeoDao.Area a : rows) {
            areas.add(new GridLocator.Area<>(a.id(), a.boundaryWkt()));
        }
        return new GridLocator<>(areas, d);
    }

    private Outcome write(Handle h, Request request, String fileName, List<Planned> planned, List<Text> notes) {
        PlaceKind kind = request.kind();
        Map<Long, Stored> stored = new HashMap<>();
        stored(h, kind).forEach(s -> stored.put(s.id(), s));
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (Planned p : planned) {
            if (p.id() == null) {
                insert(h, kind, p);
                inserted++;
            } else if (p.sameAs(stored.get(p.id()))) {
                unchanged++;
            } else {
                update(h, kind, p);
                updated++;
            }
        }
        if (request.dryRun()) {
            h.rollback();
            return new Outcome(kind, fileName, true, true, inserted, updated, unchanged, List.of(), notes);
        }
        if (inserted + updated > 0) {
            changes.record(h, Entity.GEOGRAPHY, kind.changeId(), stored.isEmpty() ? ChangeOp.INSERT : ChangeOp.UPDATE);
        }
        Outcome done = new Outcome(kind, fileName, true, false, inserted, updated, unchanged, List.of(), notes);
        guard.audit(h, clock.instant(), request.actor(), "IMPORT", "GEOGRAPHY", null, shorten("import " + kind.cliName()
                + " from " + shorten(fileName, 300) + " (" + request.datum() + "): " + done.summary(), 2000));
        return done;
    }

    private static List<Stored> stored(Handle h, PlaceKind kind) {
        String sql = switch (kind) {
            case KEY_PLACE -> "SELECT id, code, name, kind, station_id, CAST(NULL AS BIGINT) AS community_id, lat, lon, "
                    + "datum FROM key_place ORDER BY id";
            case POLICE_OFFICE -> "SELECT id, code, name, CAST(NULL AS VARCHAR(24)) AS kind, station_id, community_id, "
                    + "lat, lon, datum FROM police_office ORDER BY id";
            case DEPLOYMENT_POINT -> "SELECT id, code, name, CAST(NULL AS VARCHAR(24)) AS kind, station_id, "
                    + "CAST(NULL AS BIGINT) AS community_id, lat, lon, datum FROM deployment_point ORDER BY id";
        };
        return h.createQuery(sql).map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getString("kind"), rs.getLong("station_id"),
                Rows.nullableLong(rs, "community_id"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("datum")))
                .list();
    }

    private static void insert(Handle h, PlaceKind kind, Planned p) {
        String sql = switch (kind) {
            case KEY_PLACE -> "INSERT INTO key_place (station_id, code, name, kind, lat, lon, datum) "
                    + "VALUES (:station, :code, :name, :kind, :lat, :lon, :datum)";
            case POLICE_OFFICE -> "INSERT INTO police_office (station_id, community_id, code, name, lat, lon, datum) "
                    + "VALUES (:station, :community, :code, :name, :lat, :lon, :datum)";
            case DEPLOYMENT_POINT -> "INSERT INTO deployment_point (station_id, code, name, lat, lon, datum) "
                    + "VALUES (:station, :code, :name, :lat, :lon, :datum)";
        };
        bind(h, sql, p).execute();
    }

    private static void update(Handle h, PlaceKind kind, Planned p) {
        String sql = switch (kind) {
            case KEY_PLACE -> "UPDATE key_place SET station_id = :station, code = :code, name = :name, kind = :kind, "
                    + "lat = :lat, lon = :lon, datum = :datum WHERE id = :id";
            case POLICE_OFFICE -> "UPDATE police_office SET station_id = :station, community_id = :community, "
                    + "code = :code, name = :name, lat = :lat, lon = :lon, datum = :datum WHERE id = :id";
            case DEPLOYMENT_POINT -> "UPDATE deployment_point SET station_id = :station, code = :code, name = :name, "
                    + "lat = :lat, lon = :lon, datum = :datum WHERE id = :id";
        };
        bind(h, sql, p).bind("id", p.id()).execute();
    }

    private static org.jdbi.v3.core.statement.Update bind(Handle h, String sql, Planned p) {
        var u = h.createUpdate(sql).bind("station", p.stationId()).bind("code", p.code()).bind("name", p.name())
                .bind("lat", p.position().lat()).bind("lon", p.position().lon())
                .bind("datum", p.position().datum().name());
        if (sql.contains(":kind")) {
            u.bind("kind", p.kind());
        }
        if (sql.contains(":community")) {
            u.bind("community", p.communityId());
        }
        return u;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
