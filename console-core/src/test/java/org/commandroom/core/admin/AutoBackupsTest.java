package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.commandroom.core.TestClock;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running console's own backups of its embedded database: taken while the database is open (no other process
 * could), one per interval, the newest few kept, each restorable with what it held.
 */
class AutoBackupsTest {

    @TempDir
    Path dir;

    private static long audits(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one());
    }

    private static void audit(Database db, int n) {
        db.jdbi().useHandle(h -> h.attach(org.commandroom.core.audit.AuditDao.class)
                .append(Instant.now(), "duty", "ws-1", "INTAKE", "INCIDENT", (long) n, "write " + n));
    }

    @Test
    void oneBackupPerIntervalTheNewestKeptAndEachRestores() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-06T01:00:00Z"));
        Path backups = dir.resolve("backups");
        try (Database db = Database.open(DbSettings.embedded(dir.resolve("data"), "console"))) {
            AutoBackups auto = new AutoBackups(db.jdbi(), backups, clock, Duration.ofDays(1), 3);
            audit(db, 1);
            Optional<Path> first = auto.takeIfDue();
            assertTrue(first.isPresent(), "none yet: one is due at once");
            assertEquals(Optional.empty(), auto.takeIfDue(), "not again within the day");
            long atFirst = audits(db);

            for (int day = 2; day <= 5; day++) {
                clock.advance(Duration.ofHours(23));
                assertEquals(Optional.empty(), auto.takeIfDue(), "23 h after the last: not yet");
                clock.advance(Duration.ofHours(1));
                audit(db, day);
                assertTrue(auto.takeIfDue().isPresent(), "a day after the last: due");
            }
            List<Path> kept = auto.backups();
            assertEquals(3, kept.size(), "the newest three kept");
            assertTrue(Files.notExists(first.get()), "the oldest removed");
            Files.writeString(backups.resolve("keep-me.zip"), "not ours");

            clock.advance(Duration.ofDays(1));
            auto.takeIfDue();
            assertTrue(Files.exists(backups.resolve("keep-me.zip")), "only the console's own backups are ever deleted");
            long now = audits(db);

            Path restored = dir.resolve("restored");
            H2Backup.restore(auto.backups().get(0), DbSettings.embedded(restored, "console"));
            try (Database copy = Database.open(DbSettings.embedded(restored, "console"))) {
                assertEquals(now, audits(copy), "the newest backup holds every row written before it");
            }
            assertTrue(now > atFirst);
        }
    }

    @Test
    void aFailedBackupIsReportedAndTriedAgain() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-06T01:00:00Z"));
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "a file where the folder should be");
        try (Database db = Database.open(DbSettings.embedded(dir.resolve("data"), "console"))) {
            AutoBackups auto = new AutoBackups(db.jdbi(), blocked, clock, Duration.ofDays(1), 3);
            assertEquals(Optional.empty(), auto.takeIfDue(), "cannot write there: no backup, no exception");
            AutoBackups fixed = new AutoBackups(db.jdbi(), dir.resolve("ok"), clock, Duration.ofDays(1), 3);
            assertTrue(fixed.takeIfDue().isPresent());
        }
    }
}
