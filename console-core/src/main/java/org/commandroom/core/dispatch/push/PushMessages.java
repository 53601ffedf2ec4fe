package org.commandroom.core.dispatch.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.geo.GeoPoint;

/**
 * The JSON of protocol version 2 (docs/PUSH.md, schemas in docs/protocol/): the console's messages to a terminal
 * (ORDER, AMEND, CANCEL, CLOSE) and, for the terminal simulator and tests, a terminal's messages (RECEIPT, SIGN,
 * FEEDBACK, STATUS, POSITION, EMERGENCY). Reading a terminal's message is {@link TerminalProtocol#parse}.
 */
public final class PushMessages {

    /** Format version carried in every message as {@code "v"}. */
    public static final int VERSION = TerminalProtocol.VERSION;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PushMessages() {
    }

    /** What the order message says about the incident the order is about. */
    public record IncidentInfo(String no, String type, int priority, String address, String description) {
    }

    /** An ORDER message, as issued (no note). */
    public static String orderJson(Order order, String orderUid, IncidentInfo incident, GeoPoint position) {
        return orderJson("ORDER", order, orderUid, incident, position, null, Instant.now());
    }

    /**
     * An ORDER (or, after a change, AMEND) message: the whole order. {@code incident} and {@code position} may be
     * null; {@code note} says why it changed (AMEND); {@code sentAt} is the console's clock.
     */
    public static String orderJson(String type, Order order, String orderUid, IncidentInfo incident, GeoPoint position,
                                   String note, Instant sentAt) {
        ObjectNode n = head(type, order, orderUid);
        n.put("kind", order.kind().name());
        n.put("summary", order.summary());
        if (note != null) {
            n.put("note", note);
        }
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
        putInstant(n, "sentAt", sentAt);
        return write(n);
    }

    /** A CANCEL (reason CANCELLED or REASSIGNED) or CLOSE message. */
    public static String changeJson(String type, Order order, String orderUid, String reason, String note, Instant at) {
        ObjectNode n = head(type, order, orderUid);
        if (reason != null) {
            n.put("reason", reason);
        }
        if (note != null) {
            n.put("note", note);
        }
        putInstant(n, "at", at);
        putInstant(n, "sentAt", at);
        return write(n);
    }

    private static ObjectNode head(String type, Order order, String orderUid) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("type", type);
        n.put("messageId", UUID.randomUUID().toString());
        n.put("orderId", order.id());
        n.put("orderUid", orderUid);
        n.put("orderNo", order.orderNo());
        n.put("revision", order.version());
        return n;
    }

    // ---- what a terminal sends (the simulator, tests) ----

    private static ObjectNode up(AckAction type, String messageId, Instant sentAt) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("type", type.name());
        n.put("messageId", messageId);
        if (sentAt != null) {
            n.put("sentAt", sentAt.toString());
        }
        return n;
    }

    /** A RECEIPT, SIGN or FEEDBACK about an order ({@code text} for FEEDBACK, else null). */
    public static String ackJson(String messageId, long orderId, String orderUid, AckAction action, String text, Instant at) {
        return feedbackJson(messageId, orderId, orderUid, action, text, List.of(), at);
    }

    /** As {@link #ackJson} with references to photos (FEEDBACK). */
    public static String feedbackJson(String messageId, long orderId, String orderUid, AckAction action, String text,
                                      List<String> photoUris, Instant at) {
        ObjectNode n = up(action, messageId, at);
        n.put("orderId", orderId);
        n.put("orderUid", orderUid);
        if (text != null) {
            n.put("text", text);
        }
        if (!photoUris.isEmpty()) {
            ArrayNode a = n.putArray("photos");
            for (String uri : photoUris) {
                a.addObject().put("uri", uri);
            }
        }
        putIfSet(n, "at", at);
        return write(n);
    }

    /** A STATUS; {@code orderId}/{@code orderUid} may be null (then the unit's latest open order is meant). */
    public static String statusJson(String messageId, String status, Long orderId, String orderUid, Instant at) {
        ObjectNode n = up(AckAction.STATUS, messageId, at);
        n.put("status", status);
        if (orderId != null) {
            n.put("orderId", orderId);
            n.put("orderUid", orderUid);
        }
        putIfSet(n, "at", at);
        return write(n);
    }

    /** A POSITION; speed, heading and accuracy may be null. */
    public static String positionJson(String messageId, GeoPoint p, Instant fixAt, Double accuracyM, Double speedMps,
                                      Double headingDeg) {
        ObjectNode n = up(AckAction.POSITION, messageId, fixAt);
        n.put("lat", p.lat());
        n.put("lon", p.lon());
        n.put("datum", p.datum().name());
        n.put("fixAt", fixAt.toString());
        if (accuracyM != null) {
            n.put("accuracyM", accuracyM);
        }
        if (speedMps != null) {
            n.put("speedMps", speedMps);
        }
        if (headingDeg != null) {
            n.put("headingDeg", headingDeg);
        }
        return write(n);
    }

    /** An EMERGENCY; the position may be null. */
    public static String emergencyJson(String messageId, GeoPoint p, Instant at, String text) {
        ObjectNode n = up(AckAction.EMERGENCY, messageId, at);
        putIfSet(n, "at", at);
        if (p != null) {
            ObjectNode o = n.putObject("position");
            o.put("lat", p.lat());
            o.put("lon", p.lon());
            o.put("datum", p.datum().name());
        }
        if (text != null) {
            n.put("text", text);
        }
        return write(n);
    }

    /** Reads a message as a terminal does (the terminal simulator, tests). */
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

    private static void putIfSet(ObjectNode n, String field, Instant value) {
        if (value != null) {
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
