package org.commandroom.core.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.commandroom.core.io.FileLimit;
import org.commandroom.core.cap.CapInvalid.Kind;
import org.commandroom.core.cap.CapInvalid.Problem;
import org.commandroom.core.xml.SafeXml;

/**
 * Reads a CAP 1.2 alert from bytes with the project's hardened parser ({@link SafeXml}: no DTD, no entity, no
 * external resource, depth and text limits), refusing more than {@link #MAX_BYTES} before parsing and more than
 * {@link #MAX_ELEMENTS} elements while parsing. Then checks what CAP 1.2 requires of the elements this console uses
 * (required elements, enumerations, the dateTime form, polygons closed with at least four points, coordinates in
 * range, Restricted/Private scopes with their restriction/addresses) and, when the OASIS schema is bundled
 * ({@link CapSchema}), validates against it. Every problem ends in {@link CapInvalid} with its element path and
 * line; nothing else is thrown.
 */
public final class CapReader {

    /** The largest document read: a CAP alert with detailed polygons is some tens of KB. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** {@link #MAX_BYTES}, stated before an alert file is chosen and checked before it is read. */
    public static final FileLimit LIMIT = new FileLimit(MAX_BYTES);
    /** The most elements read from one document. */
    public static final int MAX_ELEMENTS = 20_000;
    /** The most info blocks, areas per info block, and polygons or circles per area accepted. */
    public static final int MAX_REPEAT = 100;

    /** What was read, with the names of the CAP elements this console does not carry (skipped, each once). */
    public record Result(CapAlert alert, List<String> skipped) {
    }

    private final CapSchema schema;

    /** @param schema the OASIS schema, or {@link CapSchema#none()} when it is not bundled */
    public CapReader(CapSchema schema) {
        this.schema = schema;
    }

    public CapSchema schema() {
        return schema;
    }

