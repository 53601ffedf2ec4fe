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
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
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
 * fewer than 4 positions or not closed, coordinates outside the district, and polygons that JTS
 * finds invalid (self-intersection, hole outside shell...), with the location. Malformed JSON
 * is reported with line and column. All problems are collected; a file with any yields no areas.
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
            return ImportResult.of(List.of(), List.of(new ImportProblem("file", "is not UTF-8 text (save it as UTF-8)")));
        }
    }

    /** Reads GeoJSON text; a leading BOM is ignored. */
    public ImportResult<ImportedArea> read(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(TextFiles.stripBom(text));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            return rejected(new ImportProblem(where, "malformed JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return rejected(new ImportProblem("file", "is empty"));
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
                return rejected(new ImportProblem("file", "the FeatureCollection has no \"features\" array"));
            }
        } else if (root.isObject() && type != null && GEOMETRY_TYPES.contains(type)) {
            return rejected(new ImportProblem("file", "is a bare geometry (type \"" + type
                    + "\") without a name: put it in a Feature whose properties name the area"));
        } else {
            String what = root.isObject() && root.has("type") ? "type \"" + root.get("type").asText() + "\"" : "no type";
            return rejected(new ImportProblem("file", "is not a GeoJSON FeatureCollection (" + what + ")"));
        }
        if (features.isEmpty()) {
            return rejected(new ImportProblem("file", "the FeatureCollection has no features"));
        }
        List<ImportedArea> areas = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            new FeatureReader(i, features.get(i), problems).read(areas);
        }
        if (!problems.isEmpty()) {
            LOG.info("GeoJSON import rejected: {} problem(s), first: {}", problems.size(), problems.get(0));
        }
        return ImportResult.of(areas, problems);
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
        private final String label;
        private boolean ok = true;
        private String outside;
        private int outsideCount;

        FeatureReader(int index, JsonNode feature, List<ImportProblem> problems) {
            this.index = index;
            this.feature = feature;
            this.problems = problems;
            this.label = label();
        }

        private String label() {
            String name = name();
            if (name != null) {
                return "feature " + index + " (" + name + ")";
            }
            JsonNode id = feature.path("id");
            if (id.isValueNode() && !id.asText().isBlank()) {
                return "feature " + index + " (id " + id.asText() + ")";
            }
            return "feature " + index;
        }

        private String name() {
            JsonNode props = feature.path("properties");
            for (String key : settings.nameProperties()) {
                JsonNode v = props.path(key);
                if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                    return v.asText().trim();
                }
            }
            return null;
        }

        private void problem(String reason) {
            ok = false;
            problems.add(new ImportProblem(label, reason));
        }

        void read(List<ImportedArea> areas) {
            // A feature whose "type" member is missing but whose geometry is there is still a feature.
            boolean typeless = feature.isObject() && !feature.has("type") && feature.path("geometry").isObject();
            if (!typeless && (!feature.isObject() || !"Feature".equals(feature.path("type").asText(null)))) {
                problem("is not a GeoJSON Feature");
                return;
            }
            Map<String, String> properties = properties();
            String name = name();
            if (name == null) {
                problem("has no name: none of the properties " + String.join(", ", settings.nameProperties()) + " is set");
            }
            Geometry geometry = geometry();
            if (ok && geometry != null) {
                areas.add(new ImportedArea(name, properties, new WKTWriter().write(geometry), settings.datum()));
            }
        }

        private Map<String, String> properties() {
            JsonNode props = feature.path("properties");
            Map<String, String> out = new LinkedHashMap<>();
            if (props.isMissingNode() || props.isNull()) {
                return out;
            }
            if (!props.isObject()) {
                problem("\"properties\" must be an object");
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
                problem("has no geometry");
                return null;
            }
            String type = g.path("type").asText("");
            JsonNode coords = g.path("coordinates");
            List<Polygon> polygons = new ArrayList<>();
            switch (type) {
                case "Polygon" -> polygons.add(polygon(coords, ""));
                case "MultiPolygon" -> {
                    if (!coords.isArray() || coords.isEmpty()) {
                        problem("MultiPolygon coordinates must be a non-empty array of polygons");
                        return null;
                    }
                    for (int p = 0; p < coords.size(); p++) {
                        polygons.add(polygon(coords.get(p), "polygon " + p + ", "));
                    }
                }
                default -> {
                    problem("unsupported geometry type " + (type.isEmpty() ? "(none)" : type) + ": only Polygon and MultiPolygon");
                    return null;
                }
            }
            if (outsideCount > 0) {
                problem("coordinate " + outside + " is outside the district"
                        + (outsideCount > 1 ? " (and " + (outsideCount - 1) + " more)" : ""));
            }
            if (!ok) {
                return null;
            }
            Geometry geometry = "Polygon".equals(type)
                    ? polygons.get(0)
                    : factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
            TopologyValidationError error = new IsValidOp(geometry).getValidationError();
            if (error != null) {
                Coordinate c = error.getCoordinate();
                problem("invalid polygon: " + error.getMessage()
                        + (c == null ? "" : " at " + DistrictEnvelope.formatRounded(c.x, c.y)));
                return null;
            }
            return geometry;
        }

        /** A polygon with exterior counter-clockwise and holes clockwise, or null after reporting why not. */
        private Polygon polygon(JsonNode rings, String prefix) {
            if (!rings.isArray() || rings.isEmpty()) {
                problem(prefix + "coordinates must be a non-empty array of rings");
                return null;
            }
            LinearRing shell = null;
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int r = 0; r < rings.size(); r++) {
                LinearRing ring = ring(rings.get(r), prefix + "ring " + r, r == 0);
                if (r == 0) {
                    shell = ring;
                } else {
                    holes[r - 1] = ring;
                }
            }
            return ok ? factory.createPolygon(shell, holes) : null;
        }

        private LinearRing ring(JsonNode positions, String what, boolean exterior) {
            if (!positions.isArray()) {
                problem(what + " must be an array of positions");
                return null;
            }
            Coordinate[] cs = new Coordinate[positions.size()];
            for (int i = 0; i < cs.length; i++) {
                JsonNode p = positions.get(i);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    problem(what + ", position " + i + " is not [longitude, latitude]: " + p);
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
                problem(what + " has " + cs.length + " positions, a closed ring needs at least 4");
                return null;
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                problem(what + " is not closed (starts at " + DistrictEnvelope.format(cs[0].x, cs[0].y)
                        + ", ends at " + DistrictEnvelope.format(cs[cs.length - 1].x, cs[cs.length - 1].y) + ")");
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
    }
}
