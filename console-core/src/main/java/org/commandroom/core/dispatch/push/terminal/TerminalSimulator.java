package org.commandroom.core.dispatch.push.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.core.dispatch.push.AckAction;
import org.commandroom.core.dispatch.push.PushMessages;
import org.commandroom.core.dispatch.push.PushTopics;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the terminals of one or more units: connects to the broker as each call-sign, receives
 * its orders, signs for each after {@code signAfter} and feeds back after a further {@code feedbackAfter}.
 * An order received twice (QoS 1 is at least once) is handled once. For demos, drills on a live broker
 * and load tests; see docs/PUSH.md for the command line.
 *
 * <p>With the call-sign {@link #ALL_UNITS} one connection listens for every unit of the bureau (or of every
 * bureau when the bureau is {@code "+"}) and answers on each order's own unit's ack topic. With no
 * {@code signAfter} it answers only when asked ({@link #sign}, {@link #feedback}): the console's demo
 * simulator decides when a unit signs and feeds back, and the answers travel through the broker as a real
 * terminal's would.
 */
public final class TerminalSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalSimulator.class);

    /** The call-sign that stands for every unit: one connection subscribed to all orders topics. */
    public static final String ALL_UNITS = "+";

    /** What to connect to, as whom, and how quickly to answer (a null signAfter: only when asked). */
    public record Settings(String serverUri, String bureau, List<String> callSigns, Duration signAfter,
                           Duration feedbackAfter, String feedbackText) {

        /** Every unit of {@code bureau} ({@code "+"}: of every bureau), answering only when asked. */
        public static Settings onDemand(String serverUri, String bureau) {
            return new Settings(serverUri, bureau, List.of(ALL_UNITS), null, null, null);
        }
    }

    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final List<MqttClient> clients = new ArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger signed = new AtomicInteger();
    private final AtomicInteger fedBack = new AtomicInteger();
    private final Map<Long, Received> byOrder = new ConcurrentHashMap<>();

    /** An order this simulator received: on which connection, and where its answers go. */
    private record Received(MqttClient client, String callSign, String ackTopic) {
    }

    public TerminalSimulator(Settings settings, ScheduledExecutorService scheduler, Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Connects every unit and subscribes to its orders; throws if the broker cannot be reached. */
    public void start() throws MqttException {
        for (String callSign : settings.callSigns()) {
            boolean all = ALL_UNITS.equals(callSign);
            String id = all ? "terminals-" + clientId(settings.bureau() + "@" + settings.serverUri()).substring(9)
                    : clientId(callSign);
            MqttClient client = new MqttClient(settings.serverUri(), id, new MemoryPersistence());
            String ordersTopic = all ? PushTopics.ordersFilter(settings.bureau()) : PushTopics.orders(settings.bureau(), callSign);
            client.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                    if (reconnect) {
                        LOG.info("{} reconnected to {}", callSign, serverURI);
                        scheduler.execute(() -> subscribe(client, ordersTopic, callSign));
                    }
                }

                @Override
                public void connectionLost(Throwable cause) {
                    LOG.warn("{} lost the broker: {}; reconnecting", callSign, cause.toString());
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    String unit = all ? PushTopics.callSignOfOrders(topic).orElse("?") : callSign;
                    String ackTopic = PushTopics.ackOfOrders(topic).orElse(PushTopics.ack(settings.bureau(), unit));
                    onOrder(client, unit, ackTopic, message.getPayload());
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // nothing to do
                }
            });
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(false);
            o.setAutomaticReconnect(true);
            o.setMaxReconnectDelay(5000);
            client.connect(o);
            subscribe(client, ordersTopic, callSign);
            clients.add(client);
            LOG.info("{} listening on {}", callSign, ordersTopic);
        }
    }

    private void subscribe(MqttClient client, String topic, String callSign) {
        try {
            client.subscribe(topic, 1);
        } catch (MqttException e) {
            LOG.warn("{} cannot subscribe to {}: {}", callSign, topic, e.toString());
        }
    }

    private void onOrder(MqttClient client, String callSign, String ackTopic, byte[] payload) {
        long orderId;
        String orderNo;
        try {
            JsonNode n = PushMessages.readTree(payload);
            orderId = n.get("orderId").asLong();
            orderNo = n.path("orderNo").asText("?");
        } catch (Exception e) {
            LOG.warn("{} got an order it cannot read: {}", callSign, e.toString());
            return;
        }
        if (!seen.add(callSign + "/" + orderId)) {
            LOG.info("{} got order {} again; already handled", callSign, orderNo);
            return;
        }
        received.incrementAndGet();
        byOrder.put(orderId, new Received(client, callSign, ackTopic));
        if (settings.signAfter() == null) {
            LOG.debug("{} received order {} (id {}); answering when asked", callSign, orderNo, orderId);
            return;
        }
        LOG.info("{} received order {} (id {}); signing in {} ms", callSign, orderNo, orderId,
                settings.signAfter().toMillis());
        scheduler.schedule(() -> {
            if (ack(client, callSign, ackTopic, orderId, AckAction.SIGN, null)) {
                signed.incrementAndGet();
                scheduler.schedule(() -> {
                    if (ack(client, callSign, ackTopic, orderId, AckAction.FEEDBACK, settings.feedbackText())) {
                        fedBack.incrementAndGet();
                    }
                }, settings.feedbackAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
        }, settings.signAfter().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the order has reached this simulator's terminals. */
    public boolean hasReceived(long orderId) {
        return byOrder.containsKey(orderId);
    }

    /**
     * The order's unit signs for it now, through the broker. False when the order has not reached the
     * terminal (yet) or the broker did not take the answer: ask again later.
     */
    public boolean sign(long orderId) {
        Received r = byOrder.get(orderId);
        if (r == null || !ack(r.client(), r.callSign(), r.ackTopic(), orderId, AckAction.SIGN, null)) {
            return false;
        }
        signed.incrementAndGet();
        return true;
    }

    /** The order's unit feeds back now, through the broker; false as for {@link #sign}. */
    public boolean feedback(long orderId, String text) {
        Received r = byOrder.get(orderId);
        if (r == null || !ack(r.client(), r.callSign(), r.ackTopic(), orderId, AckAction.FEEDBACK, text)) {
            return false;
        }
        fedBack.incrementAndGet();
        byOrder.remove(orderId);
        return true;
    }

    private boolean ack(MqttClient client, String callSign, String ackTopic, long orderId, AckAction action, String text) {
        String json = PushMessages.ackJson(UUID.randomUUID().toString(), orderId, action, text, clock.instant());
        try {
            client.publish(ackTopic, json.getBytes(StandardCharsets.UTF_8), 1, false);
            LOG.info("{} sent {} for order id {}", callSign, action, orderId);
            return true;
        } catch (MqttException e) {
            LOG.warn("{} could not send {} for order id {}: {}", callSign, action, orderId, e.toString());
            return false;
        }
    }

    public int ordersReceived() {
        return received.get();
    }

    public int signed() {
        return signed.get();
    }

    public int fedBack() {
        return fedBack.get();
    }

    @Override
    public void close() {
        for (MqttClient c : clients) {
            try {
                if (c.isConnected()) {
                    c.disconnect(1000);
                }
                c.close();
            } catch (MqttException e) {
                LOG.debug("closing terminal client: {}", e.toString());
            }
        }
    }

    /** A stable, ASCII client id per call-sign, so the broker keeps the unit's session across reconnects. */
    static String clientId(String callSign) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(callSign.getBytes(StandardCharsets.UTF_8));
            return "terminal-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code --broker tcp://127.0.0.1:1883 --bureau B1 [--sign-after 5s] [--feedback-after 60s]
     * [--feedback-text 已处置] CALLSIGN...}; runs until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        Settings s;
        try {
            s = parse(args);
        } catch (IllegalArgumentException e) {
            LOG.error("{}\nusage: TerminalSimulator --broker tcp://HOST:PORT --bureau CODE [--sign-after 5s] "
                    + "[--feedback-after 60s] [--feedback-text TEXT] CALLSIGN...", e.getMessage());
            System.exit(2);
            return;
        }
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        TerminalSimulator sim = new TerminalSimulator(s, scheduler, Clock.systemUTC());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: {} orders received, {} signed, {} fed back", sim.ordersReceived(), sim.signed(), sim.fedBack());
            sim.close();
            scheduler.shutdownNow();
            stop.countDown();
        }, "terminal-simulator-stop"));
        sim.start();
        LOG.info("Terminal simulator: {} unit(s) on {}, bureau {}, sign after {}, feed back after {}",
                s.callSigns().size(), s.serverUri(), s.bureau(), s.signAfter(), s.feedbackAfter());
        stop.await();
    }

    static Settings parse(String[] args) {
        String broker = null;
        String bureau = null;
        Duration sign = Duration.ofSeconds(5);
        Duration feedback = Duration.ofSeconds(60);
        String text = "已到场处置完毕";
        List<String> units = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--broker" -> broker = value(args, ++i, a);
                case "--bureau" -> bureau = value(args, ++i, a);
                case "--sign-after" -> sign = duration(value(args, ++i, a));
                case "--feedback-after" -> feedback = duration(value(args, ++i, a));
                case "--feedback-text" -> text = value(args, ++i, a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    units.add(a);
                }
            }
        }
        if (broker == null || bureau == null || units.isEmpty()) {
            throw new IllegalArgumentException("--broker, --bureau and at least one call-sign are required");
        }
        return new Settings(broker, bureau, List.copyOf(units), sign, feedback, text);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, or ISO-8601 ({@code PT5S}). */
    static Duration duration(String s) {
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + s);
        }
    }
}
