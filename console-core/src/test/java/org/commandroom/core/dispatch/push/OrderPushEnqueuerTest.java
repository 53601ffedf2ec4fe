package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.TestClock;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Issuing an order for a unit writes its message to the outbox in the same transaction. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class OrderPushEnqueuerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @Parameter
    TestDb kind;

    private PushFixture f;

    @BeforeEach
    void setUp() {
        f = new PushFixture(kind, new TestClock(T0));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void issuingAnOrderForAUnitQueuesOneMessageOnTheUnitsTopicWithTheDocumentedPayload() throws Exception {
        Order o = f.issueToUnit();
        List<PushDao.OutboxRow> rows = f.db.jdbi().withExtension(PushDao.class, d -> d.forOrder(o.id()));
        assertEquals(1, rows.size());
        assertEquals("console/B1/unit/城关01/orders", rows.get(0).topic());
        JsonNode p = PushMessages.readTree(rows.get(0).payload().getBytes(StandardCharsets.UTF_8));
        assertEquals(o.id(), p.get("orderId").asLong());
        assertEquals(o.orderNo(), p.get("orderNo").asText());
        assertEquals("DISPATCH", p.get("kind").asText());
        assertEquals("JQ20261123-00001", p.at("/incident/no").asText());
        assertEquals("FAMILY_DISPUTE", p.at("/incident/type").asText());
        assertEquals(2, p.at("/incident/priority").asInt());
        assertEquals("前进路1号", p.at("/incident/address").asText());
        assertEquals("夫妻争吵，邻居报警", p.at("/incident/description").asText());
        assertEquals(30.1, p.at("/position/lat").asDouble(), 1e-9, "no target: the incident's position");
        assertEquals(104.2, p.at("/position/lon").asDouble(), 1e-9);
        assertEquals("WGS84", p.at("/position/datum").asText());
        assertEquals("2026-11-23T02:30:00Z", p.get("signDeadline").asText());
        assertEquals("2026-11-23T05:00:00Z", p.get("feedbackDeadline").asText());
        assertEquals("2026-11-23T02:00:00Z", p.get("issuedAt").asText());
        assertEquals(PushStatus.State.QUEUED, f.status(o.id()).state());
        assertEquals(T0, f.status(o.id()).queuedAt());
    }

    @Test
    void theOrdersOwnTargetIsThePositionWhenItHasOne() throws Exception {
        Order o = f.issueInterceptToUnit(new GeoPoint(30.5, 104.5, org.commandroom.core.geo.Datum.GCJ02));
        String payload = f.db.jdbi().withExtension(PushDao.class, d -> d.forOrder(o.id())).get(0).payload();
        JsonNode p = PushMessages.readTree(payload.getBytes(StandardCharsets.UTF_8));
        assertEquals(30.5, p.at("/position/lat").asDouble(), 1e-9);
        assertEquals("GCJ02", p.at("/position/datum").asText());
        assertTrue(p.get("incident").isNull());
    }

    @Test
    void anOrderWithoutAUnitIsNotPushed() {
        Order o = f.issueToStation();
        assertEquals(PushStatus.State.NOT_PUSHED, f.status(o.id()).state());
        assertEquals(0L, f.db.jdbi().withExtension(PushDao.class, PushDao::undeliveredCount));
    }

    @Test
    void anIssueThatRollsBackLeavesNoMessageBehind() {
        assertThrows(IllegalStateException.class, () -> f.db.jdbi().useTransaction(h -> {
            OrderDraft d = new OrderDraft(OrderKind.DISPATCH, f.incidentId, IncidentType.FAMILY_DISPUTE, f.stationId,
                    f.unitId, null, "速到", null);
            Order o = f.orders.create(h, d, "值班长");
            f.orders.issue(h, o.id(), d, "值班长");
            throw new IllegalStateException("the commander's transaction fails after issuing");
        }));
        assertEquals(0L, f.db.jdbi().withExtension(PushDao.class, PushDao::undeliveredCount));
    }
}
