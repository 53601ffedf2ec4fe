package org.commandroom.core.geo.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.commandroom.core.io.FileLimit;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.text.Text;
import org.commandroom.core.xml.SafeXml;

/**
 * Reads a camera catalogue as a GB/T 28181 platform answers a Catalog query: one or more MANSCDP documents
 * ({@code <Response>} or {@code <Notify>} with {@code <CmdType>Catalog</CmdType>} and a {@code <DeviceList>} of
 * {@code <Item>}s), one after the other in the file as a platform sends them in several messages, each in the
 * encoding its declaration names (GB2312, GBK or UTF-8).
 *
 * <p>Element names are matched without regard to case (platforms write {@code <item>} as well as {@code <Item>}).
 * Every item is a node of the platform's tree; only the items whose 20-digit code has a camera type (131, 132)
 * are video points. The others (divisions, platforms, business groups, virtual organisations, recorders) are
 * counted and left. A camera item that cannot be placed (no usable {@code Longitude}/{@code Latitude}, outside
 * the district, a missing name) is skipped and named with its line; it still counts as listed, so an import does
 * not mark it removed. What makes the whole file unreadable (not XML, a DOCTYPE, an entity, too deep, not a
 * catalogue, too big) is a problem and nothing is imported.
 *
 * <p>Text longer than its column is shortened to it (name and model 100, address 200 characters). The kind of a
 * camera comes from its industry digits (9-10) through the bureau's mapping, else the import's default kind.
 */
public final class GbCatalogReader {

    /** The largest file read (a catalogue of 150,000 cameras is about 90 MB of XML). */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    /** {@link #MAX_BYTES}, stated before a catalogue is chosen and checked before it is read. */
    public static final FileLimit LIMIT = new FileLimit(MAX_BYTES);
    /** The most items (tree nodes and cameras) in one file. */
    public static final int MAX_ITEMS = 1_000_000;

    static final int NAME_LENGTH = 100;
    static final int MODEL_LENGTH = 100;
    static final int ADDRESS_LENGTH = 200;
    private static final int SKIPPED_LISTED = 200;

    /**
     * @param kindByIndustry a camera's kind by the industry digits of its code (e.g. "00" → SKYNET); others get
     *                       {@code defaultKind}
     */
    public record Settings(Datum datum, DistrictEnvelope district, CameraKind defaultKind,
                           Map<String, CameraKind> kindByIndustry) {
        public Settings {
            Objects.requireNonNull(datum, "datum");
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(defaultKind, "defaultKind");
            kindByIndustry = Map.copyOf(kindByIndustry);
        }
    }

    /** A camera as the catalogue lists it; {@code position} null when it gives none, {@code online} null when unsaid. */
    public record Item(String where, String deviceId, String name, CameraKind kind, GeoPoint position, Boolean online,
                       String manufacturer, String model, String civilCode, String address, String parentId) {
    }

    /**
     * @param cameras  the cameras that can be placed, last listing of a code wins
     * @param listed   every camera code the file lists (placed or not)
     * @param nodes    items that are not cameras
     * @param skipped  camera items left out, with where and why (at most 200 listed; {@code skippedCount} counts all)
     * @param problems what made the file unreadable (empty when it was read)
     */
    public record Result(List<Item> cameras, Set<String> listed, int nodes, List<ImportProblem> skipped,
                         int skippedCount, int withoutPosition, List<ImportProblem> problems, int documents) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final Settings settings;

    public GbCatalogReader(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Result read(byte[] content) {
        List<ImportProblem> problems = new ArrayList<>();
        if (content.length > MAX_BYTES) {
            problems.add(ImportProblem.file(Text.of("core.geo.gb.tooLarge", content.length / (1024 * 1024),
                    MAX_BYTES / (1024 * 1024))));
            return new Result(List.of(), Set.of(), 0, List.of(), 0, 0, problems, 0);
        }
        State state = new State();
        List<int[]> parts = documents(content);
        if (parts.isEmpty()) {
            problems.add(ImportProblem.file(Text.of("core.geo.empty")));
        }
        for (int d = 0; d < parts.size() && problems.isEmpty(); d++) {
            int[] part = parts.get(d);
            byte[] doc = java.util.Arrays.copyOfRange(content, part[0], part[1]);
            int docWhere = parts.size() > 1 ? d + 1 : 0;
            try {
                readDocument(doc, part[2], docWhere, state, problems);
            } catch (XMLStreamException e) {
                int line = SafeXml.line(e);
                problems.add(new ImportProblem(at(docWhere, line > 0 ? line + part[2] : part[2] + 1),
                        Text.of("core.geo.gb.unreadable", SafeXml.reason(e))));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), Set.of(), 0, List.of(), 0, 0, problems, parts.size());
        }
        return new Result(List.copyOf(state.cameras.values()), Set.copyOf(state.listed), state.nodes,
                List.copyOf(state.skipped), state.skippedCount, state.withoutPosition, List.of(), parts.size());
    }

