package org.commandroom.app;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command line, parsed once. A password is never accepted here: a remote database's credentials
 * come from the environment or {@code db.properties} (see {@link org.commandroom.core.store.DbSettings}).
 *
 * @param dbUrl     JDBC URL of a remote database, or empty for the embedded H2 file in the data directory
 * @param dataDir   where the embedded database and {@code db.properties} live
 * @param locale    the UI language: {@link Locale#ROOT} for Chinese (the base bundle) or English
 * @param simulator whether the demo simulator may run (it is wired by a colleague; see AppContext)
 * @param mqttBroker the MQTT broker orders are pushed through ({@code tcp://host:1883}), or empty for the
 *                  one in {@code console.properties}, else an embedded broker on loopback; its login comes
 *                  from the environment or {@code console.properties}, never from here
 * @param zone      the station's time zone: every time on screen, every day boundary (numbering, periods)
 *                  is in it, whatever zone the workstation's operating system is set to
 * @param exitAfterFirstData when set, the console closes itself this long after its first data is on screen:
 *                  for start-up measurements and the installer's class-data training run, never a workstation
 * @param simSpeed  1 for real time; N lives the demo county N times faster (every clock of the console, the
 *                  simulator's too): the shift soak's 12 hours in 72 minutes at 10. Only on the embedded demo
 *                  database in a data directory named on the command line, since what it writes runs ahead of
 *                  the real time
 */
public record LaunchOptions(Optional<String> dbUrl, Path dataDir, Locale locale, boolean simulator,
                            Optional<String> mqttBroker, ZoneId zone, Optional<java.time.Duration> exitAfterFirstData,
                            int simSpeed) {

    /** A console that keeps running. */
    public LaunchOptions(Optional<String> dbUrl, Path dataDir, Locale locale, boolean simulator,
                         Optional<String> mqttBroker, ZoneId zone) {
        this(dbUrl, dataDir, locale, simulator, mqttBroker, zone, Optional.empty(), 1);
    }

    /** The console's one clock: the station's zone, at the simulator's speed. */
    public java.time.Clock clock() {
        java.time.Clock system = java.time.Clock.system(zone);
        return simSpeed == 1 ? system : org.commandroom.core.demo.ScaledClock.of(system, simSpeed);
    }

    /** The zone of the stations this console is built for; {@code --zone} overrides it. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** Without a broker option. */
    public LaunchOptions(Optional<String> dbUrl, Path dataDir, Locale locale, boolean simulator) {
        this(dbUrl, dataDir, locale, simulator, Optional.empty(), DEFAULT_ZONE);
    }

    /** In the default zone. */
    public LaunchOptions(Optional<String> dbUrl, Path dataDir, Locale locale, boolean simulator,
                         Optional<String> mqttBroker) {
        this(dbUrl, dataDir, locale, simulator, mqttBroker, DEFAULT_ZONE);
    }

    public static final String APP_DIR = "command-room-console";

    /** Thrown for a command line that cannot be used; the message says why. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static final String USAGE = "usage: console [--db <jdbc-url>] [--data-dir <path>] [--lang zh|en] [--no-simulator]"
            + " [--mqtt tcp://host:1883] [--zone Asia/Shanghai] [--exit-after-first-data <seconds>]"
            + " [--sim-speed <1-60> (demo only, with --data-dir)]"
            + " [--wall [--wall-monitor <n>|<n>-<m>] [--wall-layout <file>]]"
            + " [--drill <scenario.yaml> [--trainee <name>]]"
            + " (database credentials: CONSOLE_DB_USER / CONSOLE_DB_PASSWORD or db.properties in the data dir;"
            + " broker login: CONSOLE_MQTT_USER / CONSOLE_MQTT_PASSWORD or console.properties in the data dir)";

    public static LaunchOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        String db = null;
        Path dataDir = null;
        Locale locale = Locale.ROOT;
        boolean simulator = true;
        String mqtt = null;
        ZoneId zone = DEFAULT_ZONE;
        java.time.Duration exitAfter = null;
        int simSpeed = 1;
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--db" -> db = value(rest, ++i, a);
                case "--data-dir" -> dataDir = Path.of(value(rest, ++i, a));
                case "--lang" -> locale = language(value(rest, ++i, a));
                case "--no-simulator" -> simulator = false;
                case "--mqtt" -> mqtt = value(rest, ++i, a);
                case "--zone" -> zone = zone(value(rest, ++i, a));
                case "--exit-after-first-data" -> exitAfter = seconds(value(rest, ++i, a), a);
                case "--sim-speed" -> simSpeed = speed(value(rest, ++i, a));
                default -> {
                    if (a.toLowerCase(Locale.ROOT).contains("password")) {
                        throw new UsageException("passwords are not accepted on the command line; "
                                + "set CONSOLE_DB_PASSWORD or put it in db.properties in the data directory");
                    }
                    throw new UsageException("unknown argument: " + a);
                }
            }
        }
        if (db != null && db.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new UsageException("the database URL must not contain a password; "
                    + "set CONSOLE_DB_PASSWORD or put it in db.properties in the data directory");
        }
        if (db != null && !db.startsWith("jdbc:h2:") && !db.startsWith("jdbc:postgresql:")) {
            throw new UsageException("unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...): " + db);
        }
        if (mqtt != null) {
            mqtt = checkBrokerUri(mqtt);
        }
        if (simSpeed != 1 && (db != null || dataDir == null || !simulator)) {
            throw new UsageException("--sim-speed runs the demo county ahead of the real time: it needs the embedded"
                    + " database in a data directory of its own (--data-dir), the simulator on, and no --db");
        }
        return new LaunchOptions(Optional.ofNullable(db), dataDir == null ? defaultDataDir(env) : dataDir, locale, simulator,
                Optional.ofNullable(mqtt), zone, Optional.ofNullable(exitAfter), simSpeed);
    }

    private static int speed(String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 60) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--sim-speed needs a whole number from 1 to 60, not " + value);
    }

    private static java.time.Duration seconds(String value, String option) throws UsageException {
        try {
            long s = Long.parseLong(value);
            if (s >= 0 && s <= 3600) {
                return java.time.Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(option + " needs a number of seconds from 0 to 3600, not " + value);
    }

    private static ZoneId zone(String id) throws UsageException {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new UsageException("--zone: not a time zone (use a region such as Asia/Shanghai): " + id);
        }
    }

    /** tcp://, ssl://, ws:// or wss:// with a host, and no login in it (user:password@ would end up in the shell history). */
    static String checkBrokerUri(String uri) throws UsageException {
        java.net.URI u;
        try {
            u = new java.net.URI(uri.strip());
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("--mqtt: not a broker address (use tcp://host:1883): " + uri);
        }
        if (u.getUserInfo() != null) {
            throw new UsageException("--mqtt: the broker address must not contain a login; "
                    + "set CONSOLE_MQTT_USER / CONSOLE_MQTT_PASSWORD or put mqtt.user / mqtt.password in console.properties");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme();
        if (!java.util.Set.of("tcp", "ssl", "ws", "wss").contains(scheme) || u.getHost() == null) {
            throw new UsageException("--mqtt: use tcp://host:port (or ssl://, ws://, wss://), not " + uri);
        }
        return u.toString();
    }

    /** {@code $XDG_DATA_HOME/command-room-console}, else {@code ~/.local/share/command-room-console}. */
    public static Path defaultDataDir(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, APP_DIR);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", APP_DIR);
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Locale language(String lang) throws UsageException {
        return switch (lang) {
            case "zh" -> Locale.ROOT;
            case "en" -> Locale.ENGLISH;
            default -> throw new UsageException("--lang must be zh or en, not " + lang);
        };
    }
}
