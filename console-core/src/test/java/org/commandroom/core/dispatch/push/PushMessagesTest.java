package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

/** Topic names and protocol 2's messages against their JSON Schemas (docs/protocol), without a broker or a database. */
class PushMessagesTest {

    private static final String TOPIC = "console/B1/unit/城关01/ack";
    private static final String UID = "0d8f6c1e-6a43-4a57-9a47-5a1b2c3d4e5f";
    private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");
    private final TerminalProtocol protocol = TerminalProtocol.get();

    @Test
    void aCallSignWithTopicWildcardsAndSlashesMapsToOneLevelAndBack() {
        String odd = "巡/1+#%";
        String topic = PushTopics.ack("B/1", odd);
        assertEquals("console/B%2F1/unit/巡%2F1%2B%23%25/ack", topic);
        assertEquals(Optional.of(odd), PushTopics.callSignOfAck(topic));
        assertEquals(Optional.of(new PushTopics.Uplink("B/1", odd)), PushTopics.uplink(topic));
        assertTrue(DrillPushChannel.matches(PushTopics.ackFilter("B/1"), topic));
        assertEquals(Optional.empty(), PushTopics.callSignOfAck("console/B1/unit/城关01/orders"));
    }

    @Test
    void theConsoleRefusesToListenBeyondItsOwnBureau() {
        assertThrows(IllegalArgumentException.class, () -> PushTopics.ackFilter("+"));
        assertThrows(IllegalArgumentException.class, () -> PushTopics.ackFilter("#"));
        assertEquals("console/B1/unit/+/ack", PushTopics.ackFilter("B1"));
    }

    @Test
    void everyMessageATerminalSendsIsReadWithTheCallSignFromItsTopic() throws Exception {
        TerminalMessage r = parse(PushMessages.ackJson("m0", 42, UID, AckAction.RECEIPT, null, AT));
        assertEquals(AckAction.RECEIPT, r.type());
        assertEquals("城关01", r.callSign());
        assertEquals(42L, r.orderId());
        assertEquals(UID, r.orderUid());

        TerminalMessage f = parse(PushMessages.feedbackJson("m1", 42, UID, AckAction.FEEDBACK, "已调解",
                List.of("https://files.example/p/1.jpg"), AT));
        assertEquals("已调解", f.text());
        assertEquals(List.of("https://files.example/p/1.jpg"), f.photos());
        assertEquals(AT, f.at());

        TerminalMessage s = parse(PushMessages.statusJson("m2", "ON_SCENE", 42L, UID, AT));
        assertEquals("ON_SCENE", s.status());
        assertEquals(AT, s.at());

        TerminalMessage p = parse(PushMessages.positionJson("m3", new GeoPoint(30.5, 104.1, Datum.GCJ02), AT, 8.0, 12.5, 270.0));
        assertEquals(new GeoPoint(30.5, 104.1, Datum.GCJ02), p.position());
        assertEquals(AT, p.fixAt());
        assertEquals(8.0, p.accuracyM());
        assertEquals(12.5, p.speedMps());
        assertEquals(270.0, p.headingDeg());

        TerminalMessage e = parse(PushMessages.emergencyJson("m4", null, AT, "遇袭"));
        assertEquals(AckAction.EMERGENCY, e.type());
        assertNull(e.position());
        assertEquals("遇袭", e.text());
    }

    @Test
    void theConsolesOwnMessagesMatchTheSchemasItPublishes() {
        Order o = new Order(7, "ZL20261123-00001", OrderKind.DISPATCH, 3L, 1, 2L, null, "速到前进路1号", null,
                OrderStatus.ISSUED, AT, AT.plusSeconds(600), AT.plusSeconds(3600), AT, null, null, null, 1);
        String order = PushMessages.orderJson("ORDER", o, UID,
                new PushMessages.IncidentInfo("JQ1", "FAMILY_DISPUTE", 2, "前进路1号", "争吵"),
                new GeoPoint(30.1, 104.2, Datum.WGS84), null, AT);
        assertEquals(List.of(), protocol.checkOutbound(order));
        assertEquals(List.of(), protocol.checkOutbound(PushMessages.orderJson("AMEND", o, UID, null, null, "补充：带灭火器", AT)));
        assertEquals(List.of(), protocol.checkOutbound(PushMessages.changeJson("CANCEL", o, UID, "REASSIGNED", null, AT)));
        assertEquals(List.of(), protocol.checkOutbound(PushMessages.changeJson("CLOSE", o, UID, null, "办结", AT)));
        assertTrue(!protocol.checkOutbound(PushMessages.changeJson("CANCEL", o, UID, null, null, AT)).isEmpty(),
                "a CANCEL without its reason is against the schema");
    }

