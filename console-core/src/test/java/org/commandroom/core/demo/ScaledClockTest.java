package org.commandroom.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.commandroom.core.TestClock;
import org.junit.jupiter.api.Test;

class ScaledClockTest {

    private static final Instant T0 = Instant.parse("2026-12-05T14:00:00Z");

    @Test
    void startsAtTheBaseTimeAndRunsSpeedTimesFaster() {
        TestClock base = new TestClock(T0);
        ScaledClock clock = ScaledClock.of(base, 10);
        assertEquals(T0, clock.instant());
        base.advance(Duration.ofSeconds(72 * 60));
        assertEquals(T0.plus(Duration.ofHours(12)), clock.instant(), "72 real minutes are a 12-hour shift at 10x");
        base.advance(Duration.ofMillis(150));
        assertEquals(T0.plus(Duration.ofHours(12)).plusMillis(1500), clock.instant());
    }

    @Test
    void keepsTheBaseZoneAndAnotherZoneKeepsTheSameInstant() {
        TestClock base = new TestClock(T0, ZoneId.of("Asia/Shanghai"));
        ScaledClock clock = ScaledClock.of(base, 5);
        assertEquals(ZoneId.of("Asia/Shanghai"), clock.getZone());
        base.advance(Duration.ofMinutes(1));
        var utc = clock.withZone(ZoneId.of("UTC"));
        assertEquals(ZoneId.of("UTC"), utc.getZone());
        assertEquals(clock.instant(), T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aSpeedBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScaledClock.of(new TestClock(T0), 0));
    }
}
