package org.commandroom.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.commandroom.core.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The triage on a fixed clock: one alert per event; routine new calls in one counter until acknowledged; urgent
 * ones apart, grouped only when more than 5 come within 2 s; urgent listed first.
 */
class AlertCenterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final TestClock clock = new TestClock(T0);
    private final AlertCenter center = new AlertCenter(clock, AlertPolicy.defaults());

    private static AlertTrigger incident(int n) {
        return new AlertTrigger(AlertKind.NEW_INCIDENT, "incident:" + n + ":NEW", n, "J" + n, "前进路" + n + "号",
                "FIGHT", T0);
    }

    private static AlertTrigger urgent(int n) {
        return new AlertTrigger(AlertKind.HIGH_PRIORITY_INCIDENT, "incident:" + n + ":P1", n, "J" + n, "前进路" + n + "号",
                "ROBBERY", T0);
    }

    private static AlertTrigger overdue(int n) {
        return new AlertTrigger(AlertKind.ORDER_OVERDUE, "order:" + n + ":SIGN", n, "ZL" + n, "城关01", "SIGN", T0);
    }

    @Test
    void eachEventRaisesOneAlertAndTheSameEventNeverTwice() {
        AlertUpdate first = center.offer(List.of(incident(1)));
        assertEquals(1, first.raised().size());
        AlertUpdate again = center.offer(List.of(incident(1)));
        assertTrue(again.raised().isEmpty(), "same key: no second alert");
        assertEquals(1, again.active().size());
        center.acknowledgeAll();
        assertTrue(center.offer(List.of(incident(1))).raised().isEmpty(), "not even after it was acknowledged");
    }

    @Test
    void fiveWithinTwoSecondsStaySeparateTheSixthGroupsThemAll() {
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofMillis(300));
            assertEquals(1, center.offer(List.of(urgent(i))).raised().size());
        }
        assertEquals(5, center.active().size());
        clock.advance(Duration.ofMillis(300));
        AlertUpdate sixth = center.offer(List.of(urgent(6)));
        assertEquals(1, sixth.active().size(), "one grouped alert replaces the five");
        Alert group = sixth.active().get(0);
        assertTrue(group.grouped());
        assertEquals(6, group.count());
        assertEquals(List.of(group), sixth.raised(), "the group appears once");

        List<AlertUpdate> more = new ArrayList<>();
        for (int i = 7; i <= 12; i++) {
            clock.advance(Duration.ofMillis(100));
            more.add(center.offer(List.of(urgent(i))));
        }
        assertTrue(more.stream().allMatch(u -> u.raised().isEmpty()), "later ones join the group silently");
        assertEquals(1, center.active().size());
        assertEquals(12, center.active().get(0).count(), "\"12 urgent incidents\"");
        assertEquals("J1", center.active().get(0).first().reference());
    }

    @Test
    void twelveInOneBatchRaiseOneGroupedAlert() {
        AlertUpdate u = center.offer(IntStream.rangeClosed(1, 12).mapToObj(AlertCenterTest::urgent).toList());
        assertEquals(1, u.raised().size());
        assertEquals(12, u.raised().get(0).count());
        assertEquals(1, u.active().size());
    }

    @Test
    void eventsSpreadOverMoreThanTwoSecondsAreNotGrouped() {
        for (int i = 1; i <= 10; i++) {
            center.offer(List.of(urgent(i)));
            clock.advance(Duration.ofMillis(450));
        }
        assertEquals(10, center.active().size());
        assertTrue(center.active().stream().noneMatch(Alert::grouped));
    }

    @Test
    void kindsAreGroupedSeparatelyAndAnAcknowledgedAlertIsNotAbsorbed() {
        center.offer(List.of(overdue(1)));
        center.acknowledge(center.active().get(0).id()).orElseThrow();
        center.offer(IntStream.rangeClosed(2, 6).mapToObj(AlertCenterTest::overdue).toList());
        center.offer(List.of(urgent(1), urgent(2)));
        List<Alert> active = center.active();
        assertEquals(3, active.size(), "a group of 5 overdue (the acknowledged one stays gone) and 2 urgent incidents");
        Alert group = active.stream().filter(Alert::grouped).findFirst().orElseThrow();
        assertEquals(AlertKind.ORDER_OVERDUE, group.kind());
        assertEquals(5, group.count());
        assertEquals(List.of("ZL2", "ZL3", "ZL4", "ZL5", "ZL6"), group.triggers().stream().map(AlertTrigger::reference).toList());
    }

    @Test
    void aNewBurstAfterTheWindowStartsAFreshGroup() {
        center.offer(IntStream.rangeClosed(1, 8).mapToObj(AlertCenterTest::urgent).toList());
        clock.advance(Duration.ofSeconds(10));
        AlertUpdate later = center.offer(IntStream.rangeClosed(9, 15).mapToObj(AlertCenterTest::urgent).toList());
        assertEquals(1, later.raised().size());
        assertEquals(7, later.raised().get(0).count());
        assertEquals(2, later.active().size());
        assertEquals(2, center.acknowledgeAll().size());
        assertTrue(center.active().isEmpty());
        assertFalse(center.acknowledge(1).isPresent());
    }

    @Test
    void routineCallsGoIntoOneCounterThatKeepsCountingUntilAcknowledged() {
        AlertUpdate first = center.offer(List.of(incident(1)));
        assertEquals(1, first.raised().size());
        assertTrue(first.routineAdded());
        assertFalse(first.urgentRaised());
        long counterId = first.raised().get(0).id();
        // 22 calls over half an hour, far apart: still one counter, never 22 chips
        for (int i = 2; i <= 22; i++) {
            clock.advance(Duration.ofSeconds(80));
            AlertUpdate u = center.offer(List.of(incident(i)));
            assertTrue(u.raised().isEmpty(), "call " + i + " raises no new alert");
            assertEquals(1, u.grown().size(), "it joins the counter");
            assertTrue(u.routineAdded());
        }
        assertEquals(1, center.active().size());
        Alert counter = center.active().get(0);
        assertEquals(counterId, counter.id());
        assertEquals(22, counter.count());
        assertEquals("J22", counter.latest().reference());

        assertEquals(22, center.acknowledge(counterId).orElseThrow().count());
        AlertUpdate next = center.offer(List.of(incident(23)));
        assertEquals(1, next.raised().size(), "after the acknowledgement a new counter starts");
        assertEquals(1, next.raised().get(0).count());
    }

    @Test
    void urgentCallsAndOverdueOrdersStandApartFromTheCounterAndComeFirst() {
        center.offer(IntStream.rangeClosed(1, 9).mapToObj(AlertCenterTest::incident).toList());
        clock.advance(Duration.ofSeconds(5));
        AlertUpdate p1 = center.offer(List.of(urgent(50)));
        assertTrue(p1.urgentRaised(), "an urgent call sounds loud");
        clock.advance(Duration.ofSeconds(5));
        center.offer(List.of(overdue(7)));
        clock.advance(Duration.ofSeconds(5));
        AlertUpdate more = center.offer(List.of(incident(10)));
        assertFalse(more.urgentRaised());
        List<Alert> active = center.active();
        assertEquals(List.of(AlertKind.ORDER_OVERDUE, AlertKind.HIGH_PRIORITY_INCIDENT, AlertKind.NEW_INCIDENT),
                active.stream().map(Alert::kind).toList(), "urgent first, newest first; the counter last");
        assertEquals(10, active.get(2).count());
        assertEquals(1, active.get(0).count());
        assertEquals(1, active.get(1).count());
    }
}
