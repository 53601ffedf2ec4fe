package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pushed order carries an identity a terminal can trust never to be reused, and acks that echo it are checked. */
class OrderUidTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void eachPushedOrderCarriesItsOwnUuidStoredWithTheOrder(TestDb kind) throws Exception {
        try (PushFixture f = new PushFixture(kind, Clock.systemUTC())) {
            Order first = f.issueToUnit();
            Order second = f.issueToUnit();
            JsonNode m1 = message(f, first.id());
            JsonNode m2 = message(f, second.id());
            UUID u1 = UUID.fromString(m1.get("orderUid").asText());
            UUID u2 = UUID.fromString(m2.get("orderUid").asText());
            assertNotEquals(u1, u2);
            assertEquals(u1.toString(), storedUid(f, first.id()));
            assertEquals(first.id(), m1.get("orderId").asLong());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anAckEchoingAnotherOrdersUidIsRefusedAndTheRightOneApplied(TestDb kind) throws Exception {
        try (PushFixture f = new PushFixture(kind, Clock.systemUTC())) {
            Order order = f.issueToUnit();
            TerminalAckListener listener = new TerminalAckListener(f.db.jdbi(), f.orders, f.clock, PushFixture.BUREAU);
            String topic = PushTopics.ack(PushFixture.BUREAU, PushFixture.CALL_SIGN);
            String wrong = "{\"messageId\":\"m-1\",\"orderId\":" + order.id() + ",\"orderUid\":\"" + UUID.randomUUID()
                    + "\",\"v\":2,\"type\":\"SIGN\"}";
            assertEquals(TerminalAckListener.Outcome.REJECTED, listener.onMessage(topic, wrong.getBytes(StandardCharsets.UTF_8)));
            assertEquals(OrderStatus.ISSUED, status(f, order.id()));

            String right = "{\"messageId\":\"m-2\",\"orderId\":" + order.id() + ",\"orderUid\":\"" + storedUid(f, order.id())
                    + "\",\"v\":2,\"type\":\"SIGN\"}";
            assertEquals(TerminalAckListener.Outcome.APPLIED, listener.onMessage(topic, right.getBytes(StandardCharsets.UTF_8)));
            assertEquals(OrderStatus.SIGNED, status(f, order.id()));
        }
    }

    private static JsonNode message(PushFixture f, long orderId) throws Exception {
        String payload = f.db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM push_outbox WHERE order_id = :id")
                .bind("id", orderId).mapTo(String.class).one());
        return PushMessages.readTree(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String storedUid(PushFixture f, long orderId) {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT order_uid FROM work_order WHERE id = :id")
                .bind("id", orderId).mapTo(String.class).one());
    }

    private static OrderStatus status(PushFixture f, long orderId) {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM work_order WHERE id = :id")
                .bind("id", orderId).mapTo(OrderStatus.class).one());
    }
}
