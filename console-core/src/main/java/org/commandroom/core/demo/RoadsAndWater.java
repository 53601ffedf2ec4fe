package org.commandroom.core.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.commandroom.core.geo.BaseMapDao;
import org.commandroom.core.geo.MapLayers.BaseKind;
import org.jdbi.v3.core.Handle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The roads and water of the county's offline base map ({@code base_map_feature}), in the map's local
 * metric plane and written as WGS84 WKT like every other generated geometry:
 *
 * <ul>
 *   <li>major roads: a trunk road across the county through the seat, a ring road round the seat, and
 *       one road from the seat to each town, each gently bent and continued past the town to the edge;
 *   <li>minor roads: a street grid, turned a little, in the seat (350 m apart) and in each town (300 m),
 *       cut to a round town area inside the outline, named from the street's road names
 *       ({@code 滨江路}, then {@code 玉津一路}, {@code 玉津二路}...);
 *   <li>water: a river winding across the county past the seat (an area about 150 m wide) and a lake
 *       (reservoir) in the countryside.
 * </ul>
 *
 * <p>It draws from its own random stream, so adding it changed none of the other generated rows.
 */
final class RoadsAndWater {

    private static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};

    private final County c;
    private final CountyMap map;
    private final SplittableRandom rnd;
    private final boolean guangdong;
    final List<String> kinds = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<Geometry> geometries = new ArrayList<>();

    RoadsAndWater(County c, long seed, String regionCode) {
        this.c = c;
        this.map = c.map;
        this.rnd = new SplittableRandom(seed ^ 0xBA5E_3A9L);
        this.guangdong = regionCode.startsWith("44");
    }

    /** Builds the features and writes them; returns how many were written. */
    int store(Handle h) {
        build();
        List<String> wkts = new ArrayList<>(geometries.size());
        for (Geometry g : geometries) {
            wkts.add(map.wkt(g));
        }
        h.attach(BaseMapDao.class).insertAll(kinds, names, wkts, "WGS84");
        return wkts.size();
    }

    void build() {
        double r = map.radius;
        // water first: it is drawn under the roads, and the river is placed before the town grids
        river(r);
        lake(r);
        // trunk road across the county, through the seat
        double a = rnd.nextDouble() * Math.PI;
        add(BaseKind.ROAD_MAJOR, guangdong ? "广深公路" : "国道213线",
                bent(new Coordinate(-1.6 * r * Math.cos(a), -1.6 * r * Math.sin(a)),
                        new Coordinate(1.6 * r * Math.cos(a), 1.6 * r * Math.sin(a)), 0.06 * r), map.outline);
        // ring road round the seat
        Coordinate[] ring = new Coordinate[49];
        double ringR = 0.13 * r;
        for (int i = 0; i < 48; i++) {
            double t = 2 * Math.PI * i / 48;
            double rr = ringR * (1 + 0.08 * Math.sin(3 * t + a));
            ring[i] = new Coordinate(rr * Math.cos(t), rr * Math.sin(t));
        }
        ring[48] = new Coordinate(ring[0]);
        add(BaseKind.ROAD_MAJOR, "环城路", CountyMap.GF.createLineString(ring), map.outline);
        // seat to each town, and on to the edge
        for (int s = 1; s < map.towns.length; s++) {
            double[] t = map.towns[s];
            double len = Math.hypot(t[0], t[1]);
            Coordinate end = new Coordinate(t[0] / len * 1.6 * r, t[1] / len * 1.6 * r);
            add(BaseKind.ROAD_MAJOR, c.streetStem(s) + "大道", bent(new Coordinate(0, 0), end, 0.04 * r), map.outline);
        }
        // street grids
        grid(0, 0, 0, 0.15 * r, 350);
        for (int s = 1; s < map.towns.length; s++) {
            grid(s, map.towns[s][0], map.towns[s][1], 0.06 * r, 300);
        }
    }

    private void river(double r) {
        // enters on one side, passes 6-10 % of the radius from the seat, leaves on the other
        double a = rnd.nextDouble() * Math.PI;
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        double off = (0.06 + 0.04 * rnd.nextDouble()) * r * (rnd.nextBoolean() ? 1 : -1);
        int n = 80;
        Coordinate[] line = new Coordinate[n + 1];
        double p1 = rnd.nextDouble() * 6.283;
        double p2 = rnd.nextDouble() * 6.283;
        for (int i = 0; i <= n; i++) {
            double s = -1.7 * r + 3.4 * r * i / n;
            double lateral = off + 0.05 * r * Math.sin(s / (0.23 * r) + p1) + 0.03 * r * Math.sin(s / (0.09 * r) + p2);
            line[i] = new Coordinate(s * ux - lateral * uy, s * uy + lateral * ux);
        }
        Geometry river = CountyMap.GF.createLineString(line).buffer(75, 4);
        add(BaseKind.WATER, guangdong ? "茅洲河" : "岷江", river, map.outline);
    }

    private void lake(double r) {
        // in the countryside: far from the seat and the towns
        for (int attempt = 0; attempt < 400; attempt++) {
            double x = (rnd.nextDouble() * 2 - 1) * r;
            double y = (rnd.nextDouble() * 2 - 1) * r;
            if (!map.contains(x, y) || map.urbanness(x, y) > 0.08 || Math.hypot(x, y) < 0.35 * r) {
                continue;
            }
            double size = 0.03 * r + 0.02 * r * rnd.nextDouble();
            int n = 24;
            Coordinate[] ring = new Coordinate[n + 1];
            double p = rnd.nextDouble() * 6.283;
            for (int i = 0; i < n; i++) {
                double t = 2 * Math.PI * i / n;
                double rr = size * (1 + 0.3 * Math.sin(2 * t + p) + 0.12 * Math.sin(5 * t + 2 * p));
                ring[i] = new Coordinate(x + 1.6 * rr * Math.cos(t), y + rr * Math.sin(t));
            }
            ring[n] = new Coordinate(ring[0]);
            Polygon lake = CountyMap.GF.createPolygon(ring);
            if (map.preparedOutline.containsProperly(lake)) {
                add(BaseKind.WATER, guangdong ? "铁岗水库" : "月湖", lake, map.outline);
                return;
            }
        }
    }

    /** A street grid of {@code spacing} metres in a round area, turned by up to 25 degrees. */
    private void grid(int street, double cx, double cy, double radius, double spacing) {
        Geometry area = CountyMap.GF.createPoint(new Coordinate(cx, cy)).buffer(radius, 12).intersection(map.outline);
        if (area.isEmpty()) {
            return;
        }
        double turn = Math.toRadians(rnd.nextDouble() * 50 - 25);
        AffineTransformation rotate = AffineTransformation.rotationInstance(turn, cx, cy);
        String[] roads = c.streetRoads[street];
        int named = 0;
        int numbered = 0;
        int lines = (int) Math.floor(radius / spacing);
        for (int dir = 0; dir < 2; dir++) {
            for (int k = -lines; k <= lines; k++) {
                double o = k * spacing + (rnd.nextDouble() - 0.5) * spacing * 0.3;
                Coordinate p = dir == 0 ? new Coordinate(cx - radius, cy + o) : new Coordinate(cx + o, cy - radius);
                Coordinate q = dir == 0 ? new Coordinate(cx + radius, cy + o) : new Coordinate(cx + o, cy + radius);
                LineString line = (LineString) rotate.transform(CountyMap.GF.createLineString(new Coordinate[] {p, q}));
                String name = named < roads.length ? roads[named++]
                        : c.streetStem(street) + NUMBERS[numbered++ % NUMBERS.length] + "路";
                add(BaseKind.ROAD_MINOR, name, line, area);
            }
        }
    }

    /** A line from a to b, bent sideways by a sine of amplitude {@code bend}, in 24 pieces. */
    private LineString bent(Coordinate a, Coordinate b, double bend) {
        int n = 24;
        Coordinate[] pts = new Coordinate[n + 1];
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len = Math.hypot(dx, dy);
        double nx = -dy / len;
        double ny = dx / len;
        double phase = rnd.nextDouble() * 6.283;
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double side = bend * Math.sin(Math.PI * t) * Math.sin(2 * Math.PI * t + phase);
            pts[i] = new Coordinate(a.x + dx * t + nx * side, a.y + dy * t + ny * side);
        }
        return CountyMap.GF.createLineString(pts);
    }

    private void add(BaseKind kind, String name, Geometry g, Geometry clip) {
        Geometry clipped = g.intersection(clip);
        if (clipped.isEmpty() || clipped.getDimension() != g.getDimension()) {
            return;
        }
        kinds.add(kind.name());
        names.add(name);
        geometries.add(clipped);
    }
}