    @Test
    void eachBadFormIsRejectedWithItsOwnReason() {
        assertReason("message of 16385 bytes is over the limit", "x".repeat(TerminalProtocol.MAX_BYTES + 1));
        assertReason("empty message", "");
        assertReason("not JSON", "{\"messageId\":");
        assertReason("not a JSON object", "[1,2,3]");
        assertReason("unsupported protocol version", "{\"messageId\":\"a\",\"orderId\":1,\"action\":\"SIGN\"}");
        assertReason("unsupported protocol version 3", "{\"v\":3,\"type\":\"SIGN\",\"messageId\":\"a\"}");
        assertReason("type missing or unknown", "{\"v\":2,\"type\":\"DANCE\",\"messageId\":\"a\"}");
        assertReason("SIGN does not match its schema", "{\"v\":2,\"type\":\"SIGN\",\"messageId\":\"a\",\"orderId\":\"abc\",\"orderUid\":\"u\"}");
        assertReason("SIGN does not match its schema", "{\"v\":2,\"type\":\"SIGN\",\"messageId\":\"" + "x".repeat(65)
                + "\",\"orderId\":1,\"orderUid\":\"u\"}");
        assertReason("FEEDBACK does not match its schema", "{\"v\":2,\"type\":\"FEEDBACK\",\"messageId\":\"a\",\"orderId\":1,"
                + "\"orderUid\":\"u\",\"text\":5}");
        assertReason("SIGN does not match its schema", "{\"v\":2,\"type\":\"SIGN\",\"messageId\":\"a\",\"orderId\":1,"
                + "\"orderUid\":\"u\",\"at\":\"yesterday\"}");
        assertReason("POSITION does not match its schema", "{\"v\":2,\"type\":\"POSITION\",\"messageId\":\"a\",\"lat\":91,"
                + "\"lon\":104,\"datum\":\"WGS84\",\"fixAt\":\"2026-11-23T03:00:00Z\"}");
        assertReason("POSITION does not match its schema", "{\"v\":2,\"type\":\"POSITION\",\"messageId\":\"a\",\"lat\":30,"
                + "\"lon\":104,\"fixAt\":\"2026-11-23T03:00:00Z\"}");
        assertReason("STATUS does not match its schema", "{\"v\":2,\"type\":\"STATUS\",\"messageId\":\"a\",\"status\":\"NAPPING\","
                + "\"at\":\"2026-11-23T03:00:00Z\"}");
        assertReason("STATUS does not match its schema", "{\"v\":2,\"type\":\"STATUS\",\"messageId\":\"a\",\"status\":\"ON_SCENE\","
                + "\"orderId\":1,\"at\":\"2026-11-23T03:00:00Z\"}");                     // orderId without its uid
        assertReason("SIGN does not match its schema", "{\"v\":2,\"type\":\"SIGN\",\"messageId\":\"a\",\"orderId\":1,"
                + "\"orderUid\":\"u\",\"unit\":\"城关02\"}");                                   // a field the protocol has not
        assertReason("FEEDBACK does not match its schema", PushMessages.feedbackJson("a", 1, UID, AckAction.FEEDBACK, "有图",
                List.of("not a uri with spaces"), AT));
    }

    @Test
    void aMessageOnAnotherBureausTopicOrNotAnUplinkTopicIsRefused() {
        String sign = PushMessages.ackJson("a", 1, UID, AckAction.SIGN, null, AT);
        MalformedAckException other = assertThrows(MalformedAckException.class,
                () -> protocol.parse("console/B2/unit/城关01/ack", bytes(sign), "B1"));
        assertTrue(other.getMessage().startsWith("topic is of bureau B2"), other.getMessage());
        MalformedAckException orders = assertThrows(MalformedAckException.class,
                () -> protocol.parse("console/B1/unit/城关01/orders", bytes(sign), "B1"));
        assertTrue(orders.getMessage().startsWith("topic is not a terminal's uplink topic"), orders.getMessage());
    }

    private TerminalMessage parse(String json) throws MalformedAckException {
        return protocol.parse(TOPIC, bytes(json), "B1");
    }

    private void assertReason(String reason, String json) {
        MalformedAckException e = assertThrows(MalformedAckException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
