package org.commandroom.core.dispatch.push;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The way orders reach unit terminals and acknowledgements come back. {@link MqttPushChannel} is the live
 * one; {@link DrillPushChannel} keeps everything in memory, so a drill can never reach a real unit.
 */
public interface PushChannel extends AutoCloseable {

    /** A message that came in on a subscription. */
    @FunctionalInterface
    interface InboundHandler {
        /**
         * Handles one message. Returns true when the message is done with (applied, or dropped for good as
         * malformed), false when it could not be handled now and must be offered again later (the database is
         * gone): the channel then does not acknowledge it to the broker, and offers it again after a pause, so
         * a terminal's sign-for that arrives during a database outage is applied when the database returns.
         */
        boolean onMessage(String topic, byte[] payload);
    }

    /** Starts connecting (and keeps reconnecting); returns at once. */
    void start();

    /**
     * Sends one message at QoS 1. The future completes when the other side has taken it (MQTT: PUBACK
     * from the broker) and fails when it cannot be sent.
     */
    CompletableFuture<Void> send(String topic, byte[] payload);

    /** Receives every message on {@code topicFilter}, now and after every reconnect. */
    void subscribe(String topicFilter, InboundHandler handler);

    boolean isConnected();

    /** Told of every change of connection state, on the channel's own thread; keep it short. */
    void addStateListener(Consumer<PushConnectionState> listener);

    /** A short description for the log and the status bar, e.g. {@code mqtt tcp://127.0.0.1:1883}. */
    String describe();

    @Override
    void close();
}
