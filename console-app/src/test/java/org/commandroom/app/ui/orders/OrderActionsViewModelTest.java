package org.commandroom.app.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.orders.OrdersViewModel.Refusal;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.escalation.FollowUpFixture;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.dispatch.push.OrderPushEnqueuer;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitBoardEntry;
import org.commandroom.core.unit.UnitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-assign, cancel and return for more work from the orders panel's ViewModel, on H2 with no FX toolkit (work and
 * callbacks in line): what is offered for which state and role, what reaches the database, and how a refusal of the
 * order service comes back.
 */
class OrderActionsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private FollowUpFixture fx;
    private TestClock clock;
    private ScheduledExecutorService unused;
    private ChangeFeed feed;
    private UnitService units;
    private long busyUnit;
    private long freeUnit;

    @BeforeEach
    void setUp() {
        clock = new TestClock(T0);
        fx = new FollowUpFixture(TestDatabases.h2(), clock, "ws-a");
        unused = Executors.newSingleThreadScheduledExecutor();
        feed = new ChangeFeed(fx.db.jdbi(), unused, Runnable::run, clock, Duration.ofMillis(250), Duration.ofSeconds(10));
        feed.poll();
        units = new UnitService(fx.db.jdbi(), fx.recorder);
        busyUnit = unit("城关03", "BUSY");
        freeUnit = unit("城关02", "AVAILABLE");
    }

    @AfterEach
    void tearDown() {
        unused.shutdownNow();
        fx.db.close();
    }

    private long unit(String callSign, String status) {
        return fx.db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) "
                        + "VALUES (:cs, 'CAR', :s, :st)").bind("cs", callSign).bind("s", fx.stationId).bind("st", status)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private OrdersViewModel vm(Role role, OrderService orders) {
        OrdersViewModel vm = new OrdersViewModel(fx.followUp, null, orders, units, feed,
                new Tasks(Runnable::run, Runnable::run), clock, null, role, "值班长李明");
        vm.activate();
        return vm;
    }

    private static void pick(OrdersViewModel vm, Order o) {
        vm.select(vm.rowOf(o.id()));
    }

    private Order fedBack() {
        Order o = fx.dispatch();
        fx.orders.sign(o.id(), "城关01");
        fx.orders.feedback(o.id(), "城关01", "已到场调解");
        return o;
    }

    private String column(String column, long orderId) {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT CAST(" + column + " AS VARCHAR) FROM work_order WHERE id = :id")
                .bind("id", orderId).mapTo(String.class).one());
    }

    private List<OrderEventType> events(long orderId) {
        return fx.followUp.trail(orderId).stream().map(TrailEvent::event).toList();
    }

    @Test
    void reAssignListsTheNearestAvailableUnitFirstAndSaysHowFar() {
        org.commandroom.core.geo.GeoPoint scene = org.commandroom.core.geo.GeoPoint.wgs84(30.10, 104.20);
        long far = unit("城关04", "AVAILABLE");
        long near = unit("城关09", "AVAILABLE");
        place(far, 30.13, 104.20);    // about 3.3 km north
        place(near, 30.101, 104.20);  // about 110 m
        place(freeUnit, 30.12, 104.20);
        Order o = fx.orders.createAndIssue(new org.commandroom.core.dispatch.OrderDraft(
                org.commandroom.core.dispatch.OrderKind.DISPATCH, fx.incidentId,
                org.commandroom.core.incident.IncidentType.FAMILY_DISPUTE, fx.stationId, fx.unitId, null,
                "速到前进路1号", scene), "值班长");
        OrdersViewModel vm = vm(Role.COMMAND_LEADER, fx.orders);
        pick(vm, o);
        vm.openReassign();
        assertEquals(List.of("城关09", "城关02", "城关04", "城关03"),
                vm.unitChoices().stream().map(UnitBoardEntry::callSign).toList(),
                "available ones by distance to the order's point (not by call-sign), then the busy one without a position");
        assertEquals(111, Math.round(vm.distanceToOrder(vm.unitChoices().get(0))), 2);
        assertNull(vm.distanceToOrder(vm.unitChoices().get(3)), "no position, no distance");
    }

    @Test
    void onlyADispatchShowsTerminalAndResponseTimes() {
        Order dispatch = fx.dispatch();
        Order visit = fx.followUp(org.commandroom.core.incident.IncidentType.FAMILY_DISPUTE);
        OrdersViewModel vm = vm(Role.COMMAND_LEADER, fx.orders);
        pick(vm, dispatch);
        assertEquals(dispatch.id(), vm.timesProperty().get().orderId(), "a dispatch: its times, for the response times");
        pick(vm, visit);
        assertNull(vm.timesProperty().get(), "a follow-up visit has no way to a scene to time");
    }

    private void place(long unitId, double lat, double lon) {
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE patrol_unit SET lat = :lat, lon = :lon, datum = 'WGS84' WHERE id = :id")
                .bind("lat", lat).bind("lon", lon).bind("id", unitId).execute());
    }

    @Test
    void reAssignListsAvailableUnitsFirstWithoutTheOrdersOwnAndMovesTheOrder() {
        Order o = fx.dispatch();
        OrdersViewModel vm = vm(Role.COMMAND_LEADER, fx.orders);
        pick(vm, o);
        assertTrue(vm.canReassignProperty().get());

        vm.openReassign();
        assertTrue(vm.choosingUnitProperty().get());
        assertEquals(List.of("城关02", "城关03"), vm.unitChoices().stream().map(UnitBoardEntry::callSign).toList(),
                "the available unit first, the busy one after it, the order's own unit not offered");
        vm.filterUnits("03");
        assertEquals(List.of("城关03"), vm.unitChoices().stream().map(UnitBoardEntry::callSign).toList());
        vm.filterUnits("");

        vm.reassign(vm.unitChoices().get(0), "  就近改派  ");
        assertEquals(o.orderNo(), vm.actionDoneProperty().get());
        assertNull(vm.refusalProperty().get());
        assertFalse(vm.choosingUnitProperty().get(), "the list closes once the order has moved");
        assertEquals(String.valueOf(freeUnit), column("unit_id", o.id()));
        assertEquals("ISSUED", column("status", o.id()));
        TrailEvent last = fx.followUp.trail(o.id()).get(2);
        assertEquals(OrderEventType.REASSIGNED, last.event());
        assertEquals("城关01 → 城关02：就近改派", last.detail());
        assertEquals("值班长李明", last.actor());

        feed.poll();
        assertEquals("城关02", vm.rowOf(o.id()).getEntry().unitCallSign(), "the row follows the change feed");
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.REASSIGNED),
                vm.trail().stream().map(TrailEvent::event).toList(), "the trail shows the re-assignment");
    }

    @Test
    void cancelNeedsAReasonAndThenEndsTheOrder() {
        Order o = fx.dispatch();
        OrdersViewModel vm = vm(Role.DUTY_COMMANDER, fx.orders);
        pick(vm, o);
        assertTrue(vm.canCancelProperty().get());

        vm.cancel("   ");
        assertEquals(Refusal.REASON_REQUIRED, vm.refusalProperty().get());
        assertEquals("ISSUED", column("status", o.id()), "nothing changed without a reason");

        vm.cancel("报警人称已自行解决");
        assertNull(vm.refusalProperty().get());
        assertEquals(o.orderNo(), vm.actionDoneProperty().get());
        assertEquals("CLOSED", column("status", o.id()));
        assertNotNull(column("cancelled_at", o.id()));
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.CANCELLED), events(o.id()));
        assertEquals("报警人称已自行解决", fx.followUp.trail(o.id()).get(2).detail());

        feed.poll();
        assertNull(vm.rowOf(o.id()), "the ended order leaves the board");
        assertFalse(vm.canCancelProperty().get());
    }

    @Test
    void returnIsOfferedOnlyForAFedBackOrderAndPutsItBackToSigned() {
        Order issued = fx.dispatch();
        Order done = fedBack();
        OrdersViewModel vm = vm(Role.COMMAND_LEADER, fx.orders);
        pick(vm, issued);
        assertFalse(vm.canReturnProperty().get(), "nothing to send back before feedback");
        vm.returnForMoreWork("补充现场照片");
        assertEquals("ISSUED", column("status", issued.id()));

        pick(vm, done);
        assertTrue(vm.canReturnProperty().get());
        assertFalse(vm.canReassignProperty().get(), "a fed-back order is reviewed, not re-assigned");
        vm.returnForMoreWork("");
        assertEquals(Refusal.NOTE_REQUIRED, vm.refusalProperty().get());
        assertEquals("FED_BACK", column("status", done.id()));

        vm.returnForMoreWork("补充现场照片和当事人笔录");
        assertEquals(done.orderNo(), vm.actionDoneProperty().get());
        assertEquals("SIGNED", column("status", done.id()));
        assertNull(column("fed_back_at", done.id()));
        feed.poll();
        assertEquals(OrderStatus.SIGNED, vm.rowOf(done.id()).getEntry().status());
        assertFalse(vm.canReturnProperty().get(), "sent back: no longer waiting for review");
        assertTrue(vm.canReassignProperty().get(), "signed again: it can go to another unit");
    }

    @Test
    void aRoleWithoutThePermissionHasTheActionsDisabled() {
        Order issued = fx.dispatch();
        Order done = fedBack();
        OrdersViewModel duty = vm(Role.DUTY_COMMANDER, fx.orders);
        pick(duty, done);
        assertFalse(duty.canReturnProperty().get(), "returning is the reviewer's (REVIEW_CLOSE)");
        assertTrue(duty.canCancelProperty().get(), "a duty commander may cancel (ORDERS)");

        OrdersViewModel wall = vm(Role.WALL_DISPLAY, fx.orders);
        for (Order o : List.of(issued, done)) {
            pick(wall, o);
            assertFalse(wall.canReassignProperty().get());
            assertFalse(wall.canCancelProperty().get());
            assertFalse(wall.canReturnProperty().get());
            wall.cancel("不应执行");
        }
        assertEquals("ISSUED", column("status", issued.id()));
        assertEquals("FED_BACK", column("status", done.id()));

        OrdersViewModel noService = vm(Role.COMMAND_LEADER, null);
        pick(noService, done);
        assertFalse(noService.canCancelProperty().get(), "no order service: nothing offered");
    }

    @Test
    void aRefusalByTheServiceIsSaidAsARefusalNotAsExceptionText() {
        Order o = fedBack();
        // The service checks the workstation's principal, here a duty commander, although the panel's role says leader.
        Principal duty = new Principal(7, "lim", "李明", Set.of(Role.DUTY_COMMANDER), "ws-a", false);
        OrderService guarded = new OrderService(fx.db.jdbi(), clock, DeadlinePolicy.defaults(),
                new Numbering(clock, ZoneId.of("Asia/Shanghai")), fx.recorder, new OrderPushEnqueuer(clock),
                AccessGuard.of(fx.db.jdbi(), clock, duty));
        OrdersViewModel vm = vm(Role.COMMAND_LEADER, guarded);
        pick(vm, o);
        vm.returnForMoreWork("补充笔录");
        assertEquals(Refusal.NOT_PERMITTED, vm.refusalProperty().get());
        assertNull(vm.actionErrorProperty().get(), "no exception text");
        assertFalse(vm.busyProperty().get());
        assertEquals("FED_BACK", column("status", o.id()));

        // Closed elsewhere after the panel read it: the service says false, the panel says why.
        OrdersViewModel leader = vm(Role.COMMAND_LEADER, fx.orders);
        pick(leader, o);
        fx.orders.close(o.id(), "指挥长", "同意办结");
        leader.cancel("重复派单");
        assertEquals(Refusal.NOT_CANCELLABLE, leader.refusalProperty().get());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED,
                OrderEventType.FED_BACK, OrderEventType.CLOSED), events(o.id()));
    }
}
