package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DrillClockTest {

    private static final Instant START = Instant.parse("2026-03-12T12:30:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final DrillClock clock = new DrillClock(START, ZoneId.of("Asia/Shanghai"), nanos::get);

    private void realSeconds(long s) {
        nanos.addAndGet(Duration.ofSeconds(s).toNanos());
    }

    @Test
    void startsPausedAtTheScenarioStart() {
        realSeconds(30);
        assertEquals(START, clock.instant());
        assertFalse(clock.isRunning());
    }

    @Test
    void runsAtItsSpeedAndStandsStillWhenPaused() {
        clock.resume();
        realSeconds(10);
        assertEquals(START.plusSeconds(10), clock.instant());
        clock.setSpeed(20);
        realSeconds(3);
        assertEquals(START.plusSeconds(70), clock.instant());
        clock.pause();
        realSeconds(100);
        assertEquals(START.plusSeconds(70), clock.instant());
        clock.resume();
        realSeconds(1);
        assertEquals(START.plusSeconds(90), clock.instant());
        assertEquals(Duration.ofSeconds(90), clock.elapsed());
    }

    @Test
    void jumpsForwardOnlyAndTellsItsListeners() {
        List<DrillClock.State> told = new ArrayList<>();
        clock.addListener(told::add);
        clock.jumpTo(START.plusSeconds(300));
        assertEquals(START.plusSeconds(300), clock.instant());
        clock.jumpTo(START.plusSeconds(100));
        assertEquals(START.plusSeconds(300), clock.instant(), "never backwards");
        clock.resume();
        clock.setSpeed(5);
        assertEquals(3, told.size());
        assertTrue(told.get(2).running());
        assertEquals(5, told.get(2).speed());
    }

    @Test
    void refusesSpeedsOutsideOneToTwenty() {
        assertThrows(IllegalArgumentException.class, () -> clock.setSpeed(0));
        assertThrows(IllegalArgumentException.class, () -> clock.setSpeed(21));
        assertEquals(1, clock.speed());
    }

    @Test
    void keepsTheDrillZone() {
        assertEquals(ZoneId.of("Asia/Shanghai"), clock.getZone());
        org.junit.jupiter.api.Assertions.assertSame(clock, clock.withZone(ZoneId.of("Asia/Shanghai")));
    }
}
