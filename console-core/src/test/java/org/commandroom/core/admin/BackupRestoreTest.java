package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.audit.AuditDao;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.org.OrgImportService;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.SharedDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * console-admin backup and restore of H2: a backup taken from an H2 server while another workstation keeps writing is
 * restored into an empty embedded database and holds a transaction-consistent state of the source.
 */
class BackupRestoreTest {

    @TempDir
    Path dir;

    /** What a workstation writes in one transaction: an audit row and a change-log row with the same number. */
    private static void write(Jdbi jdbi, int n) {
        jdbi.useTransaction(h -> {
            h.attach(AuditDao.class).append(Instant.now(), "duty", "ws-2", "INTAKE", "INCIDENT", (long) n, "write " + n);
            new ChangeRecorder(Clock.systemUTC(), "ws-2").record(h, org.commandroom.core.live.Entity.INCIDENT, n,
                    org.commandroom.core.live.ChangeOp.INSERT);
        });
    }

    private static Set<Long> numbers(Jdbi jdbi, String sql) {
        List<Long> list = jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).list());
        return new TreeSet<>(list);
    }

    private static String organisation(Jdbi jdbi) {
        StringBuilder sb = new StringBuilder();
        for (String sql : List.of("SELECT * FROM station ORDER BY id", "SELECT * FROM officer ORDER BY id",
                "SELECT * FROM patrol_unit ORDER BY id", "SELECT * FROM unit_crew ORDER BY unit_id, officer_id",
                "SELECT * FROM base_map_feature ORDER BY id")) {
            jdbi.useHandle(h -> h.createQuery(sql).mapToMap().forEach(m -> sb.append(m).append('\n')));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"backup.zip", "backup.sql.zip"})
    void aBackupTakenWhileAnotherWorkstationWritesRestoresToAConsistentCopy(String fileName) throws Exception {
        Path backup = dir.resolve(fileName);
        Path restoredDir = dir.resolve("restored");
        try (SharedDatabase shared = SharedDatabase.Kind.H2_TCP.create()) {
            Database ws = shared.open();
            Jdbi jdbi = ws.jdbi();
            OrgImportService org = new OrgImportService(jdbi, Clock.systemUTC(), new ChangeRecorder(Clock.systemUTC(), "ws-1"),
                    AccessGuard.trusted());
            Path samples = Path.of("..", "assets", "samples", "organisation");
            assertTrue(org.importOrganisation(Files.readAllBytes(samples.resolve("organisation.xlsx")), "o.xlsx", "a", false).accepted());
            assertTrue(org.importUnits(Files.readAllBytes(samples.resolve("units.xlsx")), "u.xlsx", "a", false).accepted());
            // Some bulk, so that the copy takes a while: 3,000 roads of 2 KB.
            String wkt = "LINESTRING (" + "104.0 29.2, ".repeat(160) + "104.1 29.3)";
            jdbi.useHandle(h -> {
                var batch = h.prepareBatch("INSERT INTO base_map_feature (kind, name, geometry_wkt, datum) "
                        + "VALUES ('ROAD_MINOR', :name, :wkt, 'WGS84')");
                for (int i = 0; i < 3000; i++) {
                    batch.bind("name", "路" + i).bind("wkt", wkt).add();
                }
                batch.execute();
            });

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    write(jdbi, written.get() + 1);
                    written.incrementAndGet();
                }
            }, "second-workstation");
            writer.start();
            while (written.get() < 50) {
                Thread.sleep(5);
            }
            int atStart = written.get();
            AdminRun admin = new AdminRun(shared.settings(), dir);
            AdminRun.Result r = admin.run("backup", "--db", shared.settings().jdbcUrl(), "--to", backup.toString());
            int atEnd = written.get();
            Thread.sleep(100);
            stop.set(true);
            writer.join();
            assertEquals(0, r.code(), r.toString());
            assertTrue(atEnd > atStart, "the other workstation wrote while the backup ran: " + atStart + " -> " + atEnd);
            String sourceOrganisation = organisation(jdbi);
            ws.close();

            AdminRun.Result restore = new AdminRun(null, dir).run("restore", "--from", backup.toString(),
                    "--data-dir", restoredDir.toString());
            assertEquals(0, restore.code(), restore.toString() + " / backup: " + r);
            assertTrue(restore.out().contains("audit chain intact"), restore.out());

            try (Database restored = Database.open(DbSettings.embedded(restoredDir, DbOptions.EMBEDDED_NAME))) {
                Jdbi rj = restored.jdbi();
                assertEquals(sourceOrganisation, organisation(rj));
                Set<Long> audited = numbers(rj, "SELECT entity_id FROM audit_log WHERE action = 'INTAKE'");
                Set<Long> logged = numbers(rj, "SELECT entity_id FROM change_log WHERE entity = 'INCIDENT'");
                assertEquals(audited, logged, "every transaction is there whole, or not at all");
                assertTrue(audited.size() >= atStart && audited.size() <= atEnd,
                        audited.size() + " writes restored; " + atStart + " before the backup began, " + atEnd + " at its end");
                assertEquals(audited.size(), audited.isEmpty() ? 0 : (long) ((TreeSet<Long>) audited).last(), "no gap");
                assertTrue(AuditChain.verify(rj).intact());
                assertEquals(1L, (long) rj.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'BACKUP' AND actor = 'console-admin:tester'")
                        .mapTo(Long.class).one()), "the backup holds the record of itself");
                assertEquals(1L, (long) rj.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'RESTORE'").mapTo(Long.class).one()));
            }

            AdminRun.Result again = new AdminRun(null, dir).run("restore", "--from", backup.toString(),
                    "--data-dir", restoredDir.toString());
            assertEquals(ConsoleAdmin.FAILED, again.code(), again.toString());
            assertTrue(again.err().contains("exists already"), again.err());
        }
    }

    @Test
    void anEmbeddedDatabaseIsBackedUpAndPostgresIsSentToPgDump() throws Exception {
        AdminRun admin = new AdminRun(null, dir);
        Path data = dir.resolve("data");
        assertEquals(0, admin.run("db", "migrate", "--data-dir", data.toString()).code());
        AdminRun.Result b = admin.run("backup", "--data-dir", data.toString(), "--to", dir.resolve("b.sql").toString());
        assertEquals(0, b.code(), b.toString());
        assertTrue(Files.readString(dir.resolve("b.sql")).contains("CREATE MEMORY TABLE \"PUBLIC\".\"AUDIT_LOG\"")
                || Files.readString(dir.resolve("b.sql")).contains("\"AUDIT_LOG\""));
        AdminRun.Result twice = admin.run("backup", "--data-dir", data.toString(), "--to", dir.resolve("b.sql").toString());
        assertEquals(ConsoleAdmin.FAILED, twice.code());
        assertTrue(twice.err().contains("exists already"), twice.err());

        AdminRun.Result pg = admin.run("backup", "--db", "jdbc:postgresql://localhost:1/console", "--to", dir.resolve("p.zip").toString());
        assertEquals(ConsoleAdmin.FAILED, pg.code());
        assertTrue(pg.err().contains("pg_dump"), pg.err());
    }
}
