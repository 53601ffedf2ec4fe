package org.commandroom.core.eido;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.text.Text;
import org.commandroom.core.xml.SafeXml;

/**
 * Reads what this console can use from a PIDF-LO document (RFC 4119, RFC 5139 civic, RFC 5491 geodetic shapes) as an
 * EIDO carries it in {@code locationByValue}: the first geodetic shape reduced to one WGS-84 point and the first civic
 * address as one line of text. Parsed with {@link SafeXml} (no DTD, no external entity, bounded depth and text), with
 * namespaces: an undeclared prefix or any other malformation is a named problem, never an exception.
 *
 * <p>Shapes: {@code Point}, {@code Circle}, {@code Sphere}, {@code Ellipse}, {@code Ellipsoid}, {@code ArcBand} give
 * their centre ({@code gml:pos}); {@code Polygon} and {@code Prism} the centroid of their outer ring. Only WGS-84 is
 * accepted ({@code EPSG::4326}, or {@code EPSG::4979} with a height that is dropped); coordinates are "latitude
 * longitude" as RFC 5491 orders them.
 */
public final class PidfLo {

    static final String GML = "http://www.opengis.net/gml";
    static final String GEO_SHAPE = "urn:ietf:params:xml:ns:pidf:geopriv10:geoShape";
    static final String CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";

    /** What was read: a point or null, an address line or null, and every problem found (never thrown). */
    public record Location(GeoPoint position, String shape, String civicText, List<Text> problems) {
        public Location {
            problems = List.copyOf(problems);
        }
    }

    private PidfLo() {
    }

