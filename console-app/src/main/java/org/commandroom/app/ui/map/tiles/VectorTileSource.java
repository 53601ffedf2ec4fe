package org.commandroom.app.ui.map.tiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javafx.scene.image.Image;

import org.commandroom.app.ui.map.MapPalette;
import org.commandroom.app.ui.map.WebMercator;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;

/**
 * Draws base-map tiles from vector data with Java2D, on the tile thread (never the FX thread), in
 * the command room's dark palette. The data are converted once to the tiles' datum and projected
 * to normalised Web-Mercator paths, so a tile costs only a transform and the drawing of the
 * features whose bounds touch it. Answers every tile (a tile away from all data is plain land), so
 * it is the last tier and the map is never blank.
 */
final class VectorTileSource implements TileSource {

    private static final int SIZE = TileImages.TILE_SIZE;
    /** Area names are drawn from this zoom on. */
    private static final int LABEL_MIN_ZOOM = 13;

    private record Prepared(String name, Path2D.Double path, Rectangle2D bounds, double labelX, double labelY, int rank,
                            double angle, boolean line) {
    }

    /** Minor roads (street grids) are drawn from this zoom on; zoomed out they are a grey smear. */
    static final int MINOR_ROADS_MIN_ZOOM = 12;
    /** Road names are drawn along the road from this zoom on. */
    static final int ROAD_LABEL_MIN_ZOOM = 16;

    private final List<Prepared> district;
    private final List<Prepared> areas;
    private final List<Prepared> water;
    private final List<Prepared> roads;
    private final List<PlaceName> places;
    /** The place names kept at each zoom: placed once for the whole map, so that neighbouring tiles agree. */
    private final java.util.Map<Integer, List<PlaceName>> placesByZoom = new java.util.concurrent.ConcurrentHashMap<>();
    private final Font placeFont;
    private final Font labelFont;
    private final Font roadFont;

    VectorTileSource(BaseMapData data, Datum tileDatum) {
        this.district = prepare(data.districtOutline(), data.datum(), tileDatum, false);
        this.areas = prepare(data.areas(), data.datum(), tileDatum, true);
        this.water = prepare(data.water(), data.datum(), tileDatum, false);
        this.roads = prepare(data.roads(), data.datum(), tileDatum, false);
        this.places = preparePlaces(data.places(), data.datum(), tileDatum);
        this.placeFont = new Font(cjkFamily(), Font.BOLD, 12);
        this.labelFont = new Font(cjkFamily(), Font.PLAIN, 13);
        this.roadFont = new Font(cjkFamily(), Font.PLAIN, 11);
    }

    @Override
    public String describe() {
        return "offline vector base map";
    }

    @Override
    public Optional<Image> load(int zoom, long x, long y) {
        return Optional.of(TileImages.toFx(render(zoom, x, y)));
    }

    BufferedImage render(int zoom, long x, long y) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(color(MapPalette.LAND));
            g.fillRect(0, 0, SIZE, SIZE);
            double world = WebMercator.worldPixels(zoom);
            AffineTransform at = new AffineTransform(world, 0, 0, world, -x * (double) SIZE, -y * (double) SIZE);
            // Tile bounds in normalised coordinates, widened so that strokes and labels crossing the edge are drawn.
            double margin = 160.0 / world;
            Rectangle2D tile = new Rectangle2D.Double(x * SIZE / world - margin, y * SIZE / world - margin,
                    SIZE / world + 2 * margin, SIZE / world + 2 * margin);

