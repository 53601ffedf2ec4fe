package org.commandroom.core.geo.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.text.Text;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads boundaries (streets, communities, micro-grids, police grids) from a GeoJSON
 * FeatureCollection of Polygon and MultiPolygon features, as exported by QGIS, ArcGIS or
 * geojson.io.
 *
 * <p>Accepted: a UTF-8 byte-order mark; rings in either winding (normalised to exterior
 * counter-clockwise, holes clockwise, as RFC 7946 asks); extra properties (kept as text) and a
 * missing {@code properties} member; a third (altitude) ordinate, which is dropped.
 *
 * <p><b>Names are required.</b> The name is taken from the first of the configured properties
 * that is set (e.g. {@code name}, {@code NAME}, {@code 名称}). A feature with none is an error
 * rather than getting a generated name: the name is what officers see on the map and in dispatch,
 * and "区域 7" would mean nothing to them, so it is fixed once in the source GIS tool.
 *
 * <p>Rejected, each problem naming the feature by index in the {@code features} array (from 0)
 * and by name, or by {@code id} when it has no name: not a FeatureCollection, no features, a
 * member that is not a Feature, no or unsupported geometry, malformed coordinates, a ring with
 * fewer than 4 positions or not closed, coordinates outside the district, a ring left with fewer than 4
 * positions once repeated ones are dropped, and invalid polygons that cannot be repaired into a polygon (see below),
 * with the location. Malformed JSON is reported with line and column. All problems are collected; a file with any
 * yields no areas.
 *
 * <p><b>Repaired, and reported.</b> Repeated consecutive positions are dropped. A polygon or multipolygon that JTS finds
 * invalid (self-intersection, a spike, overlapping parts, a hole outside its shell...) is repaired with JTS's
 * {@link GeometryFixer} when the result is a non-empty polygon or multipolygon; the area then holds the repaired
 * boundary. Each feature so changed gives a {@link GeometryRepair} (what was wrong, where, the area before and after),
 * in {@link ImportResult#repairs()}, with the records of an accepted file and beside the problems of a rejected one:
 * the caller shows them and writes nothing without the user's consent. Each part of a multipolygon is checked on its
 * own first, so a defect is named with its part; the multipolygon as a whole is checked when every part is valid.
 *
 * <p>Pure: reads and validates, stores nothing. Thread-safe.
 */
public final class GeoJsonAreaReader {

    private static final Logger LOG = LoggerFactory.getLogger(GeoJsonAreaReader.class);

    /**
     * How to read a file.
     *
     * @param datum          the datum the file's coordinates are in (GeoJSON says WGS-84, but
     *                       files cut from Chinese web maps are often GCJ-02: ask the user)
     * @param district       every coordinate must lie in this box
     * @param nameProperties property names to take the area's name from, first match wins
     */
    public record Settings(Datum datum, DistrictEnvelope district, List<String> nameProperties) {
        public Settings {
            Objects.requireNonNull(datum, "datum");
            Objects.requireNonNull(district, "district");
            nameProperties = List.copyOf(nameProperties);
            if (nameProperties.isEmpty()) {
                throw new IllegalArgumentException("at least one name property is needed");
            }
        }

        /** Names from {@code name}, {@code NAME} or {@code 名称}. */
        public static Settings withUsualNames(Datum datum, DistrictEnvelope district) {
            return new Settings(datum, district, List.of("name", "NAME", "Name", "名称"));
        }
    }

    private static final java.util.Set<String> GEOMETRY_TYPES = java.util.Set.of("Point", "MultiPoint", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");

    private final Settings settings;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final GeometryFactory factory = new GeometryFactory();

    public GeoJsonAreaReader(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ImportResult<ImportedArea> read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public ImportResult<ImportedArea> read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    public ImportResult<ImportedArea> read(byte[] bytes) {
        try {
            return read(TextFiles.decodeUtf8(bytes));
        } catch (CharacterCodingException e) {
            return ImportResult.of(List.of(), List.of(ImportProblem.file(Text.of("core.geo.json.notUnicode"))));
        }
    }

    /** Reads GeoJSON text; a leading BOM is ignored. */
    public ImportResult<ImportedArea> read(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(TextFiles.stripBom(text));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            Text where = at == null ? Text.of("core.geo.where.file") : Text.of("core.geo.where.lineColumn", at.getLineNr(), at.getColumnNr());
            return rejected(new ImportProblem(where, Text.of("core.geo.json.malformed", org.commandroom.core.text.JsonSyntax.describe(e))));
        }
        if (root == null || root.isMissingNode()) {
            return rejected(ImportProblem.file(Text.of("core.geo.empty")));
        }
        // What web-map tools write besides a FeatureCollection, when it is unambiguous: a bare array of features
        // (some boundary downloads), one Feature on its own, or a collection whose "type" member was dropped.
        JsonNode features;
        String type = root.isObject() ? root.path("type").asText(null) : null;
        if (root.isArray()) {
            features = root;
        } else if (root.isObject() && "Feature".equals(type)) {
            features = mapper.createArrayNode().add(root);
        } else if (root.isObject() && ("FeatureCollection".equals(type) || (type == null && root.path("features").isArray()))) {
            features = root.path("features");
            if (!features.isArray()) {
                return rejected(ImportProblem.file(Text.of("core.geo.json.noFeaturesArray")));
            }
        } else if (root.isObject() && type != null && GEOMETRY_TYPES.contains(type)) {
            return rejected(ImportProblem.file(Text.of("core.geo.json.bareGeometry", type)));
        } else {
            return rejected(ImportProblem.file(root.isObject() && root.has("type")
                    ? Text.of("core.geo.json.notCollection", root.get("type").asText())
                    : Text.of("core.geo.json.notCollectionNoType")));
        }
        if (features.isEmpty()) {
            return rejected(ImportProblem.file(Text.of("core.geo.json.noFeatures")));
        }
        return readFeatures(features, "feature", 0, "GeoJSON");
    }

    /**
     * Reads an array of GeoJSON features (also what {@link ShapefileAreaReader} makes of a shapefile's records): each
     * named in problems and repairs as {@code <unit> <firstNumber + index> (<name>)}, e.g. {@code record 3 (城北社区)}.
     */
    ImportResult<ImportedArea> readFeatures(JsonNode features, String unit, int firstNumber, String format) {
        List<ImportedArea> areas = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<GeometryRepair> repairs = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            new FeatureReader(i, "record".equals(unit) ? Text.of("core.geo.where.record", firstNumber + i)
                    : Text.of("core.geo.where.feature", firstNumber + i), features.get(i), problems, repairs).read(areas);
        }
        for (GeometryRepair r : repairs) {
            LOG.info("{} boundary repaired: {}", format, r);
        }
        if (!problems.isEmpty()) {
            LOG.info("{} import rejected: {} problem(s), first: {}", format, problems.size(), problems.get(0));
        }
        return ImportResult.of(areas, problems, repairs);
    }

    private static ImportResult<ImportedArea> rejected(ImportProblem problem) {
        LOG.info("GeoJSON import rejected: {}", problem);
        return ImportResult.of(List.of(), List.of(problem));
    }

    /** Reads one feature, adding either an area or problems. */
    private final class FeatureReader {
        private final int index;
        private final JsonNode feature;
        private final List<ImportProblem> problems;
        private final List<GeometryRepair> repairs;
        private final Text label;
        private boolean ok = true;
        /** False once the geometry has a problem of its own (a name missing does not keep it from being checked). */
        private boolean geometryOk = true;
        private String outside;
        private int outsideCount;
        /** Repeated consecutive positions dropped: how many, the first one's place and part, and whether in several parts. */
        private int repeated;
        private Coordinate firstRepeat;
        private Integer repeatPart;
        private boolean repeatsInSeveralParts;

        /** How the feature is named in problems without its name, e.g. {@code feature 0} or {@code record 1}. */
        private final Text number;

        FeatureReader(int index, Text number, JsonNode feature, List<ImportProblem> problems,
                      List<GeometryRepair> repairs) {
            this.index = index;
            this.number = number;
            this.feature = feature;
            this.problems = problems;
            this.repairs = repairs;
            this.label = label();
        }

        private Text label() {
            String name = name();
            if (name != null) {
                return Text.of("core.geo.where.withName", number, name);
            }
            JsonNode id = feature.path("id");
            if (id.isValueNode() && !id.asText().isBlank()) {
                return Text.of("core.geo.where.withId", number, id.asText());
            }
            return number;
        }

        /** The name from the first name property set (exact, then without regard to case: see {@link PropertyKeys}). */
        private String name() {
            JsonNode props = feature.path("properties");
            if (!props.isObject()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : props.properties()) {
                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                    values.put(f.getKey(), f.getValue().asText());
                }
            }
            return PropertyKeys.find(values, settings.nameProperties()).map(PropertyKeys.Found::value).orElse(null);
        }

        private void problem(Text reason) {
            ok = false;
            problems.add(new ImportProblem(label, reason));
        }

        private void geometryProblem(Text reason) {
            geometryOk = false;
            problem(reason);
        }

        void read(List<ImportedArea> areas) {
            // A feature whose "type" member is missing but whose geometry is there is still a feature.
            boolean typeless = feature.isObject() && !feature.has("type") && feature.path("geometry").isObject();
            if (!typeless && (!feature.isObject() || !"Feature".equals(feature.path("type").asText(null)))) {
                problem(Text.of("core.geo.json.notFeature"));
                return;
            }
            Map<String, String> properties = properties();
            String name = name();
            if (name == null) {
                problem(Text.of("core.geo.json.noName", String.join(", ", settings.nameProperties())));
            }
            Geometry geometry = geometry();
            if (ok && geometry != null) {
                areas.add(new ImportedArea(name, properties, new WKTWriter().write(geometry), settings.datum(), label));
            }
        }

        private Map<String, String> properties() {
            JsonNode props = feature.path("properties");
            Map<String, String> out = new LinkedHashMap<>();
            if (props.isMissingNode() || props.isNull()) {
                return out;
            }
            if (!props.isObject()) {
                problem(Text.of("core.geo.json.properties"));
                return out;
            }
            for (Map.Entry<String, JsonNode> f : props.properties()) {
                if (!f.getValue().isNull()) {
                    out.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
                }
            }
            return out;
        }

        private Geometry geometry() {
            JsonNode g = feature.path("geometry");
            if (!g.isObject()) {
                geometryProblem(Text.of("core.geo.json.noGeometry"));
                return null;
            }
            String type = g.path("type").asText("");
            JsonNode coords = g.path("coordinates");
            List<Polygon> polygons = new ArrayList<>();
            switch (type) {
                case "Polygon" -> polygons.add(polygon(coords, null));
                case "MultiPolygon" -> {
                    if (!coords.isArray() || coords.isEmpty()) {
                        geometryProblem(Text.of("core.geo.json.multiEmpty"));
                        return null;
                    }
                    for (int p = 0; p < coords.size(); p++) {
                        polygons.add(polygon(coords.get(p), p));
                    }
                }
                default -> {
                    geometryProblem(type.isEmpty() ? Text.of("core.geo.json.unsupportedNone")
                            : Text.of("core.geo.json.unsupported", type));
                    return null;
                }
            }
            if (outsideCount > 0) {
                geometryProblem(outsideCount > 1 ? Text.of("core.geo.outsideMore", outside, outsideCount - 1)
                        : Text.of("core.geo.outside", outside));
            }
            if (!geometryOk) {
                return null;
            }
            boolean multi = "MultiPolygon".equals(type);
            Geometry geometry = multi ? factory.createMultiPolygon(polygons.toArray(new Polygon[0])) : polygons.get(0);
            List<GeometryRepair.Defect> defects = new ArrayList<>();
            if (repeated > 0) {
                defects.add(new GeometryRepair.Defect(GeometryRepair.Kind.REPEATED_POINTS,
                        repeatsInSeveralParts ? null : repeatPart, "repeated consecutive positions", firstRepeat.x,
                        firstRepeat.y, repeated));
            }
            TopologyValidationError first = validate(geometry, multi, defects);
            if (first == null) {
                if (repeated > 0) {
                    double area = areaKm2(geometry);
                    repairs.add(new GeometryRepair(index, name(), label.english(), defects, area, area, polygons.size(), polygons.size()));
                }
                return geometry;
            }
            Geometry fixed = GeometryFixer.fix(geometry);
            if (!(fixed instanceof Polygonal) || fixed.isEmpty() || !fixed.isValid()) {
                Coordinate c = first.getCoordinate();
                geometryProblem(c == null ? Text.of("core.geo.json.invalid", validationError(first))
                        : Text.of("core.geo.json.invalidAt", validationError(first), DistrictEnvelope.formatRounded(c.x, c.y)));
                return null;
            }
            fixed = oriented(fixed);
            repairs.add(new GeometryRepair(index, name(), label.english(), defects, areaKm2(geometry), areaKm2(fixed),
                    polygons.size(), fixed.getNumGeometries()));
            return fixed;
        }

        /**
         * Adds a defect for each invalid part of a multipolygon (or for the polygon), else for the multipolygon as a
         * whole (its parts overlap); returns the first validation error, or null when the geometry is valid.
         */
        private TopologyValidationError validate(Geometry geometry, boolean multi, List<GeometryRepair.Defect> defects) {
            TopologyValidationError first = null;
            for (int p = 0; p < geometry.getNumGeometries(); p++) {
                TopologyValidationError e = new IsValidOp(geometry.getGeometryN(p)).getValidationError();
                if (e != null) {
                    defects.add(defect(kind(e), multi ? p : null, e));
                    first = first == null ? e : first;
                }
            }
            if (first == null && multi) {
                first = new IsValidOp(geometry).getValidationError();
                if (first != null) {
                    defects.add(defect(GeometryRepair.Kind.PARTS_INTERSECT, null, first));
                }
            }
            return first;
        }

        private GeometryRepair.Defect defect(GeometryRepair.Kind kind, Integer part, TopologyValidationError e) {
            Coordinate c = e.getCoordinate();
            return new GeometryRepair.Defect(kind, part, e.getMessage(), c == null ? Double.NaN : c.x,
                    c == null ? Double.NaN : c.y, 1);
        }

        /** A polygon with exterior counter-clockwise and holes clockwise, or null after reporting why not. */
        private Polygon polygon(JsonNode rings, Integer part) {
            if (!rings.isArray() || rings.isEmpty()) {
                geometryProblem(part == null ? Text.of("core.geo.json.noRings") : Text.of("core.geo.json.partNoRings", part));
                return null;
            }
            LinearRing shell = null;
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int r = 0; r < rings.size(); r++) {
                LinearRing ring = ring(rings.get(r), part == null ? Text.of("core.geo.json.ring", r)
                        : Text.of("core.geo.json.partRing", part, r), r == 0, part);
                if (r == 0) {
                    shell = ring;
                } else {
                    holes[r - 1] = ring;
                }
            }
            return geometryOk ? factory.createPolygon(shell, holes) : null;
        }

        private LinearRing ring(JsonNode positions, Text what, boolean exterior, Integer part) {
            if (!positions.isArray()) {
                geometryProblem(Text.of("core.geo.json.ringNotArray", what));
                return null;
            }
            Coordinate[] cs = new Coordinate[positions.size()];
            for (int i = 0; i < cs.length; i++) {
                JsonNode p = positions.get(i);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    geometryProblem(Text.of("core.geo.json.position", what, i, String.valueOf(p)));
                    return null;
                }
                double lon = p.get(0).asDouble();
                double lat = p.get(1).asDouble();
                cs[i] = new Coordinate(lon, lat);
                if (!settings.district().contains(lat, lon)) {
                    if (outsideCount++ == 0) {
                        outside = DistrictEnvelope.format(lon, lat);
                    }
                }
            }
            if (cs.length < 4) {
                geometryProblem(Text.of("core.geo.json.ringShort", what, cs.length));
                return null;
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                geometryProblem(Text.of("core.geo.json.notClosed", what, DistrictEnvelope.format(cs[0].x, cs[0].y),
                        DistrictEnvelope.format(cs[cs.length - 1].x, cs[cs.length - 1].y)));
                return null;
            }
            cs = withoutRepeats(cs, part);
            if (cs.length < 4) {
                geometryProblem(Text.of(cs.length == 2 ? "core.geo.json.collapsesOne" : "core.geo.json.collapses", what,
                        cs.length - 1));
                return null;
            }
            // RFC 7946: exterior rings counter-clockwise, holes clockwise.
            if (Orientation.isCCW(cs) != exterior) {
                for (int a = 0, b = cs.length - 1; a < b; a++, b--) {
                    Coordinate t = cs[a];
                    cs[a] = cs[b];
                    cs[b] = t;
                }
            }
            return factory.createLinearRing(cs);
        }

        /** The ring without repeated consecutive positions (the closing one stays), counting what was dropped. */
        private Coordinate[] withoutRepeats(Coordinate[] cs, Integer part) {
            List<Coordinate> kept = new ArrayList<>(cs.length);
            kept.add(cs[0]);
            for (int i = 1; i < cs.length; i++) {
                if (cs[i].equals2D(kept.get(kept.size() - 1))) {
                    if (repeated++ == 0) {
                        firstRepeat = cs[i];
                        repeatPart = part;
                    } else if (!Objects.equals(repeatPart, part)) {
                        repeatsInSeveralParts = true;
                    }
                } else {
                    kept.add(cs[i]);
                }
            }
            return kept.size() == cs.length ? cs : kept.toArray(new Coordinate[0]);
        }
    }

    /**
     * The geometry's area on the ellipsoid in km² (see {@link GeometryRepair}), converted to WGS-84 first; below
     * 0.001 m² it is rounding left over from lobes that cancel (a symmetric bow-tie) and is taken as 0.
     */
    private double areaKm2(Geometry g) {
        double km2 = SurfaceArea.km2(AreaGeometry.toDatum(g, settings.datum(), Datum.WGS84));
        return Math.abs(km2) < 1e-9 ? 0 : km2;
    }

    /** The same polygons with exterior rings counter-clockwise and holes clockwise (RFC 7946). */
    private Geometry oriented(Geometry g) {
        Polygon[] polygons = new Polygon[g.getNumGeometries()];
        for (int i = 0; i < polygons.length; i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = wound(p.getInteriorRingN(h), false);
            }
            polygons[i] = factory.createPolygon(wound(p.getExteriorRing(), true), holes);
        }
        return g instanceof Polygon ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    private LinearRing wound(LinearRing ring, boolean counterClockwise) {
        Coordinate[] cs = ring.getCoordinates();
        if (Orientation.isCCW(cs) != counterClockwise) {
            cs = cs.clone();
            for (int a = 0, b = cs.length - 1; a < b; a++, b--) {
                Coordinate t = cs[a];
                cs[a] = cs[b];
                cs[b] = t;
            }
        }
        return factory.createLinearRing(cs);
    }

    /** JTS's validation error in the user's language; a type JTS may add later keeps its English message. */
    static Text validationError(TopologyValidationError e) {
        String key = switch (e.getErrorType()) {
            case TopologyValidationError.ERROR -> "core.geo.jts.error";
            case TopologyValidationError.REPEATED_POINT -> "core.geo.jts.repeatedPoint";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "core.geo.jts.holeOutsideShell";
            case TopologyValidationError.NESTED_HOLES -> "core.geo.jts.nestedHoles";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "core.geo.jts.disconnectedInterior";
            case TopologyValidationError.SELF_INTERSECTION -> "core.geo.jts.selfIntersection";
            case TopologyValidationError.RING_SELF_INTERSECTION -> "core.geo.jts.ringSelfIntersection";
            case TopologyValidationError.NESTED_SHELLS -> "core.geo.jts.nestedShells";
            case TopologyValidationError.DUPLICATE_RINGS -> "core.geo.jts.duplicateRings";
            case TopologyValidationError.TOO_FEW_POINTS -> "core.geo.jts.tooFewPoints";
            case TopologyValidationError.INVALID_COORDINATE -> "core.geo.jts.invalidCoordinate";
            case TopologyValidationError.RING_NOT_CLOSED -> "core.geo.jts.ringNotClosed";
            default -> null;
        };
        return key == null ? Text.of("core.geo.jts.other", e.getMessage()) : Text.of(key);
    }

    private static GeometryRepair.Kind kind(TopologyValidationError e) {
        return switch (e.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION -> GeometryRepair.Kind.SELF_INTERSECTION;
            case TopologyValidationError.RING_SELF_INTERSECTION -> GeometryRepair.Kind.RING_SELF_INTERSECTION;
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> GeometryRepair.Kind.HOLE_OUTSIDE_SHELL;
            case TopologyValidationError.NESTED_HOLES -> GeometryRepair.Kind.NESTED_HOLES;
            case TopologyValidationError.DISCONNECTED_INTERIOR -> GeometryRepair.Kind.DISCONNECTED_INTERIOR;
            case TopologyValidationError.NESTED_SHELLS -> GeometryRepair.Kind.NESTED_SHELLS;
            case TopologyValidationError.DUPLICATE_RINGS -> GeometryRepair.Kind.DUPLICATE_RINGS;
            default -> GeometryRepair.Kind.OTHER;
        };
    }
}
