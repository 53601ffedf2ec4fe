package org.commandroom.app.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.escalation.FollowUpFixture;
import org.commandroom.core.dispatch.escalation.TrailEvent;
import org.commandroom.core.dispatch.push.PushDao;
import org.commandroom.core.dispatch.push.PushStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orders panel's ViewModel on H2 with no FX toolkit: work and callbacks run in line. */
class OrdersViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private FollowUpFixture fx;
    private TestClock clock;
    private ScheduledExecutorService unused;
    private ChangeFeed feed;
    private OrdersViewModel vm;

    @BeforeEach
    void setUp() {
        clock = new TestClock(T0);
        fx = new FollowUpFixture(TestDatabases.h2(), clock, "ws-a");
        unused = Executors.newSingleThreadScheduledExecutor();
        feed = new ChangeFeed(fx.db.jdbi(), unused, Runnable::run, clock, Duration.ofMillis(250), Duration.ofSeconds(10));
        feed.poll();
        vm = new OrdersViewModel(fx.followUp, feed, new Tasks(Runnable::run, Runnable::run), clock, null,
                Role.COMMAND_LEADER, "值班长李明");
    }

    @AfterEach
    void tearDown() {
        unused.shutdownNow();
        fx.db.close();
    }

    @Test
    void openOrdersAreListedSoonestDeadlineFirstWithCountdownsThatGoNegative() {
        Order dispute = fx.followUp(IncidentType.FAMILY_DISPUTE);
        clock.advance(Duration.ofMinutes(10));
        Order dispatch = fx.dispatch();
        fx.orders.sign(dispute.id(), "张伟");
        vm.activate();

        assertEquals(List.of(dispatch.orderNo(), dispute.orderNo()),
                vm.rows().stream().map(r -> r.getEntry().orderNo()).toList(), "sign by 02:40 before feedback by 05:00");
        OrderRow first = vm.rows().get(0);
        assertEquals(Duration.ofMinutes(30), first.signLeftProperty().get());
        assertNull(vm.rows().get(1).signLeftProperty().get(), "signed: no sign countdown");

        clock.advance(Duration.ofMinutes(31));
        vm.tick();
        assertEquals(Duration.ofMinutes(-1), first.signLeftProperty().get());
        assertTrue(first.isOverdue());
    }

    @Test
    void aSigningOnAnyWorkstationUpdatesTheLineAndItsPushState() {
        Order o = fx.dispatch();
        vm.activate();
        assertEquals(PushStatus.State.QUEUED, vm.rows().get(0).getEntry().push().state());
        assertEquals(1, vm.queuedProperty().get());
        long outbox = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM push_outbox").mapTo(Long.class).one());
        fx.db.jdbi().useExtension(PushDao.class, d -> d.markDelivered(outbox, clock.instant()));
        vm.tick();
        vm.tick(); // the queued line's push state is re-read every second tick
        assertEquals(PushStatus.State.AT_BROKER, vm.rows().get(0).getEntry().push().state());
        assertEquals(0, vm.queuedProperty().get());

        fx.orders.sign(o.id(), "城关01");
        feed.poll();
        assertEquals(PushStatus.State.SIGNED, vm.rows().get(0).getEntry().push().state());
    }

    @Test
    void reviewAndCloseWithANoteRemovesTheOrderAndARefusalSaysWhy() {
        Order o = fx.dispatch();
        vm.activate();
        vm.select(vm.rows().get(0));
        vm.reviewAndClose("同意");
        assertNotNull(vm.actionErrorProperty().get());
        assertTrue(vm.actionErrorProperty().get().contains("ISSUED"), vm.actionErrorProperty().get());

        fx.orders.sign(o.id(), "城关01");
        fx.orders.feedback(o.id(), "城关01", "已调解");
        feed.poll();
        assertEquals("已调解", vm.rows().get(0).getEntry().feedbackText());
        vm.reviewAndClose("反馈属实，同意办结");
        assertEquals(o.orderNo(), vm.actionDoneProperty().get());
        feed.poll();
        assertTrue(vm.rows().isEmpty(), "closed orders leave the panel");
        List<TrailEvent> trail = fx.followUp.trail(o.id());
        assertEquals(OrderEventType.CLOSED, trail.get(trail.size() - 1).event());
        assertEquals("值班长李明", trail.get(trail.size() - 1).actor());
    }

    @Test
    void theTrailFollowsTheSelectionAndCanShowTheWholeIncident() {
        Order first = fx.dispatch();
        clock.advance(Duration.ofMinutes(1));
        fx.followUp(IncidentType.FAMILY_DISPUTE);
        vm.activate();
        OrderRow row = vm.rows().stream().filter(r -> r.getEntry().id() == first.id()).findFirst().orElseThrow();
        vm.select(row);
        assertEquals(2, vm.trail().size());
        vm.setTrailScope(OrdersViewModel.TrailScope.INCIDENT);
        assertEquals(4, vm.trail().size());
        vm.correct("地址更正为前进路3号");
        assertEquals(5, vm.trail().size());
        assertEquals(OrderEventType.CORRECTED, vm.trail().get(4).event());
    }

    @Test
    void aWallDisplayMayNotCloseOrCorrect() {
        Order o = fx.dispatch();
        fx.orders.sign(o.id(), "城关01");
        fx.orders.feedback(o.id(), "城关01", "已处置");
        OrdersViewModel wall = new OrdersViewModel(fx.followUp, feed, new Tasks(Runnable::run, Runnable::run), clock, null,
                Role.WALL_DISPLAY, "大屏");
        wall.activate();
        wall.select(wall.rows().get(0));
        wall.reviewAndClose("同意");
        wall.correct("x");
        assertEquals(4, fx.followUp.trail(o.id()).size(), "nothing was written: created, issued, signed, fed back");
    }

    @Test
    void aDutyCommanderCorrectsButLeavesClosingToTheLeaderOnDuty() {
        Order o = fx.dispatch();
        fx.orders.sign(o.id(), "城关01");
        fx.orders.feedback(o.id(), "城关01", "已处置");
        OrdersViewModel duty = new OrdersViewModel(fx.followUp, feed, new Tasks(Runnable::run, Runnable::run), clock, null,
                Role.DUTY_COMMANDER, "值班长李明");
        assertTrue(duty.mayCorrect());
        assertTrue(!duty.mayClose());
        duty.activate();
        duty.select(duty.rows().get(0));
        duty.reviewAndClose("同意");
        assertEquals(4, fx.followUp.trail(o.id()).size(), "not closed");
        duty.correct("地址更正");
        assertEquals(OrderEventType.CORRECTED, fx.followUp.trail(o.id()).get(4).event());
    }
}
