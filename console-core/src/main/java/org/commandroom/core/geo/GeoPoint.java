package org.commandroom.core.geo;

import java.util.Objects;

/** A position on the earth in degrees, with the datum it is expressed in. */
public record GeoPoint(double lat, double lon, Datum datum) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        Objects.requireNonNull(datum, "datum");
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("coordinate out of range: " + lat + ", " + lon);
        }
    }

    public static GeoPoint wgs84(double lat, double lon) {
        return new GeoPoint(lat, lon, Datum.WGS84);
    }

    /** Great-circle distance in metres (haversine); both points must be in the same datum. */
    public double distanceMetres(GeoPoint other) {
        if (other.datum != datum) {
            throw new IllegalArgumentException("cannot measure between " + datum + " and " + other.datum);
        }
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lon - lon);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
