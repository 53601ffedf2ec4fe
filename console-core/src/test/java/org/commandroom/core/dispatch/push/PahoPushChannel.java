package org.commandroom.core.dispatch.push;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's push channel as it was up to issue 16, kept in the test sources as the baseline of
 * {@link PushTransportBenchmark}: one Paho {@link MqttAsyncClient} (MQTT 3.1.1, QoS 1, persistent session,
 * in-memory client state). It connects in the background and, whenever the connection is lost or
 * cannot be made, tries again after a growing pause (reconnectMin doubling up to reconnectMax) on the
 * injected scheduler; subscriptions are renewed on every connect. Publishing while disconnected fails
 * at once, so the outbox keeps the message and sends it after the reconnect.
 */
final class PahoPushChannel implements PushChannel {

    private static final Logger LOG = LoggerFactory.getLogger(PahoPushChannel.class);

    private record Subscription(String filter, InboundHandler handler) {
    }

    private final MqttSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<PushConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private boolean connecting;
    private boolean closed;
    private Duration nextPause;
    private volatile PushConnectionState state;
    /**
     * Where inbound messages are handled: a thread of our own, never the MQTT client's, and never interrupted (its
     * handlers write to the database, and an interrupt during H2's file I/O closes the database).
     */
    private final ExecutorService inbound;

    PahoPushChannel(MqttSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.nextPause = settings.reconnectMin();
        this.state = new PushConnectionState(false, clock.instant(), "not started");
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client for " + settings.serverUri() + ": " + e, e);
        }
        // A message is acknowledged to the broker only once its handler is done with it (its database write
        // committed): a sign-for received while the database is gone, or just before the console is killed, is
        // delivered again rather than lost.
        client.setManualAcks(true);
        client.setCallback(new Callback());
        this.inbound = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "push-inbound");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start() {
        connect();
    }

    private void connect() {
        synchronized (lock) {
            if (closed || connecting || client.isConnected()) {
                return;
            }
            connecting = true;
        }
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        options.setConnectionTimeout(5);
        options.setMaxInflight(100);
        if (settings.userName() != null && !settings.userName().isBlank()) {
            options.setUserName(settings.userName());
            options.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    synchronized (lock) {
                        connecting = false;
                        nextPause = settings.reconnectMin();
                    }
                    LOG.info("Push channel connected to {}", settings.serverUri());
                    resubscribe();
                    changeState(true, "connected to " + settings.serverUri());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    synchronized (lock) {
                        connecting = false;
                    }
                    lost("cannot connect to " + settings.serverUri() + ": " + pahoReason(e));
                }
            });
        } catch (MqttException | RuntimeException e) {
            synchronized (lock) {
                connecting = false;
            }
            lost("cannot connect to " + settings.serverUri() + ": " + pahoReason(e));
        }
    }

    private void lost(String why) {
        Duration pause;
        synchronized (lock) {
            if (closed) {
                return;
            }
            pause = nextPause;
            Duration doubled = nextPause.multipliedBy(2);
            nextPause = doubled.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : doubled;
        }
        if (state.connected()) {
            LOG.warn("Push channel lost: {}; retrying in {} ms", why, pause.toMillis());
        } else {
            LOG.debug("Push channel still down: {}; retrying in {} ms", why, pause.toMillis());
        }
        changeState(false, why);
        try {
            scheduler.schedule(this::connect, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Scheduler shut down; no more reconnects");
        }
    }

    private void resubscribe() {
        for (Subscription s : subscriptions) {
            subscribeNow(s);
        }
    }

    private void subscribeNow(Subscription s) {
        try {
            client.subscribe(s.filter(), 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.debug("Subscribed to {}", s.filter());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("Cannot subscribe to {}: {}", s.filter(), pahoReason(e));
                }
            });
        } catch (MqttException e) {
            LOG.warn("Cannot subscribe to {}: {}", s.filter(), pahoReason(e));
        }
    }

    private void changeState(boolean connected, String detail) {
        PushConnectionState previous = state;
        if (previous.connected() == connected && previous.detail().equals(detail)) {
            return;
        }
        PushConnectionState next = new PushConnectionState(connected,
                previous.connected() == connected ? previous.since() : clock.instant(), detail);
        state = next;
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!client.isConnected()) {
            done.completeExceptionally(new IllegalStateException("not connected to " + settings.serverUri()));
            return done;
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(false);
        try {
            client.publish(topic, message, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void subscribe(String topicFilter, InboundHandler handler) {
        Subscription s = new Subscription(topicFilter, handler);
        subscriptions.add(s);
        if (client.isConnected()) {
            subscribeNow(s);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    public PushConnectionState state() {
        return state;
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
            closed = true;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            LOG.debug("Disconnect from {}: {}", settings.serverUri(), pahoReason(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Close MQTT client: {}", pahoReason(e));
        }
        changeState(false, "closed");
        // Lets a message being handled finish its write; never interrupts it.
        inbound.shutdown();
    }

    /** Hands an inbound message to the inbound thread; never blocks the MQTT client's thread. */
    private void offer(String topic, MqttMessage message, Duration retryPause) {
        try {
            inbound.execute(() -> handle(topic, message, retryPause));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Closing; message on {} left unacknowledged for the broker to deliver again", topic);
        }
    }

    private void handle(String topic, MqttMessage message, Duration retryPause) {
        boolean done = true;
        // An exception here is a bug in a handler: it is logged and the message counts as done, so one bad message
        // cannot come back for ever.
        for (Subscription s : subscriptions) {
            if (DrillPushChannel.matches(s.filter(), topic)) {
                try {
                    done &= s.handler().onMessage(topic, message.getPayload());
                } catch (RuntimeException e) {
                    LOG.error("Handler for {} failed on a message on {}", s.filter(), topic, e);
                }
            }
        }
        if (done) {
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException | RuntimeException e) {
                // The connection went since: the broker delivers it again, and the handlers know it as a duplicate.
                LOG.debug("Could not acknowledge message {} on {}: {}", message.getId(), topic, pahoReason(e));
            }
            return;
        }
        Duration doubled = retryPause.multipliedBy(2);
        Duration next = doubled.compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : doubled;
        LOG.debug("Message on {} not handled now; offered again in {} ms", topic, retryPause.toMillis());
        try {
            scheduler.schedule(() -> offer(topic, message, next), retryPause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Closing; message on {} left unacknowledged for the broker to deliver again", topic);
        }
    }

    static String pahoReason(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e ? m : m + " (" + cause + ")";
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // Reported through the connect listener.
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost("connection to " + settings.serverUri() + " lost: " + pahoReason(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            offer(topic, message, settings.reconnectMin());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Completion is reported per message through the publish listener.
        }
    }
}
