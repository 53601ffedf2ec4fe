package org.commandroom.core.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Helpers the demo tests share: content hashes and WKT parsing. */
final class DemoChecks {

    private DemoChecks() {
    }

    /** SHA-256 over every column of every row the query returns, in its order. */
    static String hash(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).scanResultSet((supplier, ctx) -> {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                ResultSet rs = supplier.get();
                ResultSetMetaData meta = rs.getMetaData();
                long rows = 0;
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        md.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 0);
                    }
                }
                md.update(Long.toString(rows).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** True when at most a millionth of {@code inner}'s area lies outside {@code outer}. */
    static boolean within(Geometry inner, Geometry outer) {
        double outside = inner.getArea() - inner.intersection(outer).getArea();
        return outside <= inner.getArea() * 1e-6;
    }
}