            fill(g, at, tile, district, MapPalette.DISTRICT_LAND);
            fill(g, at, tile, areas, MapPalette.AREA_FILL);
            stroke(g, at, tile, areas, MapPalette.AREA_OUTLINE, new BasicStroke(1f));
            fill(g, at, tile, water.stream().filter(w -> !w.line()).toList(), MapPalette.WATER);
            float streamWidth = (float) Math.max(1.5, Math.min(8.0, (zoom - 9) * 1.2));
            stroke(g, at, tile, water.stream().filter(Prepared::line).toList(), MapPalette.WATER,
                    new BasicStroke(streamWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            float roadWidth = (float) Math.max(1.6, Math.min(10.0, (zoom - 9) * 1.2));
            for (Prepared road : roads) {
                if (road.bounds().intersects(tile) && (road.rank() == 0 || zoom >= MINOR_ROADS_MIN_ZOOM)) {
                    boolean major = road.rank() == 0;
                    g.setColor(color(major ? MapPalette.ROAD_MAJOR : MapPalette.ROAD_MINOR));
                    g.setStroke(new BasicStroke(major ? roadWidth : Math.max(1f, roadWidth * 0.55f),
                            BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(at.createTransformedShape(road.path()));
                }
            }
            stroke(g, at, tile, district, MapPalette.DISTRICT_OUTLINE,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 5f}, 0f));
            if (zoom >= LABEL_MIN_ZOOM) {
                drawLabels(g, at, tile);
            }
            if (zoom >= ROAD_LABEL_MIN_ZOOM) {
                drawRoadNames(g, at, tile, zoom);
            }
            if (!places.isEmpty() && zoom >= PLACE_MIN_ZOOM[0]) {
                drawPlaceNames(g, at, tile, zoom);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private void drawLabels(Graphics2D g, AffineTransform at, Rectangle2D tile) {
        g.setFont(labelFont);
        FontMetrics fm = g.getFontMetrics();
        for (Prepared area : areas) {
            // only the top-level areas (streets, towns): communities are named by the map's community layer
            if (area.rank() > 0 || area.name().isEmpty() || !tile.contains(area.labelX(), area.labelY())) {
                continue;
            }
            double[] p = {area.labelX(), area.labelY()};
            at.transform(p, 0, p, 0, 1);
            float lx = (float) (p[0] - fm.stringWidth(area.name()) / 2.0);
            float ly = (float) (p[1] + fm.getAscent() / 2.0);
            g.setColor(color(MapPalette.TEXT_HALO));
            g.drawString(area.name(), lx + 1, ly + 1);
            g.setColor(color(MapPalette.AREA_LABEL));
            g.drawString(area.name(), lx, ly);
        }
    }

    /** Place names of rank 0 (city) .. 3 (neighbourhood) are drawn from these zooms on. */
    static final int[] PLACE_MIN_ZOOM = {9, 11, 13, 15};

    /** A place name at a point, normalised Web-Mercator. */
    record PlaceName(String name, double x, double y, int rank) {
    }

    private static List<PlaceName> preparePlaces(List<BaseMapFeature> features, Datum from, Datum to) {
        double[] ll = new double[2];
        List<PlaceName> out = new ArrayList<>();
        for (BaseMapFeature f : features) {
            if (f.name().isEmpty() || f.geometry().isEmpty()) {
                continue;
            }
            Point p = f.geometry().getInteriorPoint();
            DatumConverter.convert(p.getY(), p.getX(), from, to, ll);
            out.add(new PlaceName(f.name(), WebMercator.x(ll[1]), WebMercator.y(ll[0]),
                    Math.max(0, Math.min(PLACE_MIN_ZOOM.length - 1, f.rank()))));
        }
        // most important first, then by name so that the choice is the same on every run
        out.sort(java.util.Comparator.comparingInt(PlaceName::rank).thenComparing(PlaceName::name));
        return List.copyOf(out);
    }

    /**
     * The names shown at a zoom: those whose rank is shown there, placed greedily (most important first) so that no
     * two boxes overlap anywhere on the map. Computed once per zoom for the whole map, so a name across a tile edge
     * is drawn by both tiles or by neither.
     */
    List<PlaceName> placesAt(int zoom) {
        return placesByZoom.computeIfAbsent(zoom, z -> {
            FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics().getFontMetrics(placeFont);
            double world = WebMercator.worldPixels(z);
            java.util.Map<Long, List<Rectangle2D>> cells = new java.util.HashMap<>();
            List<PlaceName> kept = new ArrayList<>();
            for (PlaceName p : places) {
                if (z < PLACE_MIN_ZOOM[p.rank()]) {
                    continue;
                }
                double w = fm.stringWidth(p.name()) + 8;
                double h = fm.getHeight() + 4;
                Rectangle2D box = new Rectangle2D.Double(p.x() * world - w / 2, p.y() * world - h / 2, w, h);
                long cx0 = (long) Math.floor(box.getMinX() / 256);
                long cx1 = (long) Math.floor(box.getMaxX() / 256);
                long cy0 = (long) Math.floor(box.getMinY() / 256);
                long cy1 = (long) Math.floor(box.getMaxY() / 256);
                boolean free = true;
                for (long cx = cx0; cx <= cx1 && free; cx++) {
                    for (long cy = cy0; cy <= cy1 && free; cy++) {
                        for (Rectangle2D other : cells.getOrDefault(cx * 31_000_000L + cy, List.of())) {
                            if (other.intersects(box)) {
                                free = false;
                                break;
                            }
                        }
                    }
                }
                if (!free) {
                    continue;
                }
                kept.add(p);
                for (long cx = cx0; cx <= cx1; cx++) {
                    for (long cy = cy0; cy <= cy1; cy++) {
                        cells.computeIfAbsent(cx * 31_000_000L + cy, k -> new ArrayList<>()).add(box);
                    }
                }
            }
            return List.copyOf(kept);
        });
    }

    private void drawPlaceNames(Graphics2D g, AffineTransform at, Rectangle2D tile, int zoom) {
        g.setFont(placeFont);
        FontMetrics fm = g.getFontMetrics();
        for (PlaceName p : placesAt(zoom)) {
            if (!tile.contains(p.x(), p.y())) {
                continue;
            }
            double[] xy = {p.x(), p.y()};
            at.transform(xy, 0, xy, 0, 1);
            float x = (float) (xy[0] - fm.stringWidth(p.name()) / 2.0);
            float y = (float) (xy[1] + fm.getAscent() / 2.0 - 1);
            g.setColor(color(MapPalette.TEXT_HALO));
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    g.drawString(p.name(), x + dx, y + dy);
                }
            }
            g.setColor(color(MapPalette.AREA_LABEL));
            g.drawString(p.name(), x, y);
        }
    }

    /** Each road's name once, along the longest straight piece of it, in the road colour over a halo. */
    private void drawRoadNames(Graphics2D g, AffineTransform at, Rectangle2D tile, int zoom) {
        g.setFont(roadFont);
        FontMetrics fm = g.getFontMetrics();
        for (Prepared road : roads) {
            if (road.name().isEmpty() || Double.isNaN(road.labelX()) || !tile.contains(road.labelX(), road.labelY())
                    || road.rank() > 0 && zoom < MINOR_ROADS_MIN_ZOOM) {
                continue;
            }
            double[] p = {road.labelX(), road.labelY()};
            at.transform(p, 0, p, 0, 1);
            AffineTransform saved = g.getTransform();
            g.translate(p[0], p[1]);
            g.rotate(road.angle());
            float x = -fm.stringWidth(road.name()) / 2f;
            float y = fm.getAscent() / 2f - 1;
            g.setColor(color(MapPalette.TEXT_HALO));
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    g.drawString(road.name(), x + dx, y + dy);
                }
            }
            g.setColor(color(MapPalette.AREA_LABEL));
            g.drawString(road.name(), x, y);
            g.setTransform(saved);
        }
    }

    private static void fill(Graphics2D g, AffineTransform at, Rectangle2D tile, List<Prepared> features, int argb) {
        g.setColor(color(argb));
        for (Prepared f : features) {
            if (f.bounds().intersects(tile)) {
                g.fill(at.createTransformedShape(f.path()));
            }
        }
    }

    private static void stroke(Graphics2D g, AffineTransform at, Rectangle2D tile, List<Prepared> features, int argb,
                               BasicStroke stroke) {
        g.setColor(color(argb));
        g.setStroke(stroke);
        for (Prepared f : features) {
            if (f.bounds().intersects(tile)) {
                g.draw(at.createTransformedShape(f.path()));
            }
        }
    }

    private static Color color(int argb) {
        return new Color(argb, true);
    }

    private static List<Prepared> prepare(List<BaseMapFeature> features, Datum from, Datum to, boolean labelled) {
        List<Prepared> out = new ArrayList<>(features.size());
        double[] ll = new double[2];
        for (BaseMapFeature f : features) {
            Geometry g = f.geometry();
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Polygon polygon) {
                    append(path, polygon.getExteriorRing().getCoordinates(), from, to, ll, true);
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        append(path, polygon.getInteriorRingN(h).getCoordinates(), from, to, ll, true);
                    }
                } else if (part instanceof LineString line) {
                    append(path, line.getCoordinates(), from, to, ll, false);
                }
            }
            double labelX = Double.NaN;
            double labelY = Double.NaN;
            double angle = 0;
            if (labelled && g instanceof Polygonal && !g.isEmpty()) {
                Point inner = MaximumInscribedCircle.getCenter(largest(g), 1e-5);
                DatumConverter.convert(inner.getY(), inner.getX(), from, to, ll);
                labelX = WebMercator.x(ll[1]);
                labelY = WebMercator.y(ll[0]);
            }
            boolean line = g.getDimension() == 1;
            if (line && !g.isEmpty()) {
                // the middle of the longest piece, and its direction kept readable (never upside down)
                double best = -1;
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Coordinate[] cs = g.getGeometryN(i).getCoordinates();
                    for (int k = 1; k < cs.length; k++) {
                        DatumConverter.convert(cs[k - 1].y, cs[k - 1].x, from, to, ll);
                        double ax = WebMercator.x(ll[1]);
                        double ay = WebMercator.y(ll[0]);
                        DatumConverter.convert(cs[k].y, cs[k].x, from, to, ll);
                        double bx = WebMercator.x(ll[1]);
                        double by = WebMercator.y(ll[0]);
                        double len = Math.hypot(bx - ax, by - ay);
                        if (len > best) {
                            best = len;
                            labelX = (ax + bx) / 2;
                            labelY = (ay + by) / 2;
                            angle = Math.atan2(by - ay, bx - ax);
                            if (angle > Math.PI / 2) {
                                angle -= Math.PI;
                            } else if (angle < -Math.PI / 2) {
                                angle += Math.PI;
                            }
                        }
                    }
                }
            }
            out.add(new Prepared(f.name(), path, path.getBounds2D(), labelX, labelY, f.rank(), angle, line));
        }
        return List.copyOf(out);
    }

    private static Geometry largest(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }

    private static void append(Path2D.Double path, Coordinate[] coords, Datum from, Datum to, double[] ll, boolean close) {
        for (int i = 0; i < coords.length; i++) {
            DatumConverter.convert(coords[i].y, coords[i].x, from, to, ll);
            double px = WebMercator.x(ll[1]);
            double py = WebMercator.y(ll[0]);
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        if (close && coords.length > 0) {
            path.closePath();
        }
    }

    /** The first installed CJK-capable family, else the logical sans-serif font. */
    static String cjkFamily() {
        Set<String> installed = new HashSet<>(Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        for (String family : MapPalette.CJK_FONT_FAMILIES) {
            if (installed.contains(family)) {
                return family;
            }
        }
        return Font.SANS_SERIF;
    }
}
