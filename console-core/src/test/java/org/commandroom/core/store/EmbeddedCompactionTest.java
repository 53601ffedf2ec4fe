package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file gives back what long transactions left behind when the console closes it: the demo county's
 * generation left a file of 1 GB around 40 MB of data (the trial of 2026-12-07), and the daily backups copied it whole.
 */
class EmbeddedCompactionTest {

    @TempDir
    Path dir;

    @Test
    void aFileMostlyOfReplacedPagesIsRewrittenAtCloseAndKeepsItsData() throws Exception {
        DbSettings settings = DbSettings.embedded(dir, "console");
        try (Database db = Database.open(settings)) {
            // One long transaction that writes about 30 MB and replaces most of it, as a generator or an import does.
            db.jdbi().useTransaction(h -> {
                h.execute("CREATE TABLE bulk (id INT PRIMARY KEY, body VARBINARY(1048576))");
                byte[] mb = new byte[1024 * 1024];
                new java.util.Random(7).nextBytes(mb);
                for (int i = 0; i < 30; i++) {
                    h.createUpdate("INSERT INTO bulk (id, body) VALUES (:i, :b)").bind("i", i).bind("b", mb).execute();
                }
                for (int round = 0; round < 1; round++) {
                    mb[round] ^= 1;
                    h.createUpdate("UPDATE bulk SET body = :b WHERE id >= 3").bind("b", mb).execute();
                }
                h.execute("DELETE FROM bulk WHERE id >= 3");
            });
            long before = db.jdbi().withHandle(h -> h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME = 'info.FILE_SIZE'").mapTo(Long.class).one());
            assertTrue(before > 64L * 1024 * 1024, "the file grew past the size worth compacting: " + before);
        }
        long closed = Files.size(dir.resolve("console.mv.db"));
        assertTrue(closed < 16L * 1024 * 1024, "3 MB of data left in a file of " + closed / (1024 * 1024) + " MB");

        try (Database db = Database.open(settings)) {
            int kept = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bulk").mapTo(Integer.class).one());
            assertEquals(3, kept,
                    "the rows kept are all there after the rewrite");
        }
    }

    @Test
    void onlyALargeFileLessThanHalfInUseIsWorthRewriting() {
        long mb = 1024L * 1024;
        assertTrue(new Database.Compaction(1004 * mb, 12).worthIt(), "the demo county after its generation");
        assertFalse(new Database.Compaction(212 * mb, 57).worthIt(), "more than half in use");
        assertFalse(new Database.Compaction(40 * mb, 10).worthIt(), "small: not worth a slower close");
        assertFalse(new Database.Compaction(-1, -1).worthIt(), "no figures (not H2): never");
    }
}