    /** Reads {@code xml}; a document that is not well-formed gives no position, no address and one problem. */
    public static Location read(String xml) {
        List<Text> problems = new ArrayList<>();
        GeoPoint position = null;
        String shapeName = null;
        Map<String, String> civic = null;
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            try {
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String ns = r.getNamespaceURI();
                    String name = r.getLocalName();
                    if (CIVIC.equals(ns) && "civicAddress".equals(name) && civic == null) {
                        civic = civic(r);
                    } else if (shapeName == null && (GML.equals(ns) || GEO_SHAPE.equals(ns)) && SHAPES.contains(name)) {
                        shapeName = name;
                        position = shape(r, name, problems);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            return new Location(null, null, null, List.of(Text.of("core.eido.pidf.notWellFormed", SafeXml.line(e),
                    column, shorten(SafeXml.reason(e)))));
        }
        String text = civic == null ? null : civicText(civic);
        if (shapeName == null && text == null) {
            problems.add(Text.of("core.eido.pidf.empty"));
        }
        return new Location(position, shapeName, text, problems);
    }

    private static final List<String> SHAPES = List.of("Point", "Circle", "Sphere", "Ellipse", "Ellipsoid", "ArcBand",
            "Polygon", "Prism");

    /** Reads one shape element to its end; its point (centre or centroid) or null with a problem. */
    private static GeoPoint shape(XMLStreamReader r, String name, List<Text> problems) throws XMLStreamException {
        String srs = r.getAttributeValue(null, "srsName");
        boolean threeD = srs != null && srs.endsWith("4979");
        List<double[]> points = new ArrayList<>();
        Text bad = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (srs == null && r.getAttributeValue(null, "srsName") != null) {
                    srs = r.getAttributeValue(null, "srsName");
                    threeD = srs.endsWith("4979");
                }
                String local = r.getLocalName();
                if (GML.equals(r.getNamespaceURI()) && ("pos".equals(local) || "posList".equals(local))) {
                    String dim = r.getAttributeValue(null, "srsDimension");
                    int step = "3".equals(dim) || (dim == null && threeD) ? 3 : 2;
                    String text = r.getElementText();
                    depth--;
                    String[] parts = text.strip().split("\\s+");
                    boolean single = "pos".equals(local);
                    if (single) {
                        step = parts.length == 3 ? 3 : step;
                    }
                    if (parts.length < 2 || parts.length % step != 0 || (single && parts.length != step)) {
                        bad = Text.of("core.eido.pidf.notPairs", shorten(text.strip()));
                        continue;
                    }
                    for (int i = 0; i + 1 < parts.length; i += step) {
                        double lat;
                        double lon;
                        try {
                            lat = Double.parseDouble(parts[i]);
                            lon = Double.parseDouble(parts[i + 1]);
                        } catch (NumberFormatException e) {
                            bad = Text.of("core.eido.pidf.notNumbers", shorten(parts[i] + " " + parts[i + 1]));
                            break;
                        }
                        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                            bad = Text.of(Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90
                                    ? "core.eido.pidf.outOfRangeSwapped" : "core.eido.pidf.outOfRange",
                                    shorten(parts[i]) + " " + shorten(parts[i + 1]));
                            break;
                        }
                        points.add(new double[] {lat, lon});
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (srs == null || !(srs.endsWith("EPSG::4326") || srs.endsWith("EPSG::4979"))) {
            problems.add(srs == null ? Text.of("core.eido.pidf.noSrs", name)
                    : Text.of("core.eido.pidf.otherSrs", name, shorten(srs)));
            return null;
        }
        if (bad != null) {
            problems.add(Text.of("core.eido.pidf.shapeProblem", name, bad));
            return null;
        }
        if (points.isEmpty()) {
            problems.add(Text.of("core.eido.pidf.noPosition", name));
            return null;
        }
        if ("Polygon".equals(name) || "Prism".equals(name)) {
            return centroid(points);
        }
        return GeoPoint.wgs84(points.get(0)[0], points.get(0)[1]);
    }

    /**
     * The area centroid of a ring (closed or not) in the latitude/longitude plane, which for the few hundred metres of
     * a call's area is the centroid on the ground; a ring of no area gives the mean of its corners.
     */
    static GeoPoint centroid(List<double[]> ring) {
        List<double[]> pts = new ArrayList<>(ring);
        if (pts.size() > 1) {
            double[] a = pts.get(0);
            double[] z = pts.get(pts.size() - 1);
            if (a[0] == z[0] && a[1] == z[1]) {
                pts.remove(pts.size() - 1);
            }
        }
        double area = 0;
        double cx = 0;
        double cy = 0;
        int n = pts.size();
        // Relative to the first corner, so that small rings far from 0,0 keep their precision.
        double lat0 = pts.get(0)[0];
        double lon0 = pts.get(0)[1];
        for (int i = 0; i < n; i++) {
            double[] p = {pts.get(i)[0] - lat0, pts.get(i)[1] - lon0};
            double[] q = {pts.get((i + 1) % n)[0] - lat0, pts.get((i + 1) % n)[1] - lon0};
            double cross = p[1] * q[0] - q[1] * p[0];
            area += cross;
            cx += (p[1] + q[1]) * cross;
            cy += (p[0] + q[0]) * cross;
        }
        if (Math.abs(area) < 1e-15) {
            double lat = 0;
            double lon = 0;
            for (double[] p : pts) {
                lat += p[0];
                lon += p[1];
            }
            return GeoPoint.wgs84(lat / n, lon / n);
        }
        area /= 2;
        return GeoPoint.wgs84(lat0 + cy / (6 * area), lon0 + cx / (6 * area));
    }

    /** The civic address's elements, by their CAtype names (RFC 5139), read to the element's end. */
    private static Map<String, String> civic(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> parts = new LinkedHashMap<>();
        String lang = r.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
        if (lang != null) {
            parts.put("xml:lang", lang);
        }
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                String text = r.getElementText().strip();
                if (!text.isEmpty()) {
                    parts.merge(name, text, (a, b) -> a + " " + b);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return parts;
    }

    /**
     * One line for a civic address. Chinese ({@code country} CN or {@code xml:lang} zh) is written from the largest
     * part to the smallest without separators, as a Chinese address is; any other from the smallest to the largest,
     * comma separated. Elements not named here are ignored.
     */
    static String civicText(Map<String, String> c) {
        boolean chinese = "CN".equalsIgnoreCase(c.get("country"))
                || c.getOrDefault("xml:lang", "").toLowerCase(Locale.ROOT).startsWith("zh");
        String road = join(" ", c.get("PRM"), c.get("PRD"), c.get("RD"), c.get("STS"), c.get("POD"), c.get("POM"),
                c.get("RDSEC"), c.get("RDBR"), c.get("RDSUBBR"));
        String number = join("", c.get("HNO"), c.get("HNS"));
        String inside = join(" ", c.get("BLD"), c.get("UNIT"), c.get("FLR") == null ? null : (chinese ? c.get("FLR") + "层"
                : "floor " + c.get("FLR")), c.get("ROOM"), c.get("SEAT"));
        String text;
        if (chinese) {
            text = join("", c.get("A1"), c.get("A2"), c.get("A3"), c.get("A4"), c.get("A5"), c.get("A6"), road,
                    number.isEmpty() ? null : number + (number.endsWith("号") ? "" : "号"), c.get("LMK"), c.get("NAM"),
                    inside, c.get("LOC"));
        } else {
            String street = join(" ", number, road);
            text = join(", ", c.get("NAM"), inside, street, c.get("LMK"), c.get("LOC"), c.get("A6"), c.get("A5"),
                    c.get("A4"), c.get("A3"), join(" ", c.get("A2"), c.get("A1"), c.get("PC")), c.get("country"));
        }
        return text.isBlank() ? null : text;
    }

    private static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (b.length() > 0) {
                    b.append(sep);
                }
                b.append(p.strip());
            }
        }
        return b.toString();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
