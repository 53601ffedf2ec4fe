package org.commandroom.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Optimistic locking of unit status between two workstations, on each supported database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class UnitServiceTest {

    @Parameter
    TestDb kind;

    private Database east;
    private Database west;
    private long unitId;

    @BeforeEach
    void setUp() {
        east = kind.open();
        west = Database.open(east.settings());
        long station = TestData.station(east.jdbi());
        unitId = east.jdbi().withExtension(UnitDao.class, dao -> dao.insert(new PatrolUnit(0, "城关01", UnitKind.CAR,
                station, null, UnitStatus.AVAILABLE, null, null, null, 0)));
    }

    @AfterEach
    void tearDown() {
        west.close();
        east.close();
    }

    @Test
    void twoStaleWritersAtOnceOneWinsTheOtherIsToldAndNothingIsLost() throws Exception {
        UnitService eastUnits = new UnitService(east.jdbi(), new ChangeRecorder(Clock.systemUTC(), "east"));
        UnitService westUnits = new UnitService(west.jdbi(), new ChangeRecorder(Clock.systemUTC(), "west"));
        int readVersion = unit(east).version();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<UnitStatus>> results = new ArrayList<>();
        try {
            results.add(pool.submit(attempt(go, () -> eastUnits.changeStatus(unitId, readVersion, UnitStatus.EN_ROUTE), UnitStatus.EN_ROUTE)));
            results.add(pool.submit(attempt(go, () -> westUnits.changeStatus(unitId, readVersion, UnitStatus.BUSY), UnitStatus.BUSY)));
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<UnitStatus> f : results) {
                try {
                    outcomes.add(f.get(20, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            List<UnitStatus> winners = outcomes.stream().filter(UnitStatus.class::isInstance).map(UnitStatus.class::cast).toList();
            List<Object> losers = outcomes.stream().filter(o -> !(o instanceof UnitStatus)).toList();
            assertEquals(1, winners.size(), "exactly one writer wins: " + outcomes);
            assertEquals(1, losers.size(), "the other is told: " + outcomes);
            ConcurrentChangeException told = assertInstanceOf(ConcurrentChangeException.class, losers.get(0));
            assertEquals(unitId, told.entityId());

            PatrolUnit after = unit(west);
            assertEquals(winners.get(0), after.status(), "the winner's change is stored");
            assertEquals(readVersion + 1, after.version());
            assertEquals(1, changeLogRows(), "one change-log row for the one change");

            // The loser reloads and applies its change on top: nothing is lost.
            UnitService loserService = winners.get(0) == UnitStatus.EN_ROUTE ? westUnits : eastUnits;
            UnitStatus loserWanted = winners.get(0) == UnitStatus.EN_ROUTE ? UnitStatus.BUSY : UnitStatus.EN_ROUTE;
            loserService.changeStatus(unitId, after.version(), loserWanted);
            assertEquals(loserWanted, unit(east).status());
            assertEquals(readVersion + 2, unit(east).version());
            assertEquals(2, changeLogRows());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPositionReportDoesNotMakeAPendingStatusChangeStale() {
        UnitService units = new UnitService(east.jdbi(), new ChangeRecorder(Clock.systemUTC(), "east"));
        int readVersion = unit(east).version();
        Instant fix = Instant.parse("2026-11-23T02:00:00.250Z");

        units.reportPosition(unitId, new GeoPoint(30.5, 114.3, Datum.WGS84), 90.0, fix);
        units.changeStatus(unitId, readVersion, UnitStatus.ON_SCENE);

        PatrolUnit u = unit(east);
        assertEquals(UnitStatus.ON_SCENE, u.status());
        assertEquals(fix, u.fixAt());
        assertEquals(new GeoPoint(30.5, 114.3, Datum.WGS84), u.position());
    }

    @Test
    void theBoardListsTheUnitWithItsStationAndNoPositionUntilOneIsReported() {
        UnitBoardEntry entry = new UnitService(east.jdbi(), new ChangeRecorder(Clock.systemUTC(), "east")).board().get(0);
        assertEquals("城关01", entry.callSign());
        assertEquals("城关派出所", entry.stationName());
        assertNull(entry.position());
        assertTrue(entry.crew().isEmpty());
    }

    private Callable<UnitStatus> attempt(CountDownLatch go, Runnable write, UnitStatus wanted) {
        return () -> {
            go.await();
            write.run();
            return wanted;
        };
    }

    private PatrolUnit unit(Database db) {
        return db.jdbi().withExtension(UnitDao.class, dao -> dao.findById(unitId)).orElseThrow();
    }

    private long changeLogRows() {
        return east.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log WHERE entity = 'UNIT'")
                .mapTo(Long.class).one());
    }
}
