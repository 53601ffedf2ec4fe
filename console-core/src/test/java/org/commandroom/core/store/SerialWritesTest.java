package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writing transaction at a time on the embedded database (crash safety, see SerialWrites), while queries and the
 * online backup never wait for it.
 */
class SerialWritesTest {

    @TempDir
    Path dir;

    @Test
    void whatCountsAsAWrite() {
        assertFalse(SerialWrites.mayWrite("SELECT id FROM incident WHERE id = :id"));
        assertFalse(SerialWrites.mayWrite("  /* the board */ select 1"));
        assertFalse(SerialWrites.mayWrite("-- note\nWITH t AS (SELECT 1) SELECT * FROM t"));
        assertFalse(SerialWrites.mayWrite("BACKUP TO ?"), "the online backup reads a committed state");
        assertFalse(SerialWrites.mayWrite("SCRIPT TO ? COMPRESSION ZIP"));
        assertTrue(SerialWrites.mayWrite("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE"), "row locks are written");
        assertTrue(SerialWrites.mayWrite("SELECT NEXT VALUE FOR s"));
        assertTrue(SerialWrites.mayWrite("INSERT INTO t VALUES (1)"));
        assertTrue(SerialWrites.mayWrite("update t set a = 1"));
        assertTrue(SerialWrites.mayWrite("MERGE INTO t KEY (id) VALUES (1)"));
        assertTrue(SerialWrites.mayWrite("CHECKPOINT"), "a checkpoint stores the file");
        assertTrue(SerialWrites.mayWrite(null), "a batch");
    }

    @Test
    void aSecondWriterWaitsForTheFirstTransactionToEndWhileReadsAndBackupsGoOn() throws Exception {
        try (Database db = Database.open(DbSettings.embedded(dir, "serial"))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE probe (id INT PRIMARY KEY, v INT)"));
            db.jdbi().useHandle(h -> h.execute("INSERT INTO probe VALUES (1, 0)"));
            CountDownLatch firstWrote = new CountDownLatch(1);
            CountDownLatch letFirstCommit = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.jdbi().useTransaction(h -> {
                h.execute("UPDATE probe SET v = 1 WHERE id = 1");
                firstWrote.countDown();
                await(letFirstCommit);
            }));
            assertTrue(firstWrote.await(10, TimeUnit.SECONDS));

            // A write on another row, which H2 alone would let through at once, waits for the first to end.
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> db.jdbi().useHandle(h ->
                    h.execute("INSERT INTO probe VALUES (2, 2)")));
            // Reads and the backup do not wait: they finish while the first transaction is still open.
            int seen = db.jdbi().withHandle(h -> h.createQuery("SELECT v FROM probe WHERE id = 1").mapTo(Integer.class).one());
            assertEquals(0, seen, "a read sees the committed value, at once");
            CompletableFuture<Void> backup = CompletableFuture.runAsync(() -> db.jdbi().useHandle(h ->
                    h.createUpdate("BACKUP TO ?").bind(0, dir.resolve("b.zip").toString()).execute()));
            backup.get(20, TimeUnit.SECONDS);
            assertTrue(dir.resolve("b.zip").toFile().length() > 0);
            // The only way the second write can be still waiting here is the lock: it is not done while the first is open.
            assertFalse(second.isDone(), "the second writer waits for the first transaction");

            letFirstCommit.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM probe").mapTo(Integer.class).one());
            assertEquals(2, rows);
        }
    }

    @Test
    void aWriterOnTheSameThreadWithASecondHandleIsNotBlockedByItself() {
        try (Database db = Database.open(DbSettings.embedded(dir, "nested"))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE probe (id INT PRIMARY KEY)"));
            db.jdbi().useTransaction(outer -> {
                outer.execute("INSERT INTO probe VALUES (1)");
                try (Handle inner = db.jdbi().open()) {
                    inner.execute("INSERT INTO probe VALUES (2)"); // auto-commit, same thread: re-enters
                }
            });
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM probe").mapTo(Integer.class).one());
            assertEquals(2, rows);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
