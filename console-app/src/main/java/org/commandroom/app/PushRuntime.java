package org.commandroom.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.push.EmbeddedBroker;
import org.commandroom.core.dispatch.push.MqttPushChannel;
import org.commandroom.core.dispatch.push.MqttSettings;
import org.commandroom.core.dispatch.push.OutboxPublisher;
import org.commandroom.core.dispatch.push.PushConnectionState;
import org.commandroom.core.dispatch.push.PublisherLease;
import org.commandroom.core.dispatch.push.PushDao;
import org.commandroom.core.dispatch.push.TerminalAckListener;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push to unit terminals as the console runs it (docs/PUSH.md, docs/ORDERS.md): an embedded MQTT broker
 * on loopback unless a broker is configured, the live channel, the listener for terminals' acknowledgements
 * and the outbox publisher; in demo mode also the simulated terminals, answering through the same broker.
 * Started once by {@link AppContext} without waiting (the broker starts on the push's own threads), closed on
 * exit in the reverse order. While the broker cannot be
 * reached orders wait in the outbox; listeners hear of every change of connection state.
 */
public final class PushRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushRuntime.class);

    /** How long {@link #brokerUri()} and the demo terminals wait for the embedded broker to be listening. */
    private static final long START_WAIT_SECONDS = 30;

    private final boolean embedded;
    private final String uri;
    private final ScheduledExecutorService executor;
    private final Jdbi jdbi;
    private final Executor callbacks;
    private final List<Consumer<PushConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    /** Completes once the embedded broker listens (at once for a configured broker) and the publisher runs. */
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile EmbeddedBroker broker;
    private volatile MqttPushChannel channel;
    private volatile OutboxPublisher publisher;
    private volatile boolean closed;
    private volatile PushConnectionState state;
    private volatile TerminalSimulator terminals;
    /** The console's broker settings; the demo's simulated terminals connect with the same login and TLS. */
    private volatile MqttSettings consoleMqtt;

    private PushRuntime(boolean embedded, String uri, ScheduledExecutorService executor, Jdbi jdbi,
                        Executor callbacks, Clock clock) {
        this.embedded = embedded;
        this.uri = uri;
        this.executor = executor;
        this.jdbi = jdbi;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * Starts the push and returns at once: the embedded broker (if any) is started, and the channel connected,
     * on the push's own threads, so the first screen never waits for them (a broker that is down is retried;
     * orders issued meanwhile wait in the outbox and leave when the publisher starts).
     *
     * @param settings  the configured broker and login; no broker: an embedded one on a free loopback port
     * @param clientId  stable per workstation (the broker keeps its session)
     * @param callbacks where state listeners are called (the FX thread)
     */
    public static PushRuntime start(Jdbi jdbi, OrderService orders, Clock clock, ConsoleSettings settings,
                                    String clientId, Executor callbacks) {
        PushRuntime runtime = prepare(jdbi, orders, clock, settings, clientId, callbacks);
        runtime.begin();
        return runtime;
    }

    /**
     * As {@link #start} but nothing starts until {@link #begin()}: the console begins the push only once someone
     * who may write is signed in (the outbox publisher and the terminals' acknowledgements write; docs/ACCESS.md).
     * Until then orders wait in the outbox and the state says the push is not connected.
     */
    public static PushRuntime prepare(Jdbi jdbi, OrderService orders, Clock clock, ConsoleSettings settings,
                                      String clientId, Executor callbacks) {
        return prepare(jdbi, orders, clock, settings, clientId, callbacks, false);
    }

    /**
     * As above; {@code sharedDatabase}: the database is shared with other workstations (H2 server, PostgreSQL). Then
     * terminals must reach one broker that every workstation uses, so no embedded broker is started on loopback:
     * with no broker configured the push stays down, says so in the log and the status bar, and orders wait in the
     * outbox until a broker is configured (docs/BROKER.md).
     */
    public static PushRuntime prepare(Jdbi jdbi, OrderService orders, Clock clock, ConsoleSettings settings,
                                      String clientId, Executor callbacks, boolean sharedDatabase) {
        if (sharedDatabase && settings.mqttBroker().isEmpty()) {
            LOG.warn("This console runs on a shared database but no MQTT broker is configured: orders stay in the "
                    + "outbox. Terminals need one broker every workstation uses; set mqtt.broker in {} or --mqtt "
                    + "(docs/BROKER.md). No embedded broker is started: terminals could not reach one on loopback.",
                    ConsoleSettings.FILE);
            PushRuntime runtime = new PushRuntime(false, "", null, jdbi, callbacks, clock);
            runtime.sharedBrokerMissing = true;
            runtime.state = new PushConnectionState(false, clock.instant(), NO_SHARED_BROKER);
            runtime.beginner = () -> { };
            runtime.started.completeExceptionally(new IllegalStateException(NO_SHARED_BROKER));
            return runtime;
        }
        boolean embedded = settings.mqttBroker().isEmpty();
        // The port is chosen now so that the address is known before the broker listens.
        int port = embedded ? EmbeddedBroker.freePort() : -1;
        String uri = embedded ? "tcp://127.0.0.1:" + port : settings.mqttBroker().get();
        AtomicInteger n = new AtomicInteger();
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "console-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        MqttSettings mqtt = MqttSettings.of(uri, clientId)
                .withTls(settings.mqttCa(), settings.mqttCert(), settings.mqttKey())
                // The embedded Moquette speaks MQTT 3.1.1 only; a configured broker is asked for 5 first.
                .withProtocol(embedded ? MqttSettings.Protocol.MQTT_3_1_1 : MqttSettings.Protocol.AUTO);
        if (settings.mqttUser() != null) {
            mqtt = mqtt.withLogin(settings.mqttUser(), settings.mqttPassword());
        }
        PushRuntime runtime = new PushRuntime(embedded, uri, executor, jdbi, callbacks, clock);
        runtime.consoleMqtt = mqtt;
        runtime.state = new PushConnectionState(false, clock.instant(), uri);
        MqttSettings login = mqtt;
        runtime.beginner = () -> runtime.executor.execute(() -> runtime.startInBackground(port, login, orders));
        return runtime;
    }

    /** The state's detail when a shared database has no broker configured. */
    public static final String NO_SHARED_BROKER = "a shared database needs a shared MQTT broker: set mqtt.broker";

    private volatile Runnable beginner;
    private volatile boolean sharedBrokerMissing;

    /** True when the database is shared and no broker is configured: nothing is pushed (see {@link #prepare}). */
    public boolean sharedBrokerMissing() {
        return sharedBrokerMissing;
    }
    private final java.util.concurrent.atomic.AtomicBoolean begun = new java.util.concurrent.atomic.AtomicBoolean();

    /** Starts the broker, the channel and the publisher on the push's own threads; only the first call does. */
    public void begin() {
        if (begun.compareAndSet(false, true)) {
            beginner.run();
        }
    }

    /** Whether {@link #begin()} was called. */
    public boolean begun() {
        return begun.get();
    }

    /** The broker, the MQTT client and the publisher: on the push's own thread (they take most of a second). */
    private void startInBackground(int port, MqttSettings mqtt, OrderService orders) {
        try {
            if (embedded) {
                EmbeddedBroker b = EmbeddedBroker.start(port);
                boolean keep;
                synchronized (this) {
                    keep = !closed;
                    if (keep) {
                        broker = b;
                    }
                }
                if (!keep) {
                    b.stop();
                    started.cancel(false);
                    return;
                }
            }
            MqttPushChannel ch = new MqttPushChannel(mqtt, executor, clock);
            // Polls every 250 ms: an order issued on another workstation (whose wake-up does not reach this one) leaves
            // within that. Sends only while this workstation holds the database's publisher lease.
            OutboxPublisher pub = new OutboxPublisher(jdbi, ch, executor, clock, java.time.Duration.ofMillis(250),
                    java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30), Runnable::run, this::stateChanged)
                    .withLease(new PublisherLease(jdbi, mqtt.clientId()));
            // Subscribe before starting, so the first connect subscribes the listener (docs/PUSH.md). One listener per
            // bureau of this database, each on its own bureau's topics: never a wildcard bureau.
            listenToNewBureaus(ch, orders);
            // A bureau set up while the console runs (console-admin, an import) is heard within seconds.
            executor.scheduleWithFixedDelay(() -> {
                try {
                    listenToNewBureaus(ch, orders);
                } catch (RuntimeException e) {
                    LOG.debug("Bureaus not re-read: {}", e.getMessage());
                }
            }, BUREAU_RECHECK_SECONDS, BUREAU_RECHECK_SECONDS, TimeUnit.SECONDS);
            synchronized (this) {
                if (closed) {
                    ch.close();
                    started.cancel(false);
                    return;
                }
                channel = ch;
                publisher = pub;
                pub.start();
            }
            LOG.info("Push to terminals via {}{}", uri, embedded ? " (embedded broker on loopback)" : "");
            started.complete(null);
        } catch (RuntimeException e) {
            // Orders keep waiting in the outbox; the status bar says why nothing is sent.
            LOG.error("The push to terminals could not start on {}: {}", uri, e.getMessage());
            stateChanged(new PushConnectionState(false, clock.instant(), e.getMessage()));
            started.completeExceptionally(e);
        }
    }

    private static final long BUREAU_RECHECK_SECONDS = 2;
    private final java.util.Set<String> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One listener per bureau of this database not yet heard, each on its own bureau's topics. */
    private final java.util.concurrent.atomic.AtomicInteger bureauCount = new java.util.concurrent.atomic.AtomicInteger();
    private volatile OrderService listenerOrders;

    private void listenToNewBureaus(MqttPushChannel ch, OrderService orders) {
        listenerOrders = orders;
        for (String bureau : bureaus()) {
            if (heard.add(bureau)) {
                bureauCount.incrementAndGet();
                new TerminalAckListener(jdbi, orders, clock, bureau,
                        recorder != null ? recorder : new org.commandroom.core.live.ChangeRecorder(clock, "terminal"))
                        .positionsTo(fix -> positions.apply(fix))
                        .emergenciesTo(this::emergency)
                        .subscribeTo(ch);
                LOG.info("Listening to the terminals of bureau {}", bureau);
            }
        }
    }

    /** The codes of the bureaus in this database: the console hears their terminals and no others. */
    private java.util.List<String> bureaus() {
        java.util.List<String> codes = jdbi.withHandle(h -> h.createQuery("SELECT code FROM bureau ORDER BY id")
                .mapTo(String.class).list());
        return codes;
    }

    private volatile java.util.function.Function<org.commandroom.core.field.PositionFix,
            org.commandroom.core.field.PositionIngest.Offer> positions = f -> org.commandroom.core.field.PositionIngest.Offer.CLOSED;
    private volatile org.commandroom.core.live.ChangeRecorder recorder;
    private final List<Consumer<org.commandroom.core.dispatch.push.UnitEmergency>> emergencyListeners =
            new CopyOnWriteArrayList<>();

    /**
     * Where terminals' POSITION messages go (the field's batched ingest) and what records a unit's status change for
     * the other workstations; set before {@link #begin()}.
     */
    public void feedField(java.util.function.Function<org.commandroom.core.field.PositionFix,
            org.commandroom.core.field.PositionIngest.Offer> sink, org.commandroom.core.live.ChangeRecorder changes) {
        this.positions = sink;
        this.recorder = changes;
    }

    /** Told (on the callbacks executor: the FX thread) of every emergency button a terminal of this console pressed. */
    public void addEmergencyListener(Consumer<org.commandroom.core.dispatch.push.UnitEmergency> l) {
        emergencyListeners.add(l);
    }

    private void emergency(org.commandroom.core.dispatch.push.UnitEmergency e) {
        LOG.warn("EMERGENCY from {} (message {}), last position {}", e.callSign(), e.messageId(), e.position());
        for (Consumer<org.commandroom.core.dispatch.push.UnitEmergency> l : emergencyListeners) {
            callbacks.execute(() -> l.accept(e));
        }
    }

    /** Waits (blocking, never on the FX thread) until the broker listens and the publisher runs; false if it failed. */
    public boolean awaitStarted() {
        try {
            started.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.CancellationException e) {
            return false;
        }
    }

    private void stateChanged(PushConnectionState s) {
        state = s;
        for (Consumer<PushConnectionState> l : listeners) {
            callbacks.execute(() -> l.accept(s));
        }
    }

    /**
     * Demo mode: simulated terminals for every unit, answering only when the demo simulator asks, through
     * this runtime's broker. Returns null (and logs why) when they cannot connect.
     */
    public TerminalSimulator startDemoTerminals() {
        if (!awaitStarted()) {
            LOG.warn("Simulated terminals not started: the push to {} did not start; the demo answers directly", uri);
            return null;
        }
        TerminalSimulator.Settings demo = TerminalSimulator.Settings.onDemand(brokerUri(), "+");
        // the console's own broker settings (login, TLS, MQTT version: 3.1.1 for the embedded broker) for another client
        MqttSettings terminalsLogin = consoleMqtt.withClientId(TerminalSimulator.clientIdFor(demo, TerminalSimulator.ALL_UNITS));
        TerminalSimulator sim = new TerminalSimulator(demo, new MqttPushChannel(terminalsLogin, executor, clock),
                executor, clock);
        try {
            sim.start();
        } catch (Exception e) {
            LOG.warn("Simulated terminals could not connect to {}: {}; the demo answers directly", brokerUri(), e.toString());
            sim.close();
            return null;
        }
        terminals = sim;
        return sim;
    }

    /** The simulated terminals, when demo mode started them. */
    public java.util.Optional<TerminalSimulator> demoTerminals() {
        return java.util.Optional.ofNullable(terminals);
    }

    /** Sends what is waiting now rather than at the next poll (call it after an order is issued). */
    public void wake() {
        OutboxPublisher pub = publisher;
        MqttPushChannel ch = channel;
        OrderService o = listenerOrders;
        if (pub != null && ch != null && o != null && bureauCount.get() == 0) {
            // Nothing heard yet (a county being set up): look for its bureau before the order leaves, so that the
            // subscription reaches the broker ahead of the order and the terminal's answer is heard.
            executor.execute(() -> {
                try {
                    listenToNewBureaus(ch, o);
                } catch (RuntimeException e) {
                    LOG.debug("Bureaus not re-read: {}", e.getMessage());
                }
                pub.wake();
            });
            return;
        }
        if (pub != null) {
            pub.wake();
        }
    }

    /** Connected or not, since when, why not. */
    public PushConnectionState state() {
        return state;
    }

    /** Told (on the callback executor) of every change of connection state. */
    public void addStateListener(Consumer<PushConnectionState> listener) {
        listeners.add(listener);
    }

    public void removeStateListener(Consumer<PushConnectionState> listener) {
        listeners.remove(listener);
    }

    /** Orders waiting for the broker (blocking: the I/O executor). */
    public long undelivered() {
        return jdbi.withExtension(PushDao.class, PushDao::undeliveredCount);
    }

    /** {@code tcp://127.0.0.1:port} of the embedded broker, or the configured one. */
    public String brokerUri() {
        return uri;
    }

    public boolean embeddedBroker() {
        return embedded;
    }

    /** Stops the terminals, the publisher, the channel, the executor and the embedded broker, in that order. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        TerminalSimulator t = terminals;
        if (t != null) {
            t.close();
        }
        OutboxPublisher pub = publisher;
        if (pub != null) {
            pub.close();
        }
        MqttPushChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
        if (executor == null) {
            LOG.info("Push stopped");
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EmbeddedBroker b = broker;
        if (b != null) {
            b.stop();
        }
        LOG.info("Push stopped");
    }
}
