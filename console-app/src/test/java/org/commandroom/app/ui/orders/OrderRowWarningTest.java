package org.commandroom.app.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.escalation.FollowUpFixture;
import org.commandroom.core.dispatch.escalation.OrderBoardEntry;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.Test;

/** The orders table's countdown turns amber at the same early warning as the escalation list: 2/3 of the window. */
class OrderRowWarningTest {

    @Test
    void theCountdownWarnsOnceTwoThirdsOfTheSignWindowHaveGone() {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T02:00:00Z"));
        FollowUpFixture fx = new FollowUpFixture(TestDatabases.h2(), clock, "ws");
        try {
            Order o = fx.dispatch();
            OrderBoardEntry e = fx.followUp.openOrders().stream().filter(x -> x.id() == o.id()).findFirst().orElseThrow();
            Duration window = Duration.between(e.issuedAt(), e.signDeadline());
            Instant issued = e.issuedAt();

            OrderRow row = new OrderRow(e, issued.plus(window.multipliedBy(2).dividedBy(3)).minusSeconds(1));
            assertFalse(row.isWarning(), "a second before two thirds of " + window);
            row.tick(issued.plus(window.multipliedBy(2).dividedBy(3)));
            assertTrue(row.isWarning(), "at two thirds");
            assertEquals(window.dividedBy(3), row.nextLeftProperty().get());
        } finally {
            fx.db.close();
        }
    }
}
