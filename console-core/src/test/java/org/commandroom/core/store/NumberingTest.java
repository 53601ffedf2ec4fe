package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Incident and order numbers, on each supported database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class NumberingTest {

    private static final int PER_THREAD = 40;

    @Parameter
    TestDb kind;

    private Database east;
    private Database west;
    private final Numbering numbering = new Numbering(
            Clock.fixed(Instant.parse("2026-11-22T16:30:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        east = kind.open();
        west = Database.open(east.settings());
    }

    @AfterEach
    void tearDown() {
        west.close();
        east.close();
    }

    @Test
    void numbersCarryTheLocalDayAndCountFromOne() {
        // 16:30 UTC on the 22nd is already the 23rd in Shanghai.
        List<String> nos = east.jdbi().inTransaction(h -> List.of(numbering.next(h, "J"), numbering.next(h, "J"),
                numbering.next(h, "ZL")));
        assertEquals(List.of("J20261123-00001", "J20261123-00002", "ZL20261123-00001"), nos);
    }

    @Test
    void twoWorkstationsDrawingAtOnceGetUniqueConsecutiveNumbers() throws Exception {
        // Both start on a day with no counter yet, so the first draws race to create it.
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (Database db : List.of(east, west)) {
                futures.add(pool.submit(() -> {
                    go.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        mine.add(db.jdbi().inTransaction(h -> numbering.next(h, "J")));
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            TreeSet<String> expected = IntStream.rangeClosed(1, 2 * PER_THREAD)
                    .mapToObj(n -> String.format("J20261123-%05d", n)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(2 * PER_THREAD, all.size());
            assertEquals(expected, new TreeSet<>(all), "every number exactly once, none skipped");
        } finally {
            pool.shutdownNow();
        }
    }
}
