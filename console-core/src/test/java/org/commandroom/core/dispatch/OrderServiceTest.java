package org.commandroom.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The order loop on each supported database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class OrderServiceTest {

    @Parameter
    TestDb kind;

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private Database db;
    private TestClock clock;
    private OrderService orders;
    private long stationId;

    @BeforeEach
    void setUp() {
        db = kind.open();
        clock = new TestClock(T0);
        orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(),
                new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, "test"));
        stationId = db.jdbi().withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '测试县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void issuingStartsTheThirtyMinuteSignClockAndTheDisputeFeedbackClock() {
        Order o = orders.createAndIssue(draft(IncidentType.LABOUR_DISPUTE), "值班长");
        assertEquals(OrderStatus.ISSUED, o.status());
        assertEquals(T0.plus(Duration.ofMinutes(30)), o.signDeadline());
        assertEquals(T0.plus(Duration.ofHours(9)), o.feedbackDeadline());
        assertTrue(o.orderNo().startsWith("ZL20261123-"), o.orderNo());
    }

    @Test
    void theLoopRecordsEveryStepWithWhoAndWhenAndADuplicateSignChangesNothing() {
        Order o = orders.createAndIssue(draft(IncidentType.FAMILY_DISPUTE), "值班长");
        clock.advance(Duration.ofMinutes(10));
        assertTrue(orders.sign(o.id(), "民警张伟"));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(orders.sign(o.id(), "民警张伟"), "a repeated acknowledgement is ignored");
        clock.advance(Duration.ofHours(1));
        assertTrue(orders.feedback(o.id(), "民警张伟", "已调解"));
        assertTrue(orders.close(o.id(), "值班长", "同意办结"));

        List<OrderEvent> trail = orders.trail(o.id());
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED,
                OrderEventType.FED_BACK, OrderEventType.CLOSED), trail.stream().map(OrderEvent::event).toList());
        assertEquals(T0.plus(Duration.ofMinutes(10)), trail.get(2).at());
        assertEquals("民警张伟", trail.get(2).actor());
        Order closed = orders.find(o.id()).orElseThrow();
        assertEquals(OrderStatus.CLOSED, closed.status());
        assertFalse(closed.signOverdueAt(clock.instant()));
    }

    @Test
    void feedbackCannotSkipSigningFor() {
        Order o = orders.createAndIssue(draft(IncidentType.NEIGHBOUR_DISPUTE), "值班长");
        assertFalse(orders.feedback(o.id(), "民警", "跳过签收"));
        assertEquals(OrderStatus.ISSUED, orders.find(o.id()).orElseThrow().status());
    }

    @Test
    void anUnsignedOrderIsOverdueAfterThirtyMinutes() {
        Order o = orders.createAndIssue(draft(IncidentType.NEIGHBOUR_DISPUTE), "值班长");
        assertFalse(o.signOverdueAt(T0.plus(Duration.ofMinutes(30))));
        assertTrue(o.signOverdueAt(T0.plus(Duration.ofMinutes(31))));
    }

    @Test
    void orderNumbersAreConsecutiveWithinADay() {
        Order a = orders.createAndIssue(draft(IncidentType.FAMILY_DISPUTE), "值班长");
        Order b = orders.createAndIssue(draft(IncidentType.FAMILY_DISPUTE), "值班长");
        assertEquals("ZL20261123-00001", a.orderNo());
        assertEquals("ZL20261123-00002", b.orderNo());
    }

    @Test
    void twoWorkstationsSigningTheSameOrderAtOnceRecordOneSigning() throws Exception {
        Order o = orders.createAndIssue(draft(IncidentType.FAMILY_DISPUTE), "值班长");
        try (Database other = Database.open(db.settings())) {
            OrderService otherOrders = new OrderService(other.jdbi(), clock, DeadlinePolicy.defaults(),
                    new Numbering(clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(clock, "other"));
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> { go.await(); return orders.sign(o.id(), "民警甲"); });
                var b = pool.submit(() -> { go.await(); return otherOrders.sign(o.id(), "民警乙"); });
                go.countDown();
                boolean signedA = a.get(20, java.util.concurrent.TimeUnit.SECONDS);
                boolean signedB = b.get(20, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(signedA ^ signedB, "exactly one signing counts: " + signedA + ", " + signedB);
            } finally {
                pool.shutdownNow();
            }
        }
        List<OrderEventType> trail = orders.trail(o.id()).stream().map(OrderEvent::event).toList();
        assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.SIGNED), trail);
    }

    @Test
    void theWindowsFollowTheKindOfOrderAndThePriorityOfItsIncident() {
        long urgent = incident("J20261123-00001", IncidentType.BURGLARY, 1);
        long routine = incident("J20261123-00002", IncidentType.BURGLARY, 2);
        DeadlinePolicy bureau = DeadlineTable.parse("sign.kind.DISPATCH.priority.2=PT15M\n"
                + "feedback.kind.DISPATCH.priority.1=PT1H\n", DeadlinePolicy.defaults()).policy();
        OrderService withTable = new OrderService(db.jdbi(), clock, bureau, new Numbering(clock, ZoneId.of("Asia/Shanghai")),
                new ChangeRecorder(clock, "test"));

        Order fast = orders.createAndIssue(dispatch(urgent), "值班长");
        assertEquals(T0.plus(Duration.ofMinutes(5)), fast.signDeadline(), "an urgent dispatch: sign within 5 minutes");
        assertEquals(T0.plus(Duration.ofHours(3)), fast.feedbackDeadline());
        Order usual = orders.createAndIssue(dispatch(routine), "值班长");
        assertEquals(T0.plus(Duration.ofMinutes(30)), usual.signDeadline());
        Order visit = orders.createAndIssue(new OrderDraft(OrderKind.VISIT, urgent, IncidentType.BURGLARY, stationId,
                null, null, "回访", null), "值班长");
        assertEquals(T0.plus(Duration.ofMinutes(30)), visit.signDeadline(), "a visit about an urgent call is no dispatch");

        assertEquals(T0.plus(Duration.ofMinutes(15)), withTable.createAndIssue(dispatch(routine), "值班长").signDeadline());
        Order table = withTable.createAndIssue(dispatch(urgent), "值班长");
        assertEquals(T0.plus(Duration.ofMinutes(5)), table.signDeadline(), "not named: the default stays");
        assertEquals(T0.plus(Duration.ofHours(1)), table.feedbackDeadline());
    }

    private long incident(String no, IncidentType type, int priority) {
        return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO incident (incident_no, received_at, address, "
                        + "category, incident_type, priority, station_id, status) VALUES (:no, :at, '前进路1号', :c, :t, :p, "
                        + ":s, 'NEW')")
                .bind("no", no).bind("at", T0).bind("c", type.category().name()).bind("t", type.name())
                .bind("p", priority).bind("s", stationId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private OrderDraft dispatch(long incidentId) {
        return new OrderDraft(OrderKind.DISPATCH, incidentId, IncidentType.BURGLARY, stationId, null, null, "速到", null);
    }

    private OrderDraft draft(IncidentType type) {
        return new OrderDraft(OrderKind.DISPUTE_FOLLOW_UP, null, type, stationId, null, null, "纠纷回访", null);
    }
}
