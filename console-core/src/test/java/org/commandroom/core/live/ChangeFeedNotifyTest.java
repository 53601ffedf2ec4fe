package org.commandroom.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The feed on a real PostgreSQL server wakes on the change log's notifications: a writer on another workstation
 * (its own pool) commits, the feed of this one, which would poll only every 30 s, delivers the change at once. When
 * the listening connection is killed it polls, and when it listens again it catches up by reading.
 */
class ChangeFeedNotifyTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration GAP_WAIT = Duration.ofSeconds(10);

    private Database writer;
    private Database reader;
    private String databaseName;
    private ScheduledExecutorService scheduler;
    private final List<ChangeFeed> feeds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        databaseName = TestDatabases.createPostgresDatabase();
        writer = Database.open(TestDatabases.postgresSettings(databaseName));
        reader = Database.open(TestDatabases.postgresSettings(databaseName));
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        feeds.forEach(ChangeFeed::close);
        scheduler.shutdownNow();
        reader.close();
        writer.close();
    }

    @Test
    void aChangeCommittedElsewhereWakesTheFeedLongBeforeItsPoll() throws Exception {
        ChangeFeed feed = feed(LONG, LONG, Duration.ofSeconds(1));
        CountDownLatch seen = new CountDownLatch(1);
        feed.addListener(changes -> changes.stream().filter(c -> c.entityId() == 42).forEach(c -> seen.countDown()));
        startAndAwaitListening(feed);

        long t0 = System.nanoTime();
        write(writer, Entity.INCIDENT, 42);
        assertTrue(seen.await(5, TimeUnit.SECONDS), "delivered on the notification, not at the 30 s poll");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "delivered " + ms + " ms after the write");
    }

    @Test
    void aRolledBackWriteSendsNoWakeUpAndACommittedOneInTheSameFeedStillArrivesOnce() throws Exception {
        ChangeFeed feed = feed(LONG, LONG, Duration.ofSeconds(1));
        BlockingQueue<Change> got = queue(feed);
        startAndAwaitListening(feed);

        writer.jdbi().useHandle(h -> {
            h.begin();
            new ChangeRecorder(Clock.systemUTC(), "west").record(h, Entity.ORDER, 1, ChangeOp.INSERT);
            h.rollback();
        });
        write(writer, Entity.ORDER, 2);
        Change c = got.poll(5, TimeUnit.SECONDS);
        assertNotNull(c, "the committed change woke the feed");
        assertEquals(2, c.entityId());
        write(writer, Entity.ORDER, 3);
        assertEquals(3, got.poll(5, TimeUnit.SECONDS).entityId(), "next change arrives; nothing was delivered twice");
        assertTrue(got.isEmpty());
    }

    @Test
    void whenTheListeningBackendIsKilledTheFeedPollsAndSaysSoOnce() throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        // Polls every 200 ms while not listening; tries to listen again only after a minute.
        ChangeFeed feed = feed(Duration.ofMillis(200), LONG, Duration.ofSeconds(60));
        BlockingQueue<Change> got = queue(feed);
        startAndAwaitListening(feed);

        terminateListener();
        awaitTrue(() -> !feed.isListening(), Duration.ofSeconds(5), "the feed knows it no longer listens");
        write(writer, Entity.UNIT, 7);
        Change c = got.poll(5, TimeUnit.SECONDS);
        assertNotNull(c, "the polling fallback delivered the change");
        assertEquals(7, c.entityId());
        assertFalse(feed.isListening(), "delivered by polling, not by listening again");
        assertEquals(1, warnings(log), "one warning for the lost connection");
    }

    @Test
    void changesWrittenWhileNotListeningAreReadOnceItListensAgain() throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        // No polling worth the name: only listening again can deliver within the test.
        ChangeFeed feed = feed(LONG, LONG, Duration.ofSeconds(2));
        BlockingQueue<Change> got = queue(feed);
        startAndAwaitListening(feed);

        terminateListener();
        awaitTrue(() -> !feed.isListening(), Duration.ofSeconds(5), "the feed knows it no longer listens");
        // Not listening again for 2 s: three commits whose notifications nobody hears.
        for (long id = 1; id <= 3; id++) {
            write(writer, Entity.CAMERA, id);
        }
        List<Long> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ids.size() < 3 && System.nanoTime() < deadline) {
            Change c = got.poll(100, TimeUnit.MILLISECONDS);
            if (c != null) {
                ids.add(c.entityId());
            }
        }
        assertEquals(List.of(1L, 2L, 3L), ids, "caught up by reading on listening again, in order");
        assertTrue(feed.isListening());
        write(writer, Entity.CAMERA, 4);
        Change next = got.poll(5, TimeUnit.SECONDS);
        assertNotNull(next, "woken by notifications again");
        assertEquals(4, next.entityId());
        assertTrue(got.isEmpty(), "nothing delivered twice");
        assertEquals(1, warnings(log));
        assertEquals(1, log.list.stream().filter(e -> e.getLevel() == Level.INFO
                && e.getFormattedMessage().contains("again")).count(), "one line when listening again");
    }

    @Test
    void aDatabaseRefusingConnectionsIsWarnedOnceNotOnEveryRetry() throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        ChangeFeed feed = new ChangeFeed(reader.jdbi(), scheduler, Runnable::run, Clock.systemUTC(), Duration.ofMillis(200),
                GAP_WAIT).listen(reader.settings(), LONG, Duration.ofMillis(20), Duration.ofMillis(50));
        feeds.add(feed);
        BlockingQueue<Change> got = queue(feed);
        startAndAwaitListening(feed);

        TestDatabases.postgresAdmin("ALTER DATABASE " + databaseName + " ALLOW_CONNECTIONS false");
        try {
            terminateListener();
            awaitTrue(() -> !feed.isListening(), Duration.ofSeconds(5), "not listening");
            // Many attempts to listen again fail meanwhile (every 50 ms); the writer's pooled connection still works.
            write(writer, Entity.UNIT, 9);
            Change c = got.poll(5, TimeUnit.SECONDS);
            assertNotNull(c, "the polling fallback delivered the change");
        } finally {
            TestDatabases.postgresAdmin("ALTER DATABASE " + databaseName + " ALLOW_CONNECTIONS true");
        }
        awaitTrue(feed::isListening, Duration.ofSeconds(5), "listening again");
        assertEquals(1, warnings(log), "one warning, however many attempts failed");
    }

    @Test
    void onH2ListeningIsNotAskedForAndTheFeedPolls() throws Exception {
        Database h2 = TestDatabases.h2();
        try {
            ChangeFeed feed = new ChangeFeed(h2.jdbi(), scheduler, Runnable::run, Clock.systemUTC(), Duration.ofMillis(100),
                    GAP_WAIT).listen(h2.settings(), LONG);
            feeds.add(feed);
            BlockingQueue<Change> got = queue(feed);
            CountDownLatch ready = new CountDownLatch(1);
            feed.addHealthListener((reachable, at, error) -> ready.countDown());
            feed.start();
            assertTrue(ready.await(5, TimeUnit.SECONDS));
            write(h2, Entity.INCIDENT, 5);
            Change c = got.poll(5, TimeUnit.SECONDS);
            assertNotNull(c, "polled");
            assertFalse(feed.isListening());
        } finally {
            h2.close();
        }
    }

    // -- helpers ----------------------------------------------------------------------------------

    private ChangeFeed feed(Duration poll, Duration whileListening, Duration firstBackoff) {
        ChangeFeed feed = new ChangeFeed(reader.jdbi(), scheduler, Runnable::run, Clock.systemUTC(), poll, GAP_WAIT)
                .listen(reader.settings(), whileListening, firstBackoff, firstBackoff);
        feeds.add(feed);
        return feed;
    }

    private static BlockingQueue<Change> queue(ChangeFeed feed) {
        BlockingQueue<Change> q = new LinkedBlockingQueue<>();
        feed.addListener(q::addAll);
        return q;
    }

    /** Starts the feed and waits until it has read its starting point and listens. */
    private static void startAndAwaitListening(ChangeFeed feed) throws InterruptedException {
        CountDownLatch read = new CountDownLatch(1);
        feed.addHealthListener((reachable, at, error) -> {
            if (reachable) {
                read.countDown();
            }
        });
        feed.start();
        assertTrue(read.await(10, TimeUnit.SECONDS), "first read");
        awaitTrue(feed::isListening, Duration.ofSeconds(10), "listening");
    }

    private void terminateListener() {
        TestDatabases.postgresAdmin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + databaseName + "' AND application_name = 'console-change-listen'");
    }

    private static void write(Database db, Entity entity, long id) {
        db.jdbi().useTransaction(h -> new ChangeRecorder(Clock.systemUTC(), "west").record(h, entity, id, ChangeOp.INSERT));
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(20);
        }
    }

    private ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(ChangeNotifications.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        appenders.add(appender);
        return appender;
    }

    private final List<ListAppender<ILoggingEvent>> appenders = new ArrayList<>();

    @AfterEach
    void detachAppenders() {
        Logger logger = (Logger) LoggerFactory.getLogger(ChangeNotifications.class);
        appenders.forEach(logger::detachAppender);
    }

    private static long warnings(ListAppender<ILoggingEvent> log) {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }
}
