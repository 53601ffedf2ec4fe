package org.commandroom.core.geo.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.commandroom.core.text.Text;
import org.locationtech.jts.algorithm.Orientation;
import org.commandroom.core.geo.Datum;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linuxense.javadbf.DBFReader;

/**
 * Reads boundaries from an ESRI Shapefile: the {@code .shp} (polygons), {@code .shx} (must be there, as the format
 * asks), {@code .dbf} (attributes, read with javadbf), and, when present, {@code .prj} (coordinate system) and
 * {@code .cpg} (attribute encoding); the files side by side, or in one {@code .zip}.
 *
 * <p><b>Geometry</b> (ESRI Shapefile Technical Description, 1998): polygon records (shape types 5, 15, 25; Z and M are
 * dropped) whose rings are outer rings when clockwise and holes when counter-clockwise; each hole belongs to the
 * smallest outer ring that holds it. A record with no clockwise ring at all has its rings all taken as outer rings.
 * The polygons then go through the same checks and repairs as GeoJSON ({@link GeoJsonAreaReader}): district box,
 * closed rings, repeated vertices, invalid polygons repaired with JTS and reported for consent. Every length in the
 * file is checked against the bytes there are before anything is allocated, so a cut or damaged file is a problem
 * naming the record and byte offset, never an exception or an out-of-memory.
 *
 * <p><b>Attributes.</b> The {@code .cpg} names the encoding when there is one; otherwise the attributes are read as
 * UTF-8 when their bytes are valid UTF-8, else as GBK (Chinese bureau files usually are, without a {@code .cpg}). The
 * name is taken as for GeoJSON, fields matched without regard to case; the notes say which encoding and which name
 * field were used.
 *
 * <p><b>Datum.</b> A {@code .prj} of a geographic system on WGS-84 or CGCS2000 (the same within metres) is read in the
 * datum the user states (WGS-84 or GCJ-02: a {@code .prj} cannot say GCJ-02, and files cut from web maps are GCJ-02
 * whatever their {@code .prj} says). A projected system on WGS-84 or CGCS2000 (Gauss-Krüger, UTM, Web Mercator) is
 * projected back to longitude and latitude ({@link ProjectedSystem}). Another datum (Beijing 1954, Xi'an 1980) is
 * refused: converting it needs parameters a {@code .prj} does not carry. Without a {@code .prj} the stated datum is used.
 *
 * <p>Problems name the record by its number in the file (from 1) and its name: {@code record 3 (城北社区)}. Pure and
 * thread-safe.
 */
public final class ShapefileAreaReader {

    private static final Logger LOG = LoggerFactory.getLogger(ShapefileAreaReader.class);

    /** Larger files are refused before they are read (a district's boundaries are a few MB). */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private static final int HEADER = 100;
    private static final int FILE_CODE = 9994;
    private static final int VERSION = 1000;

    /** The files of one shapefile, by extension; {@code shp}, {@code shx} and {@code dbf} are needed. */
    public record Parts(String baseName, byte[] shp, byte[] shx, byte[] dbf, byte[] prj, byte[] cpg) {
    }

    /** What was read, and how: the encoding, the datum and the name field used (to show the user). */
    public record Read(ImportResult<ImportedArea> result, List<Text> noteTexts) {
        public Read {
            noteTexts = List.copyOf(noteTexts);
        }

        /** The notes in English, as the command line and the log say them. */
        public List<String> notes() {
            return noteTexts.stream().map(Text::english).toList();
        }
    }

    private final GeoJsonAreaReader.Settings settings;
    private final ObjectMapper mapper = new ObjectMapper();

    public ShapefileAreaReader(GeoJsonAreaReader.Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Whether a file name is one this reader takes: {@code .shp} or {@code .zip}. */
    public static boolean handles(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".shp") || n.endsWith(".zip");
    }