    private static final class State {
        final Map<String, Item> cameras = new LinkedHashMap<>();
        final Set<String> listed = new LinkedHashSet<>();
        final List<ImportProblem> skipped = new ArrayList<>();
        int skippedCount;
        int withoutPosition;
        int nodes;
        int items;

        void skip(Text where, Text reason) {
            skippedCount++;
            if (skipped.size() < SKIPPED_LISTED) {
                skipped.add(new ImportProblem(where, reason));
            }
        }
    }

    /**
     * The documents in the file: [start, end, lines before start]. A platform answers a large catalogue in several
     * messages; a file that collects them has one XML declaration per message.
     */
    static List<int[]> documents(byte[] content) {
        List<Integer> starts = new ArrayList<>();
        byte[] decl = "<?xml".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + decl.length <= content.length; i++) {
            if (content[i] == '<' && matches(content, i, decl)) {
                starts.add(i);
            }
        }
        int firstContent = 0;
        while (firstContent < content.length && isBlankOrBom(content, firstContent)) {
            firstContent++;
        }
        if (firstContent == content.length) {
            return List.of();
        }
        if (starts.isEmpty() || starts.get(0) > firstContent) {
            starts.add(0, 0);
        } else {
            starts.set(0, 0);
        }
        List<int[]> parts = new ArrayList<>();
        int lines = 0;
        int counted = 0;
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1) : content.length;
            for (; counted < start; counted++) {
                if (content[counted] == '\n') {
                    lines++;
                }
            }
            parts.add(new int[] {start, end, lines});
        }
        return parts;
    }

    private static boolean isBlankOrBom(byte[] b, int i) {
        int v = b[i] & 0xff;
        return v == ' ' || v == '\t' || v == '\r' || v == '\n' || v == 0xEF || v == 0xBB || v == 0xBF;
    }

    private static boolean matches(byte[] content, int at, byte[] what) {
        for (int j = 0; j < what.length; j++) {
            if (content[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    private void readDocument(byte[] doc, int lineOffset, int docWhere, State state, List<ImportProblem> problems)
            throws XMLStreamException {
        String utf8 = misdeclaredUtf8(doc);
        XMLStreamReader r = utf8 != null ? SafeXml.reader(utf8) : SafeXml.reader(doc);
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog, comments
            }
            if (!r.isStartElement()) {
                problems.add(new ImportProblem(at(docWhere, lineOffset + 1), Text.of("core.geo.gb.noElement")));
                return;
            }
            String root = r.getLocalName();
            if (!root.equalsIgnoreCase("Response") && !root.equalsIgnoreCase("Notify")) {
                problems.add(new ImportProblem(at(docWhere, lineOffset + r.getLocation().getLineNumber()),
                        Text.of("core.geo.gb.root", root)));
                return;
            }
            String cmdType = null;
            int depth = 1;
            while (r.hasNext() && depth > 0) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = r.getLocalName();
                    if (depth == 2 && name.equalsIgnoreCase("CmdType")) {
                        cmdType = r.getElementText().strip();
                        depth--;
                        if (!cmdType.equalsIgnoreCase("Catalog")) {
                            problems.add(new ImportProblem(at(docWhere, lineOffset + r.getLocation().getLineNumber()),
                                    Text.of("core.geo.gb.cmdType", cmdType)));
                            return;
                        }
                    } else if (depth == 3 && name.equalsIgnoreCase("Item")) {
                        int line = lineOffset + r.getLocation().getLineNumber();
                        Map<String, String> fields = itemFields(r);
                        depth--;
                        if (++state.items > MAX_ITEMS) {
                            problems.add(new ImportProblem(at(docWhere, line), Text.of("core.geo.gb.tooMany", MAX_ITEMS)));
                            return;
                        }
                        item(at(docWhere, line), fields, state);
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (cmdType == null) {
                problems.add(new ImportProblem(at(docWhere, lineOffset + 1), Text.of("core.geo.gb.noCmdType")));
            }
        } finally {
            r.close();
        }
    }

    /**
     * The document as text when it declares a Chinese national encoding (GB2312, GBK, GB18030) but its bytes are
     * UTF-8: platforms often send UTF-8 under a GB2312 declaration. Chinese text in GBK is almost never valid UTF-8,
     * so a document with non-ASCII bytes that decodes strictly as UTF-8 is UTF-8. Null when the declaration holds.
     */
    static String misdeclaredUtf8(byte[] doc) {
        int end = Math.min(doc.length, 200);
        String head = new String(doc, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int close = head.indexOf("?>");
        if (!head.stripLeading().startsWith("<?xml") || close < 0) {
            return null;
        }
        String decl = head.substring(0, close);
        if (!decl.matches("(?s).*encoding\\s*=\\s*[\"']?(gb2312|gbk|gb18030)[\"']?.*")) {
            return null;
        }
        boolean nonAscii = false;
        for (byte b : doc) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return null;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(doc)).toString().replaceFirst("^\uFEFF", "");
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** The item's own child elements' texts by name (deeper elements, e.g. {@code <Info>}'s, are passed over). */
    private static Map<String, String> itemFields(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> fields = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int depth = 1;
        String current = null;
        StringBuilder text = new StringBuilder();
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2) {
                    current = r.getLocalName();
                    text.setLength(0);
                }
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                if (depth == 2 && current != null) {
                    text.append(r.getText());
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2 && current != null) {
                    fields.putIfAbsent(current, text.toString().strip());
                    current = null;
                }
                depth--;
            }
        }
        return fields;
    }

    /** {@code line N}, or {@code document D, line N} when the file holds several documents. */
    private static Text at(int document, int line) {
        return document == 0 ? ImportProblem.line(line) : Text.of("core.geo.where.docLine", document, line);
    }

    private void item(Text line, Map<String, String> f, State state) {
        String id = f.getOrDefault("DeviceID", "");
        if (!GbDeviceCode.isWellFormed(id)) {
            if (GbDeviceCode.isDivision(id)) {
                state.nodes++;
            } else {
                state.skip(line, Text.of("core.geo.gb.badId", shorten(id, 40)));
            }
            return;
        }
        if (!GbDeviceCode.isCamera(id)) {
            state.nodes++;
            return;
        }
        state.listed.add(id);
        Text where = Text.of("core.geo.where.withName", line, id);
        String name = f.getOrDefault("Name", "");
        if (name.isEmpty()) {
            state.skip(where, Text.of("core.geo.gb.noName"));
            return;
        }
        String event = f.get("Event");
        if (event != null && (event.equalsIgnoreCase("DEL"))) {
            state.listed.remove(id);
            state.cameras.remove(id);
            return;
        }
        Boolean online = online(f.get("Status"), event);
        GeoPoint position = null;
        String lon = f.get("Longitude");
        String lat = f.get("Latitude");
        if (lon != null && lat != null && !lon.isEmpty() && !lat.isEmpty()) {
            double x;
            double y;
            try {
                x = Double.parseDouble(lon);
                y = Double.parseDouble(lat);
            } catch (NumberFormatException e) {
                state.skip(where, Text.of("core.geo.gb.notNumbers", shorten(lon, 20), shorten(lat, 20)));
                return;
            }
            if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) {
                state.skip(where, Text.of("core.geo.gb.notOnEarth", lon, lat));
                return;
            }
            if (x != 0 || y != 0) {
                if (!settings.district().contains(y, x)) {
                    state.skip(where, Text.of("core.geo.outside", DistrictEnvelope.format(x, y)));
                    return;
                }
                position = new GeoPoint(y, x, settings.datum());
            }
        }
        if (position == null) {
            state.withoutPosition++;
        }
        CameraKind kind = settings.kindByIndustry().getOrDefault(GbDeviceCode.industry(id), settings.defaultKind());
        state.cameras.remove(id);
        state.cameras.put(id, new Item(where.english(), id, shorten(name, NAME_LENGTH), kind, position, online,
                blankToNull(shorten(f.get("Manufacturer"), MODEL_LENGTH)), blankToNull(shorten(f.get("Model"), MODEL_LENGTH)),
                blankToNull(shorten(f.get("CivilCode"), 20)), blankToNull(shorten(f.get("Address"), ADDRESS_LENGTH)),
                GbDeviceCode.isWellFormed(f.get("ParentID")) ? f.get("ParentID") : null));
    }

    /** ON / OFF per the standard; platforms also write ONLINE, OFFLINE, OK. A Notify's Event ON/OFF/VLOST/DEFECT. */
    static Boolean online(String status, String event) {
        String s = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (event != null) {
            String ev = event.strip().toUpperCase(Locale.ROOT);
            if (ev.equals("OFF") || ev.equals("VLOST") || ev.equals("DEFECT")) {
                return false;
            }
            if (ev.equals("ON")) {
                return true;
            }
        }
        if (s == null || s.isEmpty()) {
            return null;
        }
        return switch (s) {
            case "ON", "ONLINE", "OK", "1" -> true;
            case "OFF", "OFFLINE", "0" -> false;
            default -> null;
        };
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
