package org.commandroom.core.dispatch.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;

/**
 * Protocol version 2 between the console and unit terminals (docs/PUSH.md). A terminal's message is read in this
 * order: size ({@value #MAX_BYTES} bytes at most), topic (an uplink topic of this console's bureau), JSON, the
 * version and type, then the type's JSON Schema ({@code docs/protocol/<type>.schema.json}, on the class path as
 * {@code protocol/}), and only then turned into a {@link TerminalMessage}. Any failure throws with the reason. Built
 * once; thread-safe.
 */
public final class TerminalProtocol {

    public static final int VERSION = 2;
    /** A terminal's message may not be longer (a feedback of 2,000 Chinese characters is about 6 KiB). */
    public static final int MAX_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<AckAction, JsonSchema> schemas = new EnumMap<>(AckAction.class);
    private final JsonSchema orderSchema;
    private final JsonSchema changeSchema;

    private TerminalProtocol() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH).formatAssertionsEnabled(true).build();
        for (AckAction a : AckAction.values()) {
            schemas.put(a, load(factory, config, a.name().toLowerCase(java.util.Locale.ROOT)));
        }
        orderSchema = load(factory, config, "order");
        changeSchema = load(factory, config, "order-change");
    }

    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String name) {
        JsonSchema s = factory.getSchema(SchemaLocation.of("classpath:protocol/" + name + ".schema.json"), config);
        s.initializeValidators();
        return s;
    }

    private static final class Holder {
        static final TerminalProtocol INSTANCE = new TerminalProtocol();
    }

    /** The protocol with its schemas loaded (once per process). */
    public static TerminalProtocol get() {
        return Holder.INSTANCE;
    }

    /**
     * Reads a terminal's message published on {@code topic}. {@code bureauCode} is this console's bureau: a message
     * on another bureau's topic is refused even if a broker delivers it.
     */
    public TerminalMessage parse(String topic, byte[] payload, String bureauCode) throws MalformedAckException {
        if (payload.length > MAX_BYTES) {
            throw new MalformedAckException("message of " + payload.length + " bytes is over the limit of " + MAX_BYTES);
        }
        PushTopics.Uplink up = PushTopics.uplink(topic)
                .orElseThrow(() -> new MalformedAckException("topic is not a terminal's uplink topic: " + topic));
        if (!up.bureauCode().equals(bureauCode)) {
            throw new MalformedAckException("topic is of bureau " + up.bureauCode() + ", not of this console's " + bureauCode);
        }
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
        JsonNode v = n.get("v");
        if (v == null || !v.isIntegralNumber() || v.asInt() != VERSION) {
            throw new MalformedAckException("unsupported protocol version " + v + " (this console speaks " + VERSION + ")");
        }
        AckAction type;
        try {
            type = AckAction.valueOf(n.path("type").asText(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedAckException("type missing or unknown: " + n.get("type"));
        }
        List<String> problems = problems(schemas.get(type).validate(n));
        if (!problems.isEmpty()) {
            throw new MalformedAckException(type + " does not match its schema: " + String.join("; ", problems));
        }
        try {
            return toMessage(type, up.callSign(), n);
        } catch (java.time.DateTimeException e) {
            throw new MalformedAckException(type + " has a time that is not an ISO-8601 date-time: " + e.getMessage());
        }
    }

    private static TerminalMessage toMessage(AckAction type, String callSign, JsonNode n) {
        Long orderId = n.hasNonNull("orderId") ? n.get("orderId").asLong() : null;
        String uid = n.hasNonNull("orderUid") ? n.get("orderUid").asText() : null;
        String text = n.hasNonNull("text") ? n.get("text").asText() : null;
        List<String> photos = new ArrayList<>();
        for (JsonNode p : n.path("photos")) {
            photos.add(p.get("uri").asText());
        }
        String status = n.hasNonNull("status") ? n.get("status").asText() : null;
        JsonNode pos = type == AckAction.POSITION ? n : n.get("position");
        GeoPoint position = null;
        Instant fixAt = null;
        Double accuracy = null;
        if (pos != null && pos.hasNonNull("lat")) {
            position = new GeoPoint(pos.get("lat").asDouble(), pos.get("lon").asDouble(), Datum.valueOf(pos.get("datum").asText()));
            fixAt = pos.hasNonNull("fixAt") ? instant(pos.get("fixAt")) : null;
            accuracy = pos.hasNonNull("accuracyM") ? pos.get("accuracyM").asDouble() : null;
        }
        Double speed = n.hasNonNull("speedMps") ? n.get("speedMps").asDouble() : null;
        Double heading = n.hasNonNull("headingDeg") ? n.get("headingDeg").asDouble() : null;
        Instant at = type == AckAction.POSITION ? fixAt : n.hasNonNull("at") ? instant(n.get("at")) : null;
        return new TerminalMessage(type, callSign, n.get("messageId").asText(), orderId, uid, at, text, photos, status,
                position, fixAt, accuracy, speed, heading);
    }

    /** A date-time the schema accepted (RFC 3339, any offset). */
    private static Instant instant(JsonNode n) {
        return java.time.OffsetDateTime.parse(n.asText()).toInstant();
    }

    /** What is wrong with a console → terminal message (empty when it matches its schema): the tests check ours. */
    public List<String> checkOutbound(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        String type = n.path("type").asText("");
        JsonSchema s = "ORDER".equals(type) || "AMEND".equals(type) ? orderSchema : changeSchema;
        return problems(s.validate(n));
    }

    private static List<String> problems(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted(Comparator.naturalOrder()).distinct().toList();
    }
}
