package org.commandroom.app.ui.map;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.PointIndex;
import org.commandroom.core.prevention.HouseMapPoints;

/**
 * The houses of the register the map draws ({@link HouseMapPoints}), converted once to the map's datum: their
 * Web-Mercator positions and stars in primitive arrays for the raster layer ({@link HouseLayer}), and a
 * {@link PointIndex} (ids = positions in the list) for picking and for the houses in view. Immutable; build it off
 * the FX thread for a large register.
 *
 * <p><b>Colour rule</b> (the legend and docs/PREVENTION.md say the same): 1 star red (high risk), 2 orange, 3 yellow,
 * 4 light green, 5 green (well managed); stars below 1 are drawn as 1, above 5 as 5.
 */
public final class HouseSet {

    /** The colours of 1 to 5 stars, index 0 being 1 star. */
    static final int[] STAR_COLOURS = {MapPalette.GRADE_RED, MapPalette.GRADE_ORANGE, MapPalette.HOUSE_3_STARS,
        MapPalette.HOUSE_4_STARS, MapPalette.GRADE_GREEN};

    private final List<HouseMapPoints.Point> houses;
    private final double[] lats;
    private final double[] lons;
    private final double[] mercX;
    private final double[] mercY;
    private final byte[] stars;
    private final PointIndex index;
    private final Datum mapDatum;
    private final Map<String, Integer> positions = new HashMap<>();

    private HouseSet(List<HouseMapPoints.Point> houses, Datum mapDatum) {
        this.houses = List.copyOf(houses);
        this.mapDatum = Objects.requireNonNull(mapDatum, "mapDatum");
        int n = this.houses.size();
        lats = new double[n];
        lons = new double[n];
        mercX = new double[n];
        mercY = new double[n];
        stars = new byte[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            HouseMapPoints.Point h = this.houses.get(i);
            GeoPoint p = DatumConverter.convert(h.position(), mapDatum);
            lats[i] = p.lat();
            lons[i] = p.lon();
            mercX[i] = WebMercator.x(p.lon());
            mercY[i] = WebMercator.y(p.lat());
            stars[i] = (byte) Math.max(1, Math.min(5, h.stars()));
            ids[i] = i;
            positions.put(Long.toString(h.id()), i);
        }
        index = PointIndex.build(ids, lats, lons, mapDatum);
    }

    public static HouseSet of(List<HouseMapPoints.Point> houses, Datum mapDatum) {
        return new HouseSet(houses, mapDatum);
    }

    public static HouseSet empty(Datum mapDatum) {
        return new HouseSet(List.of(), mapDatum);
    }

    /** The colour a house of this many stars is drawn in (the rule above). */
    public static int colourOf(int stars) {
        return STAR_COLOURS[Math.max(1, Math.min(5, stars)) - 1];
    }

    public int size() {
        return houses.size();
    }

    public Datum mapDatum() {
        return mapDatum;
    }

    public HouseMapPoints.Point get(int i) {
        return houses.get(i);
    }

    /** The house's id as a map selection names it (the register's id). */
    String id(int i) {
        return Long.toString(houses.get(i).id());
    }

    double mercX(int i) {
        return mercX[i];
    }

    double mercY(int i) {
        return mercY[i];
    }

    int colour(int i) {
        return STAR_COLOURS[stars[i] - 1];
    }

    GeoPoint position(int i) {
        return new GeoPoint(lats[i], lons[i], mapDatum);
    }

    PointIndex index() {
        return index;
    }

    /** The position in the set of the house with this id, or -1. */
    public int positionOf(String id) {
        Integer i = positions.get(id);
        return i == null ? -1 : i;
    }

    /** The house nearest to {@code p} (map datum) within the tolerance, or -1. */
    int nearest(GeoPoint p, double toleranceMetres) {
        long[] near = index.nearest(p, 1);
        if (near.length == 0) {
            return -1;
        }
        int i = (int) near[0];
        return p.distanceMetres(position(i)) <= toleranceMetres ? i : -1;
    }

    /** What the map says of a house on hover or selection: address, kind, stars, landlord, occupants. */
    public static String describe(I18n i18n, HouseMapPoints.Point h) {
        String landlord = h.landlord() == null || h.landlord().isBlank() ? i18n.tr("map.house.noLandlord") : h.landlord();
        return i18n.tr("map.house.detail", h.label(), i18n.tr("house.kind." + h.kind().name()), h.stars(), landlord,
                h.occupants());
    }
}
