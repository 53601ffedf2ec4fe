package org.commandroom.core.geo.io;

import java.math.BigDecimal;

/**
 * The box every imported coordinate must fall in, in the same datum as the file: it catches files
 * from another district, swapped latitude/longitude and projected (metre) coordinates.
 * Edges count as inside.
 */
public record DistrictEnvelope(double minLat, double minLon, double maxLat, double maxLon) {

    public DistrictEnvelope {
        if (!(minLat <= maxLat) || !(minLon <= maxLon)) {
            throw new IllegalArgumentException("empty envelope: " + minLat + ".." + maxLat + ", " + minLon + ".." + maxLon);
        }
    }

    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }

    /** A coordinate as operators see it in files: {@code lon,lat}, no trailing zeros. */
    static String format(double lon, double lat) {
        return plain(lon) + "," + plain(lat);
    }

    /** As {@link #format} but rounded to 7 decimals (1 cm), for computed points such as intersections. */
    static String formatRounded(double lon, double lat) {
        return format(round7(lon), round7(lat));
    }

    private static double round7(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(7, java.math.RoundingMode.HALF_UP).doubleValue() : v;
    }

    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