    /** Reads a {@code .shp} with its sibling files, or a {@code .zip} holding them. */
    public Read read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_FILE_BYTES) {
            return rejected(name, Text.of("core.geo.shp.tooLarge", MAX_FILE_BYTES / (1024 * 1024)));
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return readZip(name, Files.readAllBytes(file));
        }
        String base = name.substring(0, name.length() - 4);
        Path dir = file.toAbsolutePath().getParent();
        List<String> missing = new ArrayList<>();
        byte[] shp = Files.readAllBytes(file);
        byte[] shx = sibling(dir, base, "shx", missing, true);
        byte[] dbf = sibling(dir, base, "dbf", missing, true);
        byte[] prj = sibling(dir, base, "prj", missing, false);
        byte[] cpg = sibling(dir, base, "cpg", missing, false);
        if (!missing.isEmpty()) {
            return rejected(name, Text.of("core.geo.shp.missing", and(missing)));
        }
        return read(new Parts(base, shp, shx, dbf, prj, cpg));
    }

    private static byte[] sibling(Path dir, String base, String ext, List<String> missing, boolean needed)
            throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Optional<Path> found = files.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext))
                    .findFirst();
            if (found.isPresent() && Files.size(found.get()) <= MAX_FILE_BYTES) {
                return Files.readAllBytes(found.get());
            }
        }
        if (needed) {
            missing.add(base + "." + ext);
        }
        return null;
    }

    /**
     * The shapefile's files that lie beside {@code shp} (same name, any case of the extension), packed in one zip in
     * memory: what a caller that passes bytes (the import window) hands to the import as the {@code .shp}'s content.
     * Missing files are left out (the reading then names them).
     */
    public static byte[] bundle(Path shp) throws IOException {
        String name = shp.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
             Stream<Path> files = Files.list(shp.toAbsolutePath().getParent())) {
            for (Path p : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(Pattern.quote(base.toLowerCase(Locale.ROOT)) + "\\.(shp|shx|dbf|prj|cpg)")).toList()) {
                if (Files.size(p) > MAX_FILE_BYTES) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(p.getFileName().toString()));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Whether bytes are a zip archive (they begin with its local file header). */
    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** Reads the one shapefile a zip holds (in any folder of it). */
    public Read readZip(String fileName, byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            long total = 0;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String n = e.getName().replace('\\', '/');
                n = n.substring(n.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (e.isDirectory() || !n.matches(".+\\.(shp|shx|dbf|prj|cpg)")) {
                    continue;
                }
                byte[] bytes = readCapped(in, MAX_FILE_BYTES - total);
                if (bytes == null) {
                    return rejected(fileName, Text.of("core.geo.shp.unpacksTooLarge", MAX_FILE_BYTES / (1024 * 1024)));
                }
                total += bytes.length;
                entries.put(n, bytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            return rejected(fileName, Text.of("core.geo.shp.badZip"));
        }
        List<String> shps = entries.keySet().stream().filter(n -> n.endsWith(".shp")).toList();
        if (shps.isEmpty()) {
            return rejected(fileName, Text.of("core.geo.shp.noShp"));
        }
        if (shps.size() > 1) {
            return rejected(fileName, Text.of("core.geo.shp.severalShp", shps.size(), String.join(", ", shps)));
        }
        String base = shps.get(0).substring(0, shps.get(0).length() - 4);
        List<String> missing = new ArrayList<>();
        for (String ext : List.of("shx", "dbf")) {
            if (!entries.containsKey(base + "." + ext)) {
                missing.add(base + "." + ext);
            }
        }
        if (!missing.isEmpty()) {
            return rejected(fileName, Text.of("core.geo.shp.zipMissing", base, and(missing)));
        }
        return read(new Parts(base, entries.get(base + ".shp"), entries.get(base + ".shx"), entries.get(base + ".dbf"),
                entries.get(base + ".prj"), entries.get(base + ".cpg")));
    }

    private static byte[] readCapped(InputStream in, long max) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long n = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
            n += r;
            if (n > max) {
                return null;
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    /** Reads the files of one shapefile. */
    public Read read(Parts parts) {
        List<Text> notes = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        String prjName = parts.baseName() + ".prj";
        ProjectedSystem projected = null;
        GeoJsonAreaReader.Settings read = settings;
        if (parts.prj() == null) {
            notes.add(Text.of("core.geo.shp.noPrj", settings.datum()));
        } else if (projected(new String(parts.prj(), StandardCharsets.ISO_8859_1))) {
            ProjectedSystem.Parsed p = ProjectedSystem.parse(new String(parts.prj(), StandardCharsets.ISO_8859_1));
            if (p.problem() != null) {
                return new Read(ImportResult.of(List.of(), List.of(ImportProblem.named(prjName, p.problem()))), notes);
            }
            projected = p.system();
            LOG.info("Shapefile {} in {} ({}), projected back to longitude and latitude", parts.baseName(),
                    projected.name(), projected.proj4());
            notes.add(Text.of("core.geo.shp.projNote", projected.name(), projected.datum()));
            // Metres on WGS-84 or CGCS2000 give true longitude and latitude: never GCJ-02, whatever the user chose.
            read = new GeoJsonAreaReader.Settings(Datum.WGS84, settings.district(), settings.nameProperties());
        } else {
            Text prjProblem = coordinateSystemProblem(new String(parts.prj(), StandardCharsets.ISO_8859_1), notes);
            if (prjProblem != null) {
                return new Read(ImportResult.of(List.of(), List.of(ImportProblem.named(prjName, prjProblem))), notes);
            }
        }
        Charset charset = charset(parts, notes, problems);
        if (charset == null) {
            return new Read(ImportResult.of(List.of(), problems), notes);
        }
        List<Map<String, String>> attributes = attributes(parts.baseName() + ".dbf", parts.dbf(), charset, problems);
        List<ShpRecord> records = new ShpParser(parts.baseName() + ".shp", parts.shp(), problems).records();
        if (projected != null) {
            records = unproject(records, projected, problems);
        }
        checkIndex(parts, records.size(), problems);
        if (attributes != null && attributes.size() != records.size() && problems.isEmpty()) {
            problems.add(ImportProblem.named(parts.baseName() + ".dbf", Text.of("core.geo.shp.rowsShapes", attributes.size(),
                    records.size())));
        }
        if (records.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.named(parts.baseName() + ".shp", Text.of("core.geo.shp.noShapes")));
        }
        if (attributes == null || !problems.isEmpty() && records.isEmpty()) {
            return new Read(ImportResult.of(List.of(), problems), notes);
        }
        ArrayNode features = mapper.createArrayNode();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> props = i < attributes.size() ? attributes.get(i) : Map.of();
            features.add(feature(records.get(i), props));
        }
        nameNote(attributes, notes);
        ImportResult<ImportedArea> areas = new GeoJsonAreaReader(read).readFeatures(features, "record", 1, "Shapefile");
        List<ImportProblem> all = new ArrayList<>(problems);
        all.addAll(areas.problems());
        return new Read(ImportResult.of(areas.records(), all, areas.repairs()), notes);
    }

    private Read rejected(String where, Text reason) {
        LOG.info("Shapefile import rejected: {}: {}", where, reason);
        return new Read(ImportResult.of(List.of(), List.of(ImportProblem.named(where, reason))), List.of());
    }

    /** File names as {@code a and b}. */
    private static Text and(List<String> names) {
        Text out = Text.of("core.geo.where.named", names.get(0));
        for (int i = 1; i < names.size(); i++) {
            out = Text.of("core.geo.and", out, Text.of("core.geo.where.named", names.get(i)));
        }
        return out;
    }

    // ---- .prj ------------------------------------------------------------------------------------

    private static final Pattern FIRST_NAME = Pattern.compile("^\\s*(\\w+)\\s*\\[\\s*\"([^\"]*)\"");
    private static final Pattern DATUM = Pattern.compile("DATUM\\s*\\[\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private static boolean projected(String wkt) {
        Matcher m = FIRST_NAME.matcher(wkt);
        return m.find() && m.group(1).toUpperCase(Locale.ROOT).startsWith("PROJ");
    }

    /** WGS-84 or CGCS2000 by a datum's name as GIS software writes it ({@code D_WGS_1984}, {@code D_China_2000}...). */
    static boolean wgs84OrCgcs2000(String datum) {
        String norm = datum.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return norm.contains("WGS1984") || norm.contains("WGS84") || norm.contains("CGCS2000") || norm.contains("CHINA2000");
    }

    /** The records' rings in longitude and latitude; a record with a point the projection cannot invert is a problem. */
    private static List<ShpRecord> unproject(List<ShpRecord> records, ProjectedSystem system,
                                             List<ImportProblem> problems) {
        List<ShpRecord> out = new ArrayList<>(records.size());
        for (ShpRecord r : records) {
            List<Coordinate[]> rings = new ArrayList<>(r.rings().size());
            Coordinate bad = null;
            for (Coordinate[] ring : r.rings()) {
                Coordinate[] ll = new Coordinate[ring.length];
                for (int i = 0; i < ring.length && bad == null; i++) {
                    ll[i] = system.lonLat(ring[i]);
                    bad = ll[i] == null ? ring[i] : null;
                }
                rings.add(ll);
            }
            if (bad != null) {
                problems.add(new ImportProblem(Text.of("core.geo.where.record", r.number()),
                        Text.of("core.geo.shp.projPoint", DistrictEnvelope.formatRounded(bad.x, bad.y), system.name())));
                out.add(new ShpRecord(r.number(), List.of(), "unprojectable"));
            } else {
                out.add(new ShpRecord(r.number(), rings, r.nullShape()));
            }
        }
        return out;
    }

    /** Null when the coordinate system is one the console reads (adding a note), else why not. */
    private Text coordinateSystemProblem(String wkt, List<Text> notes) {
        Matcher m = FIRST_NAME.matcher(wkt);
        if (!m.find()) {
            return Text.of("core.geo.shp.prjUnreadable");
        }
        String kind = m.group(1).toUpperCase(Locale.ROOT);
        String name = m.group(2);
        if (!kind.startsWith("GEOG")) {
            return Text.of("core.geo.shp.prjKind", kind, name);
        }
        Matcher d = DATUM.matcher(wkt);
        String datum = d.find() ? d.group(1) : name;
        if (!wgs84OrCgcs2000(datum)) {
            return Text.of("core.geo.shp.datum", datum, name);
        }
        notes.add(Text.of("core.geo.shp.prjNote", name, datum, settings.datum()));
        return null;
    }

    // ---- .cpg and .dbf ---------------------------------------------------------------------------

    private static Charset charset(Parts parts, List<Text> notes, List<ImportProblem> problems) {
        if (parts.cpg() != null) {
            String cpg = new String(parts.cpg(), StandardCharsets.ISO_8859_1).trim();
            Charset c = cpgCharset(cpg);
            if (c == null) {
                problems.add(ImportProblem.named(parts.baseName() + ".cpg", Text.of("core.geo.shp.cpg", shorten(cpg))));
                return null;
            }
            notes.add(Text.of("core.geo.shp.cpgNote", c.name()));
            return c;
        }
        if (validUtf8(parts.dbf())) {
            notes.add(Text.of("core.geo.shp.unicodeNote"));
            return StandardCharsets.UTF_8;
        }
        notes.add(Text.of("core.geo.shp.gbkNote"));
        return Charset.forName("GBK");
    }

    private static Charset cpgCharset(String cpg) {
        String c = cpg.toUpperCase(Locale.ROOT).replace(" ", "");
        switch (c) {
            case "UTF8", "UTF-8", "65001" -> {
                return StandardCharsets.UTF_8;
            }
            case "936", "CP936", "GBK", "GB2312", "ANSI936", "GB_2312-80" -> {
                return Charset.forName("GBK");
            }
            case "950", "CP950", "BIG5" -> {
                return Charset.forName("Big5");
            }
            case "54936", "GB18030" -> {
                return Charset.forName("GB18030");
            }
            case "1252", "CP1252", "ANSI1252" -> {
                return Charset.forName("windows-1252");
            }
            case "88591", "ISO88591", "ISO-8859-1" -> {
                return StandardCharsets.ISO_8859_1;
            }
            default -> {
                try {
                    return Charset.isSupported(cpg) ? Charset.forName(cpg) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Each record's fields as text, or null (with a problem) when the .dbf cannot be read. */
    private static List<Map<String, String>> attributes(String whereName, byte[] dbf, Charset charset,
                                                        List<ImportProblem> problems) {
        Text where = Text.of("core.geo.where.named", whereName);
        if (dbf.length < 33) {
            problems.add(new ImportProblem(where, Text.of("core.geo.shp.dbfShort", dbf.length)));
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        long count = Integer.toUnsignedLong(h.getInt(4));
        int headerLength = Short.toUnsignedInt(h.getShort(8));
        int recordLength = Short.toUnsignedInt(h.getShort(10));
        if (headerLength < 33 || recordLength < 1 || headerLength > dbf.length) {
            problems.add(new ImportProblem(where, Text.of("core.geo.shp.notDbf")));
            return null;
        }
        long needed = headerLength + count * recordLength;
        if (needed > dbf.length) {
            problems.add(new ImportProblem(where, Text.of("core.geo.shp.dbfRows", count, needed, dbf.length)));
            return null;
        }
        // The field descriptors (32 bytes each, ended by 0x0D) must lie in the header and add up to the row length
        // (1 byte of deletion flag plus the fields): else the library would be handed lengths it trusts.
        int fieldBytes = 0;
        int at = 32;
        for (; at + 32 <= headerLength && dbf[at] != 0x0D; at += 32) {
            fieldBytes += Byte.toUnsignedInt(dbf[at + 16]);
        }
        if (at >= headerLength || dbf[at] != 0x0D || fieldBytes + 1 != recordLength) {
            problems.add(new ImportProblem(where, Text.of("core.geo.shp.dbfFields", recordLength)));
            return null;
        }
        List<Map<String, String>> rows = new ArrayList<>((int) Math.min(count, 100_000));
        try (DBFReader reader = new DBFReader(new ByteArrayInputStream(dbf), charset)) {
            List<String> names = new ArrayList<>();
            for (int f = 0; f < reader.getFieldCount(); f++) {
                names.add(reader.getField(f).getName());
            }
            for (Object[] row; (row = reader.nextRecord()) != null; ) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int f = 0; f < names.size() && f < row.length; f++) {
                    String text = text(row[f]);
                    if (text != null) {
                        values.put(names.get(f), text);
                    }
                }
                rows.add(values);
            }
        } catch (RuntimeException e) {
            // DBFException and whatever else the library throws on bytes it cannot make sense of: the file is damaged.
            problems.add(new ImportProblem(where, Text.of("core.geo.shp.dbfRow", rows.size() + 1)));
            return null;
        }
        return rows;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Date d) {
            return new java.text.SimpleDateFormat("yyyy-MM-dd", Locale.ROOT).format(d);
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private void nameNote(List<Map<String, String>> attributes, List<Text> notes) {
        for (Map<String, String> row : attributes) {
            Optional<PropertyKeys.Found> f = PropertyKeys.find(row, settings.nameProperties());
            if (f.isPresent()) {
                notes.add(Text.of("core.geo.note.field", Text.of("core.geo.kind.name"), f.get().field()));
                return;
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    // ---- .shx -----------------------------------------------------------------------------------

    private static void checkIndex(Parts parts, int records, List<ImportProblem> problems) {
        byte[] shx = parts.shx();
        Text where = Text.of("core.geo.where.named", parts.baseName() + ".shx");
        if (shx.length < HEADER || ByteBuffer.wrap(shx).order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            problems.add(new ImportProblem(where, Text.of("core.geo.shp.notShx")));
            return;
        }
        if ((shx.length - HEADER) % 8 != 0 || (shx.length - HEADER) / 8 != records) {
            problems.add(new ImportProblem(where, Text.of("core.geo.shp.shxCount", (shx.length - HEADER) / 8, records)));
        }
    }

    // ---- .shp -----------------------------------------------------------------------------------

    /** One polygon record: its number and its rings as read, each closed as the file has it. */
    private record ShpRecord(int number, List<Coordinate[]> rings, String nullShape) {
    }

    /** Reads the main file, every length checked against what is left of it. */
    private static final class ShpParser {
        private final Text where;
        private final byte[] bytes;
        private final List<ImportProblem> problems;

        ShpParser(String where, byte[] bytes, List<ImportProblem> problems) {
            this.where = Text.of("core.geo.where.named", where);
            this.bytes = bytes;
            this.problems = problems;
        }

        List<ShpRecord> records() {
            List<ShpRecord> out = new ArrayList<>();
            if (bytes.length < HEADER) {
                problems.add(new ImportProblem(where, Text.of("core.geo.shp.shpShort", bytes.length, HEADER)));
                return out;
            }
            ByteBuffer big = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
            ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (big.getInt(0) != FILE_CODE || little.getInt(28) != VERSION) {
                problems.add(new ImportProblem(where, Text.of("core.geo.shp.notShp")));
                return out;
            }
            int type = little.getInt(32);
            if (type != 0 && type != 5 && type != 15 && type != 25) {
                problems.add(new ImportProblem(where, Text.of("core.geo.shp.notPolygons", typeName(type))));
                return out;
            }
            long declared = Integer.toUnsignedLong(big.getInt(24)) * 2;
            long end = Math.min(declared, bytes.length);
            if (declared > bytes.length) {
                problems.add(new ImportProblem(where, Text.of("core.geo.shp.shpLength", declared, bytes.length)));
            }
            int offset = HEADER;
            while (offset < end) {
                if (end - offset < 8) {
                    problems.add(new ImportProblem(where, Text.of("core.geo.shp.headerShort", offset, end - offset)));
                    break;
                }
                int number = big.getInt(offset);
                long length = Integer.toUnsignedLong(big.getInt(offset + 4)) * 2;
                Text rec = Text.of("core.geo.where.shpRecord", number, where, offset);
                if (length > end - offset - 8) {
                    problems.add(new ImportProblem(rec, Text.of("core.geo.shp.recordShort", length, end - offset - 8)));
                    break;
                }
                ShpRecord r = record(rec, number, offset + 8, (int) length, little);
                if (r == null) {
                    // a damaged record: the problem is added, the next one is read
                } else {
                    out.add(r);
                }
                offset += 8 + (int) length;
                if (problems.size() > 200) {
                    problems.add(new ImportProblem(where, Text.of("core.geo.shp.more")));
                    break;
                }
            }
            return out;
        }

        private ShpRecord record(Text rec, int number, int start, int length, ByteBuffer le) {
            if (length < 4) {
                problems.add(new ImportProblem(rec, Text.of("core.geo.shp.noType")));
                return null;
            }
            int type = le.getInt(start);
            if (type == 0) {
                return new ShpRecord(number, List.of(), "null");
            }
            if (type != 5 && type != 15 && type != 25) {
                problems.add(new ImportProblem(rec, Text.of("core.geo.shp.notPolygon", typeName(type))));
                return new ShpRecord(number, List.of(), typeName(type).english());
            }
            if (length < 44) {
                problems.add(new ImportProblem(rec, Text.of("core.geo.shp.polygonShort", length)));
                return null;
            }
            int numParts = le.getInt(start + 36);
            int numPoints = le.getInt(start + 40);
            long needed = 44L + 4L * numParts + 16L * numPoints;
            if (numParts < 1 || numPoints < 1 || needed > length) {
                problems.add(new ImportProblem(rec, Text.of("core.geo.shp.pointsFit", numParts, numPoints, length)));
                return null;
            }
            int[] partStart = new int[numParts];
            for (int p = 0; p < numParts; p++) {
                partStart[p] = le.getInt(start + 44 + 4 * p);
                if (partStart[p] < 0 || partStart[p] >= numPoints || (p == 0 ? partStart[p] != 0 : partStart[p] <= partStart[p - 1])) {
                    problems.add(new ImportProblem(rec, Text.of("core.geo.shp.ringStart", p, partStart[p], numPoints)));
                    return null;
                }
            }
            int pointsAt = start + 44 + 4 * numParts;
            List<Coordinate[]> rings = new ArrayList<>(numParts);
            for (int p = 0; p < numParts; p++) {
                int from = partStart[p];
                int to = p + 1 < numParts ? partStart[p + 1] : numPoints;
                Coordinate[] cs = new Coordinate[to - from];
                for (int i = from; i < to; i++) {
                    double x = le.getDouble(pointsAt + 16 * i);
                    double y = le.getDouble(pointsAt + 16 * i + 8);
                    cs[i - from] = new Coordinate(x, y);
                }
                rings.add(cs);
            }
            return new ShpRecord(number, rings, null);
        }
    }

    private static Text typeName(int type) {
        return switch (type) {
            case 1, 11, 21 -> Text.of("core.geo.shp.type.points");
            case 3, 13, 23 -> Text.of("core.geo.shp.type.lines");
            case 8, 18, 28 -> Text.of("core.geo.shp.type.multipoints");
            case 31 -> Text.of("core.geo.shp.type.multipatches");
            default -> Text.of("core.geo.shp.type.other", type);
        };
    }

    // ---- to GeoJSON features ---------------------------------------------------------------------

    /**
     * The record as a GeoJSON feature: rings grouped into polygons (clockwise = outer, counter-clockwise = hole, each
     * hole in the smallest outer ring that covers it), so the GeoJSON checks and repairs apply unchanged.
     */
    private ObjectNode feature(ShpRecord r, Map<String, String> props) {
        ObjectNode f = mapper.createObjectNode();
        f.put("type", "Feature");
        ObjectNode p = f.putObject("properties");
        props.forEach(p::put);
        if (r.nullShape() != null) {
            f.putNull("geometry");
            return f;
        }
        List<Coordinate[]> shells = new ArrayList<>();
        List<Coordinate[]> holes = new ArrayList<>();
        for (Coordinate[] ring : r.rings()) {
            if (ring.length >= 4 && !Orientation.isCCW(ring)) {
                shells.add(ring);
            } else {
                holes.add(ring);
            }
        }
        if (shells.isEmpty()) {
            shells.addAll(holes);
            holes.clear();
        }
        List<List<Coordinate[]>> polygons = new ArrayList<>();
        List<Polygon> shellPolygons = new ArrayList<>();
        GeometryFactory gf = new GeometryFactory();
        for (Coordinate[] s : shells) {
            List<Coordinate[]> poly = new ArrayList<>();
            poly.add(s);
            polygons.add(poly);
            shellPolygons.add(closed(s) ? gf.createPolygon(s) : null);
        }
        for (Coordinate[] hole : holes) {
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            for (int i = 0; i < shellPolygons.size(); i++) {
                Polygon s = shellPolygons.get(i);
                if (s != null && hole.length > 0 && covers(s, hole, gf) && s.getArea() < bestArea) {
                    best = i;
                    bestArea = s.getArea();
                }
            }
            if (best >= 0) {
                polygons.get(best).add(hole);
            } else {
                // A hole in no outer ring: left as a polygon of its own, which the checks then name or repair.
                List<Coordinate[]> poly = new ArrayList<>();
                poly.add(hole);
                polygons.add(poly);
            }
        }
        ObjectNode g = f.putObject("geometry");
        if (polygons.size() == 1) {
            g.put("type", "Polygon");
            g.set("coordinates", rings(polygons.get(0)));
        } else {
            g.put("type", "MultiPolygon");
            ArrayNode all = g.putArray("coordinates");
            polygons.forEach(poly -> all.add(rings(poly)));
        }
        return f;
    }

    private static boolean closed(Coordinate[] ring) {
        return ring.length >= 4 && ring[0].equals2D(ring[ring.length - 1]);
    }

    private static boolean covers(Polygon shell, Coordinate[] hole, GeometryFactory gf) {
        try {
            return shell.covers(gf.createLineString(hole));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ArrayNode rings(List<Coordinate[]> rings) {
        ArrayNode out = mapper.createArrayNode();
        for (Coordinate[] ring : rings) {
            ArrayNode r = out.addArray();
            for (Coordinate c : ring) {
                r.addArray().add(c.x).add(c.y);
            }
        }
        return out;
    }
}
