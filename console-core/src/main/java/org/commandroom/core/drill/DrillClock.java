package org.commandroom.core.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The scenario clock of a drill: it starts paused at the scenario's start, runs at 1× to 20× real time, pauses, and
 * jumps forward (to the next event). Every service of a drill is given this clock, so what the console shows and
 * records is scenario time. Thread-safe.
 */
public final class DrillClock extends Clock {

    public static final int MIN_SPEED = 1;
    public static final int MAX_SPEED = 20;

    /** What the clock is doing, for the control that shows it. */
    public record State(Instant now, boolean running, int speed) {
    }

    private final Instant start;
    private final ZoneId zone;
    private final LongSupplier nanoTime;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    /** Scenario time at the anchor. */
    private Instant anchorTime;
    /** Real time (nanoTime) at the anchor. */
    private long anchorNanos;
    private boolean running;
    private int speed = 1;

    public DrillClock(Instant start, ZoneId zone) {
        this(start, zone, System::nanoTime);
    }

    /** @param nanoTime the real time source (tests give their own) */
    public DrillClock(Instant start, ZoneId zone, LongSupplier nanoTime) {
        this.start = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.nanoTime = nanoTime;
        this.anchorTime = start;
        this.anchorNanos = nanoTime.getAsLong();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A clock of the same time line in another zone is not what a drill needs: the zone is fixed. */
    @Override
    public Clock withZone(ZoneId z) {
        return z.equals(zone) ? this : Clock.fixed(instant(), z);
    }

    @Override
    public synchronized Instant instant() {
        if (!running) {
            return anchorTime;
        }
        long elapsed = (nanoTime.getAsLong() - anchorNanos) * speed;
        return anchorTime.plusNanos(elapsed);
    }

    /** The scenario's start. */
    public Instant start() {
        return start;
    }

    /** Scenario time since the start. */
    public Duration elapsed() {
        return Duration.between(start, instant());
    }

    public void resume() {
        synchronized (this) {
            if (running) {
                return;
            }
            anchorNanos = nanoTime.getAsLong();
            running = true;
        }
        fire();
    }

    public void pause() {
        synchronized (this) {
            if (!running) {
                return;
            }
            anchorTime = instant();
            running = false;
        }
        fire();
    }

    /** 1× to 20× real time. */
    public void setSpeed(int newSpeed) {
        if (newSpeed < MIN_SPEED || newSpeed > MAX_SPEED) {
            throw new IllegalArgumentException("speed " + newSpeed + " is outside " + MIN_SPEED + "-" + MAX_SPEED);
        }
        synchronized (this) {
            anchorTime = instant();
            anchorNanos = nanoTime.getAsLong();
            speed = newSpeed;
        }
        fire();
    }

    /** Moves the clock forward to {@code to}; never backwards (an earlier instant changes nothing). */
    public void jumpTo(Instant to) {
        synchronized (this) {
            Instant now = instant();
            if (!to.isAfter(now)) {
                return;
            }
            anchorTime = to;
            anchorNanos = nanoTime.getAsLong();
        }
        fire();
    }

    public synchronized State state() {
        return new State(instant(), running, speed);
    }

    public synchronized boolean isRunning() {
        return running;
    }

    public synchronized int speed() {
        return speed;
    }

    /** Told of every start, pause, speed change and jump, on the thread that made it. */
    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<State> listener) {
        listeners.remove(listener);
    }

    private void fire() {
        State s = state();
        listeners.forEach(l -> l.accept(s));
    }
}
