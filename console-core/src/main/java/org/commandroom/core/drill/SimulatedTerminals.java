package org.commandroom.core.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.commandroom.core.dispatch.push.AckAction;
import org.commandroom.core.dispatch.push.DrillPushChannel;
import org.commandroom.core.dispatch.push.PushMessages;
import org.commandroom.core.dispatch.push.PushTopics;

/**
 * The units' terminals in a drill. They read the orders the console sent on the {@link DrillPushChannel} (the
 * terminal protocol of {@link PushMessages}) and answer on the same channel as real terminals would, per the
 * scenario: a normal unit signs for an order after {@code signAfter} and reports on scene after {@code onSceneAfter};
 * one that never signs never answers; an offline one answers nothing until it is back (then everything that fell due);
 * a late one reports on scene only after its own {@code onSceneAfter}. Not thread-safe: the session calls it under its
 * own lock.
 */
final class SimulatedTerminals {

    static final Duration DEFAULT_SIGN = Duration.ofSeconds(30);
    static final Duration DEFAULT_ON_SCENE = Duration.ofMinutes(4);
    static final String ON_SCENE_TEXT = "已到达现场";

    private record Conduct(Scenario.Behaviour behaviour, Duration signAfter, Duration onSceneAfter) {
    }

    private record Due(Instant at, String callSign, long orderId, String orderUid, AckAction action) {
    }

    private final DrillPushChannel channel;
    private final String bureauCode;
    private final Map<String, Conduct> conduct = new HashMap<>();
    private final List<Due> due = new ArrayList<>();
    private int seen;

    SimulatedTerminals(DrillPushChannel channel, String bureauCode) {
        this.channel = channel;
        this.bureauCode = bureauCode;
    }

    void set(String callSign, Scenario.Behaviour behaviour, Duration signAfter, Duration onSceneAfter) {
        Conduct old = conduct.getOrDefault(callSign, new Conduct(Scenario.Behaviour.NORMAL, DEFAULT_SIGN, DEFAULT_ON_SCENE));
        conduct.put(callSign, new Conduct(behaviour == null ? old.behaviour() : behaviour,
                signAfter == null ? old.signAfter() : signAfter, onSceneAfter == null ? old.onSceneAfter() : onSceneAfter));
    }

    /**
     * An order a terminal had not answered when the drill was cut short (the channel, in memory, lost it): its answers
     * fall due as they would have, from when it was issued; a signed one owes only its feedback.
     */
    void pending(String callSign, long orderId, String orderUid, Instant issuedAt, boolean signed) {
        Conduct c = of(callSign);
        if (c.behaviour() == Scenario.Behaviour.NEVER_SIGNS) {
            return;
        }
        if (!signed) {
            due.add(new Due(issuedAt.plus(c.signAfter()), callSign, orderId, orderUid, AckAction.SIGN));
        }
        due.add(new Due(issuedAt.plus(c.onSceneAfter()), callSign, orderId, orderUid, AckAction.FEEDBACK));
    }

    private Conduct of(String callSign) {
        return conduct.getOrDefault(callSign, new Conduct(Scenario.Behaviour.NORMAL, DEFAULT_SIGN, DEFAULT_ON_SCENE));
    }

    /** Reads the orders sent since the last call, answers what is due at {@code now}; returns what was answered. */
    List<DrillEvent> poll(Instant now) {
        List<DrillPushChannel.SentMessage> sent = channel.sent();
        for (int i = seen; i < sent.size(); i++) {
            DrillPushChannel.SentMessage m = sent.get(i);
            Optional<String> callSign = PushTopics.callSignOfOrders(m.topic());
            JsonNode order = json(m.payload());
            Long orderId = order != null && order.hasNonNull("orderId") ? order.get("orderId").asLong() : null;
            String orderUid = order != null && order.hasNonNull("orderUid") ? order.get("orderUid").asText() : null;
            if (callSign.isEmpty() || orderId == null || orderUid == null
                    || !"ORDER".equals(order.path("type").asText("ORDER"))) {
                continue;
            }
            Conduct c = of(callSign.get());
            if (c.behaviour() == Scenario.Behaviour.NEVER_SIGNS) {
                continue;
            }
            due.add(new Due(now, callSign.get(), orderId, orderUid, AckAction.RECEIPT));
            due.add(new Due(now.plus(c.signAfter()), callSign.get(), orderId, orderUid, AckAction.SIGN));
            due.add(new Due(now.plus(c.onSceneAfter()), callSign.get(), orderId, orderUid, AckAction.FEEDBACK));
        }
        seen = sent.size();
        List<DrillEvent> out = new ArrayList<>();
        due.sort((a, b) -> a.at().compareTo(b.at()));
        for (Iterator<Due> it = due.iterator(); it.hasNext(); ) {
            Due d = it.next();
            if (d.at().isAfter(now)) {
                break;
            }
            if (of(d.callSign()).behaviour() == Scenario.Behaviour.OFFLINE) {
                continue;
            }
            String text = d.action() == AckAction.FEEDBACK ? ON_SCENE_TEXT : null;
            channel.acknowledge(PushTopics.ack(bureauCode, d.callSign()),
                    PushMessages.ackJson(UUID.randomUUID().toString(), d.orderId(), d.orderUid(), d.action(), text, now));
            it.remove();
            if (d.action() == AckAction.RECEIPT) {
                continue;
            }
            out.add(new DrillEvent(now, "TERMINAL", null, d.callSign() + " " + (d.action() == AckAction.SIGN ? "签收" : "反馈：" + text)
                    + " #" + d.orderId()));
        }
        return out;
    }

    /** When the next answer falls due, if any (an offline unit's answers wait for it). */
    Optional<Instant> nextDue() {
        return due.stream().filter(d -> of(d.callSign()).behaviour() != Scenario.Behaviour.OFFLINE)
                .map(Due::at).min(Instant::compareTo);
    }

    private static JsonNode json(String payload) {
        try {
            return PushMessages.readTree(payload.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
