package org.commandroom.core.dispatch.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the MQTT broker. {@code clientId} must be stable per workstation (the broker keeps its
 * session, and so acknowledgements sent while the workstation was away) and unique among them.
 * {@code userName} and {@code password} are null for an anonymous broker; they come from the environment
 * or a settings file, never from the command line, and {@link #toString()} never shows the password.
 */
public record MqttSettings(String serverUri, String clientId, Duration reconnectMin, Duration reconnectMax,
                           Duration keepAlive, String userName, String password) {

    public MqttSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank() || clientId.length() > 128) {
            throw new IllegalArgumentException("bad MQTT client id: " + clientId);
        }
    }

    /** Anonymous. */
    public MqttSettings(String serverUri, String clientId, Duration reconnectMin, Duration reconnectMax,
                        Duration keepAlive) {
        this(serverUri, clientId, reconnectMin, reconnectMax, keepAlive, null, null);
    }

    /** Reconnect after 250 ms, doubling up to 5 s; keep-alive 10 s; anonymous. */
    public static MqttSettings of(String serverUri, String clientId) {
        return new MqttSettings(serverUri, clientId, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** The same with a broker login. */
    public MqttSettings withLogin(String user, String pass) {
        return new MqttSettings(serverUri, clientId, reconnectMin, reconnectMax, keepAlive, user, pass);
    }

    @Override
    public String toString() {
        return "MqttSettings[" + serverUri + ", clientId=" + clientId + ", user=" + userName
                + (password == null ? "" : ", password=***") + "]";
    }
}
