package org.commandroom.core.dispatch.push.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.function.Function;
import org.commandroom.core.dispatch.push.AckAction;
import org.commandroom.core.dispatch.push.MqttPushChannel;
import org.commandroom.core.dispatch.push.MqttSettings;
import org.commandroom.core.dispatch.push.PushChannel;
import org.commandroom.core.dispatch.push.PushMessages;
import org.commandroom.core.dispatch.push.PushTopics;
import org.commandroom.core.geo.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the terminals of one or more units and speaks protocol version 2 (docs/PUSH.md) over any
 * {@link PushChannel} (the live MQTT one, or whatever channel a test gives it): one channel per call-sign, made by the
 * factory it is given. For each ORDER it sends a RECEIPT at once; with a {@code signAfter} it then signs for the order
 * and reports itself EN_ROUTE after {@code signAfter}, and reports ON_SCENE and feeds back after a further
 * {@code feedbackAfter}. A message received twice (QoS 1 is at least once) is handled once; a CANCEL or CLOSE drops the
 * order. For demos, drills on a live broker and load tests; see docs/PUSH.md for the command line.
 *
 * <p>With the call-sign {@link #ALL_UNITS} one channel listens for every unit of the bureau (or of every bureau when the
 * bureau is {@code "+"}: a test double only; the console itself never listens beyond its bureau) and answers on each
 * order's own unit's uplink topic. With no {@code signAfter} it answers only when asked ({@link #sign},
 * {@link #feedback}, {@link #status}): the console's demo simulator decides when a unit signs and feeds back, and the
 * answers travel through the broker as a real terminal's would.
 */
public final class TerminalSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalSimulator.class);

    /** The call-sign that stands for every unit: one channel subscribed to all orders topics. */
    public static final String ALL_UNITS = "+";

    /** How long a send may take before the simulator gives up on it (the caller may ask again). */
    private static final long SEND_TIMEOUT_SECONDS = 10;

    /**
     * What to connect to (used by the command line to build MQTT channels), as whom, and how quickly to answer (a null
     * signAfter: only when asked).
     */
    public record Settings(String serverUri, String bureau, List<String> callSigns, Duration signAfter,
                           Duration feedbackAfter, String feedbackText) {

        /** Every unit of {@code bureau} ({@code "+"}: of every bureau), answering only when asked. */
        public static Settings onDemand(String serverUri, String bureau) {
            return new Settings(serverUri, bureau, List.of(ALL_UNITS), null, null, null);
        }
    }

    private final Settings settings;
    private final Function<String, PushChannel> channelFactory;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final List<PushChannel> channels = new ArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger signed = new AtomicInteger();
    private final AtomicInteger fedBack = new AtomicInteger();
    private final AtomicInteger withdrawn = new AtomicInteger();
    private final Map<Long, Received> byOrder = new ConcurrentHashMap<>();

    /** An order this simulator has: on which channel, for which unit, where its answers go, and its uid. */
    private record Received(PushChannel channel, String callSign, String upTopic, String orderUid) {
    }

    /**
     * @param channelFactory makes the channel of one call-sign (or of {@link #ALL_UNITS}); the simulator starts and
     *                       closes it
     */
    public TerminalSimulator(Settings settings, Function<String, PushChannel> channelFactory,
                             ScheduledExecutorService scheduler, Clock clock) {
        this.settings = settings;
        this.channelFactory = channelFactory;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** One channel for the only call-sign of the settings (e.g. {@link #ALL_UNITS}). */
    public TerminalSimulator(Settings settings, PushChannel channel, ScheduledExecutorService scheduler, Clock clock) {
        this(settings, callSign -> channel, scheduler, clock);
        if (settings.callSigns().size() != 1) {
            throw new IllegalArgumentException("one channel serves one call-sign; give a factory for several");
        }
    }

    /**
     * Subscribes every unit to its orders and starts its channel; returns when every channel is connected.
     *
     * @throws IllegalStateException if a channel is not connected within 10 seconds (it keeps trying)
     */
    public void start() {
        for (String callSign : settings.callSigns()) {
            boolean all = ALL_UNITS.equals(callSign);
            String ordersTopic = all ? PushTopics.ordersFilter(settings.bureau())
                    : PushTopics.orders(settings.bureau(), callSign);
            PushChannel channel = channelFactory.apply(callSign);
            channel.subscribe(ordersTopic, (topic, payload) -> {
                String unit = all ? PushTopics.callSignOfOrders(topic).orElse("?") : callSign;
                String up = PushTopics.ackOfOrders(topic).orElse(PushTopics.ack(settings.bureau(), unit));
                onMessage(channel, unit, up, payload);
                return true;
            });
            channel.start();
            channels.add(channel);
            LOG.info("{} listening on {} through {}", callSign, ordersTopic, channel.describe());
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (PushChannel c : channels) {
            while (!c.isConnected()) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("terminal channel not connected: " + c.describe());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while connecting", e);
                }
            }
        }
    }

    private void onMessage(PushChannel channel, String callSign, String upTopic, byte[] payload) {
        JsonNode n;
        try {
            n = PushMessages.readTree(payload);
        } catch (Exception e) {
            LOG.warn("{} got a message it cannot read: {}", callSign, e.toString());
            return;
        }
        String type = n.path("type").asText("");
        long orderId = n.path("orderId").asLong();
        String orderNo = n.path("orderNo").asText("?");
        String messageId = n.path("messageId").asText("");
        if (n.path("v").asInt() != PushMessages.VERSION || messageId.isEmpty()) {
            LOG.warn("{} got a message of another protocol version; ignored", callSign);
            return;
        }
        if (!seen.add(callSign + "/" + messageId)) {
            LOG.info("{} got {} {} again; already handled", callSign, type, orderNo);
            return;
        }
        switch (type) {
            case "ORDER", "AMEND" -> onOrder(channel, callSign, upTopic, orderId, orderNo, n.path("orderUid").asText(), type);
            case "CANCEL", "CLOSE" -> {
                if (byOrder.remove(orderId) != null) {
                    withdrawn.incrementAndGet();
                }
                LOG.info("{} dropped order {}: {} {}", callSign, orderNo, type, n.path("reason").asText(""));
            }
            default -> LOG.warn("{} got a message of unknown type {}", callSign, type);
        }
    }

    private void onOrder(PushChannel channel, String callSign, String upTopic, long orderId, String orderNo, String uid,
                         String type) {
        boolean first = byOrder.put(orderId, new Received(channel, callSign, upTopic, uid)) == null;
        if (!first || "AMEND".equals(type)) {
            LOG.info("{} has order {} again ({})", callSign, orderNo, type);
            receipt(orderId);
            return;
        }
        received.incrementAndGet();
        receipt(orderId);
        if (settings.signAfter() == null) {
            LOG.debug("{} received order {} (id {}); answering when asked", callSign, orderNo, orderId);
            return;
        }
        LOG.info("{} received order {} (id {}); signing in {} ms", callSign, orderNo, orderId,
                settings.signAfter().toMillis());
        scheduler.schedule(() -> {
            if (sign(orderId)) {
                status(orderId, "EN_ROUTE");
                scheduler.schedule(() -> {
                    status(orderId, "ON_SCENE");
                    feedback(orderId, settings.feedbackText());
                }, settings.feedbackAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
        }, settings.signAfter().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The RECEIPT, sent from the scheduler: never wait for a send on the channel's own inbound thread. */
    private void receipt(long orderId) {
        Received r = byOrder.get(orderId);
        if (r != null) {
            scheduler.execute(() -> send(r, orderId, AckAction.RECEIPT, null));
        }
    }

    /** Whether the order has reached this simulator's terminals (and was not withdrawn since). */
    public boolean hasReceived(long orderId) {
        return byOrder.containsKey(orderId);
    }

    /**
     * The order's unit signs for it now, through the channel. False when the order has not reached the terminal
     * (yet) or the channel did not take the answer: ask again later.
     */
    public boolean sign(long orderId) {
        Received r = byOrder.get(orderId);
        if (r == null || !send(r, orderId, AckAction.SIGN, null)) {
            return false;
        }
        signed.incrementAndGet();
        return true;
    }

    /** The order's unit feeds back now; false as for {@link #sign}. */
    public boolean feedback(long orderId, String text) {
        Received r = byOrder.get(orderId);
        if (r == null || !send(r, orderId, AckAction.FEEDBACK, text)) {
            return false;
        }
        fedBack.incrementAndGet();
        return true;
    }

    /** The order's unit reports a status (EN_ROUTE, ON_SCENE, AVAILABLE, BUSY, OFF_DUTY) about it; false as for {@link #sign}. */
    public boolean status(long orderId, String status) {
        Received r = byOrder.get(orderId);
        if (r == null) {
            return false;
        }
        String json = PushMessages.statusJson(UUID.randomUUID().toString(), status, orderId, r.orderUid(), clock.instant());
        return publish(r.channel(), r.callSign(), r.upTopic(), json, "STATUS " + status);
    }

    /** The order's unit reports a position fix (WGS-84 or GCJ-02 as the point says); false as for {@link #sign}. */
    public boolean position(long orderId, GeoPoint at, Double speedMps, Double headingDeg) {
        Received r = byOrder.get(orderId);
        if (r == null) {
            return false;
        }
        String json = PushMessages.positionJson(UUID.randomUUID().toString(), at, clock.instant(), 10.0, speedMps,
                headingDeg);
        return publish(r.channel(), r.callSign(), r.upTopic(), json, "POSITION");
    }

    private boolean send(Received r, long orderId, AckAction action, String text) {
        String json = PushMessages.ackJson(UUID.randomUUID().toString(), orderId, r.orderUid(), action, text,
                clock.instant());
        return publish(r.channel(), r.callSign(), r.upTopic(), json, action + " for order id " + orderId);
    }

    private boolean publish(PushChannel channel, String callSign, String topic, String json, String what) {
        try {
            channel.send(topic, json.getBytes(StandardCharsets.UTF_8)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("{} sent {}", callSign, what);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("{} could not send {}: {}", callSign, what, e.toString());
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

    /** Orders dropped because the console cancelled, re-assigned or closed them. */
    public int withdrawn() {
        return withdrawn.get();
    }

    @Override
    public void close() {
        for (PushChannel c : channels) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing terminal channel: {}", e.toString());
            }
        }
    }

    /** The client id the command line gives a call-sign's MQTT channel (stable: the broker keeps its session). */
    public static String clientIdFor(Settings s, String callSign) {
        return ALL_UNITS.equals(callSign) ? "terminals-" + clientId(s.bureau() + "@" + s.serverUri()).substring(9)
                : clientId(callSign);
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
        Settings settings = s;
        TerminalSimulator sim = new TerminalSimulator(s, callSign -> new MqttPushChannel(MqttSettings.of(
                settings.serverUri(), clientIdFor(settings, callSign)), scheduler, Clock.systemUTC()), scheduler,
                Clock.systemUTC());
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
