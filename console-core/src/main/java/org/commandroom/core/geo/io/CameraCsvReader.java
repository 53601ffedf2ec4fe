package org.commandroom.core.geo.io;

import org.commandroom.core.camera.CameraKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a camera list (视频点位) from CSV with the header {@code id,name,lon,lat,type}.
 *
 * <p>Columns are found by header name (any order, any case, surrounding spaces ignored); other
 * columns are ignored. Fields may be quoted (so names may hold commas); the file is UTF-8, with or
 * without a byte-order mark; blank lines are skipped.
 *
 * <p>Each line must have: an {@code id} of exactly 20 digits (a GB/T 28181 device code: 8-digit
 * administrative/centre code, 2-digit trade, 3-digit device type, 7-digit serial; only the length
 * and digits are checked, as real lists mix device types), not repeated in the file; a non-empty
 * {@code name} of at most 100 characters (the database column's size); {@code lon}/{@code lat} as
 * decimal degrees inside the district; a {@code type} among SKYNET, XUELIANG, CLASS1, TELECOM_HD,
 * SOCIAL in any case, or the Chinese 天网, 雪亮, 一类, 电信高清, 社会.
 *
 * <p>Every problem is reported with the line number (line 1 is the header; a quoted name that
 * spans lines counts its line breaks); a file with any problem yields no cameras. Pure: reads and
 * validates, stores nothing. Thread-safe.
 */
public final class CameraCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(CameraCsvReader.class);

    static final List<String> REQUIRED_COLUMNS = List.of("id", "name", "lon", "lat", "type");
    private static final Pattern DEVICE_ID = Pattern.compile("[0-9]{20}");
    private static final int MAX_NAME_LENGTH = 100;

    /**
     * @param datum    the datum of the file's coordinates
     * @param district every camera must lie in this box
     */
    public record Settings(Datum datum, DistrictEnvelope district) {
        public Settings {
            Objects.requireNonNull(datum, "datum");
            Objects.requireNonNull(district, "district");
        }
    }

    /** A camera with the line of the file it was read from (line 1 is the header). */
    public record NumberedCamera(int line, ImportedCamera camera) {
        public NumberedCamera {
            Objects.requireNonNull(camera, "camera");
        }
    }

    private final Settings settings;

    public CameraCsvReader(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ImportResult<ImportedCamera> read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public ImportResult<ImportedCamera> read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    public ImportResult<ImportedCamera> read(byte[] bytes) {
        return withoutLines(readNumbered(bytes));
    }

    /** Reads CSV text; a leading BOM is ignored. */
    public ImportResult<ImportedCamera> read(String rawText) {
        return withoutLines(readNumbered(rawText));
    }

    /** As {@link #read(byte[])}, keeping the line each camera came from, so later checks can name it. */
    public ImportResult<NumberedCamera> readNumbered(byte[] bytes) {
        try {
            return readNumbered(TextFiles.decodeUtf8(bytes));
        } catch (CharacterCodingException e) {
            return rejected(ImportProblem.file(Text.of("core.geo.csv.notUnicode")));
        }
    }

    /** As {@link #read(String)}, keeping the line each camera came from. */
    public ImportResult<NumberedCamera> readNumbered(String rawText) {
        String text = TextFiles.stripBom(rawText);
        if (text.isBlank()) {
            return rejected(ImportProblem.file(Text.of("core.geo.csv.empty", String.join(",", REQUIRED_COLUMNS))));
        }
        // A boundary file chosen for the camera layer (a typed path passes the chooser's filter) is named for what it is,
        // not reported as a CSV quoting error at line 1.
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return rejected(ImportProblem.file(Text.of("core.geo.csv.json", String.join(",", REQUIRED_COLUMNS))));
        }
        if (start.startsWith("<")) {
            return rejected(ImportProblem.file(Text.of("core.geo.csv.xml")));
        }
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get();
        List<NumberedCamera> cameras = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = columns(parser.getHeaderNames(), problems);
            if (!problems.isEmpty()) {
                return rejected(problems);
            }
            Map<String, Integer> firstLineOfId = new HashMap<>();
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, afterBlankLines(text, record.getCharacterPosition()));
                readLine(record, line, columns, firstLineOfId, cameras, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // Commons CSV reports a broken quote as "(line N) EOF reached before encapsulated token finished".
            problems.add(ImportProblem.file(Text.of("core.geo.csv.malformed", org.commandroom.core.text.Unparsable.csv(e))));
        }
        if (problems.isEmpty() && cameras.isEmpty()) {
            problems.add(ImportProblem.line(1, Text.of("core.geo.csv.noLines")));
        }
        if (!problems.isEmpty()) {
            LOG.info("camera CSV import rejected: {} problem(s), first: {}", problems.size(), problems.get(0));
        }
        return ImportResult.of(cameras, problems);
    }

    private static Map<String, Integer> columns(List<String> header, List<ImportProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (REQUIRED_COLUMNS.contains(key) && columns.putIfAbsent(key, i) != null) {
                problems.add(ImportProblem.line(1, Text.of("core.geo.csv.columnTwice", key)));
            }
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(ImportProblem.line(1, Text.of("core.geo.csv.missingColumns", String.join(", ", missing),
                    String.join(",", REQUIRED_COLUMNS), String.join(",", header))));
        }
        return columns;
    }

    private void readLine(CSVRecord record, int line, Map<String, Integer> columns, Map<String, Integer> firstLineOfId,
                          List<NumberedCamera> cameras, List<ImportProblem> problems) {
        Text where = ImportProblem.line(line);
        int needed = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (record.size() < needed) {
            problems.add(new ImportProblem(where, Text.of("core.geo.csv.fields", record.size(), needed)));
            return;
        }
        int before = problems.size();
        String id = record.get(columns.get("id")).trim();
        String name = record.get(columns.get("name")).trim();
        String lonText = record.get(columns.get("lon")).trim();
        String latText = record.get(columns.get("lat")).trim();
        String typeText = record.get(columns.get("type")).trim();

        if (!DEVICE_ID.matcher(id).matches()) {
            problems.add(new ImportProblem(where, Text.of("core.geo.csv.badId", id)));
        } else {
            Integer first = firstLineOfId.putIfAbsent(id, line);
            if (first != null) {
                problems.add(new ImportProblem(where, Text.of("core.geo.csv.idRepeats", id, first)));
            }
        }
        if (name.isEmpty()) {
            problems.add(new ImportProblem(where, Text.of("core.geo.csv.nameEmpty")));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            problems.add(new ImportProblem(where, Text.of("core.geo.nameTooLong", MAX_NAME_LENGTH)));
        }
        Double lon = number(lonText, "lon", where, problems);
        Double lat = number(latText, "lat", where, problems);
        if (lon != null && lat != null && !settings.district().contains(lat, lon)) {
            problems.add(new ImportProblem(where, Text.of("core.geo.outside", DistrictEnvelope.format(lon, lat))));
        }
        Optional<CameraKind> kind = CameraKind.parse(typeText);
        if (kind.isEmpty()) {
            problems.add(new ImportProblem(where, Text.of("core.geo.csv.type", typeText,
                    String.join(", ", Arrays.stream(CameraKind.values()).map(Enum::name).toList()),
                    String.join(", ", Arrays.stream(CameraKind.values()).map(CameraKind::chineseName).toList()))));
        }
        if (problems.size() == before) {
            cameras.add(new NumberedCamera(line, new ImportedCamera(id, name, kind.orElseThrow(), new GeoPoint(lat, lon, settings.datum()))));
        }
    }

    private static Double number(String text, String column, Text where, List<ImportProblem> problems) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && !text.isEmpty() && !Character.isLetter(text.charAt(text.length() - 1))) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ImportProblem(where, Text.of("core.geo.csv.number", column, text)));
        return null;
    }

    /** Offsets at which each line starts: lineStarts[k] is where line k+1 begins. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean eol = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (eol) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /**
     * Where the record really starts: Commons CSV gives a record that follows skipped blank lines the
     * position of the first blank line, which would name a line too early.
     */
    private static long afterBlankLines(String text, long offset) {
        int i = (int) offset;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    private static int lineOf(int[] lineStarts, long offset) {
        int k = Arrays.binarySearch(lineStarts, (int) offset);
        return (k >= 0 ? k : -k - 2) + 1;
    }

    private static ImportResult<ImportedCamera> withoutLines(ImportResult<NumberedCamera> result) {
        return ImportResult.of(result.records().stream().map(NumberedCamera::camera).toList(), result.problems());
    }

    private static ImportResult<NumberedCamera> rejected(ImportProblem problem) {
        return rejected(List.of(problem));
    }

    private static ImportResult<NumberedCamera> rejected(List<ImportProblem> problems) {
        LOG.info("camera CSV import rejected: {}", problems.get(0));
        return ImportResult.of(List.of(), problems);
    }
}
