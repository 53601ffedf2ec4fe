package org.commandroom.app;

import java.time.Clock;
import java.util.List;
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
import org.commandroom.core.dispatch.push.TerminalAckListener;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push to unit terminals as the console runs it (docs/PUSH.md, docs/ORDERS.md): an embedded MQTT broker
 * on loopback unless a broker is configured, the live channel, the listener for terminals' acknowledgements
 * and the outbox publisher; in demo mode also the simulated terminals, answering through the same broker.
 * Started once by {@link AppContext}, closed on exit in the reverse order. While the broker cannot be
 * reached orders wait in the outbox; listeners hear of every change of connection state.
 */
public final class PushRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushRuntime.class);

    private final EmbeddedBroker broker;
    private final ScheduledExecutorService executor;
    private final MqttPushChannel channel;
    private final OutboxPublisher publisher;
    private final Executor callbacks;
    private final List<Consumer<PushConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile PushConnectionState state;
    private volatile TerminalSimulator terminals;

    private PushRuntime(EmbeddedBroker broker, ScheduledExecutorService executor, MqttPushChannel channel,
                        OutboxPublisher publisher, Executor callbacks, Clock clock) {
        this.broker = broker;
        this.executor = executor;
        this.channel = channel;
        this.publisher = publisher;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * Starts the push: connects in the background (a broker that is down is retried; orders queue meanwhile).
     *
     * @param settings  the configured broker and login; no broker: an embedded one on a free loopback port
     * @param clientId  stable per workstation (the broker keeps its session)
     * @param callbacks where state listeners are called (the FX thread)
     */
    public static PushRuntime start(Jdbi jdbi, OrderService orders, Clock clock, ConsoleSettings settings,
                                    String clientId, Executor callbacks) {
        EmbeddedBroker broker = settings.mqttBroker().isEmpty() ? EmbeddedBroker.start() : null;
        String uri = broker != null ? broker.serverUri() : settings.mqttBroker().get();
        AtomicInteger n = new AtomicInteger();
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "console-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        MqttSettings mqtt = MqttSettings.of(uri, clientId);
        if (settings.mqttUser() != null) {
            mqtt = mqtt.withLogin(settings.mqttUser(), settings.mqttPassword());
        }
        MqttPushChannel channel = new MqttPushChannel(mqtt, executor, clock);
        PushRuntime[] self = new PushRuntime[1];
        OutboxPublisher publisher = new OutboxPublisher(jdbi, channel, executor, clock, Runnable::run,
                s -> self[0].stateChanged(s));
        PushRuntime runtime = new PushRuntime(broker, executor, channel, publisher, callbacks, clock);
        self[0] = runtime;
        runtime.state = publisher.state();
        // Subscribe before starting, so the first connect subscribes the listener (docs/PUSH.md).
        new TerminalAckListener(jdbi, orders, clock, "+").subscribeTo(channel);
        publisher.start();
        LOG.info("Push to terminals via {}{}", uri, broker != null ? " (embedded broker on loopback)" : "");
        return runtime;
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
        TerminalSimulator sim = new TerminalSimulator(TerminalSimulator.Settings.onDemand(brokerUri(), "+"), executor, clock);
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
        publisher.wake();
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
        return publisher.undeliveredCount();
    }

    /** {@code tcp://127.0.0.1:port} of the embedded broker, or the configured one. */
    public String brokerUri() {
        return broker != null ? broker.serverUri() : channel.describe().replaceFirst("^mqtt ", "");
    }

    public boolean embeddedBroker() {
        return broker != null;
    }

    /** Stops the terminals, the publisher, the channel, the executor and the embedded broker, in that order. */
    @Override
    public void close() {
        TerminalSimulator t = terminals;
        if (t != null) {
            t.close();
        }
        publisher.close();
        channel.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (broker != null) {
            broker.stop();
        }
        LOG.info("Push stopped");
    }
}
