package org.commandroom.core.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.MapLayers;
import org.commandroom.core.geo.PointIndex;

/**
 * Which key places (重点场所) have too few working cameras around them for a video patrol (视频巡逻): a place is short
 * when fewer than {@link Rule#minOnline} cameras within {@link Rule#radiusMetres} are on line. The seeds' video
 * patrols circle a place's cameras; a place whose cameras are dark is one the command room cannot watch, so the
 * map marks it. Pure: computed from the layers already read for the map.
 */
public final class VideoCoverage {

    /**
     * @param radiusMetres the cameras that count for a place: within this distance
     * @param minOnline    a place with fewer cameras on line than this is short
     */
    public record Rule(double radiusMetres, int minOnline) {
        /** 200 m and two cameras on line: a square and its approaches, seen from two sides. */
        public static final Rule DEFAULT = new Rule(200, 2);

        public Rule {
            if (!(radiusMetres > 0) || minOnline < 1) {
                throw new IllegalArgumentException("a radius above 0 and at least one camera");
            }
        }
    }

    /** A place that is short, with its cameras within the radius: all and those on line. */
    public record Gap(long placeId, String name, int cameras, int online) {
    }

    private VideoCoverage() {
    }

    public static List<Gap> gaps(List<MapLayers.Place> places, List<MapLayers.CameraPoint> cameras, Rule rule) {
        Objects.requireNonNull(rule, "rule");
        List<Gap> out = new ArrayList<>();
        if (places.isEmpty()) {
            return out;
        }
        int n = cameras.size();
        long[] ids = new long[n];
        double[] lats = new double[n];
        double[] lons = new double[n];
        org.commandroom.core.geo.Datum datum = n == 0 ? places.get(0).datum() : cameras.get(0).datum();
        double[] converted = new double[2];
        for (int i = 0; i < n; i++) {
            MapLayers.CameraPoint c = cameras.get(i);
            ids[i] = i;
            DatumConverter.convert(c.lat(), c.lon(), c.datum(), datum, converted);
            lats[i] = converted[0];
            lons[i] = converted[1];
        }
        PointIndex index = PointIndex.build(ids, lats, lons, datum);
        for (MapLayers.Place p : places) {
            GeoPoint centre = DatumConverter.convert(new GeoPoint(p.lat(), p.lon(), p.datum()), datum);
            long[] near = index.withinCircle(centre, rule.radiusMetres());
            int online = 0;
            for (long id : near) {
                if (cameras.get((int) id).online()) {
                    online++;
                }
            }
            if (online < rule.minOnline()) {
                out.add(new Gap(p.id(), p.name(), near.length, online));
            }
        }
        return out;
    }
}
