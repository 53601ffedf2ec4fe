package org.commandroom.core.dispatch.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.push.PushDao;
import org.commandroom.core.dispatch.push.PushStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The orders panel's reads and actions on each supported database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class OrderFollowUpTest {

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

    private OrderBoardEntry entry(long id) {
        return fx.followUp.entries(List.of(id)).get(0);
    }

    @Test
    void anOpenOrderShowsItsAssigneeDeadlinesAndPushStateQueuedDeliveredSigned() {
        Order o = fx.dispatch();
        OrderBoardEntry queued = fx.followUp.openOrders().get(0);
        assertEquals(o.orderNo(), queued.orderNo());
        assertEquals("城关01", queued.assignee());
        assertEquals("J20261123-00001", queued.incidentNo());
        assertEquals("城关派出所", queued.stationName());
        assertEquals(T0.plus(Duration.ofMinutes(30)), queued.signDeadline());
        assertEquals(T0.plus(Duration.ofHours(3)), queued.feedbackDeadline());
        assertEquals(PushStatus.State.QUEUED, queued.push().state());
        assertEquals(EscalationKind.SIGN, queued.nextDeadline());

        clock.advance(Duration.ofSeconds(1));
        long outboxId = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM push_outbox").mapTo(Long.class).one());
        db.jdbi().useExtension(PushDao.class, d -> d.markDelivered(outboxId, clock.instant()));
        assertEquals(PushStatus.State.AT_BROKER, entry(o.id()).push().state());

        fx.orders.sign(o.id(), "城关01");
        OrderBoardEntry signed = entry(o.id());
        assertEquals(PushStatus.State.SIGNED, signed.push().state());
        assertEquals(EscalationKind.FEEDBACK, signed.nextDeadline());
    }

    @Test
    void anOrderForAnOfficerIsNotPushedAndShowsTheOfficer() {
        Order o = fx.followUp(IncidentType.NEIGHBOUR_DISPUTE);
        OrderBoardEntry e = entry(o.id());
        assertEquals("张伟", e.assignee());
        assertEquals(PushStatus.State.NOT_PUSHED, e.push().state());
    }

    @Test
    void reviewAndCloseNeedsFeedbackAndANoteAndPutsBothOnTheTrail() {
        Order o = fx.dispatch();
        var notYet = assertThrows(IllegalStateException.class, () -> fx.followUp.reviewAndClose(o.id(), "值班长", "同意"));
        assertTrue(notYet.getMessage().contains("ISSUED"), notYet.getMessage());
        fx.orders.sign(o.id(), "城关01");
        clock.advance(Duration.ofMinutes(50));
        fx.orders.feedback(o.id(), "城关01", "双方已调解，签订协议");
        assertEquals("双方已调解，签订协议", entry(o.id()).feedbackText());

        var blank = assertThrows(IllegalArgumentException.class, () -> fx.followUp.reviewAndClose(o.id(), "值班长", "  "));
        assertTrue(blank.getMessage().contains("empty"), blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fx.followUp.reviewAndClose(o.id(), "值班长", "长".repeat(2001)));
        assertEquals(OrderStatus.FED_BACK, entry(o.id()).status(), "a refused close changes nothing");

        clock.advance(Duration.ofMinutes(5));
        fx.followUp.reviewAndClose(o.id(), "值班长李明", "  反馈属实，同意办结 ");
        assertTrue(fx.followUp.openOrders().isEmpty());
        TrailEvent closed = fx.followUp.trail(o.id()).get(4);
        assertEquals(OrderEventType.CLOSED, closed.event());
        assertEquals("值班长李明", closed.actor());
        assertEquals("反馈属实，同意办结", closed.detail());
        assertEquals(T0.plus(Duration.ofMinutes(55)), closed.at());
    }

    @Test
    void aCorrectionIsANewEventAndTheEarlierOnesStayAsTheyWere() {
        Order o = fx.dispatch();
        fx.orders.sign(o.id(), "城关01");
        fx.orders.feedback(o.id(), "城关01", "已处置");
        clock.advance(Duration.ofMinutes(3));
        fx.followUp.correct(o.id(), "值班长", "反馈应为：当事人不在家，明日再访");
        List<TrailEvent> trail = fx.followUp.trail(o.id());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED,
                OrderEventType.FED_BACK, OrderEventType.CORRECTED), trail.stream().map(TrailEvent::event).toList());
        assertEquals("已处置", trail.get(3).detail());
        assertEquals("值班长", trail.get(4).actor());
        assertEquals("已处置", entry(o.id()).feedbackText(), "the feedback as received stays");
        assertThrows(IllegalStateException.class, () -> fx.followUp.correct(9_999_999L, "值班长", "x"));
    }

    @Test
    void theIncidentTrailShowsEveryOrderOfTheIncidentInTimeOrder() {
        Order first = fx.dispatch();
        clock.advance(Duration.ofMinutes(2));
        Order second = fx.followUp(IncidentType.FAMILY_DISPUTE);
        clock.advance(Duration.ofMinutes(2));
        fx.orders.sign(first.id(), "城关01");
        List<TrailEvent> trail = fx.followUp.incidentTrail(fx.incidentId);
        assertEquals(5, trail.size());
        assertEquals(List.of(first.orderNo(), first.orderNo(), second.orderNo(), second.orderNo(), first.orderNo()),
                trail.stream().map(TrailEvent::orderNo).toList());
        assertNull(trail.get(0).escalation());
    }
}
