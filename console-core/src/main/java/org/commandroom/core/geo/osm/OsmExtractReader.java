package org.commandroom.core.geo.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.geo.MapLayers.BaseKind;
import org.commandroom.core.text.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Reads the roads, water and place names of an OpenStreetMap extract ({@code .osm.pbf}) with the OSM project's own
 * PBF library (org.openstreetmap.pbf:osmpbf), cut to a box, in one streaming pass. It keeps the coordinates of the
 * nodes inside the box enlarged by a margin only (a way leaving the margin is cut where it leaves), so a country extract
 * costs the district's nodes, not the country's; beyond {@link Limits#maxNodes()} kept nodes or
 * {@link Limits#maxFeatures()} features it stops with a named problem. Needs the file sorted as extracts are (nodes
 * before ways, by id). Lakes and riverbanks drawn as multipolygon relations are assembled from their untagged member
 * ways (those whose nodes are all kept). Coordinates are WGS-84
 * (x = longitude); lines and areas are clipped to the box with JTS and simplified to about a metre.
 */
public final class OsmExtractReader {

    /** How much of an extract is kept at most: kept nodes (16 bytes each) and features. */
    public record Limits(long maxNodes, int maxFeatures) {
        public static final Limits DEFAULT = new Limits(8_000_000, 300_000);
    }

    /** One feature of the base map, WGS-84, clipped and simplified. */
    public record Feature(BaseKind kind, String detail, String name, Geometry geometry) {
    }

    /** What was kept and the box it was cut to ({@code fromFile}: the file's own bounds, no district known). */
    public record Result(List<Feature> features, Envelope cut, boolean fromFile, long nodesRead, long waysRead) {
    }

    /** The file cannot be used; the text says why, in the user's language. */
    public static final class Problem extends Exception {
        private final transient Text text;

        public Problem(Text text) {
            super(text.english());
            this.text = text;
        }

        public Text text() {
            return text;
        }
    }

    /** About a metre at the equator: finer than any zoom the map draws roads at. */
    static final double TOLERANCE = 0.00001;
    /** A part with more points than this is split (lines) or simplified further (areas): the WKT column's size. */
    static final int MAX_POINTS = 20_000;

    private static final GeometryFactory GF = new GeometryFactory();

    private OsmExtractReader() {
    }

    /**
     * Reads the extract.
     *
     * @param in       the file (closed by the caller)
     * @param district the box to cut to (WGS-84 degrees, x = longitude), or null to cut to the file's own bounds
     */
    public static Result read(InputStream in, Envelope district, Limits limits) throws Problem {
        Objects.requireNonNull(limits);
        Counting counted = new Counting(new BufferedInputStream(in, 1 << 16));
        Parser parser = new Parser(district, limits, counted);
        try {
            new BlockInputStream(counted, parser).process();
        } catch (Abort a) {
            throw new Problem(a.text);
        } catch (EOFException e) {
            throw new Problem(Text.of("core.osm.truncated"));
        } catch (IOException | RuntimeException e) {
            throw new Problem(Text.of("core.osm.unreadable", e.getClass().getSimpleName()));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // the library reports a damaged block with an Error ("ParseError")
            throw new Problem(Text.of("core.osm.unreadable", "ParseError"));
        }
        if (counted.count != parser.endOfLastBlock) {
            // the library ends quietly at any end of file; one inside a block is a file cut short
            throw new Problem(Text.of("core.osm.truncated"));
        }
        if (!parser.sawHeader) {
            throw new Problem(Text.of("core.osm.notPbf"));
        }
        Envelope cut = parser.cut;
        boolean fromFile = district == null;
        if (cut == null) {
            cut = new Envelope();
            for (Feature f : parser.features) {
                cut.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        return new Result(List.copyOf(parser.features), cut, fromFile, parser.nodesRead, parser.waysRead);
    }

    /** Counts the bytes the library has taken, to tell the end of the file from a file cut short. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    /** Stops the library's loop with a problem (it has no other way to be stopped from a callback). */
    private static final class Abort extends RuntimeException {
        final transient Text text;

        Abort(Text text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    private static final class Parser extends BinaryParser {
        private static final int CHUNK = 1 << 20;

        private final Limits limits;
        private Envelope cut;
        private Geometry cutArea;
        private Envelope keep;
        final List<Feature> features = new ArrayList<>();
        boolean sawHeader;
        private boolean waysStarted;
        long nodesRead;
        long waysRead;
        // kept nodes: ids ascending, coordinates in 1e-7 degrees, in chunks (no copying as they grow)
        private final List<long[]> ids = new ArrayList<>();
        private final List<int[]> lats = new ArrayList<>();
        private final List<int[]> lons = new ArrayList<>();
        private long kept;
        private long lastId = Long.MIN_VALUE;
        private final Map<String, String> tags = new HashMap<>();

        private final Counting counted;
        long endOfLastBlock;

        Parser(Envelope district, Limits limits, Counting counted) {
            this.limits = limits;
            this.counted = counted;
            if (district != null) {
                setCut(district);
            }
        }

        private void setCut(Envelope box) {
            cut = new Envelope(box);
            cutArea = GF.toGeometry(cut);
            keep = new Envelope(cut);
            // a margin so that a way crossing the edge keeps its points on both sides and is clipped, not broken
            keep.expandBy(Math.max(0.01, cut.getWidth() * 0.25), Math.max(0.01, cut.getHeight() * 0.25));
        }

        @Override
        public void handleBlock(crosby.binary.file.FileBlock block) {
            super.handleBlock(block);
            endOfLastBlock = counted.count; // the block was read whole
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            sawHeader = true;
            for (String f : header.getRequiredFeaturesList()) {
                if (!f.equals("OsmSchema-V0.6") && !f.equals("DenseNodes")) {
                    throw new Abort(Text.of("core.osm.feature", f));
                }
            }
            if (cut == null && header.hasBbox()) {
                Osmformat.HeaderBBox b = header.getBbox();
                Envelope box = new Envelope(b.getLeft() * 1e-9, b.getRight() * 1e-9, b.getBottom() * 1e-9,
                        b.getTop() * 1e-9);
                if (!box.isNull() && box.getWidth() > 0 && box.getHeight() > 0) {
                    setCut(box);
                }
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node n : nodes) {
                tags.clear();
                for (int i = 0; i < n.getKeysCount(); i++) {
                    tags.put(getStringById(n.getKeys(i)), getStringById(n.getVals(i)));
                }
                node(n.getId(), parseLat(n.getLat()), parseLon(n.getLon()));
            }
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes d) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            boolean withTags = d.getKeysValsCount() > 0;
            for (int i = 0; i < d.getIdCount(); i++) {
                id += d.getId(i);
                lat += d.getLat(i);
                lon += d.getLon(i);
                tags.clear();
                if (withTags) {
                    while (kv < d.getKeysValsCount() && d.getKeysVals(kv) != 0) {
                        int k = d.getKeysVals(kv++);
                        int v = d.getKeysVals(kv++);
                        tags.put(getStringById(k), getStringById(v));
                    }
                    kv++;
                }
                node(id, parseLat(lat), parseLon(lon));
            }
        }

        private void node(long id, double lat, double lon) {
            nodesRead++;
            if (waysStarted) {
                throw new Abort(Text.of("core.osm.unsorted"));
            }
            if (id <= lastId) {
                throw new Abort(Text.of("core.osm.unsorted"));
            }
            lastId = id;
            if (keep != null && !keep.contains(lon, lat)) {
                return;
            }
            if (kept >= limits.maxNodes()) {
                throw new Abort(Text.of("core.osm.tooManyNodes", limits.maxNodes()));
            }
            int chunk = (int) (kept / CHUNK);
            int at = (int) (kept % CHUNK);
            if (chunk == ids.size()) {
                ids.add(new long[CHUNK]);
                lats.add(new int[CHUNK]);
                lons.add(new int[CHUNK]);
            }
            ids.get(chunk)[at] = id;
            lats.get(chunk)[at] = (int) Math.round(lat * 1e7);
            lons.get(chunk)[at] = (int) Math.round(lon * 1e7);
            kept++;
            if (!tags.isEmpty()) {
                String place = OsmTags.placeOfNode(tags);
                if (place != null && (cut == null || cut.contains(lon, lat))) {
                    add(new Feature(BaseKind.PLACE, place, OsmTags.name(tags), GF.createPoint(new Coordinate(lon, lat))));
                }
            }
        }

        /** Index of a kept node, or -1. */
        private long find(long id) {
            long lo = 0;
            long hi = kept - 1;
            while (lo <= hi) {
                long mid = (lo + hi) >>> 1;
                long v = ids.get((int) (mid / CHUNK))[(int) (mid % CHUNK)];
                if (v < id) {
                    lo = mid + 1;
                } else if (v > id) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            waysStarted |= !ways.isEmpty(); // the library calls every parse method for every group, empty or not
            for (Osmformat.Way w : ways) {
                waysRead++;
                tags.clear();
                for (int i = 0; i < w.getKeysCount(); i++) {
                    tags.put(getStringById(w.getKeys(i)), getStringById(w.getVals(i)));
                }
                if (OsmTags.untagged(tags)) {
                    remember(w); // perhaps a member of a lake drawn as a multipolygon relation
                    continue;
                }
                OsmTags.Kept k = OsmTags.ofWay(tags);
                if (k != null) {
                    way(k, OsmTags.name(tags), w);
                }
                // an island's coastline is also its name
                String place = OsmTags.placeOfNode(tags);
                if (place != null && (k == null || k.kind() != BaseKind.PLACE)) {
                    way(new OsmTags.Kept(BaseKind.PLACE, place, true), OsmTags.name(tags), w);
                }
            }
        }

        private void way(OsmTags.Kept k, String name, Osmformat.Way w) {
            List<List<Coordinate>> pieces = new ArrayList<>();
            List<Coordinate> piece = new ArrayList<>();
            long ref = 0;
            boolean whole = true;
            for (int i = 0; i < w.getRefsCount(); i++) {
                ref += w.getRefs(i);
                long at = find(ref);
                if (at < 0) {
                    whole = false;
                    if (piece.size() > 1) {
                        pieces.add(piece);
                    }
                    piece = new ArrayList<>();
                    continue;
                }
                int c = (int) (at / CHUNK);
                int j = (int) (at % CHUNK);
                Coordinate xy = new Coordinate(lons.get(c)[j] / 1e7, lats.get(c)[j] / 1e7);
                if (piece.isEmpty() || !piece.get(piece.size() - 1).equals2D(xy)) {
                    piece.add(xy);
                }
            }
            if (piece.size() > 1) {
                pieces.add(piece);
            }
            if (pieces.isEmpty()) {
                return;
            }
            List<Coordinate> first = pieces.get(0);
            boolean ring = whole && pieces.size() == 1 && first.size() >= 4
                    && first.get(0).equals2D(first.get(first.size() - 1));
            if (k.area() && ring) {
                Geometry area = GF.createPolygon(first.toArray(new Coordinate[0]));
                if (!area.isValid()) {
                    area = GeometryFixer.fix(area);
                }
                if (k.kind() == BaseKind.PLACE) {
                    Geometry p = area.getInteriorPoint();
                    if (!p.isEmpty() && (cut == null || cut.contains(p.getCoordinate()))) {
                        add(new Feature(BaseKind.PLACE, k.detail(), name, p));
                    }
                    return;
                }
                keepParts(k, name, clip(area), 2);
                return;
            }
            if (k.kind() == BaseKind.PLACE) {
                return; // a place area broken by the margin: its name belongs to another district
            }
            for (List<Coordinate> p : pieces) {
                keepParts(k, name, clip(GF.createLineString(p.toArray(new Coordinate[0]))), 1);
            }
        }

        private Geometry clip(Geometry g) {
            if (cutArea == null || cut.contains(g.getEnvelopeInternal())) {
                return g;
            }
            if (!cut.intersects(g.getEnvelopeInternal())) {
                return GF.createGeometryCollection();
            }
            return g.intersection(cutArea);
        }

        private void keepParts(OsmTags.Kept k, String name, Geometry g, int dimension) {
            if (dimension == 1 && g.getNumGeometries() > 1) {
                // a clip along the box's edge comes back split at every vertex: join what touches end to end
                org.locationtech.jts.operation.linemerge.LineMerger merger =
                        new org.locationtech.jts.operation.linemerge.LineMerger();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (g.getGeometryN(i).getDimension() == 1) {
                        merger.add(g.getGeometryN(i));
                    }
                }
                @SuppressWarnings("unchecked")
                java.util.Collection<Geometry> merged = merger.getMergedLineStrings();
                g = GF.buildGeometry(merged);
            }
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part.isEmpty() || part.getDimension() != dimension) {
                    continue;
                }
                if (part instanceof LineString line) {
                    Geometry s = DouglasPeuckerSimplifier.simplify(line, TOLERANCE);
                    for (Geometry chunk : chunks(s)) {
                        add(new Feature(k.kind(), k.detail(), name, chunk));
                    }
                } else if (part instanceof Polygon polygon) {
                    Geometry s = simplified(polygon);
                    if (s != null) {
                        add(new Feature(k.kind(), k.detail(), name, s));
                    }
                }
            }
        }

        private static List<Geometry> chunks(Geometry line) {
            if (line.isEmpty() || line.getNumPoints() < 2 || !(line instanceof LineString)) {
                return List.of();
            }
            Coordinate[] cs = line.getCoordinates();
            if (cs.length <= MAX_POINTS) {
                return List.of(line);
            }
            List<Geometry> out = new ArrayList<>();
            for (int from = 0; from < cs.length - 1; from += MAX_POINTS - 1) {
                int to = Math.min(cs.length, from + MAX_POINTS);
                out.add(GF.createLineString(java.util.Arrays.copyOfRange(cs, from, to)));
            }
            return out;
        }

        private static Geometry simplified(Polygon polygon) {
            double tolerance = TOLERANCE;
            Geometry s = TopologyPreservingSimplifier.simplify(polygon, tolerance);
            while (s.getNumPoints() > MAX_POINTS && tolerance < 0.01) {
                tolerance *= 4;
                s = TopologyPreservingSimplifier.simplify(polygon, tolerance);
            }
            if (!s.isValid()) {
                s = GeometryFixer.fix(s);
            }
            if (s.isEmpty() || s.getArea() == 0 || s.getNumPoints() > MAX_POINTS) {
                return null;
            }
            return s;
        }

        private void add(Feature f) {
            if (features.size() >= limits.maxFeatures()) {
                throw new Abort(Text.of("core.osm.tooManyFeatures", limits.maxFeatures()));
            }
            features.add(f);
        }

        /** Untagged ways whose nodes are all kept: node-store indices by way id, for multipolygon relations. */
        private final Map<Long, long[]> members = new HashMap<>();
        private long memberNodes;

        private void remember(Osmformat.Way w) {
            long[] at = new long[w.getRefsCount()];
            long ref = 0;
            for (int i = 0; i < at.length; i++) {
                ref += w.getRefs(i);
                at[i] = find(ref);
                if (at[i] < 0) {
                    return; // leaves the margin: a lake of another district, or one to be drawn in part only
                }
            }
            memberNodes += at.length;
            if (memberNodes > limits.maxNodes()) {
                throw new Abort(Text.of("core.osm.tooManyNodes", limits.maxNodes()));
            }
            members.put(w.getId(), at);
        }

        private LineString line(long[] at) {
            Coordinate[] cs = new Coordinate[at.length];
            for (int i = 0; i < at.length; i++) {
                int c = (int) (at[i] / CHUNK);
                int j = (int) (at[i] % CHUNK);
                cs[i] = new Coordinate(lons.get(c)[j] / 1e7, lats.get(c)[j] / 1e7);
            }
            return GF.createLineString(cs);
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            waysStarted |= !relations.isEmpty();
            for (Osmformat.Relation r : relations) {
                tags.clear();
                for (int i = 0; i < r.getKeysCount(); i++) {
                    tags.put(getStringById(r.getKeys(i)), getStringById(r.getVals(i)));
                }
                if (!"multipolygon".equals(tags.get("type"))) {
                    continue;
                }
                OsmTags.Kept k = OsmTags.ofWay(tags);
                if (k == null || k.kind() != BaseKind.WATER || !k.area()) {
                    continue;
                }
                List<Geometry> outer = new ArrayList<>();
                List<Geometry> inner = new ArrayList<>();
                long id = 0;
                for (int i = 0; i < r.getMemidsCount(); i++) {
                    id += r.getMemids(i);
                    if (r.getTypes(i) != Osmformat.Relation.MemberType.WAY) {
                        continue;
                    }
                    long[] at = members.get(id);
                    if (at == null || at.length < 2) {
                        continue;
                    }
                    ("inner".equals(getStringById(r.getRolesSid(i))) ? inner : outer).add(line(at));
                }
                Geometry area = rings(outer);
                if (area.isEmpty()) {
                    continue;
                }
                Geometry holes = rings(inner);
                if (!holes.isEmpty()) {
                    area = area.difference(holes);
                }
                keepParts(k, OsmTags.name(tags), clip(area), 2);
            }
        }

        /** The polygons the member lines close (pieces joined end to end), or an empty geometry. */
        private static Geometry rings(List<Geometry> lines) {
            if (lines.isEmpty()) {
                return GF.createGeometryCollection();
            }
            org.locationtech.jts.operation.polygonize.Polygonizer p =
                    new org.locationtech.jts.operation.polygonize.Polygonizer(true);
            p.add(org.locationtech.jts.operation.union.UnaryUnionOp.union(lines)); // noded, so rings close
            Geometry g = p.getGeometry();
            return g.isValid() ? g : GeometryFixer.fix(g);
        }

        @Override
        public void complete() {
            // nothing buffered
        }
    }

}
