package org.commandroom.core.dispatch.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the MQTT broker. {@code clientId} must be stable per workstation (the broker keeps its
 * session, and so acknowledgements sent while the workstation was away) and unique among them.
 */
public record MqttSettings(String serverUri, String clientId, Duration reconnectMin, Duration reconnectMax,
                           Duration keepAlive) {

    public MqttSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank() || clientId.length() > 128) {
            throw new IllegalArgumentException("bad MQTT client id: " + clientId);
        }
    }

    /** Reconnect after 250 ms, doubling up to 5 s; keep-alive 10 s. */
    public static MqttSettings of(String serverUri, String clientId) {
        return new MqttSettings(serverUri, clientId, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
