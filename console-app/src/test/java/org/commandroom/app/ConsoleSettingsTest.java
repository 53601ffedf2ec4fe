package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commandroom.core.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's settings: role and broker from console.properties, the broker login never from the command line. */
class ConsoleSettingsTest {

    @Test
    void withoutASettingsFileTheDutyCommanderPushesThroughAnEmbeddedBroker(@TempDir Path dir) throws Exception {
        ConsoleSettings s = ConsoleSettings.load(LaunchOptions.parse(List.of("--data-dir", dir.toString()), Map.of()), Map.of());
        assertEquals(Role.DUTY_COMMANDER, s.role());
        assertEquals(Optional.empty(), s.mqttBroker());
    }

    @Test
    void theFileNamesRoleBrokerAndLoginTheEnvironmentWinsForTheLoginAndTheCommandLineForTheBroker(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(ConsoleSettings.FILE),
                "role=wall_display\nmqtt.broker=tcp://10.1.2.3:1883\nmqtt.user=console\nmqtt.password=secret\n");
        ConsoleSettings fromFile = ConsoleSettings.load(LaunchOptions.parse(List.of("--data-dir", dir.toString()), Map.of()),
                Map.of());
        assertEquals(Role.WALL_DISPLAY, fromFile.role());
        assertEquals(Optional.of("tcp://10.1.2.3:1883"), fromFile.mqttBroker());
        assertEquals("secret", fromFile.mqttPassword());
        assertFalse(fromFile.toString().contains("secret"), "never printed: " + fromFile);

        ConsoleSettings overridden = ConsoleSettings.load(LaunchOptions.parse(List.of("--data-dir", dir.toString(),
                "--mqtt", "tcp://broker.local:1883"), Map.of()), Map.of(ConsoleSettings.ENV_MQTT_PASSWORD, "fromenv"));
        assertEquals(Optional.of("tcp://broker.local:1883"), overridden.mqttBroker());
        assertEquals("fromenv", overridden.mqttPassword());
    }

    @Test
    void aWrongRoleOrBrokerInTheFileIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        LaunchOptions o = LaunchOptions.parse(List.of("--data-dir", dir.toString()), Map.of());
        Files.writeString(dir.resolve(ConsoleSettings.FILE), "role=chief\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.load(o, Map.of()));
        assertTrue(e.getMessage().contains("console.properties") && e.getMessage().contains("chief"), e.getMessage());
        Files.writeString(dir.resolve(ConsoleSettings.FILE), "mqtt.broker=http://x\n");
        assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.load(o, Map.of()));
    }

    @Test
    void theCommandLineRefusesABrokerLoginAndAddressesThatAreNotBrokers() {
        var login = assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse(List.of("--mqtt", "tcp://user:pw@host:1883"), Map.of()));
        assertTrue(login.getMessage().contains("CONSOLE_MQTT_PASSWORD"), login.getMessage());
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--mqtt", "host:1883"), Map.of()));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--mqtt"), Map.of()));
    }

    @Test
    void thePasswordComesFromAFileNamedInTheSettingsOrTheEnvironmentAndTlsFilesResolveAgainstTheDataDir(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("mqtt.pass"), "from-file\n");
        Files.writeString(dir.resolve("other.pass"), "from-env-file\n");
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Files.writeString(dir.resolve("console.pem"), "-----BEGIN CERTIFICATE-----\n");
        Files.writeString(dir.resolve("console.key"), "-----BEGIN PRIVATE KEY-----\n");
        Files.writeString(dir.resolve(ConsoleSettings.FILE), "mqtt.broker=ssl://10.1.2.3:8883\nmqtt.user=console\n"
                + "mqtt.passwordFile=mqtt.pass\nmqtt.ca=ca.pem\nmqtt.cert=console.pem\nmqtt.key=console.key\n");
        LaunchOptions o = LaunchOptions.parse(List.of("--data-dir", dir.toString()), Map.of());
        ConsoleSettings s = ConsoleSettings.load(o, Map.of());
        assertEquals("from-file", s.mqttPassword());
        assertEquals(dir.resolve("ca.pem"), s.mqttCa());
        assertEquals(dir.resolve("console.pem"), s.mqttCert());
        assertEquals(dir.resolve("console.key"), s.mqttKey());
        assertFalse(s.toString().contains("from-file"), s.toString());
        assertEquals("from-env-file", ConsoleSettings.load(o, Map.of(ConsoleSettings.ENV_MQTT_PASSWORD_FILE,
                dir.resolve("other.pass").toString())).mqttPassword());
        assertEquals("from-env", ConsoleSettings.load(o, Map.of(ConsoleSettings.ENV_MQTT_PASSWORD, "from-env",
                ConsoleSettings.ENV_MQTT_PASSWORD_FILE, dir.resolve("other.pass").toString())).mqttPassword());

        Files.writeString(dir.resolve(ConsoleSettings.FILE), "mqtt.passwordFile=missing.pass\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.load(o, Map.of()));
        assertTrue(e.getMessage().contains("mqtt.passwordFile") && e.getMessage().contains("missing.pass"), e.getMessage());
        Files.writeString(dir.resolve(ConsoleSettings.FILE), "mqtt.ca=nowhere.pem\n");
        e = assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.load(o, Map.of()));
        assertTrue(e.getMessage().contains("mqtt.ca") && e.getMessage().contains("nowhere.pem"), e.getMessage());
        Files.writeString(dir.resolve(ConsoleSettings.FILE), "mqtt.cert=console.pem\n");
        e = assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.load(o, Map.of()));
        assertTrue(e.getMessage().contains("mqtt.key"), e.getMessage());
    }
}
