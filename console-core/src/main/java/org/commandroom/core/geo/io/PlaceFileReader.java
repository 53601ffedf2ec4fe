package org.commandroom.core.geo.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.text.Text;

/**
 * Reads named places (key places 重点部位, community police offices 社区警务室, deployment points 布警点) from a CSV
 * list or a GeoJSON file of Point features, all or nothing like the other geography files: either every place or
 * every problem, each naming the line or feature, said in the screen's language ({@link ImportProblem}).
 *
 * <p><b>CSV</b> (UTF-8, header first, column names without regard to case): {@code name}, {@code lon}, {@code lat}
 * required; {@code code}, {@code kind}, {@code datum} ({@code WGS84}/{@code GCJ02}, else the datum chosen for the
 * file), {@code station} and {@code grid} (code or name of the station or police grid) optional.
 * <b>GeoJSON</b>: a FeatureCollection of Point features whose properties carry the same fields (the name also under
 * {@code NAME}, {@code 名称}).
 *
 * <p>Only reading: {@link PlaceImportService} places each in its station and writes them.
 */
public final class PlaceFileReader {

    /** At most this many characters in a name, as the tables hold. */
    static final int MAX_NAME = 100;
    static final int MAX_CODE = 32;
    private static final List<String> REQUIRED = List.of("name", "lon", "lat");
    private static final List<String> OPTIONAL = List.of("code", "kind", "datum", "station", "grid");
    private static final List<String> NAME_KEYS = List.of("name", "NAME", "Name", "名称");

    /** One place read: where the file has it, and what it says. */
    public record ImportedPlace(String name, String code, String kind, GeoPoint position, String station, String grid,
                                Text where) {
        public ImportedPlace {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(where, "where");
        }
    }

    private final Datum datum;
    private final DistrictEnvelope district;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param datum    the datum of coordinates that do not name their own
     * @param district a place outside it is a problem
     */
    public PlaceFileReader(Datum datum, DistrictEnvelope district) {
        this.datum = Objects.requireNonNull(datum, "datum");
        this.district = Objects.requireNonNull(district, "district");
    }

    /** A {@code .csv} file as CSV, anything else as GeoJSON. */
    public ImportResult<ImportedPlace> read(String fileName, byte[] content) {
        String text;
        try {
            text = TextFiles.stripBom(TextFiles.decodeUtf8(content));
        } catch (CharacterCodingException e) {
            return ImportResult.of(List.of(), List.of(ImportProblem.file(Text.of("core.geo.json.notUnicode"))));
        }
        if (text.isBlank()) {
            return ImportResult.of(List.of(), List.of(ImportProblem.file(Text.of("core.geo.empty"))));
        }
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(text) : readGeoJson(text);
    }

