package org.commandroom.core.drill;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Plays a {@link DrillReplay} on a clock of its own (a {@link DrillClock} from the drill's start, 1× to 20×): paused at
 * the start; {@link #poll()} hands out the steps whose time has come, in their order, and stops the clock at the end;
 * {@link #jumpTo} goes anywhere, backwards too; {@link #jumpToNext()} to the next step. Read-only: it changes nothing
 * of the drill. Not thread-safe: one screen drives it (the FX thread).
 */
public final class DrillReplayPlayer {

    private final DrillReplay replay;
    private final LongSupplier nanoTime;
    private DrillClock clock;
    /** How many steps are shown (the first {@code shown} of the replay's steps). */
    private int shown;

    /** @param nanoTime real time (tests give their own) */
    public DrillReplayPlayer(DrillReplay replay, LongSupplier nanoTime) {
        this.replay = replay;
        this.nanoTime = nanoTime;
        this.clock = new DrillClock(replay.start(), DrillSession.ZONE, nanoTime);
    }

    public DrillReplay replay() {
        return replay;
    }

    public void play() {
        if (!isAtEnd()) {
            clock.resume();
        }
    }

    public void pause() {
        clock.pause();
    }

    public boolean isPlaying() {
        return clock.isRunning();
    }

    /** 1× to 20×. */
    public void setSpeed(int speed) {
        clock.setSpeed(speed);
    }

    public int speed() {
        return clock.speed();
    }

    /** Where the replay stands, from the drill's start (never past its end). */
    public Duration position() {
        Duration at = clock.elapsed();
        return at.compareTo(replay.length()) > 0 ? replay.length() : at;
    }

    public boolean isAtEnd() {
        return clock.elapsed().compareTo(replay.length()) >= 0 && shown == replay.steps().size();
    }

    /** The steps whose time came since the last poll or jump, in order; at the end, the clock stops. */
    public List<DrillReplay.Step> poll() {
        Duration at = clock.elapsed();
        int from = shown;
        List<DrillReplay.Step> steps = replay.steps();
        while (shown < steps.size() && steps.get(shown).at().compareTo(at) <= 0) {
            shown++;
        }
        if (at.compareTo(replay.length()) >= 0) {
            clock.pause();
        }
        return steps.subList(from, shown);
    }

    /** The steps shown so far, oldest first. */
    public List<DrillReplay.Step> shown() {
        return replay.steps().subList(0, shown);
    }

    /**
     * Goes to a moment (clamped to the drill): the steps up to it are shown, those after it not; playing or paused as
     * before.
     */
    public void jumpTo(Duration at) {
        Duration to = at.isNegative() ? Duration.ZERO : at.compareTo(replay.length()) > 0 ? replay.length() : at;
        boolean playing = clock.isRunning();
        int speed = clock.speed();
        // the drill's clock never goes back: a new one for the replay's new position
        clock = new DrillClock(replay.start(), DrillSession.ZONE, nanoTime);
        clock.setSpeed(speed);
        clock.jumpTo(replay.start().plus(to));
        shown = 0;
        List<DrillReplay.Step> steps = replay.steps();
        while (shown < steps.size() && steps.get(shown).at().compareTo(to) <= 0) {
            shown++;
        }
        if (playing && to.compareTo(replay.length()) < 0) {
            clock.resume();
        }
    }

    /** Goes to the next step's time (all steps of that moment shown); nothing at the end. */
    public void jumpToNext() {
        if (shown < replay.steps().size()) {
            jumpTo(replay.steps().get(shown).at());
        }
    }

    /** The map now. */
    public DrillMapSnapshot map() {
        return replay.mapAt(position());
    }
}
