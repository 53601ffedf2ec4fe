package org.commandroom.core.geo.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.commandroom.core.io.FileLimit;
import org.commandroom.core.audit.AuditDao;
import org.commandroom.core.camera.CameraDao;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GridLocator;
import org.commandroom.core.text.Text;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.io.WKTWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports real boundaries (GeoJSON, one layer per file) and the camera list (CSV) into the database.
 *
 * <p><b>All or nothing, one transaction per file.</b> The file is read and validated by
 * {@link GeoJsonAreaReader} or {@link CameraCsvReader}; then every record is placed (parent street,
 * community or station found, codes checked, device ids checked against the database). If anything
 * is wrong nothing is written and the outcome lists every problem, naming the feature ("feature 3
 * (城北社区)") or line ("line 7") and why. Otherwise all records are written together with the
 * change-log rows and one audit_log row, in the same transaction.
 *
 * <p><b>Re-import.</b> A boundary layer is imported as a whole: into an empty layer, or with
 * {@code replace}, which deletes the layer's rows first, but only when no other rows point at them
 * (communities at streets, micro-grids and police offices at communities, incidents at police grids,
 * patrol units at zones); otherwise the import is rejected saying how many rows refer to the layer.
 * The police-grid ↔ micro-grid matching does not block a replace: it is recomputed. The camera list
 * is added to: a device id already in the database is a problem unless {@code replace} is given,
 * which replaces the whole camera list (nothing refers to cameras).
 *
 * <p><b>Change log.</b> Cameras: one row per camera (entity CAMERA, INSERT; DELETE for each camera
 * removed by a replace). Boundaries: one row per layer (entity GEOGRAPHY, entity id
 * {@link ImportLayer#changeId()}, INSERT into an empty layer, UPDATE for a replace), plus one
 * (GEOGRAPHY, {@link ImportLayer#GRID_MATCHING_CHANGE_ID}, UPDATE) when the matching was
 * recomputed: a boundary import changes a whole layer and the map reloads whole layers.
 *
 * <p><b>Repairs need consent.</b> Boundaries the reader repaired ({@link GeometryRepair}: repeated vertices dropped,
 * self-intersections, spikes and overlapping parts fixed) are never written silently: without
 * {@link Request#acceptRepairs()} a file that would otherwise import gives {@link ImportOutcome.NeedsRepairConsent}
 * listing them and writes nothing; with it the repaired boundaries are written and the audit row names the repairs.
 * A file with problems is rejected as before, its repairs listed apart.
 *
 * <p>Datum: coordinates are stored in the datum of the file; stored boundaries in another datum are
 * converted before comparing. Thread-safe; call it off the FX thread.
 */
public final class GeoImportService {

    private static final Logger LOG = LoggerFactory.getLogger(GeoImportService.class);

    static final List<String> CODE_KEYS = List.of("code", "CODE", "Code", "编码", "代码", "编号");
    static final List<String> STREET_KEYS = List.of("street", "street_code", "STREET", "街道", "所属街道", "街道编码");
    static final List<String> COMMUNITY_KEYS = List.of("community", "community_code", "COMMUNITY", "社区", "所属社区", "社区编码");
    static final List<String> STATION_KEYS = List.of("station", "station_code", "STATION", "派出所", "所属派出所", "派出所编码");
    static final List<String> OFFICER_KEYS = List.of("officer", "officer_badge", "badge_no", "警号", "社区民警警号");
    static final List<String> POPULATION_KEYS = List.of("population", "POPULATION", "人口");
    static final List<String> RISK_KEYS = List.of("risk", "risk_grade", "RISK", "风险等级");

    private static final int MAX_CODE = 32;
    private static final int MAX_NAME = 100;
    private static final int MAX_WKT = 1_000_000;
    private static final int MAX_AUDIT_TEXT = 64;

    /**
     * @param district         every imported coordinate must lie in this box (in the file's datum)
     * @param containmentShare the part of an area that must lie in its parent (street, community,
     *                         station) when the parent is found by position; default 0.5
     * @param matchShare       a micro-grid matches a police grid covering more than this part of it;
     *                         default {@link GridMatching#DEFAULT_MIN_SHARE}
     */
    public record Settings(DistrictEnvelope district, double containmentShare, double matchShare) {

        /** Mainland China and its coastal waters: catches swapped latitude/longitude and metre coordinates. */
        public static final DistrictEnvelope CHINA = new DistrictEnvelope(0.8293, 72.004, 55.8271, 137.8347);

        public Settings {
            Objects.requireNonNull(district, "district");
            if (!(containmentShare > 0 && containmentShare <= 1)) {
                throw new IllegalArgumentException("containmentShare must be in (0, 1]: " + containmentShare);
            }
            if (!(matchShare >= 0 && matchShare < 1)) {
                throw new IllegalArgumentException("matchShare must be in [0, 1): " + matchShare);
            }
        }

        public static Settings defaults(DistrictEnvelope district) {
            return new Settings(district, 0.5, GridMatching.DEFAULT_MIN_SHARE);
        }
    }

    /**
     * One import as the user chose it.
     *
     * @param datum   the datum of the file's coordinates (GeoJSON says WGS-84, but files cut from
     *                Chinese web maps are often GCJ-02: ask the user)
     * @param replace       replace the layer (or the whole camera list) instead of importing into an empty one
     * @param actor         who imports, for the audit trail
     * @param acceptRepairs the user has seen the boundaries repaired on reading and accepts them: write them repaired
     *                      (without it, a file with repairs writes nothing, see {@link ImportOutcome.NeedsRepairConsent})
     */
    /** A camera CSV larger than this is refused before it is read (150,000 cameras are about 20 MB). */
    public static final FileLimit CAMERA_CSV_LIMIT = FileLimit.megabytes(64);

    /** A GeoJSON boundary file larger than this is refused before it is read (a district's are a few MB). */
    public static final FileLimit GEOJSON_LIMIT = FileLimit.megabytes(64);

    /** A Shapefile (its .shp and the files beside it, or its .zip) larger than this is refused before it is read. */
    public static final FileLimit SHAPEFILE_LIMIT = new FileLimit(ShapefileAreaReader.MAX_FILE_BYTES);

    /** The limit of a file {@code fileName} for {@code layer}: Shapefile (.shp or .zip) or GeoJSON for areas, CSV for cameras. */
    public static FileLimit limit(ImportLayer layer, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (!layer.isAreas()) {
            return CAMERA_CSV_LIMIT;
        }
        return name.endsWith(".shp") || name.endsWith(".zip") ? SHAPEFILE_LIMIT : GEOJSON_LIMIT;
    }

    /** What the import window says before a file of {@code layer} is chosen: "最大 64 MB", or both limits for areas. */
    public static Text statedLimit(ImportLayer layer) {
        return layer.isAreas() ? Text.of("core.file.limitAreas", GEOJSON_LIMIT.megabytes(), SHAPEFILE_LIMIT.megabytes())
                : CAMERA_CSV_LIMIT.stated();
    }

    /**
     * Reads a file of {@code layer} for {@link #importContent}, refusing one larger than its {@link #limit} before a byte
     * is read ({@link org.commandroom.core.io.FileTooLarge}); a {@code .shp} comes bundled with the files beside it.
     */
    public static byte[] readFile(ImportLayer layer, Path file) throws IOException {
        String name = file.getFileName().toString();
        FileLimit limit = limit(layer, name);
        if (layer.isAreas() && name.toLowerCase(Locale.ROOT).endsWith(".shp")) {
            limit.check(file);
            return ShapefileAreaReader.bundle(file);
        }
        return limit.read(file);
    }

    public record Request(ImportLayer layer, Datum datum, boolean replace, String actor, boolean acceptRepairs) {
        public Request {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(datum, "datum");
            Objects.requireNonNull(actor, "actor");
        }

        /** Without consent to repairs. */
        public Request(ImportLayer layer, Datum datum, boolean replace, String actor) {
            this(layer, datum, replace, actor, false);
        }

        /** The same import with the repairs accepted. */
        public Request acceptingRepairs() {
            return new Request(layer, datum, replace, actor, true);
        }
    }

    private final Jdbi jdbi;
    private final ChangeRecorder changes;
    private final Clock clock;
    private final Settings settings;
    private final org.commandroom.core.access.AccessGuard guard;

    public GeoImportService(Jdbi jdbi, ChangeRecorder changes, Clock clock, Settings settings) {
        this(jdbi, changes, clock, settings, org.commandroom.core.access.AccessGuard.trusted());
    }

    /** @param guard importing and re-matching need {@link org.commandroom.core.access.Permission#SETUP} */
    public GeoImportService(Jdbi jdbi, ChangeRecorder changes, Clock clock, Settings settings,
                            org.commandroom.core.access.AccessGuard guard) {
        this.guard = guard;
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The named-place import ({@link PlaceImportService}) on the same database, change feed, clock, district and guard. */
    public PlaceImportService places() {
        return new PlaceImportService(jdbi, changes, clock, settings.district(), guard);
    }

    /** The OpenStreetMap base map import on the same database, change feed, clock and guard, with the default limits. */
    public org.commandroom.core.geo.osm.OsmBaseMapImport baseMap() {
        return new org.commandroom.core.geo.osm.OsmBaseMapImport(jdbi, changes, clock, guard,
                org.commandroom.core.geo.osm.OsmExtractReader.Limits.DEFAULT);
    }

    /**
     * Reads and imports the file; see the class comment. Boundaries come from GeoJSON, or from an ESRI Shapefile: the
     * {@code .shp} with its {@code .shx}, {@code .dbf} (and {@code .prj}, {@code .cpg}) beside it, or a {@code .zip}
     * holding them ({@link ShapefileAreaReader}).
     */
    public ImportOutcome importFile(Request request, Path file) throws IOException {
        String name = file.getFileName().toString();
        if (request.layer().isAreas() && name.toLowerCase(Locale.ROOT).endsWith(".shp")) {
            guard.require(org.commandroom.core.access.Permission.SETUP, "IMPORT", request.layer().name(), null);
            ShapefileAreaReader.Read read = new ShapefileAreaReader(readerSettings(request)).read(file);
            return logged(request, name, importAreas(request, name, read.result(), read.noteTexts()));
        }
        return importContent(request, name, limit(request.layer(), name).read(file));
    }

    /**
     * Imports a file's bytes; {@code fileName} is what the audit trail records, and its ending says the format
     * ({@code .zip}: a shapefile in a zip; otherwise GeoJSON, or CSV for cameras).
     */
    public ImportOutcome importContent(Request request, String fileName, byte[] content) {
        guard.require(org.commandroom.core.access.Permission.SETUP, "IMPORT", request.layer().name(), null);
        return logged(request, fileName, request.layer().isAreas()
                ? importAreas(request, fileName, content)
                : importCameras(request, fileName, content));
    }

    private static GeoJsonAreaReader.Settings readerSettings(Request request, DistrictEnvelope district) {
        return GeoJsonAreaReader.Settings.withUsualNames(request.datum(), district);
    }

    private GeoJsonAreaReader.Settings readerSettings(Request request) {
        return readerSettings(request, settings.district());
    }

    private static ImportOutcome logged(Request request, String fileName, ImportOutcome outcome) {        if (outcome instanceof ImportOutcome.Rejected r) {
            LOG.info("import of {} from {} rejected: {} problem(s), first: {}", request.layer().cliName(), fileName,
                    r.problems().size(), r.problems().get(0));
        } else if (outcome instanceof ImportOutcome.NeedsRepairConsent n) {
            LOG.info("import of {} from {} waits for consent to {} repair(s), nothing written", request.layer().cliName(),
                    fileName, n.repairs().size());
        } else if (outcome instanceof ImportOutcome.Imported i) {
            LOG.info("imported {} from {}: {} written, {} replaced, {} grid matches", request.layer().cliName(), fileName,
                    i.inserted(), i.removed(), i.gridMatches());
        }
        return outcome;
    }

    /**
     * Recomputes the police-grid ↔ micro-grid matching from the stored boundaries (imports do this
     * themselves; this is for after boundaries were edited by other means). Returns the number of pairs.
     */
    public int recomputeGridMatching() {
        guard.require(org.commandroom.core.access.Permission.SETUP, "GRID_MATCHING", "GEOGRAPHY", null);
        return jdbi.inTransaction(h -> {
            int n = rematch(h);
            changes.record(h, Entity.GEOGRAPHY, ImportLayer.GRID_MATCHING_CHANGE_ID, ChangeOp.UPDATE);
            return n;
        });
    }

    // ---- boundaries ------------------------------------------------------------------------------

    /** An area ready to be written. */
    private record Planned(String code, String name, String wkt, Long parentId, Long officerId, int population,
                           String risk) {
    }

    private ImportOutcome importAreas(Request request, String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip") || (lower.endsWith(".shp") && ShapefileAreaReader.isZip(content))) {
            // a .zip, or a .shp's files bundled by the caller (ShapefileAreaReader.bundle)
            ShapefileAreaReader.Read read = new ShapefileAreaReader(readerSettings(request)).readZip(fileName, content);
            return importAreas(request, fileName, read.result(), read.noteTexts());
        }
        if (lower.endsWith(".shp") || lower.endsWith(".dbf") || lower.endsWith(".shx")) {
            return new ImportOutcome.Rejected(request.layer(), fileName, List.of(ImportProblem.named(fileName,
                    Text.of("core.geo.shp.onePart"))));
        }
        return importAreas(request, fileName, new GeoJsonAreaReader(readerSettings(request)).read(content), List.of());
    }

    private ImportOutcome importAreas(Request request, String fileName, ImportResult<ImportedArea> read,
                                      List<Text> readNotes) {
        ImportLayer layer = request.layer();
        if (!read.accepted()) {
            return new ImportOutcome.Rejected(layer, fileName, read.problems(), read.repairs(), readNotes);
        }
        List<GeometryRepair> repairs = read.repairs();
        List<Text> notes = new ArrayList<>(readNotes);
        return jdbi.inTransaction(h -> {
            GeoImportDao dao = h.attach(GeoImportDao.class);
            List<ImportProblem> problems = new ArrayList<>();
            long existing = layer == ImportLayer.STATION_AREAS ? dao.countStationBoundaries() : dao.count(layer.table());
            checkReplace(dao, layer, existing, request.replace(), problems);
            List<Planned> planned = plan(h, layer, request.datum(), read.records(), problems, notes);
            if (!problems.isEmpty()) {
                return new ImportOutcome.Rejected(layer, fileName, problems, repairs, notes);
            }
            if (!repairs.isEmpty() && !request.acceptRepairs()) {
                // Checked like an import, so consent is asked only for a file that would then import; written: nothing.
                return new ImportOutcome.NeedsRepairConsent(layer, fileName, repairs, notes);
            }
            int removed = 0;
            if (existing > 0) {
                if (layer.affectsGridMatching()) {
                    dao.deleteGridMatching();
                }
                removed = layer == ImportLayer.STATION_AREAS ? dao.clearStationBoundaries() : dao.deleteAll(layer.table());
            }
            insertAreas(h, layer, request.datum(), planned);
            int matches = layer.affectsGridMatching() ? rematch(h) : (int) dao.countGridMatching();
            changes.record(h, Entity.GEOGRAPHY, layer.changeId(), removed > 0 ? ChangeOp.UPDATE : ChangeOp.INSERT);
            if (layer.affectsGridMatching()) {
                changes.record(h, Entity.GEOGRAPHY, ImportLayer.GRID_MATCHING_CHANGE_ID, ChangeOp.UPDATE);
            }
            String detail = detail(request, fileName, planned.size(), removed)
                    + (layer.affectsGridMatching() ? ", " + matches + " police-grid/micro-grid matches" : "")
                    + repairsDetail(repairs);
            long auditId = audit(h, request, Entity.GEOGRAPHY, detail);
            return new ImportOutcome.Imported(layer, fileName, planned.size(), removed, matches, 0, auditId, repairs,
                    notes);
        });
    }

    private static void checkReplace(GeoImportDao dao, ImportLayer layer, long existing, boolean replace,
                                     List<ImportProblem> problems) {
        if (existing == 0) {
            return;
        }
                if (!replace) {
            problems.add(ImportProblem.database(Text.of("core.geo.holds", existing, layer.text())));
            return;
        }
        Text refs = null;
        for (ImportLayer.Reference ref : layer.references()) {
            long n = dao.countReferencing(ref.table(), ref.column());
            if (n > 0) {
                Text one = Text.of("core.geo.ref.count", n, ref.what());
                refs = refs == null ? one : Text.of("core.geo.and", refs, one);
            }
        }
        if (refs != null) {
            problems.add(ImportProblem.database(Text.of("core.geo.referenced", existing, layer.text(), refs)));
        }
    }

    private List<Planned> plan(Handle h, ImportLayer layer, Datum datum, List<ImportedArea> areas,
                               List<ImportProblem> problems, List<Text> notes) {
        GeoDao geo = h.attach(GeoDao.class);
        GeoImportDao dao = h.attach(GeoImportDao.class);
        Parents parents = null;
        List<String> parentKeys = List.of();
        switch (layer) {
            case COMMUNITIES -> {
                parents = new Parents("street", Parents.candidates(geo.streets(), datum, problems, "street"),
                        settings.containmentShare());
                parentKeys = STREET_KEYS;
            }
            case MICRO_GRIDS -> {
                parents = new Parents("community",
                        Parents.candidates(geo.communities(), datum, problems, "community"), settings.containmentShare());
                parentKeys = COMMUNITY_KEYS;
            }
            case POLICE_GRIDS, PATROL_ZONES, STATION_AREAS -> {
                parents = new Parents("station", Parents.candidates(dao.stations(), datum, problems, "station"),
                        settings.containmentShare());
                parentKeys = STATION_KEYS;
            }
            default -> {
                // streets have no parent
            }
        }
        fieldNote(areas, CODE_KEYS, Text.of("core.geo.kind.code"), notes);
        if (layer != ImportLayer.STATION_AREAS && !parentKeys.isEmpty()) {
            fieldNote(areas, parentKeys, Parents.kindText(parents.kind(), false), notes);
        }
        Map<String, Integer> firstIndexOfCode = new HashMap<>();
        Map<Long, Integer> firstIndexOfStation = new HashMap<>();
        List<Text> labels = new ArrayList<>(areas.size());
        List<Planned> planned = new ArrayList<>(areas.size());
        for (int i = 0; i < areas.size(); i++) {
            ImportedArea area = areas.get(i);
            Text label = area.whereText() != null ? area.whereText()
                    : Text.of("core.geo.where.withName", Text.of("core.geo.where.feature", i), area.name());
            labels.add(label);
            int before = problems.size();
            String code = property(area, CODE_KEYS).orElse(layer.codePrefix() + (i + 1));
            if (code.length() > MAX_CODE) {
                problems.add(new ImportProblem(label, Text.of("core.geo.codeTooLong", code, MAX_CODE)));
            }
            Integer first = layer == ImportLayer.STATION_AREAS ? null : firstIndexOfCode.putIfAbsent(code, i);
            if (first != null) {
                problems.add(new ImportProblem(label, Text.of("core.geo.codeRepeats", code, labels.get(first))));
            }
            if (area.name().codePointCount(0, area.name().length()) > MAX_NAME) {
                problems.add(new ImportProblem(label, Text.of("core.geo.nameTooLong", MAX_NAME)));
            }
            if (area.wkt().length() > MAX_WKT) {
                problems.add(new ImportProblem(label, Text.of("core.geo.wktTooLong", area.wkt().length(), MAX_WKT)));
            }
            Long parentId;
            if (layer == ImportLayer.STATION_AREAS) {
                parentId = station(parents, area, label, problems);
                Integer firstOfStation = parentId == null ? null : firstIndexOfStation.putIfAbsent(parentId, i);
                if (firstOfStation != null) {
                    problems.add(new ImportProblem(label, Text.of("core.geo.sameStation", labels.get(firstOfStation))));
                }
            } else {
                parentId = parents == null ? null
                        : parents.place(label, area.properties(), parentKeys, AreaGeometry.read(area.wkt()), problems);
            }
            Long officerId = layer == ImportLayer.POLICE_GRIDS ? officer(dao, area, label, problems) : null;
            int population = layer == ImportLayer.COMMUNITIES || layer == ImportLayer.MICRO_GRIDS
                    ? population(area, label, problems) : 0;
            String risk = layer == ImportLayer.COMMUNITIES || layer == ImportLayer.POLICE_GRIDS
                    ? risk(area, label, problems) : "GREEN";
            if (problems.size() == before) {
                planned.add(new Planned(code, area.name(), area.wkt(), parentId, officerId, population, risk));
            }
        }
        return planned;
    }

    /**
     * The stored station a station area belongs to: named by a station property, else by the feature's code, else by
     * its name, each matched against the stations' codes, then names. Never by position: the area is what positions
     * are later placed by.
     */
    private static Long station(Parents stations, ImportedArea area, Text label, List<ImportProblem> problems) {
        Optional<PropertyKeys.Found> ref = PropertyKeys.find(area.properties(), STATION_KEYS);
        if (ref.isEmpty()) {
            ref = PropertyKeys.find(area.properties(), CODE_KEYS);
            if (ref.isPresent() && !stations.hasCode(ref.get().value())) {
                ref = Optional.empty();
            }
        }
        if (ref.isPresent()) {
            return stations.byReference(label, ref.get().field(), ref.get().value(), problems);
        }
        return stations.byReference(label, "name", area.name(), problems);
    }

    /** Adds e.g. {@code code from field CODE}: the field the first area that has one took it from. */
    private static void fieldNote(List<ImportedArea> areas, List<String> keys, Text what, List<Text> notes) {
        for (ImportedArea area : areas) {
            Optional<PropertyKeys.Found> f = PropertyKeys.find(area.properties(), keys);
            if (f.isPresent()) {
                notes.add(Text.of("core.geo.note.field", what, f.get().field()));
                return;
            }
        }
    }

    private static Long officer(GeoImportDao dao, ImportedArea area, Text label, List<ImportProblem> problems) {
        Optional<String> badge = property(area, OFFICER_KEYS);
        if (badge.isEmpty()) {
            return null;
        }
        Optional<Long> id = dao.officerByBadge(badge.get());
        if (id.isEmpty()) {
            problems.add(new ImportProblem(label, Text.of("core.geo.noOfficer", badge.get())));
            return null;
        }
        return id.get();
    }

    private static int population(ImportedArea area, Text label, List<ImportProblem> problems) {
        Optional<String> text = property(area, POPULATION_KEYS);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            double v = Double.parseDouble(text.get());
            if (v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v)) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ImportProblem(label, Text.of("core.geo.population", text.get())));
        return 0;
    }

    private static String risk(ImportedArea area, Text label, List<ImportProblem> problems) {
        Optional<String> text = property(area, RISK_KEYS);
        if (text.isEmpty()) {
            return "GREEN";
        }
        String t = text.get().toUpperCase(Locale.ROOT);
        if (t.equals("RED") || t.startsWith("红")) {
            return "RED";
        }
        if (t.equals("ORANGE") || t.startsWith("橙")) {
            return "ORANGE";
        }
        if (t.equals("GREEN") || t.startsWith("绿")) {
            return "GREEN";
        }
        problems.add(new ImportProblem(label, Text.of("core.geo.risk", text.get())));
        return "GREEN";
    }

    private static Optional<String> property(ImportedArea area, List<String> keys) {
        return PropertyKeys.find(area.properties(), keys).map(PropertyKeys.Found::value);
    }

    private static void insertAreas(Handle h, ImportLayer layer, Datum datum, List<Planned> planned) {
        GeoDao geo = h.attach(GeoDao.class);
        GeoImportDao dao = h.attach(GeoImportDao.class);
        String d = datum.name();
        switch (layer) {
            case DISTRICT -> planned.forEach(p -> dao.insertDistrict(p.code(), p.name(), p.wkt(), d));
            case STATION_AREAS -> planned.forEach(p -> dao.setStationBoundary(p.parentId(), p.wkt(), d,
                    SurfaceArea.km2(AreaGeometry.toDatum(AreaGeometry.read(p.wkt()), datum, Datum.WGS84))));
            case STREETS -> planned.forEach(p -> geo.insertStreet(p.code(), p.name(), p.wkt(), d));
            case COMMUNITIES -> planned.forEach(p -> geo.insertCommunity(p.parentId(), p.code(), p.name(), p.population(),
                    p.risk(), p.wkt(), d));
            case MICRO_GRIDS -> geo.insertMicroGrids(planned.stream().map(Planned::parentId).toList(),
                    planned.stream().map(Planned::code).toList(), planned.stream().map(Planned::name).toList(),
                    planned.stream().map(Planned::population).toList(), planned.stream().map(Planned::wkt).toList(), d);
            case POLICE_GRIDS -> planned.forEach(p -> geo.insertPoliceGrid(p.parentId(), p.code(), p.name(), p.officerId(),
                    p.risk(), p.wkt(), d));
            case PATROL_ZONES -> planned.forEach(p -> geo.insertKeyPatrolZone(p.parentId(), p.code(), p.name(), p.wkt(), d));
            case CAMERAS -> throw new IllegalArgumentException("cameras are not areas");
        }
    }

    /** Replaces the matching table by the pairs computed from the stored boundaries; returns their number. */
    private int rematch(Handle h) {
        GeoDao geo = h.attach(GeoDao.class);
        h.attach(GeoImportDao.class).deleteGridMatching();
        List<GridMatching.Pair> pairs = GridMatching.match(geo.policeGrids(), geo.microGrids(), settings.matchShare());
        Map<Long, List<Long>> byPoliceGrid = pairs.stream().collect(Collectors.groupingBy(GridMatching.Pair::policeGridId,
                TreeMap::new, Collectors.mapping(GridMatching.Pair::microGridId, Collectors.toList())));
        byPoliceGrid.forEach(geo::matchMicroGrids);
        return pairs.size();
    }

    // ---- cameras -----------------------------------------------------------------------------------

    private ImportOutcome importCameras(Request request, String fileName, byte[] content) {
        ImportResult<CameraCsvReader.NumberedCamera> read = new CameraCsvReader(
                new CameraCsvReader.Settings(request.datum(), settings.district())).readNumbered(content);
        if (!read.accepted()) {
            return new ImportOutcome.Rejected(request.layer(), fileName, read.problems());
        }
        return jdbi.inTransaction(h -> {
            GeoImportDao dao = h.attach(GeoImportDao.class);
            List<ImportProblem> problems = new ArrayList<>();
            if (!request.replace()) {
                Map<String, String> stored = dao.cameraNamesByDeviceId();
                for (CameraCsvReader.NumberedCamera c : read.records()) {
                    String storedName = stored.get(c.camera().deviceId());
                    if (storedName != null) {
                        problems.add(ImportProblem.line(c.line(), Text.of("core.geo.cameraStored", c.camera().deviceId(),
                                storedName)));
                    }
                }
            }
            GridLocator<Long> stations = stationLocator(dao, request.datum(), problems);
            if (!problems.isEmpty()) {
                return new ImportOutcome.Rejected(request.layer(), fileName, problems);
            }
            List<Long> removedIds = request.replace() ? dao.cameraIds() : List.of();
            if (!removedIds.isEmpty()) {
                dao.deleteAll("camera");
                changes.recordAll(h, Entity.CAMERA, removedIds, ChangeOp.DELETE);
            }
            List<CameraDao.CameraRow> rows = new ArrayList<>(read.records().size());
            int withoutStation = 0;
            for (CameraCsvReader.NumberedCamera nc : read.records()) {
                ImportedCamera c = nc.camera();
                Long station = stations.size() == 0 ? null : stations.locate(c.position()).orElse(null);
                if (station == null) {
                    withoutStation++;
                }
                rows.add(new CameraDao.CameraRow(c.deviceId(), c.name(), c.kind().name(), c.position().lat(),
                        c.position().lon(), c.position().datum().name(), true, null, null, station));
            }
            long[] ids = h.attach(CameraDao.class).insertAllReturningIds(rows);
            changes.recordAll(h, Entity.CAMERA, Arrays.stream(ids).boxed().toList(), ChangeOp.INSERT);
            if (withoutStation > 0) {
                LOG.warn("{} of {} imported cameras lie in no station's boundary and have no station", withoutStation, rows.size());
            }
            String detail = detail(request, fileName, rows.size(), removedIds.size()) + ", " + withoutStation + " in no station";
            long auditId = audit(h, request, Entity.CAMERA, detail);
            int matches = (int) dao.countGridMatching();
            return new ImportOutcome.Imported(request.layer(), fileName, rows.size(), removedIds.size(), matches,
                    withoutStation, auditId);
        });
    }

    /** The stations that have a boundary, in the datum of the file. */
    static GridLocator<Long> stationLocator(GeoImportDao dao, Datum datum, List<ImportProblem> problems) {
        WKTWriter writer = new WKTWriter();
        List<GridLocator.Area<Long>> areas = new ArrayList<>();
        for (Parents.Candidate c : Parents.candidates(dao.stations(), datum, problems, "station")) {
            if (c.boundary() != null) {
                areas.add(new GridLocator.Area<>(c.id(), writer.write(c.boundary())));
            }
        }
        return new GridLocator<>(areas, datum);
    }

    // ---- audit -------------------------------------------------------------------------------------

    private static String detail(Request request, String fileName, int inserted, int removed) {
        return "import " + request.layer().cliName() + " from " + shorten(fileName, 300) + " (" + request.datum()
                + (request.replace() ? ", replace" : "") + "): " + inserted + " written, " + removed + " replaced";
    }

    /**
     * {@code ; 2 boundary repair(s) accepted: feature 0 (…): …; area … → … km² | feature 3 …}: as many whole repairs as
     * fit the audit row's detail, then how many more.
     */
    static String repairsDetail(List<GeometryRepair> repairs) {
        if (repairs.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("; ").append(repairs.size()).append(" boundary repair(s) accepted: ");
        int budget = 1500;
        for (int i = 0; i < repairs.size(); i++) {
            String one = (i == 0 ? "" : " | ") + repairs.get(i).message();
            if (i == 0) {
                b.append(shorten(one, budget - b.length()));
            } else if (b.length() + one.length() > budget) {
                b.append(" | … and ").append(repairs.size() - i).append(" more");
                break;
            } else {
                b.append(one);
            }
        }
        return b.toString();
    }

    private long audit(Handle h, Request request, Entity entity, String detail) {
        org.commandroom.core.access.Principal p = guard.principal();
        String who = p != null && p.signedIn() ? p.login() : request.actor();
        return h.attach(AuditDao.class).append(clock.instant(), shorten(who, MAX_AUDIT_TEXT),
                shorten(changes.origin(), MAX_AUDIT_TEXT), "IMPORT", entity.name(), null, shorten(detail, 2000));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