    private ImportResult<ImportedPlace> readCsv(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        List<ImportedPlace> places = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String key = header.get(i).trim().toLowerCase(Locale.ROOT);
                if ((REQUIRED.contains(key) || OPTIONAL.contains(key)) && columns.putIfAbsent(key, i) != null) {
                    problems.add(ImportProblem.line(1, Text.of("core.geo.csv.columnTwice", key)));
                }
            }
            List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(ImportProblem.line(1, Text.of("core.geo.place.missingColumns", String.join(", ", missing),
                        String.join(",", header))));
            }
            if (!problems.isEmpty()) {
                return ImportResult.of(List.of(), problems);
            }
            Map<String, Text> firstOfCode = new HashMap<>();
            int line = 1;
            int counted = 0;
            for (CSVRecord record : parser) {
                int at = (int) record.getCharacterPosition();
                // with empty lines ignored, a record's position is where the blank lines before it begin
                while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                    at++;
                }
                for (; counted < at; counted++) {
                    line += text.charAt(counted) == '\n' ? 1 : 0;
                }
                Text where = ImportProblem.line(line);
                Map<String, String> fields = new LinkedHashMap<>();
                columns.forEach((key, i) -> fields.put(key, i < record.size() ? record.get(i).trim() : ""));
                place(where, fields.get("name"), fields.get("lon"), fields.get("lat"), fields, firstOfCode, places,
                        problems);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            problems.add(ImportProblem.file(Text.of("core.geo.csv.malformed", org.commandroom.core.text.Unparsable.csv(e))));
        }
        if (problems.isEmpty() && places.isEmpty()) {
            problems.add(ImportProblem.line(1, Text.of("core.geo.place.noLines")));
        }
        return ImportResult.of(places, problems);
    }

    private ImportResult<ImportedPlace> readGeoJson(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            Text where = at == null ? Text.of("core.geo.where.file")
                    : Text.of("core.geo.where.lineColumn", at.getLineNr(), at.getColumnNr());
            return ImportResult.of(List.of(), List.of(new ImportProblem(where,
                    Text.of("core.geo.json.malformed", org.commandroom.core.text.Unparsable.json(e)))));
        }
        JsonNode features = root.isArray() ? root : root.path("features");
        if (!features.isArray()) {
            return ImportResult.of(List.of(), List.of(ImportProblem.file(Text.of("core.geo.json.noFeaturesArray"))));
        }
        if (features.isEmpty()) {
            return ImportResult.of(List.of(), List.of(ImportProblem.file(Text.of("core.geo.json.noFeatures"))));
        }
        List<ImportedPlace> places = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Text> firstOfCode = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            Map<String, String> props = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : f.path("properties").properties()) {
                if (p.getValue().isValueNode() && !p.getValue().isNull()) {
                    props.put(p.getKey(), p.getValue().asText().trim());
                }
            }
            String name = PropertyKeys.find(props, NAME_KEYS).map(PropertyKeys.Found::value).orElse("");
            Text number = Text.of("core.geo.where.feature", i);
            Text where = name.isEmpty() ? number : Text.of("core.geo.where.withName", number, name);
            JsonNode g = f.path("geometry");
            String type = g.path("type").asText("");
            if (!"Point".equals(type)) {
                problems.add(new ImportProblem(where, type.isEmpty() ? Text.of("core.geo.json.noGeometry")
                        : Text.of("core.geo.place.notPoint", type)));
                continue;
            }
            JsonNode c = g.path("coordinates");
            if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                problems.add(new ImportProblem(where, Text.of("core.geo.place.position", String.valueOf(c))));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String key : OPTIONAL) {
                PropertyKeys.find(props, List.of(key)).ifPresent(found -> fields.put(key, found.value()));
            }
            place(where, name, c.get(0).asText(), c.get(1).asText(), fields, firstOfCode, places, problems);
        }
        return ImportResult.of(places, problems);
    }

    /** Checks one place's fields, adding the place or its problems. */
    private void place(Text where, String name, String lonText, String latText, Map<String, String> fields,
                       Map<String, Text> firstOfCode, List<ImportedPlace> places, List<ImportProblem> problems) {
        int before = problems.size();
        if (name == null || name.isEmpty()) {
            problems.add(new ImportProblem(where, Text.of("core.geo.csv.nameEmpty")));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            problems.add(new ImportProblem(where, Text.of("core.geo.nameTooLong", MAX_NAME)));
        }
        String code = blankToNull(fields.get("code"));
        if (code != null && code.length() > MAX_CODE) {
            problems.add(new ImportProblem(where, Text.of("core.geo.codeTooLong", code, MAX_CODE)));
        } else if (code != null && firstOfCode.putIfAbsent(code, where) != null) {
            problems.add(new ImportProblem(where, Text.of("core.geo.codeRepeats", code, firstOfCode.get(code))));
        }
        Datum placeDatum = datum;
        String datumText = blankToNull(fields.get("datum"));
        if (datumText != null) {
            Optional<Datum> d = java.util.Arrays.stream(Datum.values())
                    .filter(x -> x.name().equalsIgnoreCase(datumText.replace("-", ""))).findFirst();
            if (d.isEmpty()) {
                problems.add(new ImportProblem(where, Text.of("core.geo.place.datum", datumText)));
            } else {
                placeDatum = d.get();
            }
        }
        Double lon = degrees(lonText, "lon", where, problems);
        Double lat = degrees(latText, "lat", where, problems);
        if (lon != null && lat != null && !district.contains(lat, lon)) {
            problems.add(new ImportProblem(where, Text.of("core.geo.outside", DistrictEnvelope.format(lon, lat))));
        }
        if (problems.size() == before) {
            places.add(new ImportedPlace(name, code, blankToNull(fields.get("kind")), new GeoPoint(lat, lon, placeDatum),
                    blankToNull(fields.get("station")), blankToNull(fields.get("grid")), where));
        }
    }

    private static Double degrees(String text, String column, Text where, List<ImportProblem> problems) {
        String t = text == null ? "" : text.trim();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && !Character.isLetter(t.charAt(t.length() - 1))) {
                return v;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        problems.add(new ImportProblem(where, Text.of("core.geo.csv.number", column, t)));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
