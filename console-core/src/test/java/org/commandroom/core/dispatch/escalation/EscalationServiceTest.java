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
