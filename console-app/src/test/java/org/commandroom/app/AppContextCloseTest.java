package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the console lets a running database read finish instead of interrupting it (H2 closes its file on an interrupt). */
class AppContextCloseTest {

    @Test
    void closingWaitsForARunningReadAndNeverInterruptsIt(@TempDir Path dataDir) throws Exception {
        AppContext context = org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(List.of("--db",
                "jdbc:h2:mem:close-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "--data-dir", dataDir.toString()), Map.of()),
                Clock.systemUTC(), Runnable::run));
        AppServices services = context.connect();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<Long> read = new AtomicReference<>();
        context.tasks().runLong(() -> {
            running.countDown();
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            // Still allowed to use the database: it is closed only after the read is done.
            return services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bureau")
                    .mapTo(Long.class).one());
        }, read::set, e -> { });
        assertTrue(running.await(5, TimeUnit.SECONDS));

        context.close();

        assertFalse(interrupted.get(), "the read was not interrupted");
        assertEquals(0L, read.get(), "the read finished against the open database");
        context.close(); // twice is harmless
    }
}
