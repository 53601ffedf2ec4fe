package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Closing the channels lets the JVM end: no thread of the MQTT client that is not a daemon is left, whether a channel
 * was connected (the client keeps a persistent session's event loop after a disconnect) or still trying to reach a
 * broker that is not there. (Found when the benchmark's JVM did not exit.)
 */
class MqttChannelCloseTest {

    @Test
    void afterCloseNoMqttClientThreadIsLeft() throws Exception {
        ScheduledExecutorService exec = Executors.newScheduledThreadPool(1);
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            MqttPushChannel connected = new MqttPushChannel(MqttSettings.of(broker.serverUri(), "close-1"), exec, Clock.systemUTC());
            MqttPushChannel nowhere = new MqttPushChannel(MqttSettings.of("tcp://127.0.0.1:" + EmbeddedBroker.freePort(),
                    "close-2"), exec, Clock.systemUTC());
            connected.start();
            nowhere.start();
            PushScenarios.await("connected", connected::isConnected);
            Thread.sleep(500);
            connected.close();
            nowhere.close();
        }
        PushScenarios.await("no MQTT client thread left", () -> clientThreads().isEmpty());
        assertEquals(List.of(), clientThreads());
        exec.shutdownNow();
    }

    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()
                && (t.getName().contains("hivemq") || t.getName().contains("mqtt"))).map(Thread::getName).toList();
    }
}
