package org.commandroom.core.store;

import org.jdbi.v3.core.Jdbi;

/** Minimal reference rows (a bureau and a station) that incidents, units and orders point to. */
public final class TestData {

    private TestData() {
    }

    /** Inserts a bureau and one station and returns the station's id. */
    public static long station(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '测试县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }
}
