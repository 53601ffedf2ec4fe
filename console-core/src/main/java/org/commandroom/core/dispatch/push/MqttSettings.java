package org.commandroom.core.dispatch.push;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the MQTT broker. {@code clientId} must be stable per workstation (the broker keeps its
 * session, and so acknowledgements sent while the workstation was away) and unique among them.
 * {@code userName} and {@code password} are null for an anonymous broker; they come from the environment
 * or a file, never from the command line, and {@link #toString()} never shows the password.
 *
 * <p>{@code caFile} (PEM, one or more certificates) is the only trust for an {@code ssl://} broker: the JVM's
 * trust store is not used. {@code certFile} and {@code keyFile} (PEM; the key unencrypted PKCS#8) are the
 * console's client certificate where the broker asks for one. {@code protocol} is the MQTT version:
 * {@link Protocol#AUTO} tries MQTT 5 and settles on 3.1.1 for a broker that does not speak 5 (the embedded
 * Moquette). {@code sessionExpiry} is how long the broker keeps the console's session (and the terminals'
 * acknowledgements for it) while it is away; {@code messageExpiry} how long the broker keeps an order for a
 * terminal that is away (MQTT 5 only).
 */
public record MqttSettings(String serverUri, String clientId, Duration reconnectMin, Duration reconnectMax,
                           Duration keepAlive, String userName, String password, Path caFile, Path certFile,
                           Path keyFile, Protocol protocol, Duration sessionExpiry, Duration messageExpiry) {

    /** The MQTT version spoken to the broker. */
    public enum Protocol {
        /** MQTT 5, and 3.1.1 for a broker that refuses 5. */
        AUTO,
        MQTT_5,
        MQTT_3_1_1
    }

    /** A day: a workstation switched off overnight finds the acknowledgements sent meanwhile. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
    /** Twelve hours: an order older than a shift is not worth showing on a terminal that comes back. */
    public static final Duration DEFAULT_MESSAGE_EXPIRY = Duration.ofHours(12);

    public MqttSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(messageExpiry, "messageExpiry");
        if (clientId.isBlank() || clientId.length() > 128) {
            throw new IllegalArgumentException("bad MQTT client id: " + clientId);
        }
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("a client certificate needs both mqtt.cert and mqtt.key");
        }
    }

    /** With a login, no TLS files, protocol AUTO and the default expiries. */
    public MqttSettings(String serverUri, String clientId, Duration reconnectMin, Duration reconnectMax,
                        Duration keepAlive, String userName, String password) {
        this(serverUri, clientId, reconnectMin, reconnectMax, keepAlive, userName, password, null, null, null,
                Protocol.AUTO, DEFAULT_SESSION_EXPIRY, DEFAULT_MESSAGE_EXPIRY);
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
        return new MqttSettings(serverUri, clientId, reconnectMin, reconnectMax, keepAlive, user, pass, caFile, certFile,
                keyFile, protocol, sessionExpiry, messageExpiry);
    }

    /** The same trusting only the CA in {@code ca} (PEM), with a client certificate when {@code cert} and {@code key} are given. */
    public MqttSettings withTls(Path ca, Path cert, Path key) {
        return new MqttSettings(serverUri, clientId, reconnectMin, reconnectMax, keepAlive, userName, password, ca, cert,
                key, protocol, sessionExpiry, messageExpiry);
    }

    /** The same broker, login, TLS and protocol for another client (e.g. the demo's simulated terminals). */
    public MqttSettings withClientId(String id) {
        return new MqttSettings(serverUri, id, reconnectMin, reconnectMax, keepAlive, userName, password, caFile, certFile,
                keyFile, protocol, sessionExpiry, messageExpiry);
    }

    public MqttSettings withProtocol(Protocol p) {
        return new MqttSettings(serverUri, clientId, reconnectMin, reconnectMax, keepAlive, userName, password, caFile,
                certFile, keyFile, p, sessionExpiry, messageExpiry);
    }

    public MqttSettings withExpiry(Duration session, Duration message) {
        return new MqttSettings(serverUri, clientId, reconnectMin, reconnectMax, keepAlive, userName, password, caFile,
                certFile, keyFile, protocol, session, message);
    }

    @Override
    public String toString() {
        return "MqttSettings[" + serverUri + ", clientId=" + clientId + ", user=" + userName
                + (password == null ? "" : ", password=***") + (caFile == null ? "" : ", ca=" + caFile)
                + (certFile == null ? "" : ", cert=" + certFile) + ", protocol=" + protocol + "]";
    }
}
