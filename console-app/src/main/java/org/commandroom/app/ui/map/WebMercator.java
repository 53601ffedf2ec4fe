package org.commandroom.app.ui.map;

/**
 * The spherical Web-Mercator projection Gluon Maps and every XYZ tile source use, in normalised
 * world coordinates: x and y run from 0 to 1 across the world (y downwards), so a point's pixel at
 * zoom z is {@code x * 256 * 2^z}. Latitudes are clamped to the projection's limit (about 85.05&deg;).
 */
public final class WebMercator {

    public static final double MAX_LAT = 85.05112878;
    public static final double EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6_378_137.0;

    private WebMercator() {
    }

    public static double x(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double r = Math.toRadians(clamped);
        return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
    }

    public static double lon(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }

    /** World size in pixels at a (fractional) zoom level. */
    public static double worldPixels(double zoom) {
        return 256.0 * Math.pow(2, zoom);
    }

    /** Ground metres covered by one screen pixel at this latitude and zoom. */
    public static double metresPerPixel(double lat, double zoom) {
        return EARTH_CIRCUMFERENCE_M * Math.cos(Math.toRadians(lat)) / worldPixels(zoom);
    }
}
