package org.commandroom.core.geo;

import java.util.Objects;

/**
 * Converts positions between WGS-84 (what GPS terminals report) and GCJ-02 (what most Chinese web
 * base maps are drawn in).
 *
 * <p>The forward direction, WGS-84 to GCJ-02, is the widely published obfuscation formula on the
 * Krasovsky 1940 ellipsoid (a = 6,378,245 m, e&sup2; = 0.00669342162296594323). The offset it
 * adds is 100-700 m across China. The formula has no closed inverse, so GCJ-02 to WGS-84 iterates
 * {@code w <- w - (forward(w) - g)} until the step falls under 1e-10&deg; (about 0.01 mm); the
 * offset changes slowly with position, so this converges in a handful of steps, far below the
 * centimetre asked for, instead of the common one-step inverse that leaves metres of error.
 *
 * <p><b>Outside China.</b> The offset is only applied inside the rectangle longitude 72.004&deg; to
 * 137.8347&deg; E, latitude 0.8293&deg; to 55.8271&deg; N, the same bounds the reference
 * implementations use (so our results agree with theirs everywhere). Points outside it are
 * returned unchanged. The rectangle is coarse: it also covers neighbouring countries and the sea.
 * That does not matter for a station's district, which lies deep inside it; callers that need the
 * exact national border must not rely on this test.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatumConverter {

    private static final double KRASOVSKY_A = 6_378_245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;

    private static final double CHINA_MIN_LON = 72.004;
    private static final double CHINA_MAX_LON = 137.8347;
    private static final double CHINA_MIN_LAT = 0.8293;
    private static final double CHINA_MAX_LAT = 55.8271;

    /** Iteration stops when the correction is below this many degrees (about 0.01 mm). */
    private static final double INVERSE_TOLERANCE_DEG = 1e-10;
    private static final int INVERSE_MAX_STEPS = 30;

    private DatumConverter() {
    }

    /** The point expressed in {@code target}; the same instance when it already is. */
    public static GeoPoint convert(GeoPoint point, Datum target) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(target, "target");
        if (point.datum() == target) {
            return point;
        }
        double[] out = new double[2];
        if (target == Datum.GCJ02) {
            wgs84ToGcj02(point.lat(), point.lon(), out);
        } else {
            gcj02ToWgs84(point.lat(), point.lon(), out);
        }
        return new GeoPoint(out[0], out[1], target);
    }

    /**
     * Primitive form for bulk work, allocating nothing per call: writes {@code {lat, lon}} of the point
     * in {@code target} into {@code out}.
     */
    public static void convert(double lat, double lon, Datum from, Datum target, double[] out) {
        if (from == target) {
            out[0] = lat;
            out[1] = lon;
        } else if (target == Datum.GCJ02) {
            wgs84ToGcj02(lat, lon, out);
        } else {
            gcj02ToWgs84(lat, lon, out);
        }
    }

    /** True when the position lies outside the rectangle where GCJ-02 applies an offset. */
    public static boolean isOutsideChina(double lat, double lon) {
        return lon < CHINA_MIN_LON || lon > CHINA_MAX_LON || lat < CHINA_MIN_LAT || lat > CHINA_MAX_LAT;
    }

    /** WGS-84 to GCJ-02; writes {@code {lat, lon}} into {@code out}. */
    static void wgs84ToGcj02(double lat, double lon, double[] out) {
        if (isOutsideChina(lat, lon)) {
            out[0] = lat;
            out[1] = lon;
            return;
        }
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = offsetLat(x, y);
        double dLon = offsetLon(x, y);
        double radLat = Math.toRadians(lat);
        double sinLat = Math.sin(radLat);
        double magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        out[0] = lat + dLat;
        out[1] = lon + dLon;
    }

    /** GCJ-02 to WGS-84 by fixed-point iteration; writes {@code {lat, lon}} into {@code out}. */
    static void gcj02ToWgs84(double lat, double lon, double[] out) {
        if (isOutsideChina(lat, lon)) {
            out[0] = lat;
            out[1] = lon;
            return;
        }
        double wLat = lat;
        double wLon = lon;
        double[] fwd = new double[2];
        for (int step = 0; step < INVERSE_MAX_STEPS; step++) {
            wgs84ToGcj02(wLat, wLon, fwd);
            double eLat = fwd[0] - lat;
            double eLon = fwd[1] - lon;
            wLat -= eLat;
            wLon -= eLon;
            if (Math.abs(eLat) < INVERSE_TOLERANCE_DEG && Math.abs(eLon) < INVERSE_TOLERANCE_DEG) {
                break;
            }
        }
        out[0] = wLat;
        out[1] = wLon;
    }

    private static double offsetLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double offsetLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
