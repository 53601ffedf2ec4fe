package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderTimes;
import org.commandroom.core.dispatch.ResponseTimes;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Response times from the V21 times: dispatch → on scene and call → on scene, per order and over a day. */
class ResponseTimesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void theFirstOnSceneGivesTheResponseTimesAndALaterOneChangesNothing(TestDb kind) {
        TestClock clock = new TestClock(T0);
        try (PushFixture f = new PushFixture(kind, clock)) {   // the incident was received at T0
            clock.advance(Duration.ofSeconds(90));
            Order o = f.issueToUnit();                          // dispatched at T0 + 1:30
            clock.advance(Duration.ofSeconds(5));
            f.db.jdbi().useTransaction(h -> f.orders.received(h, o.id(), "城关01"));
            clock.advance(Duration.ofSeconds(60));
            f.db.jdbi().useTransaction(h -> f.orders.unitReported(h, o.id(), "EN_ROUTE", null, "城关01"));
            clock.advance(Duration.ofSeconds(300));
            boolean first = f.db.jdbi().inTransaction(h -> f.orders.unitReported(h, o.id(), "ON_SCENE",
                    Instant.parse("2026-11-23T02:07:00Z"), "城关01"));
            assertTrue(first);
            clock.advance(Duration.ofSeconds(60));
            boolean second = f.db.jdbi().inTransaction(h -> f.orders.unitReported(h, o.id(), "ON_SCENE", null, "城关01"));
            assertFalse(second, "a second ON_SCENE does not move the time");

            OrderTimes t = f.orders.times(o.id()).orElseThrow();
            assertEquals(T0, t.callAt());
            assertEquals(T0.plusSeconds(90), t.dispatchedAt());
            assertEquals(T0.plusSeconds(95), t.receivedAt());
            assertEquals(T0.plusSeconds(155), t.enRouteAt());
            assertEquals(T0.plusSeconds(455), t.onSceneAt());
            ResponseTimes r = t.responseTimes();
            assertEquals(Duration.ofSeconds(365), r.dispatchToOnScene());
            assertEquals(Duration.ofSeconds(455), r.callToOnScene());
            assertEquals(Duration.ofSeconds(5), r.dispatchToReceipt());

            Order notThere = f.issueToUnit();
            ResponseTimes.Stats day = f.orders.responseStats(T0, T0.plus(Duration.ofDays(1)));
            assertEquals(1, day.dispatchToOnScene().count(), "an order not yet on scene gives no figure, not zero");
            assertEquals(Duration.ofSeconds(365), day.dispatchToOnScene().mean());
            assertEquals(Duration.ofSeconds(455), day.callToOnScene().p90());
            assertNull(f.orders.times(notThere.id()).orElseThrow().responseTimes().dispatchToOnScene());
        }
    }

    @Test
    void theSummaryGivesCountMeanAndNearestRankP90() {
        ResponseTimes.Summary s = ResponseTimes.Summary.of(Arrays.asList(Duration.ofSeconds(100), null,
                Duration.ofSeconds(300), Duration.ofSeconds(200), Duration.ofSeconds(400), Duration.ofSeconds(500),
                Duration.ofSeconds(600), Duration.ofSeconds(700), Duration.ofSeconds(800), Duration.ofSeconds(900),
                Duration.ofSeconds(1000)));
        assertEquals(10, s.count());
        assertEquals(Duration.ofSeconds(550), s.mean());
        assertEquals(Duration.ofSeconds(900), s.p90());
        assertEquals(0, ResponseTimes.Summary.of(java.util.List.of()).count());
        assertNull(ResponseTimes.Summary.of(java.util.List.of()).mean());
    }

    @Test
    void aTerminalReportRunningBackwardsGivesNoFigure() {
        OrderTimes t = new OrderTimes(1, T0, T0.plusSeconds(60), null, null, null, T0.plusSeconds(30), null);
        assertNull(t.responseTimes().dispatchToOnScene(), "on scene before dispatch: no negative time");
        assertEquals(Duration.ofSeconds(30), t.responseTimes().callToOnScene());
    }
}
