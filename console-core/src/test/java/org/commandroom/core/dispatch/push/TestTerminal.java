package org.commandroom.core.dispatch.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A unit's terminal as the tests drive it: a plain Paho client that receives orders and publishes acks. */
final class TestTerminal implements AutoCloseable {

    private final MqttClient client;
    private final String ackTopic;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    /** The uid of each order this terminal received: protocol 2 acknowledgements echo it. */
    private final java.util.Map<Long, String> uids = new java.util.concurrent.ConcurrentHashMap<>();

    TestTerminal(String serverUri, String bureau, String callSign) throws MqttException {
        client = connectAndSubscribe(serverUri, "test-terminal-" + UUID.randomUUID().toString().substring(0, 8),
                PushTopics.orders(bureau, callSign), (topic, message) -> {
                    try {
                        JsonNode n = PushMessages.readTree(message.getPayload());
                        uids.put(n.path("orderId").asLong(), n.path("orderUid").asText());
                        received.add(n);
                    } catch (IOException e) {
                        throw new IllegalStateException("terminal got a message that is not JSON", e);
                    }
                });
        ackTopic = PushTopics.ack(bureau, callSign);
    }

    /**
     * Connects and subscribes, trying again when the broker drops the connection at once: Moquette 0.17
     * can close a connection whose SUBSCRIBE follows the CONNACK too closely ("SUBSCRIBE received on
     * already closed connection"). The console's channel heals the same way, by reconnecting.
     */
    static MqttClient connectAndSubscribe(String serverUri, String clientId, String filter, IMqttMessageListener listener)
            throws MqttException {
        MqttException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            MqttClient c = new MqttClient(serverUri, clientId, new MemoryPersistence());
            try {
                MqttConnectOptions o = new MqttConnectOptions();
                o.setCleanSession(true);
                c.connect(o);
                c.subscribe(filter, 1, listener);
                return c;
            } catch (MqttException e) {
                last = e;
                c.close(true);
            }
        }
        throw last;
    }

    /** The next order message, or null after the timeout. */
    JsonNode nextOrder(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A protocol-2 RECEIPT, SIGN or FEEDBACK, echoing the uid of the order as this terminal received it (an order it
     * never received gets a random uid, which the console refuses as it refuses the unknown order).
     */
    void ack(String messageId, long orderId, AckAction action, String text) throws MqttException {
        String uid = uids.getOrDefault(orderId, UUID.randomUUID().toString());
        publishRaw(PushMessages.ackJson(messageId, orderId, uid, action, text, Instant.parse("2026-11-23T02:05:00Z")));
    }

    /** As {@link #ack(String, long, AckAction, String)} with the order's uid given (an order it did not receive). */
    void ack(String messageId, long orderId, String uid, AckAction action, String text) throws MqttException {
        publishRaw(PushMessages.ackJson(messageId, orderId, uid, action, text, Instant.parse("2026-11-23T02:05:00Z")));
    }

    /** Publishes on any topic with this terminal's connection (messages of one connection arrive in order). */
    void publishOn(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    void publishRaw(String payload) throws MqttException {
        client.publish(ackTopic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
