package org.commandroom.app;

import java.nio.file.Path;
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
 */
public record LaunchOptions(Optional<String> dbUrl, Path dataDir, Locale locale, boolean simulator) {

    public static final String APP_DIR = "command-room-console";

    /** Thrown for a command line that cannot be used; the message says why. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static final String USAGE = "usage: console [--db <jdbc-url>] [--data-dir <path>] [--lang zh|en] [--no-simulator]"
            + " (database credentials: CONSOLE_DB_USER / CONSOLE_DB_PASSWORD or db.properties in the data dir)";

    public static LaunchOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        String db = null;
        Path dataDir = null;
        Locale locale = Locale.ROOT;
        boolean simulator = true;
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--db" -> db = value(rest, ++i, a);
                case "--data-dir" -> dataDir = Path.of(value(rest, ++i, a));
                case "--lang" -> locale = language(value(rest, ++i, a));
                case "--no-simulator" -> simulator = false;
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
        return new LaunchOptions(Optional.ofNullable(db), dataDir == null ? defaultDataDir(env) : dataDir, locale, simulator);
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
