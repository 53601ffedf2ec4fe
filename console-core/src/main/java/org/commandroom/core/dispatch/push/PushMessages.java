package org.commandroom.core.dispatch.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.geo.GeoPoint;

/** The JSON of the order message (console → terminal) and of the acknowledgement (terminal → console). */
public final class PushMessages {

    /** Format version carried in every order message as {@code "v"}. */
    public static final int VERSION = 1;
    static final int MAX_MESSAGE_ID = 64;
    static final int MAX_TEXT = 2000;
    static final int MAX_ORDER_UID = 36;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PushMessages() {
    }

    /** What the order message says about the incident the order is about. */
    public record IncidentInfo(String no, String type, int priority, String address, String description) {
    }

    /**
     * The order message's JSON text. {@code orderUid} is the order's identity for terminals (never reused, unlike
     * {@code orderId}); {@code incident} and {@code position} may be null.
     */
    public static String orderJson(Order order, String orderUid, IncidentInfo incident, GeoPoint position) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("orderUid", orderUid);
        n.put("orderId", order.id());
        n.put("orderNo", order.orderNo());
        n.put("kind", order.kind().name());
        n.put("summary", order.summary());
        if (incident == null) {
            n.putNull("incident");
        } else {
            ObjectNode i = n.putObject("incident");
            i.put("no", incident.no());
            i.put("type", incident.type());
            i.put("priority", incident.priority());
            i.put("address", incident.address());
            i.put("description", incident.description());
        }
        if (position == null) {
            n.putNull("position");
        } else {
            ObjectNode p = n.putObject("position");
            p.put("lat", position.lat());
            p.put("lon", position.lon());
            p.put("datum", position.datum().name());
        }
        putInstant(n, "signDeadline", order.signDeadline());
        putInstant(n, "feedbackDeadline", order.feedbackDeadline());
        putInstant(n, "issuedAt", order.issuedAt());
        return write(n);
    }

    /** An acknowledgement's JSON text, as a terminal writes it (used by the terminal simulator and tests). */
    public static String ackJson(String messageId, long orderId, AckAction action, String text, Instant at) {
        ObjectNode n = JSON.createObjectNode();
        n.put("messageId", messageId);
        n.put("orderId", orderId);
        n.put("action", action.name());
        if (text != null) {
            n.put("text", text);
        }
        putInstant(n, "at", at);
        return write(n);
    }

    /** Reads an acknowledgement published on {@code topic}; throws with the reason when it is malformed. */
    public static TerminalAck parseAck(String topic, byte[] payload) throws MalformedAckException {
        String callSign = PushTopics.callSignOfAck(topic)
                .orElseThrow(() -> new MalformedAckException("topic is not an ack topic: " + topic));
        if (payload.length == 0) {
            throw new MalformedAckException("empty message");
        }
        JsonNode n;
        try {
            n = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new MalformedAckException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new MalformedAckException("not a JSON object");
        }
        JsonNode id = n.get("messageId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new MalformedAckException("messageId missing or not a non-empty string");
        }
        if (id.asText().length() > MAX_MESSAGE_ID) {
            throw new MalformedAckException("messageId longer than " + MAX_MESSAGE_ID + " characters");
        }
        JsonNode orderId = n.get("orderId");
        if (orderId == null || !orderId.canConvertToLong() || !orderId.isIntegralNumber()) {
            throw new MalformedAckException("orderId missing or not an integer");
        }
        JsonNode action = n.get("action");
        AckAction a;
        try {
            a = action == null || !action.isTextual() ? null : AckAction.valueOf(action.asText());
        } catch (IllegalArgumentException e) {
            a = null;
        }
        if (a == null) {
            throw new MalformedAckException("action missing or not SIGN or FEEDBACK: " + action);
        }
        JsonNode text = n.get("text");
        String t = null;
        if (text != null && !text.isNull()) {
            if (!text.isTextual()) {
                throw new MalformedAckException("text is not a string");
            }
            t = text.asText();
            if (t.length() > MAX_TEXT) {
                throw new MalformedAckException("text longer than " + MAX_TEXT + " characters");
            }
        }
        Instant at = null;
        JsonNode atNode = n.get("at");
        if (atNode != null && !atNode.isNull()) {
            try {
                at = Instant.parse(atNode.asText());
            } catch (DateTimeParseException e) {
                throw new MalformedAckException("at is not an ISO-8601 instant: " + atNode.asText());
            }
        }
        String uid = null;
        JsonNode uidNode = n.get("orderUid");
        if (uidNode != null && !uidNode.isNull()) {
            if (!uidNode.isTextual() || uidNode.asText().isBlank() || uidNode.asText().length() > MAX_ORDER_UID) {
                throw new MalformedAckException("orderUid is not a string of 1-" + MAX_ORDER_UID + " characters");
            }
            uid = uidNode.asText();
        }
        return new TerminalAck(callSign, id.asText(), orderId.asLong(), a, t, at, uid);
    }

    /** Reads an order message as a terminal does (the terminal simulator, tests). */
    public static JsonNode readTree(byte[] payload) throws java.io.IOException {
        return JSON.readTree(payload);
    }

    private static void putInstant(ObjectNode n, String field, Instant value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value.toString());
        }
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
