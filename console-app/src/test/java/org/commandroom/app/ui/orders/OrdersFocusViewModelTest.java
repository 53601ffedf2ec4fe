package org.commandroom.app.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.escalation.FollowUpFixture;
import org.commandroom.core.dispatch.escalation.IncidentOrders;
import org.commandroom.core.dispatch.escalation.OrderBoardEntry;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orders panel following the incident selected in the queue, on H2 with no FX toolkit: its orders marked
 * and listed (closed ones too), their trail, an order of another incident let go, and a new order arriving live.
 */
class OrdersFocusViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private FollowUpFixture fx;
    private TestClock clock;
    private ScheduledExecutorService unused;
    private ChangeFeed feed;
    private OrdersViewModel vm;
    private long otherIncident;

    @BeforeEach
    void setUp() {
        clock = new TestClock(T0);
        fx = new FollowUpFixture(TestDatabases.h2(), clock, "ws-a");
        otherIncident = fx.db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO incident (incident_no, received_at, "
                        + "address, lat, lon, datum, category, incident_type, priority, description, station_id, status) "
                        + "VALUES ('J20261123-00002', :at, '后街2号', 30.1, 104.2, 'WGS84', 'PUBLIC_ORDER', 'FIGHT', 1, "
                        + "'打架', :s, 'DISPATCHED')")
                .bind("at", T0).bind("s", fx.stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        unused = Executors.newSingleThreadScheduledExecutor();
        feed = new ChangeFeed(fx.db.jdbi(), unused, Runnable::run, clock, Duration.ofMillis(250), Duration.ofSeconds(10));
        feed.poll();
        vm = new OrdersViewModel(fx.followUp, new IncidentOrders(fx.db.jdbi()), feed,
                new Tasks(Runnable::run, Runnable::run), clock, null, Role.DUTY_COMMANDER, "值班长李明");
    }

    @AfterEach
    void tearDown() {
        unused.shutdownNow();
        fx.db.close();
    }

    private Order otherOrder() {
        return fx.orders.createAndIssue(new OrderDraft(OrderKind.DISPATCH, otherIncident, IncidentType.FIGHT,
                fx.stationId, fx.unitId, null, "速到后街2号", null), "值班长");
    }

    private OrderRow row(long orderId) {
        return vm.rows().stream().filter(r -> r.getEntry().id() == orderId).findFirst().orElseThrow();
    }

    @Test
    void theSelectedIncidentsOrdersAreMarkedListedWithTheClosedOnesAndTrailed() {
        Order closed = fx.dispatch();
        fx.orders.sign(closed.id(), FollowUpFixture.CALL_SIGN);
        fx.orders.feedback(closed.id(), FollowUpFixture.CALL_SIGN, "已调解");
        fx.followUp.reviewAndClose(closed.id(), "值班长", "同意");
        Order open = fx.followUp(IncidentType.FAMILY_DISPUTE);
        Order other = otherOrder();
        vm.activate();

        vm.focusIncident(new OrdersViewModel.IncidentRef(fx.incidentId, "J20261123-00001"));

        assertEquals(List.of(closed.id(), open.id()), vm.incidentOrders().stream().map(OrderBoardEntry::id).toList());
        assertEquals(OrderStatus.CLOSED, vm.incidentOrders().get(0).status());
        assertTrue(row(open.id()).ofIncidentProperty().get());
        assertTrue(!row(other.id()).ofIncidentProperty().get(), "another incident's order is not marked");
        assertEquals(OrdersViewModel.TrailScope.INCIDENT, vm.trailScopeProperty().get());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED, OrderEventType.FED_BACK,
                OrderEventType.CLOSED, OrderEventType.CREATED, OrderEventType.ISSUED),
                vm.trail().stream().map(TrailEvent::event).toList());

        // Picking its open order shows that order's own trail; the focus stays.
        vm.select(row(open.id()));
        assertEquals(OrdersViewModel.TrailScope.ORDER, vm.trailScopeProperty().get());
        assertEquals(2, vm.trail().size());

        // Another incident selected in the queue lets the order go and shows that incident instead.
        vm.focusIncident(new OrdersViewModel.IncidentRef(otherIncident, "J20261123-00002"));
        assertNull(vm.selectedProperty().get());
        assertTrue(row(other.id()).ofIncidentProperty().get());
        assertTrue(!row(open.id()).ofIncidentProperty().get());
        assertEquals(List.of(other.id()), vm.incidentOrders().stream().map(OrderBoardEntry::id).toList());
        assertTrue(vm.trail().stream().allMatch(e -> e.orderId() == other.id()));

        // Picking the other incident's order, then the queue selecting nothing, keeps the order picked.
        vm.select(row(other.id()));
        vm.focusIncident(null);
        assertEquals(other.id(), vm.selectedProperty().get().getEntry().id());
        assertTrue(vm.incidentOrders().isEmpty());
        assertTrue(!row(other.id()).ofIncidentProperty().get());
    }

    @Test
    void aNewOrderOfTheSelectedIncidentArrivesInItsListAndTrailThroughTheFeed() {
        Order first = fx.dispatch();
        vm.activate();
        vm.focusIncident(new OrdersViewModel.IncidentRef(fx.incidentId, "J20261123-00001"));
        assertEquals(1, vm.incidentOrders().size());
        assertEquals(2, vm.trail().size());

        clock.advance(Duration.ofMinutes(1));
        Order second = fx.followUp(IncidentType.FAMILY_DISPUTE);
        otherOrder();
        feed.poll();

        assertEquals(List.of(first.id(), second.id()), vm.incidentOrders().stream().map(OrderBoardEntry::id).toList());
        assertEquals(4, vm.trail().size(), "created and issued, twice; not the other incident's");
        assertTrue(row(second.id()).ofIncidentProperty().get(), "the new line is marked as it arrives");
    }
}
