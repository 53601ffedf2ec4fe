package org.commandroom.core.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the console's database is and how to log in to it.
 *
 * <p>By default an embedded H2 file in the user's data directory. A remote H2 server or PostgreSQL
 * is chosen with {@code --db <jdbc-url>}; its credentials never come from the command line but from
 * the environment ({@code CONSOLE_DB_USER}, {@code CONSOLE_DB_PASSWORD}) or, failing that, from
 * {@code db.properties} in the data directory ({@code user=}, {@code password=}).
 */
public record DbSettings(String jdbcUrl, String user, String password, boolean embedded) {

    public static final String ENV_USER = "CONSOLE_DB_USER";
    public static final String ENV_PASSWORD = "CONSOLE_DB_PASSWORD";
    public static final String CONFIG_FILE = "db.properties";

    public DbSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...): " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The embedded H2 file database {@code <dataDir>/<name>.mv.db}, set up for a console that runs for days:
     * <ul>
     * <li>{@code WRITE_DELAY=0}: every commit is written to the file before the statement returns, so a commit the
     * console has acknowledged survives the process being killed (by default H2 writes committed changes up to half
     * a second later, and a {@code kill -9} lost the orders of that half second; docs/DURABILITY.md);</li>
     * <li>{@code DB_CLOSE_DELAY=-1}: the database stays open while the console runs, even when the pool has no
     * connection open for a moment, and is closed by {@link Database#close()} with {@code SHUTDOWN};</li>
     * <li>{@code TRACE_LEVEL_FILE=4}: H2's own error trace goes to the console's log (SLF4J) instead of a
     * {@code .trace.db} file nobody reads, so the log says why if H2 ever closes the database.</li>
     * </ul>
     */
    public static DbSettings embedded(Path dataDir, String name) {
        Path file = dataDir.toAbsolutePath().resolve(name);
        return new DbSettings("jdbc:h2:file:" + file + EMBEDDED_OPTIONS, "sa", "", true);
    }

    /** The URL options of the embedded database (see {@link #embedded(Path, String)}). */
    static final String EMBEDDED_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0;TRACE_LEVEL_FILE=4";

    /** True for an H2 file database in this process, which this process must shut down itself. */
    public boolean isEmbeddedFile() {
        return embedded && jdbcUrl.startsWith("jdbc:h2:file:");
    }

    /** A database named by URL; credentials from the environment, then from the config file. */
    public static DbSettings remote(String jdbcUrl, Map<String, String> env, Path dataDir) throws IOException {
        String user = env.get(ENV_USER);
        String password = env.get(ENV_PASSWORD);
        Path config = dataDir.resolve(CONFIG_FILE);
        if ((user == null || password == null) && Files.isRegularFile(config)) {
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                props.load(in);
            }
            if (user == null) {
                user = props.getProperty("user");
            }
            if (password == null) {
                password = props.getProperty("password");
            }
        }
        if (inProcessH2File(jdbcUrl)) {
            // An H2 file named by --db is opened in this process like the default one: the same options (commits
            // on disk at once, closed by the console and not by the JVM's exit, which logged the database as lost
            // on every stop), the same one-writer rule, and a clean SHUTDOWN at the end.
            return new DbSettings(withEmbeddedOptions(jdbcUrl), user, password, true);
        }
        return new DbSettings(jdbcUrl, user, password, false);
    }

    /** An H2 database in a file opened by this process ({@code jdbc:h2:file:…}, {@code jdbc:h2:~/…}, a path). */
    static boolean inProcessH2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return rest.startsWith("file:") || rest.startsWith("~") || rest.startsWith("/") || rest.startsWith("./")
                || rest.matches("^[A-Za-z]:[\\\\/].*");
    }

    /** The URL with each embedded option it does not set itself added, in the jdbc:h2:file: form. */
    static String withEmbeddedOptions(String url) {
        String rest = url.substring("jdbc:h2:".length());
        String u = rest.startsWith("file:") ? url : "jdbc:h2:file:" + rest;
        String upper = u.toUpperCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(u);
        for (String option : EMBEDDED_OPTIONS.substring(1).split(";")) {
            String key = option.substring(0, option.indexOf('=')).toUpperCase(java.util.Locale.ROOT);
            if (!upper.contains(";" + key + "=")) {
                b.append(';').append(option);
            }
        }
        return b.toString();
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password parameter removed, fit for the status bar and the log. */
    public String displayUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DbSettings[" + displayUrl() + ", user=" + user + "]";
    }
}
