package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Another client of the same broker (the demo's terminals) keeps the console's login, TLS and MQTT version. */
class MqttSettingsTest {

    @Test
    void anotherClientIdKeepsTheLoginTlsAndProtocol() {
        MqttSettings console = MqttSettings.of("ssl://broker:8883", "console-ws1").withLogin("console", "pw")
                .withTls(Path.of("ca.pem"), Path.of("c.pem"), Path.of("k.pem")).withProtocol(MqttSettings.Protocol.MQTT_3_1_1);
        MqttSettings terminals = console.withClientId("terminals-1");
        assertEquals("terminals-1", terminals.clientId());
        assertEquals(new MqttSettings(console.serverUri(), "terminals-1", console.reconnectMin(), console.reconnectMax(),
                console.keepAlive(), "console", "pw", Path.of("ca.pem"), Path.of("c.pem"), Path.of("k.pem"),
                MqttSettings.Protocol.MQTT_3_1_1, console.sessionExpiry(), console.messageExpiry()), terminals);
    }
}
