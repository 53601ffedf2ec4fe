package org.commandroom.app.ui.map;

import java.util.List;
import java.util.Optional;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.PointIndex;

/**
 * The places of one point layer converted once to the map's datum, with their Web-Mercator positions
 * for drawing and a {@link PointIndex} (ids = positions in the list) for picking. Immutable.
 */
final class PlaceSet {

    private final List<PlaceMarker> places;
    private final double[] lats;
    private final double[] lons;
    private final double[] mercX;
    private final double[] mercY;
    private final PointIndex index;
    private final Datum mapDatum;

    private PlaceSet(List<PlaceMarker> places, Datum mapDatum) {
        this.places = List.copyOf(places);
        this.mapDatum = mapDatum;
        int n = this.places.size();
        lats = new double[n];
        lons = new double[n];
        mercX = new double[n];
        mercY = new double[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            GeoPoint p = DatumConverter.convert(this.places.get(i).position(), mapDatum);
            lats[i] = p.lat();
            lons[i] = p.lon();
            mercX[i] = WebMercator.x(p.lon());
            mercY[i] = WebMercator.y(p.lat());
            ids[i] = i;
        }
        index = PointIndex.build(ids, lats, lons, mapDatum);
    }

    static PlaceSet of(List<PlaceMarker> places, Datum mapDatum) {
        return new PlaceSet(places, mapDatum);
    }

    int size() {
        return places.size();
    }

    PlaceMarker get(int i) {
        return places.get(i);
    }

    double mercX(int i) {
        return mercX[i];
    }

    double mercY(int i) {
        return mercY[i];
    }

    GeoPoint position(int i) {
        return new GeoPoint(lats[i], lons[i], mapDatum);
    }

    int positionOf(String id) {
        for (int i = 0; i < places.size(); i++) {
            if (places.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The place nearest to {@code p} (map datum) within the tolerance. */
    Optional<Integer> nearest(GeoPoint p, double toleranceMetres) {
        long[] near = index.nearest(p, 1);
        if (near.length == 0) {
            return Optional.empty();
        }
        int i = (int) near[0];
        return p.distanceMetres(position(i)) <= toleranceMetres ? Optional.of(i) : Optional.empty();
    }
}
