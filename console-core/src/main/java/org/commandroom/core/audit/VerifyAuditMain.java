package org.commandroom.core.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a console database's audit chain from the command line (docs/ACCESS.md):
 *
 * <pre>
 * --db &lt;jdbc-url&gt; [--data-dir &lt;path&gt;]
 * </pre>
 *
 * Credentials as for the console ({@code CONSOLE_DB_USER} / {@code CONSOLE_DB_PASSWORD}, else {@code db.properties}
 * in the data directory), never on the command line. Exit code 0 when the chain is intact, 3 when it is broken (each
 * break is logged with the row it concerns), 1 for a wrong command line or a database that cannot be reached. It
 * only reads the trail (opening the database applies pending migrations, as the console does).
 */
public final class VerifyAuditMain {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyAuditMain.class);

    public static final int EXIT_INTACT = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BROKEN = 3;

    private VerifyAuditMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    public static int run(String[] args, Map<String, String> env) {
        String url = null;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            if ("--db".equals(args[i]) && i + 1 < args.length) {
                url = args[++i];
            } else if ("--data-dir".equals(args[i]) && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else {
                LOG.error("unknown or incomplete argument {}; usage: --db <jdbc-url> [--data-dir <path>]", args[i]);
                return EXIT_FAILED;
            }
        }
        if (url == null) {
            LOG.error("usage: --db <jdbc-url> [--data-dir <path>]");
            return EXIT_FAILED;
        }
        DbSettings settings;
        try {
            settings = DbSettings.remote(url, env, dataDir);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("database settings: {}", e.getMessage());
            return EXIT_FAILED;
        }
        try (Database db = Database.open(settings)) {
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            if (v.unchained() > 0) {
                LOG.warn("{} rows from before the chain are not sealed yet (the console seals them when it starts)",
                        v.unchained());
            }
            if (v.intact()) {
                LOG.info("audit chain intact: {} rows in {}", v.rows(), settings.displayUrl());
                return EXIT_INTACT;
            }
            LOG.error("audit chain BROKEN in {}: {} problem(s) over {} rows", settings.displayUrl(), v.problems().size(),
                    v.rows());
            v.problems().forEach(p -> LOG.error("  {}", p));
            return EXIT_BROKEN;
        } catch (RuntimeException e) {
            LOG.error("verification failed: {}", e.toString(), e);
            return EXIT_FAILED;
        }
    }
}
