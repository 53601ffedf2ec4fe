package org.commandroom.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.commandroom.core.access.Role;

/**
 * This workstation's settings: {@code console.properties} in the data directory, overridden by the command
 * line and, for secrets, by the environment.
 *
 * <pre>
 * role=DUTY_COMMANDER            # read for old files only: it grants nothing, the role is the signed-in user's
 * mqtt.broker=tcp://10.0.0.5:1883 # push orders through this broker (default: an embedded one on loopback)
 * mqtt.user=console               # broker login; the environment's CONSOLE_MQTT_USER wins
 * mqtt.password=…                 # the environment's CONSOLE_MQTT_PASSWORD wins
 * </pre>
 *
 * @param role       what an old file's {@code role=} line says; it grants nothing (docs/ACCESS.md): what a workstation may
 *                   do follows the user who signs in
 * @param mqttBroker empty: start an embedded broker on loopback
 */
public record ConsoleSettings(Role role, Optional<String> mqttBroker, String mqttUser, String mqttPassword) {

    public static final String FILE = "console.properties";
    public static final String ENV_MQTT_USER = "CONSOLE_MQTT_USER";
    public static final String ENV_MQTT_PASSWORD = "CONSOLE_MQTT_PASSWORD";

    /** Reads the file (if any) and applies the command line and the environment. */
    public static ConsoleSettings load(LaunchOptions options, Map<String, String> env) throws IOException {
        Properties p = new Properties();
        Path file = options.dataDir().resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        Role role;
        try {
            role = Role.parse(p.getProperty("role", Role.DUTY_COMMANDER.name()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        Optional<String> broker = options.mqttBroker();
        if (broker.isEmpty() && !p.getProperty("mqtt.broker", "").isBlank()) {
            try {
                broker = Optional.of(LaunchOptions.checkBrokerUri(p.getProperty("mqtt.broker")));
            } catch (LaunchOptions.UsageException e) {
                throw new IllegalArgumentException(file + ": mqtt.broker: " + e.getMessage(), e);
            }
        }
        String user = env.getOrDefault(ENV_MQTT_USER, p.getProperty("mqtt.user"));
        String password = env.getOrDefault(ENV_MQTT_PASSWORD, p.getProperty("mqtt.password"));
        return new ConsoleSettings(role, broker, blankToNull(user), password);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "ConsoleSettings[role=" + role + ", mqttBroker=" + mqttBroker.orElse("embedded") + ", mqttUser=" + mqttUser
                + (mqttPassword == null ? "" : ", mqttPassword=***") + "]";
    }
}
