package org.commandroom.core.draft;

import java.time.Duration;

/** For tests that take the database away and bring it back: retries the drafts as the console's timer does. */
public final class DraftsAwait {

    private DraftsAwait() {
    }

    /**
     * Calls {@link Drafts#saveAll()} every 200 ms until one call saves something or {@code within} has passed (the
     * database takes a moment to accept connections again). Returns how many the successful call saved, else 0.
     */
    public static int saveOnceBack(Drafts drafts, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int saved;
        while ((saved = drafts.saveAll()) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return saved;
    }
}
