package org.commandroom.core.dispatch.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Overdue signing and feedback on a fixed clock, recorded once, on each supported database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class EscalationServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @Parameter
    TestDb kind;

    private Database db;
    private TestClock clock;
    private FollowUpFixture fx;

    @BeforeEach
    void setUp() {
        db = kind.open();
        clock = new TestClock(T0);
        fx = new FollowUpFixture(db, clock, "ws-a");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long escalatedEvents(long orderId) {
        return fx.orders.trail(orderId).stream().filter(e -> e.event() == OrderEventType.ESCALATED).count();
    }

    @Test
    void anUnsignedOrderCountsDownThirtyMinutesThenIsEscalatedOnceWithAnEvent() {
        Order o = fx.dispatch();

        EscalationScan before = fx.escalation.scan(T0.plus(Duration.ofMinutes(29)));
        EscalationEntry sign = before.entries().get(0);
        assertEquals(EscalationKind.SIGN, sign.kind());
        assertEquals(Duration.ofMinutes(1), sign.remaining(before.at()), "one minute left");
        assertFalse(sign.escalated());
        assertTrue(before.newlyEscalated().isEmpty());
        assertEquals(0, escalatedEvents(o.id()));

        EscalationScan after = fx.escalation.scan(T0.plus(Duration.ofMinutes(31)));
        assertEquals(Duration.ofMinutes(-1), after.entries().get(0).remaining(after.at()), "overdue by a minute");
        assertEquals(List.of(o.id() + ":SIGN"), after.newlyEscalated().stream().map(EscalationEntry::key).toList());
        assertEquals(1, escalatedEvents(o.id()));

        EscalationScan again = fx.escalation.scan(T0.plus(Duration.ofMinutes(45)));
        assertTrue(again.newlyEscalated().isEmpty(), "never twice");
        assertTrue(again.entries().get(0).escalated());
        assertEquals(1, escalatedEvents(o.id()));
        var event = fx.followUp.trail(o.id()).stream().filter(e -> e.event() == OrderEventType.ESCALATED).findFirst().orElseThrow();
        assertEquals(EscalationKind.SIGN, event.escalation());
        assertEquals(EscalationService.ACTOR, event.actor());
        assertEquals(T0.plus(Duration.ofMinutes(31)), event.at());
        assertEquals(1, (int) db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM order_escalation WHERE kind = 'SIGN'").mapTo(Integer.class).one()));
    }

    @Test
    void feedbackDeadlinesFollowTheDisputeCategoryAndSigningStopsTheSignClock() {
        Order family = fx.followUp(IncidentType.FAMILY_DISPUTE);      // 3 h
        Order neighbour = fx.followUp(IncidentType.NEIGHBOUR_DISPUTE); // 6 h
        Order labour = fx.followUp(IncidentType.LABOUR_DISPUTE);      // 9 h
        clock.advance(Duration.ofMinutes(10));
        for (Order o : List.of(family, neighbour, labour)) {
            assertTrue(fx.orders.sign(o.id(), "张伟"));
        }

        EscalationScan at3h = fx.escalation.scan(T0.plus(Duration.ofHours(3)).plusSeconds(1));
        assertTrue(at3h.entries().stream().noneMatch(e -> e.kind() == EscalationKind.SIGN), "signed: no sign clock");
        assertEquals(List.of(family.id() + ":FEEDBACK"), at3h.newlyEscalated().stream().map(EscalationEntry::key).toList());
        assertEquals(List.of(family.id()), at3h.entries().stream().map(e -> e.order().id()).toList(),
                "6 h and 9 h limits are not within the 30-minute horizon yet");

        EscalationScan at9h = fx.escalation.scan(T0.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(50)));
        assertEquals(List.of(family.id(), neighbour.id(), labour.id()),
                at9h.entries().stream().map(e -> e.order().id()).toList(), "soonest (most overdue) first");
        assertEquals(Duration.ofHours(-5).minusMinutes(50), at9h.entries().get(0).remaining(at9h.at()));
        assertEquals(Duration.ofMinutes(10), at9h.entries().get(2).remaining(at9h.at()));
        assertEquals(List.of(neighbour.id() + ":FEEDBACK"), at9h.newlyEscalated().stream().map(EscalationEntry::key).toList());
        assertEquals(2, at9h.overdueCount());
    }

    @Test
    void anUrgentDispatchHasFiveMinutesToSignAndIsWarnedAtTwoThirdsBeforeItGoesOverdue() {
        long urgent = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO incident (incident_no, received_at, address, "
                        + "category, incident_type, priority, station_id, status) VALUES ('J20261123-00002', :at, "
                        + "'东大街8号', 'PUBLIC_ORDER', 'FIGHT', 1, :s, 'DISPATCHED')")
                .bind("at", T0).bind("s", fx.stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        Order o = fx.orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, urgent, IncidentType.FIGHT, fx.stationId,
                fx.unitId, null, "速到东大街8号", null), "值班长");
        assertEquals(T0.plus(Duration.ofMinutes(5)), o.signDeadline());

        EscalationEntry early = sign(fx.escalation.scan(T0.plus(Duration.ofMinutes(3))), o);
        assertEquals(T0.plus(Duration.ofSeconds(200)), early.warnAt(), "two thirds of five minutes: 3:20");
        assertEquals(EscalationEntry.State.RUNNING, early.state(T0.plus(Duration.ofMinutes(3))),
                "listed (within the horizon) but quiet");
        EscalationScan warned = fx.escalation.scan(T0.plus(Duration.ofSeconds(200)));
        assertEquals(EscalationEntry.State.WARNING, sign(warned, o).state(warned.at()));
        assertEquals(1, warned.warningCount());
        assertEquals(0, warned.overdueCount());
        assertTrue(warned.newlyEscalated().isEmpty(), "a warning records nothing");
        EscalationScan late = fx.escalation.scan(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertEquals(EscalationEntry.State.OVERDUE, sign(late, o).state(late.at()));
        assertEquals(List.of(o.id() + ":SIGN"), late.newlyEscalated().stream().map(EscalationEntry::key).toList());
        assertEquals(0, late.warningCount());
    }

    @Test
    void aLongFeedbackWindowIsListedFromItsEarlyWarningLongBeforeTheHorizon() {
        Order consumer = fx.followUp(IncidentType.CONSUMER_DISPUTE); // 24 h: warned at 16 h
        fx.orders.sign(consumer.id(), "张伟");
        assertTrue(fx.escalation.scan(T0.plus(Duration.ofHours(16)).minusSeconds(1)).entries().isEmpty(),
                "before its warning and far from the deadline: not listed");
        EscalationScan at16h = fx.escalation.scan(T0.plus(Duration.ofHours(16)));
        assertEquals(1, at16h.entries().size());
        EscalationEntry e = at16h.entries().get(0);
        assertEquals(EscalationKind.FEEDBACK, e.kind());
        assertEquals(EscalationEntry.State.WARNING, e.state(at16h.at()));
        assertEquals(Duration.ofHours(8), e.remaining(at16h.at()));

        Order thirty = fx.dispatch(); // a routine dispatch: 30 minutes to sign, warned at 20
        EscalationScan at19 = fx.escalation.scan(T0.plus(Duration.ofMinutes(19)));
        assertEquals(EscalationEntry.State.RUNNING, sign(at19, thirty).state(at19.at()));
        EscalationScan at20 = fx.escalation.scan(T0.plus(Duration.ofMinutes(20)));
        assertEquals(EscalationEntry.State.WARNING, sign(at20, thirty).state(at20.at()));
    }

    private static EscalationEntry sign(EscalationScan scan, Order o) {
        return scan.entries().stream().filter(e -> e.order().id() == o.id() && e.kind() == EscalationKind.SIGN)
                .findFirst().orElseThrow(() -> new AssertionError("order " + o.orderNo() + " not listed: " + scan));
    }

    @Test
    void anOrderFedBackOrClosedLeavesTheList() {
        Order o = fx.dispatch();
        clock.advance(Duration.ofMinutes(40));
        assertEquals(1, fx.escalation.scan(clock.instant()).newlyEscalated().size());
        fx.orders.sign(o.id(), FollowUpFixture.CALL_SIGN);
        fx.orders.feedback(o.id(), FollowUpFixture.CALL_SIGN, "已处置");
        assertTrue(fx.escalation.scan(clock.instant().plus(Duration.ofHours(5))).entries().isEmpty());
        assertEquals(1, escalatedEvents(o.id()), "the missed sign deadline stays on the trail");
    }

    @Test
    void twoWorkstationsScanningAtOnceRecordEachMissedDeadlineOnce() throws Exception {
        Order o = fx.dispatch();
        Instant late = T0.plus(Duration.ofHours(4));
        try (Database other = Database.open(db.settings())) {
            FollowUpFixture b = new FollowUpFixture(other, clock, "ws-b");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<EscalationScan> x = pool.submit(() -> { go.await(); return fx.escalation.scan(late); });
                Future<EscalationScan> y = pool.submit(() -> { go.await(); return b.escalation.scan(late); });
                go.countDown();
                int recorded = x.get().newlyEscalated().size() + y.get().newlyEscalated().size();
                assertEquals(2, recorded, "SIGN and FEEDBACK, each by one of the two");
                assertTrue(x.get().entries().stream().allMatch(EscalationEntry::escalated));
                assertTrue(y.get().entries().stream().allMatch(EscalationEntry::escalated));
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(2, escalatedEvents(o.id()));
        assertEquals(2, (int) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM order_escalation")
                .mapTo(Integer.class).one()));
    }
}
