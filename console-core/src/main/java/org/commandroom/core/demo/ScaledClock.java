package org.commandroom.core.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs {@code speed} times faster than the one under it, starting from the moment it is made: a demo
 * county lived through at 10× (the shift soak, docs/BENCHMARKS.md). Everything the console shows or writes takes
 * its time from one clock, so the whole console ages together: waiting times, deadlines, escalation and the
 * simulator's units. The data it writes run ahead of the real time, so it belongs in a data directory of its own.
 */
public final class ScaledClock extends Clock {

    private final Clock base;
    private final Instant baseOrigin;
    private final Instant origin;
    private final long speed;

    private ScaledClock(Clock base, Instant baseOrigin, Instant origin, long speed) {
        this.base = base;
        this.baseOrigin = baseOrigin;
        this.origin = origin;
        this.speed = speed;
    }

    /** From now on, {@code speed} seconds pass for every second of {@code base}. */
    public static ScaledClock of(Clock base, long speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1, not " + speed);
        }
        Instant now = base.instant();
        return new ScaledClock(base, now, now, speed);
    }

    public long speed() {
        return speed;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), baseOrigin, origin, speed);
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(baseOrigin, base.instant());
        return origin.plus(real.multipliedBy(speed));
    }

    @Override
    public String toString() {
        return "ScaledClock[" + speed + "x of " + base + " from " + origin + "]";
    }
}
