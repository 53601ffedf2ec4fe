package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Topic names and the acknowledgement format, without a broker or a database. */
class PushMessagesTest {

    private static final String TOPIC = "console/B1/unit/城关01/ack";

    @Test
    void aCallSignWithTopicWildcardsAndSlashesMapsToOneLevelAndBack() {
        String odd = "巡/1+#%";
        String topic = PushTopics.ack("B/1", odd);
        assertEquals("console/B%2F1/unit/巡%2F1%2B%23%25/ack", topic);
        assertEquals(Optional.of(odd), PushTopics.callSignOfAck(topic));
        assertTrue(DrillPushChannel.matches(PushTopics.ackFilter("B/1"), topic));
        assertEquals(Optional.empty(), PushTopics.callSignOfAck("console/B1/unit/城关01/orders"));
    }

    @Test
    void aWellFormedAckIsReadWithTheCallSignFromItsTopic() throws Exception {
        TerminalAck a = PushMessages.parseAck(TOPIC, bytes(
                PushMessages.ackJson("m1", 42, AckAction.FEEDBACK, "已调解", Instant.parse("2026-11-23T03:00:00Z"))));
        assertEquals(new TerminalAck("城关01", "m1", 42, AckAction.FEEDBACK, "已调解", Instant.parse("2026-11-23T03:00:00Z")), a);
    }

    @Test
    void eachKindOfMalformedAckIsRejectedWithItsOwnReason() {
        assertReason("messageId missing", "{\"orderId\":1,\"action\":\"SIGN\"}");
        assertReason("messageId longer than 64", "{\"messageId\":\"" + "x".repeat(65) + "\",\"orderId\":1,\"action\":\"SIGN\"}");
        assertReason("orderId missing or not an integer", "{\"messageId\":\"a\",\"orderId\":1.5,\"action\":\"SIGN\"}");
        assertReason("action missing", "{\"messageId\":\"a\",\"orderId\":1}");
        assertReason("text is not a string", "{\"messageId\":\"a\",\"orderId\":1,\"action\":\"FEEDBACK\",\"text\":5}");
        assertReason("at is not an ISO-8601 instant", "{\"messageId\":\"a\",\"orderId\":1,\"action\":\"SIGN\",\"at\":\"yesterday\"}");
        assertReason("empty message", "");
        assertReason("not JSON", "{\"messageId\":");
        MalformedAckException e = assertThrows(MalformedAckException.class,
                () -> PushMessages.parseAck("console/B1/unit/城关01/orders", bytes("{}")));
        assertTrue(e.getMessage().startsWith("topic is not an ack topic"), e.getMessage());
    }

    private static void assertReason(String reason, String json) {
        MalformedAckException e = assertThrows(MalformedAckException.class, () -> PushMessages.parseAck(TOPIC, bytes(json)));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
