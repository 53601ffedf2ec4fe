package org.commandroom.core.field.receiver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The receivers a workstation connects to, from {@code receivers.properties} in its data directory (UTF-8; the format
 * is in docs/RECEIVERS.md):
 *
 * <pre>
 * gpsd.&lt;name&gt; = host[:port]          (port 2947 by default)
 * nmea.&lt;name&gt; = host:port
 * ingest.cadence.ms = 250               (optional)
 * receiver.idle.timeout.s = 15          (optional)
 * receiver.backoff.max.s = 30           (optional)
 * </pre>
 *
 * A line that cannot be used is reported in {@link #problems()} (the console logs each) and left out; the others
 * apply.
 */
public record ReceiverSettings(List<Endpoint> gpsd, List<Endpoint> nmea, Duration cadence,
                               TcpLineReceiver.Options options, List<String> problems) {

    /** The file's name in the data directory. */
    public static final String FILE = "receivers.properties";
    public static final int GPSD_PORT = 2947;

    /** One configured endpoint; {@code name} is the part after {@code gpsd.}/{@code nmea.}, for the log. */
    public record Endpoint(String name, String host, int port) {
        public String key() {
            return host + ":" + port;
        }
    }

    public static TcpLineReceiver.Options defaultOptions() {
        return new TcpLineReceiver.Options(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofSeconds(30), NmeaReceiver.MAX_LINE);
    }

    /** No receivers. */
    public static ReceiverSettings none() {
        return new ReceiverSettings(List.of(), List.of(), Duration.ofMillis(250), defaultOptions(), List.of());
    }

    public boolean any() {
        return !gpsd.isEmpty() || !nmea.isEmpty();
    }

    /** Reads the file if the data directory has one, else {@link #none()}. */
    public static ReceiverSettings load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return parse(p);
        }
    }

    public static ReceiverSettings parse(Properties p) {
        List<Endpoint> gpsd = new ArrayList<>();
        List<Endpoint> nmea = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        TcpLineReceiver.Options d = defaultOptions();
        Duration cadence = Duration.ofMillis(250);
        Duration idle = d.idleTimeout();
        Duration backoff = d.maxBackoff();
        for (String name : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(name).strip();
            String lower = name.toLowerCase(Locale.ROOT);
            try {
                if (lower.startsWith("gpsd.") && lower.length() > 5) {
                    gpsd.add(endpoint(name.substring(5), value, GPSD_PORT));
                } else if (lower.startsWith("nmea.") && lower.length() > 5) {
                    nmea.add(endpoint(name.substring(5), value, -1));
                } else if (lower.equals("ingest.cadence.ms")) {
                    cadence = Duration.ofMillis(bounded(value, 50, 5_000));
                } else if (lower.equals("receiver.idle.timeout.s")) {
                    idle = Duration.ofSeconds(bounded(value, 2, 600));
                } else if (lower.equals("receiver.backoff.max.s")) {
                    backoff = Duration.ofSeconds(bounded(value, 1, 600));
                } else {
                    problems.add(name + ": unknown setting, ignored");
                }
            } catch (IllegalArgumentException e) {
                problems.add(name + " = " + value + ": " + e.getMessage() + "; left out");
            }
        }
        TcpLineReceiver.Options options = new TcpLineReceiver.Options(d.connectTimeout(), idle, d.initialBackoff(),
                backoff, d.maxLineBytes());
        return new ReceiverSettings(List.copyOf(gpsd), List.copyOf(nmea), cadence, options, List.copyOf(problems));
    }

    private static long bounded(String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return v;
    }

    /** {@code host:port}, {@code [v6]:port}, or a bare host where a default port exists. */
    static Endpoint endpoint(String name, String value, int defaultPort) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no host");
        }
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [");
            }
            host = value.substring(1, close);
            port = value.length() > close + 1 && value.charAt(close + 1) == ':' ? value.substring(close + 2) : null;
        } else {
            int colon = value.lastIndexOf(':');
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad host");
        }
        int portNumber;
        if (port == null) {
            if (defaultPort < 0) {
                throw new IllegalArgumentException("a port is needed (host:port)");
            }
            portNumber = defaultPort;
        } else {
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port");
            }
            if (portNumber < 1 || portNumber > 65535) {
                throw new IllegalArgumentException("port out of range");
            }
        }
        return new Endpoint(name, host, portNumber);
    }
}
