package org.commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.incident.QueueEntry;
import org.junit.jupiter.api.Test;

/**
 * The wall follows a run of priority-1 incidents one at a time, with the district shown between them: 90 s on an
 * incident, at least 60 s on the district, the newest waiting next, closed and stale ones dropped.
 */
class FollowPlanTest {

    private static final Instant T0 = Instant.parse("2026-12-07T14:00:00Z");

    private final FollowPlan plan = new FollowPlan(Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofMinutes(10));

    private static QueueEntry p1(long id, int secondsAfterT0) {
        return new QueueEntry(id, "JJ" + id, T0.plusSeconds(secondsAfterT0), IncidentType.FIGHT, 1, IncidentStatus.NEW,
                "前进路1号", null, null, "城关派出所", null);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void theFirstIsFollowedAtOnceAndTheNextOnlyAfterAMinuteOnTheDistrict() {
        plan.offer(p1(1, 0), at(0));
        assertEquals(1, plan.next(at(0), Set.of(1L)).id());
        assertTrue(plan.following(at(89)));

        plan.offer(p1(2, 30), at(30));
        assertNull(plan.next(at(30), Set.of(1L, 2L)), "the first is still followed");
        assertNull(plan.next(at(90), Set.of(1L, 2L)), "its 90 s are up: the district now");
        assertFalse(plan.following(at(90)));
        assertNull(plan.next(at(149), Set.of(1L, 2L)), "still the district's minute");
        assertEquals(2, plan.next(at(150), Set.of(1L, 2L)).id());
    }

    @Test
    void theNewestStillOpenIsNextAndClosedOrStaleOnesAreDropped() {
        plan.offer(p1(1, 0), at(0));
        plan.next(at(0), Set.of(1L));
        plan.offer(p1(2, 10), at(10));
        plan.offer(p1(3, 20), at(20));
        plan.offer(p1(4, 40), at(40));
        plan.ended(at(60)); // stopped early: the district from 60 s
        assertNull(plan.next(at(100), Set.of(2L, 3L, 4L)));
        // 4 was closed meanwhile: 3 is the newest still open
        assertEquals(3, plan.next(at(120), Set.of(2L, 3L)).id());
        assertEquals(1, plan.waiting());
        // after 3 and the district's minute, 2 has waited over 10 minutes: not flown to
        assertNull(plan.next(at(210), Set.of(2L)));
        assertNull(plan.next(at(611), Set.of(2L)));
        assertEquals(0, plan.waiting());
    }

    @Test
    void anIncidentOfferedTwiceIsFollowedOnce() {
        plan.offer(p1(1, 0), at(0));
        plan.offer(p1(1, 0), at(5));
        assertEquals(1, plan.next(at(5), Set.of(1L)).id());
        assertEquals(0, plan.waiting());
        assertNull(plan.next(at(200), Set.of(1L)));
    }
}
