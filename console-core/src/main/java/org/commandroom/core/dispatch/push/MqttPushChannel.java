package org.commandroom.core.dispatch.push;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.exceptions.MqttDecodeException;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live push channel on the HiveMQ MQTT client: MQTT 5 (3.1.1 for a broker that does not speak 5, such as the
 * embedded Moquette), QoS 1, a persistent session (clean start off, session expiry from the settings) and, on
 * MQTT 5, a message expiry on every order so a terminal that comes back after a long time does not get a stale one.
 * The client's own automatic reconnect (delay doubling from reconnectMin to reconnectMax) brings the connection
 * back; subscriptions are renewed on every connect. Publishing while disconnected fails at once, so the outbox
 * keeps the message and sends it after the reconnect.
 *
 * <p>A connection that goes down, or a reason for it that changes (a refused login, an unreachable broker, a TLS
 * failure), is a WARN with the reason, once; the retries that fail the same way are DEBUG. Listeners are told the
 * whole reason for the status bar.
 *
 * <p>Inbound messages are acknowledged to the broker only once their handler is done with them (its database write
 * committed): a sign-for received while the database is gone, or just before the console is killed, is delivered
 * again rather than lost.
 */
public final class MqttPushChannel implements PushChannel {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPushChannel.class);

    private record Subscription(String filter, InboundHandler handler) {
    }

    /**
     * The MQTT client's network threads, shared by every channel, as daemons. With a persistent session the client
     * keeps its event loop until the session would expire (a day; for MQTT 3.1.1 for ever), even after a
     * disconnect; its own threads are not daemons, so a closed console would never exit.
     */
    private static final java.util.concurrent.Executor NETWORK_THREADS = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "push-mqtt-net-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /** One inbound message, whichever MQTT version brought it. */
    private record Inbound(String topic, byte[] payload, Runnable ack) {
    }

    private final MqttSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<PushConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final URI uri;
    private final MqttClientSslConfig ssl;
    private boolean closed;
    private boolean started;
    /** MQTT 5 until a broker refuses it (AUTO) or the settings say 3.1.1. */
    private volatile boolean v5;
    /** Whether MQTT 5 has worked once with this broker: then a failure is never taken for "does not speak 5". */
    private volatile boolean v5Proven;
    private volatile Mqtt5AsyncClient client5;
    private volatile Mqtt3AsyncClient client3;
    private volatile PushConnectionState state;
    /** The last reason logged at WARN while down; the same reason again is DEBUG. */
    private String warnedReason;
    /**
     * Where inbound messages are handled: a thread of our own, never the MQTT client's, and never interrupted (its
     * handlers write to the database, and an interrupt during H2's file I/O closes the database).
     */
    private final ExecutorService inbound;

    public MqttPushChannel(MqttSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.state = new PushConnectionState(false, clock.instant(), "not started");
        this.uri = parse(settings.serverUri());
        this.ssl = sslConfig(uri, settings);
        this.v5 = settings.protocol() != MqttSettings.Protocol.MQTT_3_1_1;
        this.inbound = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "push-inbound");
            t.setDaemon(true);
            return t;
        });
    }

    private static URI parse(String serverUri) {
        URI u;
        try {
            u = URI.create(serverUri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a broker address (use tcp://host:1883 or ssl://host:8883): " + serverUri, e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || !List.of("tcp", "mqtt", "ssl", "mqtts", "ws", "wss").contains(scheme)) {
            throw new IllegalArgumentException("not a broker address (use tcp://host:1883 or ssl://host:8883): " + serverUri);
        }
        return u;
    }

    private static boolean tls(URI u) {
        String s = u.getScheme().toLowerCase(Locale.ROOT);
        return s.equals("ssl") || s.equals("mqtts") || s.equals("wss");
    }

    private static int port(URI u) {
        if (u.getPort() > 0) {
            return u.getPort();
        }
        return switch (u.getScheme().toLowerCase(Locale.ROOT)) {
            case "ssl", "mqtts" -> 8883;
            case "ws" -> 80;
            case "wss" -> 443;
            default -> 1883;
        };
    }

    /** TLS from the settings' own CA (never the JVM-wide trust store) and client certificate; null for plain TCP. */
    private static MqttClientSslConfig sslConfig(URI u, MqttSettings s) {
        if (!tls(u)) {
            return null;
        }
        if (s.caFile() == null) {
            throw new IllegalArgumentException(u + ": a TLS broker needs the CA that signed its certificate (mqtt.ca)");
        }
        MqttClientSslConfigBuilder b = MqttClientSslConfig.builder().trustManagerFactory(MqttTls.trust(s.caFile()))
                .handshakeTimeout(10, TimeUnit.SECONDS);
        if (s.certFile() != null) {
            b = b.keyManagerFactory(MqttTls.identity(s.certFile(), s.keyFile()));
        }
        return b.build();
    }

    private MqttClientBuilder builder() {
        MqttClientBuilder b = MqttClient.builder()
                .identifier(settings.clientId())
                .serverHost(uri.getHost())
                .serverPort(port(uri))
                .automaticReconnect()
                .initialDelay(settings.reconnectMin().toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(settings.reconnectMax().toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> connected())
                .addDisconnectedListener(this::disconnected)
                .executorConfig().nettyExecutor(NETWORK_THREADS).nettyThreads(2).applyExecutorConfig();
        if (ssl != null) {
            b = b.sslConfig(ssl);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("ws") || scheme.equals("wss")) {
            b = b.webSocketConfig().serverPath(uri.getPath() == null || uri.getPath().isEmpty() ? "mqtt" : uri.getPath())
                    .applyWebSocketConfig();
        }
        return b;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (closed || started) {
                return;
            }
            started = true;
        }
        connectNow();
    }

    private void connectNow() {
        boolean hasLogin = settings.userName() != null && !settings.userName().isBlank();
        byte[] password = settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<?> connecting;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (v5) {
                Mqtt5AsyncClient c = builder().useMqttVersion5().buildAsync();
                c.publishes(MqttGlobalPublishFilter.ALL, p -> offer(new Inbound(p.getTopic().toString(),
                        p.getPayloadAsBytes(), p::acknowledge), settings.reconnectMin()), inbound, true);
                client5 = c;
                var connect = c.connectWith()
                        .cleanStart(false)
                        .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
                        .keepAlive((int) settings.keepAlive().toSeconds());
                connecting = hasLogin
                        ? connect.simpleAuth().username(settings.userName()).password(password).applySimpleAuth().send()
                        : connect.send();
            } else {
                Mqtt3AsyncClient c = builder().useMqttVersion3().buildAsync();
                c.publishes(MqttGlobalPublishFilter.ALL, p -> offer(new Inbound(p.getTopic().toString(),
                        p.getPayloadAsBytes(), p::acknowledge), settings.reconnectMin()), inbound, true);
                client3 = c;
                var connect = c.connectWith()
                        .cleanSession(false)
                        .keepAlive((int) settings.keepAlive().toSeconds());
                connecting = hasLogin
                        ? connect.simpleAuth().username(settings.userName()).password(password).applySimpleAuth().send()
                        : connect.send();
            }
        }
        // Failures are reported (and retried) through the disconnected listener.
        connecting.whenComplete((ok, e) -> {
            if (e == null) {
                LOG.debug("Connect to {} acknowledged", settings.serverUri());
            }
        });
    }

    private void connected() {
        synchronized (lock) {
            if (closed) {
                // Connected while being closed: hang up again.
                disconnectQuietly();
                return;
            }
        }
        if (v5) {
            v5Proven = true;
        }
        synchronized (lock) {
            warnedReason = null;
        }
        LOG.info("Push channel connected to {} (MQTT {})", settings.serverUri(), v5 ? "5" : "3.1.1");
        for (Subscription s : subscriptions) {
            subscribeNow(s);
        }
        changeState(true, "connected to " + settings.serverUri() + " (MQTT " + (v5 ? "5" : "3.1.1") + ")");
    }

    private void disconnected(MqttClientDisconnectedContext ctx) {
        boolean isClosed;
        synchronized (lock) {
            isClosed = closed;
        }
        if (isClosed) {
            // Closed while the client was waiting to reconnect: it stops here, and with it its network threads
            // (not daemons: a client left reconnecting would keep the JVM alive).
            ctx.getReconnector().reconnect(false);
            return;
        }
        if (ctx.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        Throwable cause = ctx.getCause();
        if (v5 && !v5Proven && settings.protocol() == MqttSettings.Protocol.AUTO && speaksNo5(cause)) {
            // A broker that does not speak MQTT 5 (the embedded Moquette 0.17): settle on 3.1.1 for good.
            ctx.getReconnector().reconnect(false);
            LOG.info("{} does not speak MQTT 5 ({}); using MQTT 3.1.1", settings.serverUri(), reason(cause));
            synchronized (lock) {
                v5 = false;
            }
            try {
                scheduler.execute(this::connectNow);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("Scheduler shut down; no MQTT 3.1.1 attempt");
            }
            return;
        }
        String why = describe(cause);
        boolean wasUp = state.connected();
        boolean warn;
        synchronized (lock) {
            if (closed) {
                return;
            }
            warn = wasUp || !why.equals(warnedReason);
            if (warn) {
                warnedReason = why;
            }
        }
        if (warn) {
            LOG.warn("Push channel {}: {}; the client keeps reconnecting", wasUp ? "lost" : "down", why);
        } else {
            LOG.debug("Push channel still down: {}", why);
        }
        changeState(false, why);
    }

    /** A failure that says the broker refused or did not understand an MQTT 5 CONNECT. */
    private static boolean speaksNo5(Throwable cause) {
        if (cause instanceof Mqtt5ConnAckException e) {
            return e.getMqttMessage().getReasonCode() == Mqtt5ConnAckReasonCode.UNSUPPORTED_PROTOCOL_VERSION;
        }
        if (cause instanceof Mqtt5DisconnectException e) {
            // Moquette 0.17 answers an MQTT 5 CONNECT with a 3.1.1 CONNACK, which the client cannot decode.
            var code = e.getMqttMessage().getReasonCode();
            return code == Mqtt5DisconnectReasonCode.MALFORMED_PACKET || code == Mqtt5DisconnectReasonCode.PROTOCOL_ERROR;
        }
        return cause instanceof MqttDecodeException || cause instanceof ConnectionClosedException;
    }

    /** The whole reason, in words an operator can act on. */
    static String describe(Throwable cause) {
        if (cause instanceof Mqtt5ConnAckException e) {
            var ack = e.getMqttMessage();
            return "the broker refused the connection: " + ack.getReasonCode()
                    + ack.getReasonString().map(s -> " (" + s + ")").orElse("") + loginHint(ack.getReasonCode().name());
        }
        if (cause instanceof Mqtt3ConnAckException e) {
            String code = e.getMqttMessage().getReturnCode().name();
            return "the broker refused the connection: " + code + loginHint(code);
        }
        if (cause instanceof Mqtt5DisconnectException e) {
            var d = e.getMqttMessage();
            return "the broker closed the connection: " + d.getReasonCode()
                    + d.getReasonString().map(s -> " (" + s + ")").orElse("");
        }
        if (cause instanceof ConnectionFailedException) {
            return "cannot reach the broker: " + rootMessage(cause);
        }
        if (cause instanceof ConnectionClosedException) {
            return "connection to the broker lost: " + rootMessage(cause);
        }
        return reason(cause);
    }

    private static String loginHint(String code) {
        return code.contains("USER_NAME_OR_PASSWORD") || code.contains("NOT_AUTHORIZED")
                ? " - check the broker login (mqtt.user, CONSOLE_MQTT_PASSWORD or mqtt.passwordFile)" : "";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t == e) {
            return m == null ? t.getClass().getSimpleName() : m;
        }
        String top = e.getMessage() == null ? "" : e.getMessage();
        String root = (m == null ? t.getClass().getSimpleName() : m);
        return top.isEmpty() || top.contains(root) ? root : top + " (" + root + ")";
    }

    private void subscribeNow(Subscription s) {
        CompletableFuture<?> done;
        if (v5) {
            Mqtt5AsyncClient c = client5;
            done = c.subscribeWith().topicFilter(s.filter()).qos(MqttQos.AT_LEAST_ONCE).send();
        } else {
            Mqtt3AsyncClient c = client3;
            done = c.subscribeWith().topicFilter(s.filter()).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        done.whenComplete((ok, e) -> {
            if (e != null) {
                LOG.warn("Cannot subscribe to {}: {}", s.filter(), reason(e));
            } else {
                LOG.debug("Subscribed to {}", s.filter());
            }
        });
    }

    private void changeState(boolean connected, String detail) {
        PushConnectionState next;
        synchronized (listeners) {
            PushConnectionState previous = state;
            if (previous.connected() == connected && previous.detail().equals(detail)) {
                return;
            }
            next = new PushConnectionState(connected,
                    previous.connected() == connected ? previous.since() : clock.instant(), detail);
            state = next;
        }
        for (Consumer<PushConnectionState> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("Push state listener failed", e);
            }
        }
    }

    @Override
    public CompletableFuture<Void> send(String topic, byte[] payload) {
        if (!isConnected()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + settings.serverUri()));
        }
        try {
            if (v5) {
                return client5.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(false).payload(payload)
                        .messageExpiryInterval(settings.messageExpiry().toSeconds())
                        .send()
                        .thenApply(MqttPushChannel::checked);
            }
            return client3.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(false).payload(payload).send()
                    .thenApply(p -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A PUBACK that carries an error (e.g. NOT_AUTHORIZED by the broker's ACL) fails the send. */
    private static Void checked(Mqtt5PublishResult r) {
        if (r.getError().isPresent()) {
            throw new CompletionException(r.getError().get());
        }
        if (r instanceof Mqtt5PublishResult.Mqtt5Qos1Result q && q.getPubAck().getReasonCode().isError()) {
            throw new CompletionException(new IllegalStateException("the broker did not take the message: "
                    + q.getPubAck().getReasonCode() + q.getPubAck().getReasonString().map(s -> " (" + s + ")").orElse("")));
        }
        return null;
    }

    @Override
    public void subscribe(String topicFilter, InboundHandler handler) {
        Subscription s = new Subscription(topicFilter, handler);
        subscriptions.add(s);
        if (isConnected()) {
            subscribeNow(s);
        }
    }

    @Override
    public boolean isConnected() {
        if (v5) {
            Mqtt5AsyncClient c = client5;
            return c != null && c.getState().isConnected();
        }
        Mqtt3AsyncClient c = client3;
        return c != null && c.getState().isConnected();
    }

    public PushConnectionState state() {
        return state;
    }

    /** The MQTT version in use: {@code 5} or {@code 3.1.1} (what AUTO settled on), for the log and tests. */
    public String protocolVersion() {
        return v5 ? "5" : "3.1.1";
    }

    @Override
    public void addStateListener(Consumer<PushConnectionState> listener) {
        listeners.add(listener);
    }

    @Override
    public String describe() {
        return "mqtt " + settings.serverUri();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        CompletableFuture<Void> bye = disconnectQuietly();
        try {
            bye.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("Disconnect from {}: {}", settings.serverUri(), reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        changeState(false, "closed");
        // Lets a message being handled finish its write; never interrupts it.
        inbound.shutdown();
    }

    /**
     * Disconnects whichever client is connected or reconnecting. A client waiting to reconnect is stopped by the
     * disconnected listener at its next attempt (closed is set), since the client offers no other way to cancel.
     */
    private CompletableFuture<Void> disconnectQuietly() {
        List<CompletableFuture<Void>> byes = new java.util.ArrayList<>();
        Mqtt5AsyncClient c5 = client5;
        Mqtt3AsyncClient c3 = client3;
        try {
            if (c5 != null && c5.getState().isConnectedOrReconnect()) {
                byes.add(c5.disconnect());
            }
            if (c3 != null && c3.getState().isConnectedOrReconnect()) {
                byes.add(c3.disconnect());
            }
        } catch (RuntimeException e) {
            LOG.debug("Disconnect from {}: {}", settings.serverUri(), reason(e));
        }
        return CompletableFuture.allOf(byes.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new));
    }

    /** Hands an inbound message to the inbound thread; never blocks the MQTT client's thread. */
    private void offer(Inbound message, Duration retryPause) {
        try {
            inbound.execute(() -> handle(message, retryPause));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Closing; message on {} left unacknowledged for the broker to deliver again", message.topic());
        }
    }

    private void handle(Inbound message, Duration retryPause) {
        boolean done = true;
        // An exception here is a bug in a handler: it is logged and the message counts as done, so one bad message
        // cannot come back for ever.
        for (Subscription s : subscriptions) {
            if (DrillPushChannel.matches(s.filter(), message.topic())) {
                try {
                    done &= s.handler().onMessage(message.topic(), message.payload());
                } catch (RuntimeException e) {
                    LOG.error("Handler for {} failed on a message on {}", s.filter(), message.topic(), e);
                }
            }
        }
        if (done) {
            try {
                message.ack().run();
            } catch (RuntimeException e) {
                // The connection went since: the broker delivers it again, and the handlers know it as a duplicate.
                LOG.debug("Could not acknowledge a message on {}: {}", message.topic(), reason(e));
            }
            return;
        }
        Duration doubled = retryPause.multipliedBy(2);
        Duration next = doubled.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : doubled;
        LOG.debug("Message on {} not handled now; offered again in {} ms", message.topic(), retryPause.toMillis());
        try {
            scheduler.schedule(() -> offer(message, next), retryPause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Closing; message on {} left unacknowledged for the broker to deliver again", message.topic());
        }
    }

    static String reason(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        if (e instanceof CompletionException || e instanceof ExecutionException) {
            if (e.getCause() != null) {
                return reason(e.getCause());
            }
        }
        if (e instanceof Mqtt5PubAckException p) {
            return "the broker did not take the message: " + p.getMqttMessage().getReasonCode();
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e ? m : m + " (" + cause + ")";
    }
}
