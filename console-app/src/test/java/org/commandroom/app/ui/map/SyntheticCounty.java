package org.commandroom.app.ui.map;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.commandroom.app.ui.map.tiles.BaseMapData;
import org.commandroom.app.ui.map.tiles.BaseMapFeature;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A made-up county around 29.21 N, 103.95 E (WGS-84) for tests, the demo and the benchmark:
 * outline, nine streets/communities with Chinese names, a river, roads, 16 police grids, cameras
 * (as many as asked, denser in town), patrol units and incidents. Deterministic for a seed.
 */
final class SyntheticCounty {

    static final double CENTRE_LAT = 29.21;
    static final double CENTRE_LON = 103.95;
    static final Datum DATUM = Datum.WGS84;

    private static final String[] AREA_NAMES = {
        "城北街道", "玉津社区", "东湖社区", "城西街道", "南门社区", "城东街道", "河西社区", "清溪社区", "城南街道"};
    private static final String[] GRID_NAMES = {
        "玉津一格", "玉津二格", "东湖一格", "东湖二格", "南门一格", "南门二格", "城西一格", "城西二格",
        "河西一格", "河西二格", "清溪一格", "清溪二格", "城北一格", "城北二格", "城南一格", "城南二格"};

    private final GeometryFactory gf = new GeometryFactory();
    private final Random random;

    SyntheticCounty(long seed) {
        this.random = new Random(seed);
    }

