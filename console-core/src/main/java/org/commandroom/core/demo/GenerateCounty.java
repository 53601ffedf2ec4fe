package org.commandroom.core.demo;

import java.util.Map;
import org.commandroom.core.admin.AdminEnv;
import org.commandroom.core.admin.ConsoleAdmin;
import org.commandroom.core.store.DbSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timing harness, now {@code console-admin demo generate} (docs/ADMIN.md): generates a demo county into the
 * database named on the command line and prints the row counts and the time of each phase.
 *
 * <pre>
 * mvn -q -o -pl console-core test-compile exec:java \
 *     -Dexec.args="--profile baoan --db jdbc:h2:file:/tmp/baoan [--seed 42] [--end 2026-11-23T04:00:00Z]"
 * </pre>
 * (exec:java runs with the test classpath, so logging goes through src/test/resources/logback-test.xml
 * and no logging configuration ends up in the core jar.) The database must be empty.
 */
public final class GenerateCounty {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateCounty.class);

    private GenerateCounty() {
    }

    /**
     * Runs {@code console-admin demo generate} with these arguments (the generator became that subcommand). Kept for
     * the timing commands of docs/BENCHMARKS.md: without {@code CONSOLE_DB_USER} in the environment an H2 URL is
     * opened as {@code sa} with an empty password, as this harness always did.
     */
    public static void main(String[] args) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.putIfAbsent(DbSettings.ENV_USER, "sa");
        env.putIfAbsent(DbSettings.ENV_PASSWORD, "");
        String[] full = new String[args.length + 2];
        full[0] = "demo";
        full[1] = "generate";
        System.arraycopy(args, 0, full, 2, args.length);
        picocli.CommandLine probe = new picocli.CommandLine(picocli.CommandLine.Model.CommandSpec.create());
        int code = ConsoleAdmin.run(full, new AdminEnv(env, probe.getOut(), probe.getErr(), java.time.Clock.systemUTC(),
                AdminEnv.PasswordPrompt.system(), System.getProperty("user.name")));
        if (code != 0) {
            LOG.error("demo generate ended with exit code {}", code);
            System.exit(code);
        }
    }
}
