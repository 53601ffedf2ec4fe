package org.commandroom.core.dispatch.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The orders of one incident, as the commander sees them when he selects it in the queue, on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class IncidentOrdersTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @Parameter
    TestDb kind;

    private Database db;
    private FollowUpFixture fx;

    @BeforeEach
    void setUp() {
        db = kind.open();
        fx = new FollowUpFixture(db, new TestClock(T0), "ws-a");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void listsEveryOrderOfTheIncidentClosedOnesTooOldestFirstAndNoOtherIncidentsOrders() {
        Order first = fx.dispatch();
        fx.orders.sign(first.id(), FollowUpFixture.CALL_SIGN);
        fx.orders.feedback(first.id(), FollowUpFixture.CALL_SIGN, "双方已调解");
        fx.followUp.reviewAndClose(first.id(), "值班长", "同意办结");
        fx.clock.advance(Duration.ofMinutes(5));
        Order second = fx.followUp(IncidentType.FAMILY_DISPUTE);
        long other = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO incident (incident_no, received_at, address, "
                        + "lat, lon, datum, category, incident_type, priority, description, station_id, status) VALUES "
                        + "('J20261123-00002', :at, '后街2号', 30.1, 104.2, 'WGS84', 'PUBLIC_ORDER', 'FIGHT', 1, '打架', :s, 'DISPATCHED')")
                .bind("at", T0).bind("s", fx.stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        fx.orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, other, IncidentType.FIGHT, fx.stationId, fx.unitId,
                null, "速到后街2号", null), "值班长");
        fx.orders.createAndIssue(new OrderDraft(OrderKind.STANDARD_TASK, null, null, fx.stationId, fx.unitId,
                null, "夜巡", null), "值班长");

        List<OrderBoardEntry> found = new IncidentOrders(db.jdbi()).of(fx.incidentId);

        assertEquals(List.of(first.id(), second.id()), found.stream().map(OrderBoardEntry::id).toList());
        OrderBoardEntry closed = found.get(0);
        assertEquals(OrderStatus.CLOSED, closed.status());
        assertEquals("双方已调解", closed.feedbackText());
        assertEquals(FollowUpFixture.CALL_SIGN, closed.assignee());
        assertEquals("J20261123-00001", closed.incidentNo());
        assertEquals(OrderStatus.ISSUED, found.get(1).status());
        assertEquals("张伟", found.get(1).assignee());
        assertTrue(new IncidentOrders(db.jdbi()).of(other + 1000).isEmpty(), "an unknown incident has no orders");
    }
}
