package org.commandroom.app.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.app.Fixture;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.DatabaseHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {

    private Fixture fx;
    private ScheduledExecutorService unusedScheduler;
    private ChangeFeed feed;
    private StatusBarViewModel vm;

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        unusedScheduler = Executors.newSingleThreadScheduledExecutor();
        feed = fx.feed(unusedScheduler, Runnable::run, Duration.ofMillis(250));
        vm = new StatusBarViewModel(fx.clock, "jdbc:h2:mem:x", "duty");
    }

    @AfterEach
    void tearDown() {
        unusedScheduler.shutdownNow();
        fx.close();
    }

    @Test
    void startsConnectingAndIsConnectedOnceTheDatabaseIsOpen() {
        assertEquals(DbState.CONNECTING, vm.dbStateProperty().get());
        vm.activate();
        vm.connected(feed, fx.db.health(), Runnable::run);
        assertEquals(DbState.CONNECTED, vm.dbStateProperty().get());
    }

    @Test
    void aLostDatabaseIsReportedWithWhyWhenItWasLostAndTheDataAgeAndComesBack() {
        vm.activate();
        vm.connected(feed, fx.db.health(), Runnable::run);
        Instant lastGood = fx.clock.instant();
        fx.clock.advance(Duration.ofSeconds(30));
        Instant lost = fx.clock.instant();

        vm.onHealth(new DatabaseHealth.State(DatabaseHealth.Problem.NO_ANSWER, lost, lastGood, "no answer for 900 ms"));

        assertEquals(DbState.LOST, vm.dbStateProperty().get());
        assertEquals(DatabaseHealth.Problem.NO_ANSWER, vm.reasonProperty().get());
        assertEquals(lost, vm.lostSinceProperty().get());
        assertEquals(lastGood, vm.dataAsOfProperty().get(), "data on screen is as old as the last answer");
        vm.tick();
        assertEquals(lastGood, vm.dataAsOfProperty().get(), "the clock ticking does not make lost data fresh");

        fx.clock.advance(Duration.ofSeconds(5));
        vm.onHealth(new DatabaseHealth.State(DatabaseHealth.Problem.NONE, fx.clock.instant(), fx.clock.instant(), null));
        assertEquals(DbState.CONNECTED, vm.dbStateProperty().get());
        assertNull(vm.lostSinceProperty().get());
        assertNull(vm.reasonProperty().get());
        assertEquals(fx.clock.instant(), vm.dataAsOfProperty().get());
    }

    @Test
    void theClockAndLastChangeFollowTheInjectedClock() {
        vm.activate();
        vm.connected(feed, fx.db.health(), Runnable::run);
        feed.poll();
        fx.clock.advance(Duration.ofMinutes(1));
        vm.tick();
        assertEquals(fx.clock.instant(), vm.nowProperty().get());
        fx.incident(org.commandroom.core.incident.IncidentType.NOISE, 3,
                org.commandroom.core.incident.IncidentStatus.NEW, Duration.ZERO, "西巷1号");
        feed.poll();
        assertEquals(fx.clock.instant(), vm.lastChangeProperty().get());
    }
}
