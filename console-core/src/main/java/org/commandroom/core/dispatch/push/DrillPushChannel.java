package org.commandroom.core.dispatch.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The push channel for drills (演练): it opens no connection at all. Sent messages are recorded for the
 * drill to inspect and score; a drill's simulated units answer with {@link #acknowledge}, which reaches
 * the subscribers exactly as a terminal's message would.
 */
public final class DrillPushChannel implements PushChannel {

    /** A message the drill "sent" to a unit. */
    public record SentMessage(String topic, String payload) {
    }

    private record Subscription(String filter, InboundHandler handler) {
    }

    private final Clock clock;
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<PushConnectionState>> listeners = new CopyOnWriteArrayList<>();

    public DrillPushChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void start() {
        PushConnectionState state = new PushConnectionState(true, clock.instant(), "drill: no terminals are reached");
        listeners.forEach(l -> l.accept(state));
    }

    @Override
    public CompletableFuture<Void> send(String topic, byte[] payload) {
        sent.add(new SentMessage(topic, new String(payload, StandardCharsets.UTF_8)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void subscribe(String topicFilter, InboundHandler handler) {
        subscriptions.add(new Subscription(topicFilter, handler));
    }

    /**
     * Delivers a simulated terminal's message to the matching subscribers; false when one of them could not handle
     * it now (the drill's database is gone) and the drill should offer it again later.
     */
    public boolean acknowledge(String topic, String payload) {
        boolean done = true;
        for (Subscription s : subscriptions) {
            if (matches(s.filter(), topic)) {
                done &= s.handler().onMessage(topic, payload.getBytes(StandardCharsets.UTF_8));
            }
        }
        return done;
    }

    public List<SentMessage> sent() {
        return new ArrayList<>(sent);
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void addStateListener(Consumer<PushConnectionState> listener) {
        listeners.add(listener);
    }

    @Override
    public String describe() {
        return "drill (in memory, no terminals)";
    }

    @Override
    public void close() {
        subscriptions.clear();
    }

    /** MQTT filter matching with {@code +} and a trailing {@code #}. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if ("#".equals(f[i])) {
                return true;
            }
            if (i >= t.length || !("+".equals(f[i]) || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
