package org.commandroom.app.wall;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.commandroom.core.incident.QueueEntry;

/**
 * Which new priority-1 incident the wall's map follows, and when. One is followed for {@link #followFor}; then the
 * map stays on the whole district for at least {@link #homeAtLeast} before it follows the next: on a busy night a
 * wall that always follows one incident never shows the district. Incidents that come in meanwhile wait; the newest
 * still open is followed next, and one that has waited longer than {@link #staleAfter} is no longer flown to (it
 * still pulses on the district map). Plain state on the FX thread, with the instants given by the caller.
 */
final class FollowPlan {

    private final Duration followFor;
    private final Duration homeAtLeast;
    private final Duration staleAfter;
    /** Waiting incidents by id, in the order they came in. */
    private final Map<Long, Pending> waiting = new LinkedHashMap<>();
    private Instant followingUntil;
    private Instant homeUntil;

    private record Pending(QueueEntry entry, Instant seenAt) {
    }

    FollowPlan(Duration followFor, Duration homeAtLeast, Duration staleAfter) {
        this.followFor = Objects.requireNonNull(followFor, "followFor");
        this.homeAtLeast = Objects.requireNonNull(homeAtLeast, "homeAtLeast");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    }

    /** A new priority-1 incident came in (seen at {@code now}). */
    void offer(QueueEntry e, Instant now) {
        waiting.putIfAbsent(e.id(), new Pending(e, now));
    }

    /**
     * The incident to fly to now, or null: none while one is followed or during the time at the district; the newest
     * waiting incident still open (its id in {@code open}) and not stale otherwise. Following it starts now.
     */
    QueueEntry next(Instant now, Set<Long> open) {
        waiting.values().removeIf(p -> !open.contains(p.entry().id())
                || !now.isBefore(p.seenAt().plus(staleAfter)));
        if (followingUntil != null) {
            if (now.isBefore(followingUntil)) {
                return null;
            }
            ended(now);
        }
        if (homeUntil != null && now.isBefore(homeUntil) || waiting.isEmpty()) {
            return null;
        }
        Pending newest = null;
        for (Pending p : waiting.values()) {
            if (newest == null || !p.entry().receivedAt().isBefore(newest.entry().receivedAt())) {
                newest = p;
            }
        }
        waiting.remove(newest.entry().id());
        followingUntil = now.plus(followFor);
        return newest.entry();
    }

    /** Following ended at {@code now} (its time ran out, or it was stopped): the district for a while. */
    void ended(Instant now) {
        followingUntil = null;
        homeUntil = now.plus(homeAtLeast);
    }

    /** Whether an incident is being followed at {@code now}. */
    boolean following(Instant now) {
        return followingUntil != null && now.isBefore(followingUntil);
    }

    /** How many wait to be followed. */
    int waiting() {
        return waiting.size();
    }
}