    /**
     * @throws CapInvalid with each located problem
     */
    public Result read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw CapInvalid.of("/", 0, Kind.TOO_LARGE, "the document has " + bytes.length + " bytes; at most "
                    + MAX_BYTES + " are read");
        }
        Node root = tree(bytes);
        if (!CapAlert.NAMESPACE.equals(root.ns) || !"alert".equals(root.name)) {
            throw CapInvalid.of("/" + root.name, root.line, Kind.NOT_CAP, "the root is {" + root.ns + "}" + root.name
                    + ", not a CAP 1.2 alert {" + CapAlert.NAMESPACE + "}alert");
        }
        Mapping m = new Mapping();
        CapAlert alert = m.alert(root);
        List<Problem> problems = new ArrayList<>(m.problems);
        if (problems.isEmpty()) {
            problems.addAll(schema.validate(bytes));
        }
        if (!problems.isEmpty()) {
            throw new CapInvalid(problems);
        }
        return new Result(alert, List.copyOf(m.skipped));
    }

    /** One element as read: its name, namespace, line, text (leaves) and children. */
    private static final class Node {
        final String ns;
        final String name;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();

        Node(String ns, String name, int line) {
            this.ns = ns == null ? "" : ns;
            this.name = name;
            this.line = line;
        }
    }

    private static Node tree(byte[] bytes) {
        XMLStreamReader r = null;
        List<Node> stack = new ArrayList<>();
        Node root = null;
        int elements = 0;
        try {
            r = SafeXml.reader(bytes);
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    if (++elements > MAX_ELEMENTS) {
                        throw CapInvalid.of("/", r.getLocation().getLineNumber(), Kind.TOO_LARGE,
                                "more than " + MAX_ELEMENTS + " elements");
                    }
                    Node n = new Node(r.getNamespaceURI(), r.getLocalName(), r.getLocation().getLineNumber());
                    if (stack.isEmpty()) {
                        root = n;
                    } else {
                        stack.get(stack.size() - 1).children.add(n);
                    }
                    stack.add(n);
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    stack.remove(stack.size() - 1);
                } else if ((e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) && !stack.isEmpty()) {
                    Node top = stack.get(stack.size() - 1);
                    if (top.text.length() + r.getTextLength() > SafeXml.MAX_TEXT) {
                        throw CapInvalid.of("/", r.getLocation().getLineNumber(), Kind.NOT_XML,
                                "a text is longer than " + SafeXml.MAX_TEXT + " characters");
                    }
                    top.text.append(r.getText());
                }
            }
        } catch (XMLStreamException ex) {
            throw CapInvalid.of("/", SafeXml.line(ex), Kind.NOT_XML, SafeXml.reason(ex));
        } catch (RuntimeException ex) {
            if (ex instanceof CapInvalid c) {
                throw c;
            }
            // The JDK's parser reports some malformed input (a bad encoding) as an unchecked exception.
            throw CapInvalid.of("/", 0, Kind.NOT_XML, "not well-formed XML (" + ex.getClass().getSimpleName() + ")");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held open: the bytes are in memory
                }
            }
        }
        if (root == null) {
            throw CapInvalid.of("/", 0, Kind.NOT_XML, "no element in the document");
        }
        return root;
    }

    /** Node tree to model, collecting problems instead of stopping at the first. */
    private static final class Mapping {
        final List<Problem> problems = new ArrayList<>();
        final Set<String> skipped = new LinkedHashSet<>();

        private static final Set<String> ALERT = Set.of("identifier", "sender", "sent", "status", "msgType", "scope",
                "restriction", "addresses", "note", "references", "info");
        private static final Set<String> INFO = Set.of("language", "category", "event", "urgency", "severity",
                "certainty", "expires", "headline", "description", "instruction", "area");
        private static final Set<String> AREA = Set.of("areaDesc", "polygon", "circle");

        CapAlert alert(Node a) {
            String p = "/alert";
            known(a, p, ALERT);
            String identifier = token(a, p, "identifier", true);
            String sender = token(a, p, "sender", true);
            OffsetDateTime sent = time(a, p, "sent", true);
            CapAlert.Status status = enumOf(a, p, "status", CapAlert.Status.class, true);
            CapAlert.MsgType msgType = enumOf(a, p, "msgType", CapAlert.MsgType.class, true);
            CapAlert.Scope scope = enumOf(a, p, "scope", CapAlert.Scope.class, true);
            String restriction = text(a, p, "restriction", false);
            String addresses = text(a, p, "addresses", false);
            if (scope == CapAlert.Scope.Restricted && restriction == null) {
                problem(p + "/restriction", a.line, Kind.MISSING, "a Restricted alert needs <restriction>");
            }
            if (scope == CapAlert.Scope.Private && addresses == null) {
                problem(p + "/addresses", a.line, Kind.MISSING, "a Private alert needs <addresses>");
            }
            String note = text(a, p, "note", false);
            List<CapAlert.Reference> refs = references(a, p);
            List<Node> infoNodes = all(a, "info");
            List<CapInfo> infos = new ArrayList<>();
            for (int i = 0; i < infoNodes.size() && i < MAX_REPEAT; i++) {
                CapInfo info = info(infoNodes.get(i), p + "/info[" + (i + 1) + "]");
                if (info != null) {
                    infos.add(info);
                }
            }
            tooMany(infoNodes, p + "/info", a.line);
            if (!problems.isEmpty()) {
                return null;
            }
            return new CapAlert(identifier, sender, sent, status, msgType, scope, restriction, addresses, note, refs,
                    infos);
        }

        private List<CapAlert.Reference> references(Node a, String p) {
            String text = text(a, p, "references", false);
            List<CapAlert.Reference> refs = new ArrayList<>();
            if (text == null) {
                return refs;
            }
            Node n = first(a, "references");
            for (String item : text.trim().split("\\s+")) {
                String[] parts = item.split(",", -1);
                OffsetDateTime t = parts.length == 3 ? CapTimes.parse(parts[2]) : null;
                if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || t == null) {
                    problem(p + "/references", n.line, Kind.BAD_VALUE, "'" + cut(item)
                            + "' is not sender,identifier,sent");
                } else {
                    refs.add(new CapAlert.Reference(parts[0], parts[1], t));
                }
                if (refs.size() > MAX_REPEAT * 10) {
                    problem(p + "/references", n.line, Kind.TOO_LARGE, "more than " + MAX_REPEAT * 10 + " references");
                    break;
                }
            }
            return refs;
        }

        private CapInfo info(Node n, String p) {
            int before = problems.size();
            known(n, p, INFO);
            String language = text(n, p, "language", false);
            List<CapInfo.Category> categories = new ArrayList<>();
            List<Node> cats = all(n, "category");
            if (cats.isEmpty()) {
                problem(p + "/category", n.line, Kind.MISSING, "at least one <category> is required");
            }
            for (int i = 0; i < cats.size() && i < MAX_REPEAT; i++) {
                CapInfo.Category c = parseEnum(cats.get(i), p + "/category[" + (i + 1) + "]", CapInfo.Category.class);
                if (c != null) {
                    categories.add(c);
                }
            }
            String event = text(n, p, "event", true);
            CapInfo.Urgency urgency = enumOf(n, p, "urgency", CapInfo.Urgency.class, true);
            CapInfo.Severity severity = enumOf(n, p, "severity", CapInfo.Severity.class, true);
            CapInfo.Certainty certainty = enumOf(n, p, "certainty", CapInfo.Certainty.class, true);
            OffsetDateTime expires = time(n, p, "expires", false);
            String headline = text(n, p, "headline", false);
            String description = text(n, p, "description", false);
            String instruction = text(n, p, "instruction", false);
            List<Node> areaNodes = all(n, "area");
            List<CapArea> areas = new ArrayList<>();
            for (int i = 0; i < areaNodes.size() && i < MAX_REPEAT; i++) {
                CapArea a = area(areaNodes.get(i), p + "/area[" + (i + 1) + "]");
                if (a != null) {
                    areas.add(a);
                }
            }
            tooMany(areaNodes, p + "/area", n.line);
            if (problems.size() > before) {
                return null;
            }
            return new CapInfo(language == null ? "en-US" : language, categories, event, urgency, severity, certainty,
                    headline, description, instruction, expires, areas);
        }

        private CapArea area(Node n, String p) {
            int before = problems.size();
            known(n, p, AREA);
            String desc = text(n, p, "areaDesc", true);
            List<List<CapArea.Point>> polygons = new ArrayList<>();
            List<Node> polys = all(n, "polygon");
            for (int i = 0; i < polys.size() && i < MAX_REPEAT; i++) {
                List<CapArea.Point> ring = polygon(polys.get(i), p + "/polygon[" + (i + 1) + "]");
                if (ring != null) {
                    polygons.add(ring);
                }
            }
            tooMany(polys, p + "/polygon", n.line);
            List<CapArea.Circle> circles = new ArrayList<>();
            List<Node> circs = all(n, "circle");
            for (int i = 0; i < circs.size() && i < MAX_REPEAT; i++) {
                CapArea.Circle c = circle(circs.get(i), p + "/circle[" + (i + 1) + "]");
                if (c != null) {
                    circles.add(c);
                }
            }
            tooMany(circs, p + "/circle", n.line);
            return problems.size() > before ? null : new CapArea(desc, polygons, circles);
        }

        private List<CapArea.Point> polygon(Node n, String p) {
            String[] pairs = n.text.toString().trim().split("\\s+");
            List<CapArea.Point> ring = new ArrayList<>();
            for (String pair : pairs) {
                CapArea.Point pt = point(pair, n, p);
                if (pt == null) {
                    return null;
                }
                ring.add(pt);
            }
            if (ring.size() < 4) {
                problem(p, n.line, Kind.BAD_VALUE, "a polygon needs at least four points, has " + ring.size());
                return null;
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                problem(p, n.line, Kind.BAD_VALUE, "a polygon's first and last points must be the same");
                return null;
            }
            return ring;
        }

        private CapArea.Circle circle(Node n, String p) {
            String[] parts = n.text.toString().trim().split("\\s+");
            if (parts.length != 2) {
                problem(p, n.line, Kind.BAD_VALUE, "a circle is 'lat,lon radius'");
                return null;
            }
            CapArea.Point centre = point(parts[0], n, p);
            if (centre == null) {
                return null;
            }
            Double r = decimal(parts[1]);
            if (r == null || r < 0 || r > 20_000) {
                problem(p, n.line, Kind.BAD_VALUE, "the radius '" + cut(parts[1]) + "' is not a distance in km");
                return null;
            }
            return new CapArea.Circle(centre, r);
        }

        private CapArea.Point point(String pair, Node n, String p) {
            String[] ll = pair.split(",", -1);
            Double lat = ll.length == 2 ? decimal(ll[0]) : null;
            Double lon = ll.length == 2 ? decimal(ll[1]) : null;
            if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                problem(p, n.line, Kind.BAD_VALUE, "'" + cut(pair) + "' is not a WGS 84 latitude,longitude");
                return null;
            }
            return new CapArea.Point(lat, lon);
        }

        /** A plain decimal (no exponent, no NaN or Infinity, at most 20 characters), else null. */
        private static Double decimal(String s) {
            if (s.length() > 20 || !s.matches("[-+]?\\d+(\\.\\d+)?")) {
                return null;
            }
            return Double.parseDouble(s);
        }

        private void known(Node n, String p, Set<String> known) {
            for (Node c : n.children) {
                if (!CapAlert.NAMESPACE.equals(c.ns)) {
                    skipped.add("{" + c.ns + "}" + c.name);
                } else if (!known.contains(c.name)) {
                    skipped.add(p.replaceAll("\\[\\d+]", "") + "/" + c.name);
                }
            }
        }

        private void tooMany(List<Node> nodes, String p, int line) {
            if (nodes.size() > MAX_REPEAT) {
                problem(p, line, Kind.TOO_LARGE, nodes.size() + " elements; at most " + MAX_REPEAT + " are read");
            }
        }

        private String text(Node parent, String p, String name, boolean required) {
            List<Node> found = all(parent, name);
            if (found.isEmpty()) {
                if (required) {
                    problem(p + "/" + name, parent.line, Kind.MISSING, "<" + name + "> is required");
                }
                return null;
            }
            if (found.size() > 1) {
                problem(p + "/" + name, found.get(1).line, Kind.BAD_VALUE, "<" + name + "> is given more than once");
            }
            String t = found.get(0).text.toString();
            if (t.isBlank() && required) {
                problem(p + "/" + name, found.get(0).line, Kind.MISSING, "<" + name + "> is empty");
                return null;
            }
            return t;
        }

        private String token(Node parent, String p, String name, boolean required) {
            String t = text(parent, p, name, required);
            if (t == null) {
                return null;
            }
            t = t.trim();
            if (t.chars().anyMatch(c -> c == ' ' || c == ',' || c == '<' || c == '&')) {
                problem(p + "/" + name, first(parent, name).line, Kind.BAD_VALUE,
                        "<" + name + "> must not contain spaces, commas or restricted characters");
            }
            return t;
        }

        private OffsetDateTime time(Node parent, String p, String name, boolean required) {
            String t = text(parent, p, name, required);
            if (t == null) {
                return null;
            }
            OffsetDateTime v = CapTimes.parse(t.trim());
            if (v == null) {
                problem(p + "/" + name, first(parent, name).line, Kind.BAD_VALUE, "'" + cut(t)
                        + "' is not a CAP time such as 2026-12-07T19:05:00+08:00");
            }
            return v;
        }

        private <E extends Enum<E>> E enumOf(Node parent, String p, String name, Class<E> type, boolean required) {
            List<Node> found = all(parent, name);
            if (found.isEmpty()) {
                if (required) {
                    problem(p + "/" + name, parent.line, Kind.MISSING, "<" + name + "> is required");
                }
                return null;
            }
            return parseEnum(found.get(0), p + "/" + name, type);
        }

        private <E extends Enum<E>> E parseEnum(Node n, String p, Class<E> type) {
            String t = n.text.toString().trim();
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(t)) {
                    return e;
                }
            }
            Function<E, String> names = Enum::name;
            problem(p, n.line, Kind.BAD_VALUE, "'" + cut(t) + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(names).toList());
            return null;
        }

        private void problem(String path, int line, Kind kind, String message) {
            problems.add(new Problem(path, line, kind, message));
        }

        private static Node first(Node parent, String name) {
            return all(parent, name).get(0);
        }

        private static List<Node> all(Node parent, String name) {
            List<Node> out = new ArrayList<>();
            for (Node c : parent.children) {
                if (c.name.equals(name) && CapAlert.NAMESPACE.equals(c.ns)) {
                    out.add(c);
                }
            }
            return out;
        }

        private static String cut(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "…";
        }
    }
}