    private Polygon box(double lat0, double lon0, double lat1, double lon1) {
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(lon0, lat0), new Coordinate(lon1, lat0), new Coordinate(lon1, lat1),
            new Coordinate(lon0, lat1), new Coordinate(lon0, lat0)});
    }

    Geometry outline() {
        Coordinate[] ring = new Coordinate[25];
        for (int i = 0; i < 24; i++) {
            double a = 2 * Math.PI * i / 24;
            double r = 1 + 0.12 * Math.sin(3 * a) + 0.06 * Math.cos(5 * a);
            ring[i] = new Coordinate(CENTRE_LON + 0.11 * r * Math.cos(a), CENTRE_LAT + 0.08 * r * Math.sin(a));
        }
        ring[24] = ring[0].copy();
        return gf.createPolygon(ring);
    }

    BaseMapData baseMap() {
        List<BaseMapFeature> areas = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double lat0 = CENTRE_LAT - 0.06 + r * 0.04;
                double lon0 = CENTRE_LON - 0.075 + c * 0.05;
                areas.add(new BaseMapFeature(AREA_NAMES[r * 3 + c], box(lat0, lon0, lat0 + 0.04, lon0 + 0.05), 1));
            }
        }
        List<BaseMapFeature> water = new ArrayList<>();
        Coordinate[] river = new Coordinate[42];
        for (int i = 0; i <= 20; i++) {
            double lat = CENTRE_LAT - 0.09 + i * 0.009;
            double lon = CENTRE_LON + 0.02 + 0.012 * Math.sin(i * 0.7);
            river[i] = new Coordinate(lon, lat);
            river[41 - i] = new Coordinate(lon + 0.0035, lat);
        }
        river[41] = river[0].copy();
        water.add(new BaseMapFeature("岷江", gf.createPolygon(river), 0));
        List<BaseMapFeature> roads = new ArrayList<>();
        for (int i = -4; i <= 4; i++) {
            double lat = CENTRE_LAT + i * 0.015;
            roads.add(new BaseMapFeature("", gf.createLineString(new Coordinate[] {
                new Coordinate(CENTRE_LON - 0.1, lat), new Coordinate(CENTRE_LON + 0.1, lat + 0.004)}), i == 0 ? 0 : 1));
            double lon = CENTRE_LON + i * 0.02;
            roads.add(new BaseMapFeature("", gf.createLineString(new Coordinate[] {
                new Coordinate(lon, CENTRE_LAT - 0.075), new Coordinate(lon - 0.006, CENTRE_LAT + 0.075)}), i == 0 ? 0 : 1));
        }
        roads.add(new BaseMapFeature("", gf.createLineString(new Coordinate[] {
            new Coordinate(CENTRE_LON - 0.1, CENTRE_LAT - 0.07), new Coordinate(CENTRE_LON + 0.1, CENTRE_LAT + 0.07)}), 0));
        return BaseMapData.of(DATUM, List.of(new BaseMapFeature("县界", outline(), 0)), areas, water, roads);
    }

    List<GridArea> grids() {
        List<GridArea> out = new ArrayList<>();
        RiskGrade[] grades = RiskGrade.values();
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double lat0 = CENTRE_LAT - 0.024 + r * 0.012;
                double lon0 = CENTRE_LON - 0.032 + c * 0.016;
                int k = r * 4 + c;
                RiskGrade grade = k % 7 == 0 ? grades[0] : k % 3 == 0 ? grades[1] : grades[2];
                out.add(GridArea.of(String.format("JG%03d", k + 1), GRID_NAMES[k], grade,
                        box(lat0, lon0, lat0 + 0.012, lon0 + 0.016), DATUM));
            }
        }
        return out;
    }

    /**
     * A rows x cols chequer of boxes over {@code spanLat} x {@code spanLon} degrees around the centre,
     * for the area layers at any scale (communities, micro-grids, police grids at Bao'an scale).
     */
    List<GridArea> boxes(String idPrefix, String namePrefix, int rows, int cols, double spanLat, double spanLon) {
        List<GridArea> out = new ArrayList<>();
        RiskGrade[] grades = RiskGrade.values();
        double dLat = spanLat / rows;
        double dLon = spanLon / cols;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double lat0 = CENTRE_LAT - spanLat / 2 + r * dLat;
                double lon0 = CENTRE_LON - spanLon / 2 + c * dLon;
                int k = r * cols + c;
                out.add(GridArea.of(idPrefix + (k + 1), namePrefix + (k + 1), grades[(k * 7 + r) % 3],
                        box(lat0, lon0, lat0 + dLat, lon0 + dLon), DATUM));
            }
        }
        return out;
    }

    /** n key patrol zones: round areas of about 400 m around random points in town. */
    List<GridArea> zones(int n) {
        List<GridArea> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lat = CENTRE_LAT + random.nextGaussian() * 0.02;
            double lon = CENTRE_LON + random.nextGaussian() * 0.025;
            out.add(GridArea.of("Z" + (i + 1), "巡区" + (i + 1), RiskGrade.GREEN,
                    gf.createPoint(new Coordinate(lon, lat)).buffer(0.004, 6), DATUM));
        }
        return out;
    }

    /** n places of a point layer spread like the cameras. */
    List<PlaceMarker> places(String idPrefix, String namePrefix, String kind, int n) {
        List<PlaceMarker> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new PlaceMarker(idPrefix + (i + 1), namePrefix + (i + 1), kind,
                    GeoPoint.wgs84(CENTRE_LAT + random.nextGaussian() * 0.02, CENTRE_LON + random.nextGaussian() * 0.03)));
        }
        return out;
    }

    /** n cameras: 70 % in town (normal around the centre), the rest anywhere in the county box. */
    CameraSet cameras(int n, Datum mapDatum) {
        String[] ids = new String[n];
        String[] names = new String[n];
        double[] lats = new double[n];
        double[] lons = new double[n];
        CameraKind[] kinds = new CameraKind[n];
        boolean[] online = new boolean[n];
        CameraKind[] all = CameraKind.values();
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("51112400%02d131%07d", i % 100, i);
            names[i] = "监控点" + (i + 1);
            if (random.nextDouble() < 0.7) {
                lats[i] = CENTRE_LAT + random.nextGaussian() * 0.012;
                lons[i] = CENTRE_LON + random.nextGaussian() * 0.016;
            } else {
                lats[i] = CENTRE_LAT + (random.nextDouble() - 0.5) * 0.15;
                lons[i] = CENTRE_LON + (random.nextDouble() - 0.5) * 0.2;
            }
            kinds[i] = all[random.nextInt(all.length)];
            online[i] = random.nextDouble() < 0.92;
        }
        return CameraSet.of(ids, names, lats, lons, kinds, online, DATUM, mapDatum);
    }

    List<UnitMarker> units(Instant now) {
        List<UnitMarker> out = new ArrayList<>();
        UnitKind[] kinds = UnitKind.values();
        UnitStatus[] statuses = UnitStatus.values();
        for (int i = 0; i < 12; i++) {
            boolean stale = i % 5 == 4;
            out.add(new UnitMarker("U" + (i + 1), (i < 6 ? "巡" : "警") + (i + 1) + "号",
                    kinds[i % kinds.length], statuses[i % statuses.length],
                    GeoPoint.wgs84(CENTRE_LAT + (random.nextDouble() - 0.5) * 0.04, CENTRE_LON + (random.nextDouble() - 0.5) * 0.05),
                    random.nextDouble() * 360,
                    now.minus(stale ? Duration.ofMinutes(7 + i) : Duration.ofSeconds(5 + i))));
        }
        return out;
    }

    List<IncidentMarker> incidents(Instant now) {
        String[] titles = {"家庭纠纷", "盗窃电动车", "交通事故", "打架斗殴", "噪音扰民", "求助"};
        List<IncidentMarker> out = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            out.add(new IncidentMarker("J" + (1001 + i), titles[i], 1 + i % 3,
                    GeoPoint.wgs84(CENTRE_LAT + (random.nextDouble() - 0.5) * 0.035, CENTRE_LON + (random.nextDouble() - 0.5) * 0.045),
                    now.minus(Duration.ofMinutes(10 + 7L * i))));
        }
        return out;
    }
}
