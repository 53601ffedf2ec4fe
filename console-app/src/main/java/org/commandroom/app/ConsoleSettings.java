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
 * mqtt.passwordFile=/etc/console/mqtt.pass # the password, first line of this file (CONSOLE_MQTT_PASSWORD_FILE wins)
 * mqtt.password=…                 # (older files) the password itself; CONSOLE_MQTT_PASSWORD wins over both
 * mqtt.ca=/etc/console/ca.pem     # ssl://: the CA that signed the broker's certificate (only this one is trusted)
 * mqtt.cert=/etc/console/console.pem  # ssl://: the console's client certificate, where the broker asks for one
 * mqtt.key=/etc/console/console.key   # its key, unencrypted PKCS#8 PEM
 * </pre>
 *
 * <p>Paths relative to the data directory are resolved against it. The password is never taken from the command
 * line (it would end up in the shell history and the process list).
 *
 * @param role       what an old file's {@code role=} line says; it grants nothing (docs/ACCESS.md): what a workstation may
 *                   do follows the user who signs in
 * @param mqttBroker empty: start an embedded broker on loopback
 */
public record ConsoleSettings(Role role, Optional<String> mqttBroker, String mqttUser, String mqttPassword,
                              Path mqttCa, Path mqttCert, Path mqttKey) {

    public static final String FILE = "console.properties";
    public static final String ENV_MQTT_USER = "CONSOLE_MQTT_USER";
    public static final String ENV_MQTT_PASSWORD = "CONSOLE_MQTT_PASSWORD";
    public static final String ENV_MQTT_PASSWORD_FILE = "CONSOLE_MQTT_PASSWORD_FILE";

    /** No TLS files. */
    public ConsoleSettings(Role role, Optional<String> mqttBroker, String mqttUser, String mqttPassword) {
        this(role, mqttBroker, mqttUser, mqttPassword, null, null, null);
    }

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
        Path dataDir = options.dataDir();
        String password = env.get(ENV_MQTT_PASSWORD);
        if (password == null) {
            String fromEnv = env.get(ENV_MQTT_PASSWORD_FILE);
            String passwordFile = fromEnv != null && !fromEnv.isBlank() ? fromEnv : p.getProperty("mqtt.passwordFile");
            if (passwordFile != null && !passwordFile.isBlank()) {
                Path pf = dataDir.resolve(passwordFile.strip());
                String where = fromEnv != null && !fromEnv.isBlank() ? ENV_MQTT_PASSWORD_FILE : file + ": mqtt.passwordFile";
                try {
                    password = Files.readAllLines(pf, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                } catch (IOException e) {
                    throw new IllegalArgumentException(where + ": cannot read the broker password from " + pf, e);
                }
            } else {
                password = p.getProperty("mqtt.password");
            }
        }
        Path ca = path(dataDir, p, "mqtt.ca", file);
        Path cert = path(dataDir, p, "mqtt.cert", file);
        Path key = path(dataDir, p, "mqtt.key", file);
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException(file + ": a client certificate needs both mqtt.cert and mqtt.key");
        }
        return new ConsoleSettings(role, broker, blankToNull(user), password, ca, cert, key);
    }

    /** A file named in the settings: resolved against the data directory, and it must be readable. */
    private static Path path(Path dataDir, Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        Path resolved = dataDir.resolve(v.strip());
        if (!Files.isReadable(resolved)) {
            throw new IllegalArgumentException(file + ": " + key + ": no readable file at " + resolved);
        }
        return resolved;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "ConsoleSettings[role=" + role + ", mqttBroker=" + mqttBroker.orElse("embedded") + ", mqttUser=" + mqttUser
                + (mqttPassword == null ? "" : ", mqttPassword=***") + (mqttCa == null ? "" : ", mqttCa=" + mqttCa)
                + (mqttCert == null ? "" : ", mqttCert=" + mqttCert) + "]";
    }
}
