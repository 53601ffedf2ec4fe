package org.commandroom.core.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.commandroom.core.store.DbSettings;
import picocli.CommandLine.Option;

/**
 * Which database a subcommand works on, named exactly as for the console: {@code --db <jdbc-url>} for a shared
 * database (H2 server or PostgreSQL; credentials from {@code CONSOLE_DB_USER} / {@code CONSOLE_DB_PASSWORD}, else
 * {@code db.properties} in the data directory), or nothing for the embedded database {@code console.mv.db} of the
 * data directory ({@code --data-dir}, default as the console's).
 */
public final class DbOptions {

    /** The embedded database's file name in the data directory (as the console's {@code AppContext}). */
    public static final String EMBEDDED_NAME = "console";

    @Option(names = "--db", paramLabel = "<jdbc-url>",
            description = "a shared database: jdbc:postgresql://host:5432/console or jdbc:h2:tcp://host:9092/console"
                    + " (default: the embedded database of the data directory)")
    String dbUrl;

    @Option(names = "--data-dir", paramLabel = "<path>",
            description = "the console's data directory (db.properties, the embedded database); default "
                    + "$XDG_DATA_HOME/command-room-console or ~/.local/share/command-room-console")
    Path dataDir;

    Path dataDir(AdminEnv env) {
        return dataDir != null ? dataDir : env.defaultDataDir();
    }

    /** The settings the console would use with the same options. */
    DbSettings settings(AdminEnv env) throws IOException {
        Path dir = dataDir(env);
        if (dbUrl == null) {
            Files.createDirectories(dir);
            return DbSettings.embedded(dir, EMBEDDED_NAME);
        }
        if (dbUrl.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException("the database URL must not contain a password; set CONSOLE_DB_PASSWORD "
                    + "or put password= in db.properties in the data directory");
        }
        return DbSettings.remote(dbUrl, env.env(), dir);
    }
}
