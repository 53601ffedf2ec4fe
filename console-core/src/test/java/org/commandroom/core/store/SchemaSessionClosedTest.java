package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cause of the embedded database "closing itself" 29 minutes into a trial (issue 10), reproduced: H2 2.4.240
 * evaluates a {@code CHECK (x IN (...))} constraint with a comparator bound to the session that created the
 * constraint (h2database issues 4291, 4302, 4308). The migrations run on the pool's first connection; when the
 * pool retires that connection (HikariCP's maxLifetime, 30 minutes less up to 2.5 %) every later write to a table
 * with such a constraint fails with "Check constraint invalid" caused by "The database has been closed", while
 * reads (the change feed, and so the status bar) go on working.
 */
class SchemaSessionClosedTest {

    @TempDir
    Path dir;

    @Test
    void writesStillPassTheirCheckConstraintsAfterTheConnectionThatCreatedTheSchemaIsClosed() {
        try (Database db = Database.open(DbSettings.embedded(dir, "fresh"))) {
            db.evictAll();   // what the pool does to every connection at maxLifetime or idleTimeout
            assertEquals(1, insertStation(db));
        }
    }

    @Test
    void onAnH2ServerTooWhenTheWorkstationThatMigratedIsGone() {
        try (SharedDatabase shared = SharedDatabase.Kind.H2_TCP.create();
             Database other = Database.open(shared.settings())) {   // creates the schema; keeps the database open
            try (Database second = Database.open(shared.settings())) {
                other.evictAll();   // the sessions that created the schema are gone; the server stays up
                assertEquals(1, insertStation(second));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int insertStation(Database db) {
        return db.jdbi().withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B9', '测试县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S9', '城关派出所', 'STATION')")
                    .bind("b", bureau).execute();
        });
    }
}
