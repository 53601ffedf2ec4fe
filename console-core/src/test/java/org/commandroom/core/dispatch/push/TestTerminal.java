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
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A unit's terminal as the tests drive it: a plain Paho client that receives orders and publishes acks. */
final class TestTerminal implements AutoCloseable {

    private final MqttClient client;
    private final String ackTopic;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    TestTerminal(String serverUri, String bureau, String callSign) throws MqttException {
        client = new MqttClient(serverUri, "test-terminal-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
        client.subscribe(PushTopics.orders(bureau, callSign), 1, (topic, message) -> {
            try {
                received.add(PushMessages.readTree(message.getPayload()));
            } catch (IOException e) {
                throw new IllegalStateException("terminal got a message that is not JSON", e);
            }
        });
        ackTopic = PushTopics.ack(bureau, callSign);
    }

    /** The next order message, or null after the timeout. */
    JsonNode nextOrder(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void ack(String messageId, long orderId, AckAction action, String text) throws MqttException {
        publishRaw(PushMessages.ackJson(messageId, orderId, action, text, Instant.parse("2026-11-23T02:05:00Z")));
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
