package org.commandroom.core.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.history.HistoryProblem.Why;
import org.commandroom.core.incident.CallerLinks;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.IntakeGeography;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports calls for service from a bureau's previous system as closed history (docs/IMPORT.md, "History").
 *
 * <ul>
 * <li>A file is read ({@link #read}), a mapping proposed from its header and values and the source's saved mapping
 * ({@link #propose}), then checked ({@link #check}: a dry run listing every wrong cell) and imported
 * ({@link #importHistory}).</li>
 * <li>Every row becomes a {@link IncidentStatus#CLOSED CLOSED} incident with its own received, dispatched, en-route,
 * on-scene and cleared times, marked with its source and external id (V28). It never enters the live queue (which
 * lists open incidents only) and is counted by the wall's statistics and the index like any other incident; the
 * station and grid come from their columns, else from the position.</li>
 * <li>All or nothing: one problem rejects the file, and the write is one transaction. Idempotent: a row whose
 * (source, external id) is stored is left as it is.</li>
 * <li>Needs {@link Permission#SETUP} (the bureau's set-up), also for the dry run; an import is audited
 * ({@code IMPORT}, entity {@code HISTORY}) in its transaction and saves the mapping for the source.</li>
 * </ul>
 */
public final class HistoryImportService {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryImportService.class);
    /** Problems kept in a result; the count goes on. */
    public static final int MAX_PROBLEMS = 5_000;
    private static final int BATCH = 500;

    /** Told how far a write has come (from the thread that imports). */
    @FunctionalInterface
    public interface Progress {
        void rows(int done, int total);

        Progress NONE = (done, total) -> {
        };
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;

    public HistoryImportService(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
    }

    /** Reads a CSV or .xlsx file ({@link HistoryTable#read}); writes nothing. */
    public HistoryTable read(byte[] file, String fileName) throws HistoryTable.Unreadable {
        return HistoryTable.read(file, fileName);
    }

    /** The names of the sources with a saved mapping, in order. */
    public List<String> sources() {
        return jdbi.withHandle(h -> h.createQuery("SELECT source FROM history_mapping ORDER BY source")
                .mapTo(String.class).list());
    }

    /** The mapping saved for a source at its last import, if any (one that no longer reads is ignored). */
    public Optional<HistoryMapping> savedMapping(String source) {
        Optional<String> text = jdbi.withHandle(h -> h.createQuery("SELECT mapping FROM history_mapping WHERE source = :s")
                .bind("s", source.strip()).mapTo(String.class).findOne());
        try {
            return text.isPresent() ? Optional.of(HistoryMapping.parse(text.get()).withSource(source.strip())) : Optional.empty();
        } catch (HistoryMapping.Invalid e) {
            LOG.warn("The saved mapping of source {} does not read and is ignored: {}", source, e.getMessage());
            return Optional.empty();
        }
    }

    /** A mapping for the file: the source's saved one where it fits the file, the rest proposed. */
    public HistoryMapping propose(String source, HistoryTable table) {
        return HistoryMapping.propose(source, table, savedMapping(source).orElse(null));
    }

    /** Saves a mapping for its source, to be offered at the next import from it. */
    public void saveMapping(HistoryMapping mapping, String actor) {
        guard.require(Permission.SETUP, "IMPORT", "HISTORY", null);
        jdbi.useTransaction(h -> save(h, mapping, actor));
    }

    private void save(Handle h, HistoryMapping mapping, String actor) {
        String who = actor == null ? null : actor.length() > 64 ? actor.substring(0, 64) : actor;
        int n = h.createUpdate("UPDATE history_mapping SET mapping = :m, saved_at = :t, saved_by = :b WHERE source = :s")
                .bind("m", mapping.toText()).bind("t", clock.instant()).bind("b", who).bind("s", mapping.source()).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO history_mapping (source, mapping, saved_at, saved_by) VALUES (:s, :m, :t, :b)")
                    .bind("m", mapping.toText()).bind("t", clock.instant()).bind("b", who).bind("s", mapping.source()).execute();
        }
    }

    /** Checks the file under the mapping and counts what an import would write; writes nothing. */
    public HistoryImportResult check(HistoryTable table, HistoryMapping mapping, String actor) {
        guard.require(Permission.SETUP, "IMPORT", "HISTORY", null);
        return jdbi.withHandle(h -> plan(h, table, mapping).result(table, mapping, true));
    }

    /**
     * Imports the file as closed incidents, all or nothing, and saves the mapping for its source.
     *
     * @param progress told after each batch of rows written
     */
    public HistoryImportResult importHistory(HistoryTable table, HistoryMapping mapping, String actor, Progress progress) {
        guard.require(Permission.SETUP, "IMPORT", "HISTORY", null);
        HistoryImportResult result = jdbi.inTransaction(h -> {
            Plan plan = plan(h, table, mapping);
            if (!plan.problems.isEmpty()) {
                return plan.result(table, mapping, false);
            }
            write(h, plan, mapping, progress);
            save(h, mapping, actor);
            HistoryImportResult r = plan.result(table, mapping, false);
            guard.audit(h, clock.instant(), actor, "IMPORT", "HISTORY", null,
                    cut("import history of source " + mapping.source() + " from " + table.fileName() + ": " + r.summary()));
            return r;
        });
        LOG.info("History import of {} from source {}: {}", table.fileName(), mapping.source(), result.summary());
        return result;
    }

    // ---- checking -----------------------------------------------------------------------------------------------

    /** One row ready to write. */
    private record Call(String ref, Instant received, IncidentType type, int priority, String address, Double lat,
                        Double lon, String caller, Long stationId, Long gridId, String status, Instant dispatched,
                        Instant enRoute, Instant onScene, Instant cleared, String unit, String narrative) {
    }

    private static final class Plan {
        final List<HistoryProblem> problems = new ArrayList<>();
        int problemCount;
        final List<Call> calls = new ArrayList<>();
        int alreadyThere;
        int withoutStation;
        final Map<String, Integer> notMapped = new LinkedHashMap<>();
        final Map<String, Integer> toOther = new LinkedHashMap<>();

        void problem(int row, String column, String value, Why why, String detail) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new HistoryProblem(row, column, value, why, detail));
            }
        }

        HistoryImportResult result(HistoryTable table, HistoryMapping mapping, boolean dryRun) {
            boolean ok = problemCount == 0;
            return new HistoryImportResult(ok, dryRun, mapping.source(), table.fileName(), table.rows().size(),
                    ok ? calls.size() : 0, alreadyThere, ok ? withoutStation : 0, problems, problemCount, notMapped, toOther);
        }
    }

    private record Place(long id, Long stationId) {
    }

    private Plan plan(Handle h, HistoryTable t, HistoryMapping m) {
        Plan plan = new Plan();
        if (m.source().isEmpty()) {
            plan.problem(0, null, null, Why.NO_SOURCE, "the source has no name");
        } else if (m.source().length() > 64) {
            plan.problem(0, null, m.source(), Why.TOO_LONG, "the source's name is longer than 64 characters");
        }
        for (HistoryField f : HistoryField.values()) {
            String c = m.column(f);
            if (c == null) {
                if (f.required()) {
                    plan.problem(0, f.key(), null, Why.NOT_MAPPED, "required field " + f.key() + " is not mapped onto a column");
                }
            } else if (t.column(c) < 0) {
                plan.problem(0, f.key(), c, Why.NO_SUCH_COLUMN, "the file has no column '" + c + "'");
            } else if (f.time() && m.formats().get(f) == null) {
                TimeFormat.Detection d = TimeFormat.detect(t, c, m.zone());
                if (d.isAmbiguous()) {
                    plan.problem(0, c, null, Why.AMBIGUOUS_TIME_FORMAT, "the dates of " + f.key()
                            + " do not tell the day from the month (no value has a first field over 12): choose "
                            + d.ambiguous().stream().map(TimeFormat::name).collect(java.util.stream.Collectors.joining(" or ")));
                } else {
                    plan.problem(0, c, null, Why.NO_TIME_FORMAT, "no date-time format chosen for " + f.key());
                }
            }
        }
        if (plan.problemCount > 0) {
            return plan;
        }
        Map<String, Long> stations = new HashMap<>();
        h.createQuery("SELECT id, code, name FROM station").map((rs, ctx) -> {
            stations.putIfAbsent(rs.getString("name").strip(), rs.getLong("id"));
            stations.put(rs.getString("code").strip().toUpperCase(Locale.ROOT), rs.getLong("id"));
            return null;
        }).list();
        Map<String, Place> grids = new HashMap<>();
        h.createQuery("SELECT id, code, name, station_id FROM police_grid").map((rs, ctx) -> {
            Place p = new Place(rs.getLong("id"), rs.getLong("station_id"));
            grids.putIfAbsent(rs.getString("name").strip(), p);
            grids.put(rs.getString("code").strip().toUpperCase(Locale.ROOT), p);
            return null;
        }).list();
        Set<String> stored = new HashSet<>(h.createQuery("SELECT history_ref FROM incident WHERE history_source = :s")
                .bind("s", m.source()).mapTo(String.class).list());
        IntakeGeography geography = null;
        Set<String> seen = new HashSet<>();
        Instant now = clock.instant();
        Cells cells = new Cells(t, m, plan);
        for (int r = 0; r < t.rows().size(); r++) {
            cells.row = r;
            int problemsBefore = plan.problemCount;
            String ref = cells.text(HistoryField.EXTERNAL_ID, 64, true);
            Instant received = cells.time(HistoryField.RECEIVED_AT, true);
            if (received != null && received.isAfter(now)) {
                cells.problem(HistoryField.RECEIVED_AT, Why.IN_FUTURE, "received after now: a wrong zone or format?");
            }
            IncidentType type = null;
            String foreignType = cells.text(HistoryField.TYPE, 200, true);
            if (foreignType != null) {
                type = m.types().get(foreignType);
                if (type == null) {
                    plan.notMapped.merge(foreignType, 1, Integer::sum);
                    if (m.otherType() != null) {
                        type = m.otherType();
                        plan.toOther.merge(foreignType, 1, Integer::sum);
                    } else {
                        cells.problem(HistoryField.TYPE, Why.TYPE_NOT_MAPPED,
                                "call type not in the type table (map it, or choose an \"other\" type)");
                    }
                }
            }
            Integer priority = null;
            String foreignPriority = cells.text(HistoryField.PRIORITY, 40, false);
            if (foreignPriority != null) {
                priority = m.priorities().get(foreignPriority);
                if (priority == null) {
                    cells.problem(HistoryField.PRIORITY, Why.PRIORITY_NOT_MAPPED, "priority not in the priority table");
                }
            } else if (type != null) {
                priority = type.defaultPriority();
            }
            String address = cells.text(HistoryField.ADDRESS, 200, true);
            Double lat = cells.number(HistoryField.LAT, -90, 90);
            Double lon = cells.number(HistoryField.LON, -180, 180);
            if ((lat == null) != (lon == null) && !cells.bad(HistoryField.LAT) && !cells.bad(HistoryField.LON)) {
                cells.problem(lat == null ? HistoryField.LAT : HistoryField.LON, Why.HALF_POSITION,
                        "a position needs both latitude and longitude");
            }
            String caller = cells.text(HistoryField.CALLER, 20, false);
            if (caller != null && !caller.matches("\\+?[0-9][0-9 -]*")) {
                cells.problem(HistoryField.CALLER, Why.BAD_PHONE, "not a telephone number");
                caller = null;
            }
            Long stationId = null;
            String station = cells.text(HistoryField.STATION, 100, false);
            if (station != null) {
                stationId = stations.get(station.toUpperCase(Locale.ROOT));
                if (stationId == null) {
                    stationId = stations.get(station);
                }
                if (stationId == null) {
                    cells.problem(HistoryField.STATION, Why.UNKNOWN_STATION, "no station has this code or name");
                }
            }
            Long gridId = null;
            String grid = cells.text(HistoryField.GRID, 100, false);
            if (grid != null) {
                Place p = grids.get(grid.toUpperCase(Locale.ROOT));
                if (p == null) {
                    p = grids.get(grid);
                }
                if (p == null) {
                    cells.problem(HistoryField.GRID, Why.UNKNOWN_GRID, "no police grid has this code or name");
                } else {
                    gridId = p.id();
                    if (stationId == null && station == null) {
                        stationId = p.stationId();
                    }
                }
            }
            String status = cells.text(HistoryField.STATUS, 64, false);
            Instant dispatched = cells.after(HistoryField.DISPATCHED_AT, received);
            Instant enRoute = cells.after(HistoryField.EN_ROUTE_AT, received);
            Instant onScene = cells.after(HistoryField.ON_SCENE_AT, received);
            Instant cleared = cells.after(HistoryField.CLEARED_AT, received);
            String unit = cells.text(HistoryField.UNIT, 64, false);
            String narrative = cells.text(HistoryField.NARRATIVE, 2000, false);
            if (ref != null && !seen.add(ref)) {
                cells.problem(HistoryField.EXTERNAL_ID, Why.DUPLICATE_ID, "this id is on an earlier row of the file too");
            }
            if (plan.problemCount > problemsBefore) {
                continue;
            }
            if (stored.contains(ref)) {
                plan.alreadyThere++;
                continue;
            }
            if (lat != null && (stationId == null || gridId == null) && station == null && grid == null) {
                if (geography == null) {
                    geography = IntakeGeography.load(h);
                }
                IntakeGeography.Assignment a = geography.assign(new GeoPoint(lat, lon, m.datum()));
                stationId = a.stationId();
                gridId = a.gridId();
            }
            if (stationId == null) {
                plan.withoutStation++;
            }
            plan.calls.add(new Call(ref, received, type, priority, address, lat, lon, caller, stationId, gridId, status,
                    dispatched, enRoute, onScene, cleared, unit, narrative));
        }
        return plan;
    }

    /** Reads and checks the cells of one row, recording each problem. */
    private static final class Cells {
        final HistoryTable t;
        final HistoryMapping m;
        final Plan plan;
        final Map<HistoryField, Integer> index = new HashMap<>();
        final Set<HistoryField> bad = new HashSet<>();
        int row;

        Cells(HistoryTable t, HistoryMapping m, Plan plan) {
            this.t = t;
            this.m = m;
            this.plan = plan;
            for (HistoryField f : HistoryField.values()) {
                index.put(f, t.column(m.column(f)));
            }
        }

        String raw(HistoryField f) {
            return t.cell(row, index.get(f));
        }

        boolean bad(HistoryField f) {
            return bad.contains(f) && lastRow == row;
        }

        private int lastRow = -1;

        void problem(HistoryField f, Why why, String detail) {
            if (lastRow != row) {
                bad.clear();
                lastRow = row;
            }
            bad.add(f);
            plan.problem(t.lines().get(row), m.column(f), raw(f), why, detail);
        }

        String text(HistoryField f, int max, boolean required) {
            String v = raw(f);
            if (v.isEmpty()) {
                if (required) {
                    problem(f, Why.EMPTY, "required, but empty");
                }
                return null;
            }
            if (v.codePointCount(0, v.length()) > max) {
                problem(f, Why.TOO_LONG, "longer than " + max + " characters");
                return null;
            }
            return v;
        }

        Instant time(HistoryField f, boolean required) {
            String v = raw(f);
            if (v.isEmpty()) {
                if (required) {
                    problem(f, Why.EMPTY, "required, but empty");
                }
                return null;
            }
            TimeFormat format = m.formats().get(f);
            Optional<Instant> at = format.parse(v, m.zone());
            if (at.isEmpty()) {
                problem(f, Why.BAD_TIME, "not a date and time in the format " + format.pattern());
                return null;
            }
            return at.get();
        }

        Instant after(HistoryField f, Instant received) {
            if (m.column(f) == null) {
                return null;
            }
            Instant at = time(f, false);
            if (at != null && received != null && at.isBefore(received)) {
                problem(f, Why.BEFORE_RECEIVED, "earlier than the call was received");
                return null;
            }
            return at;
        }

        Double number(HistoryField f, double min, double max) {
            String v = raw(f);
            if (v.isEmpty()) {
                return null;
            }
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                problem(f, Why.BAD_NUMBER, "not a number");
                return null;
            }
            if (Double.isNaN(d) || d < min || d > max) {
                problem(f, Why.OUT_OF_RANGE, "not between " + (int) min + " and " + (int) max);
                return null;
            }
            return d;
        }
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    private static final String INSERT = "INSERT INTO incident (incident_no, received_at, caller_number, address, lat, "
            + "lon, datum, category, incident_type, priority, description, station_id, police_grid_id, status, closed_at, "
            + "dispatched_at, en_route_at, on_scene_at, cleared_at, history_source, history_ref, history_status, "
            + "history_unit) VALUES (:no, :received, :caller, :address, :lat, :lon, :datum, :category, :type, :priority, "
            + ":description, :station, :grid, 'CLOSED', :closed, :dispatched, :enRoute, :onScene, :cleared, :source, "
            + ":ref, :status, :unit)";

    private void write(Handle h, Plan plan, HistoryMapping m, Progress progress) {
        long before = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM incident").mapTo(Long.class).one();
        String tag = tag(m.source());
        int done = 0;
        int total = plan.calls.size();
        progress.rows(0, total);
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (Call c : plan.calls) {
            Instant closed = latest(c.received(), c.dispatched(), c.enRoute(), c.onScene(), c.cleared());
            batch.bind("no", number(tag, c.ref())).bind("received", c.received()).bind("caller", c.caller())
                    .bind("address", c.address()).bind("lat", c.lat()).bind("lon", c.lon())
                    .bind("datum", m.datum().name()).bind("category", c.type().category().name())
                    .bind("type", c.type().name()).bind("priority", c.priority()).bind("description", c.narrative())
                    .bind("station", c.stationId()).bind("grid", c.gridId()).bind("closed", closed)
                    .bind("dispatched", c.dispatched()).bind("enRoute", c.enRoute()).bind("onScene", c.onScene())
                    .bind("cleared", c.cleared()).bind("source", m.source()).bind("ref", c.ref())
                    .bind("status", c.status()).bind("unit", c.unit()).add();
            done++;
            if (done % BATCH == 0) {
                batch.execute();
                batch = h.prepareBatch(INSERT);
                progress.rows(done, total);
            }
        }
        if (done % BATCH != 0) {
            batch.execute();
        }
        progress.rows(done, total);
        List<Long> ids = h.createQuery("SELECT id FROM incident WHERE history_source = :s AND id > :b "
                + "AND caller_number IS NOT NULL").bind("s", m.source()).bind("b", before).mapTo(Long.class).list();
        if (!ids.isEmpty()) {
            CallerLinks.link(h, ids);
        }
    }

    private static Instant latest(Instant... times) {
        Instant out = null;
        for (Instant t : times) {
            if (t != null && (out == null || t.isAfter(out))) {
                out = t;
            }
        }
        return out;
    }

    /** Six hex digits of the source's name: incident numbers of two sources never meet. */
    static String tag(String source) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The incident number of an imported call: {@code H-<tag>-<external id>}, or, for an id too long or with
     * characters a number should not have, {@code H-<tag>-} and 22 hex digits of the id's hash. At most 32 characters.
     */
    static String number(String tag, String ref) {
        String plain = "H-" + tag + "-" + ref;
        if (plain.length() <= 32 && ref.matches("[A-Za-z0-9._/-]+")) {
            return plain;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ref.getBytes(StandardCharsets.UTF_8));
            return "H-" + tag + "-" + HexFormat.of().formatHex(d, 0, 11);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
