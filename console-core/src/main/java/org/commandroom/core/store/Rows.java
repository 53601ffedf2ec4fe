package org.commandroom.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;

/** Small helpers the row mappers share for nullable columns, instants and positions. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
        return odt == null ? null : odt.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** The position in columns {@code <prefix>lat}, {@code <prefix>lon} and {@code datum}, or null. */
    public static GeoPoint point(ResultSet rs, String prefix) throws SQLException {
        Double lat = nullableDouble(rs, prefix + "lat");
        Double lon = nullableDouble(rs, prefix + "lon");
        if (lat == null || lon == null) {
            return null;
        }
        return new GeoPoint(lat, lon, Datum.valueOf(rs.getString("datum")));
    }
}
