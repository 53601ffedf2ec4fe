package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.store.TestDb;

/** Runs console-admin in the test's JVM with its own environment, output captured, and typed passwords queued. */
final class AdminRun {

    /** One run's exit code and what it printed. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** The samples shipped in assets/samples, as the tests (run from the module's directory) reach them. */
    static final Path SAMPLES = Path.of("..", "assets", "samples");

    /** The sample geography layers that go in after the organisation, in the order README imports them. */
    static final List<String> GEOGRAPHY_LAYERS = List.of("streets", "communities", "micro-grids", "police-grids");

    /** The database given at construction (the one {@link #runOnDb} and {@link #count(String)} use), or null. */
    final DbSettings settings;
    final Map<String, String> env = new HashMap<>();
    final Deque<String> typed = new ArrayDeque<>();
    boolean terminal = true;
    Clock clock = Clock.systemUTC();

    /** Credentials of {@code settings} in the environment; the data directory under {@code home}. */
    AdminRun(DbSettings settings, Path home) {
        this.settings = settings;
        if (settings != null) {
            env.put(DbSettings.ENV_USER, settings.user());
            env.put(DbSettings.ENV_PASSWORD, settings.password());
        }
        env.put("XDG_DATA_HOME", home.toString());
        env.put("HOSTNAME", "test-host");
    }

    Result run(String... args) {
        return run(List.of(args));
    }

    Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AdminEnv.PasswordPrompt prompt = text -> !terminal ? null : typed.isEmpty() ? null : typed.poll().toCharArray();
        int code = ConsoleAdmin.run(args.toArray(String[]::new), new AdminEnv(env, new PrintWriter(out, true),
                new PrintWriter(err, true), clock, prompt, "tester"));
        return new Result(code, out.toString(), err.toString());
    }

    /** A new, empty database of the kind: an H2 file named {@code name} under {@code dir}, or a new PostgreSQL database. */
    static DbSettings emptyDatabase(TestDb kind, Path dir, String name) {
        return kind == TestDb.H2
                ? new DbSettings("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), "sa", "", false)
                : TestDatabases.postgresSettings(TestDatabases.createPostgresDatabase());
    }

    /** A run bound to a new, empty database of the kind (see {@link #emptyDatabase}), its data directory under {@code dir}. */
    static AdminRun onEmptyDatabase(TestDb kind, Path dir, String name) {
        return new AdminRun(emptyDatabase(kind, dir, name), dir);
    }

    /** A sample file's path, relative to assets/samples, as an argument. */
    static String sample(String relative) {
        return SAMPLES.resolve(relative).toString();
    }

    /** Runs the command against the database given at construction ({@code --db} added). */
    Result runOnDb(String... args) {
        return runOn(settings, args);
    }

    /** Imports the sample organisation and then every sample geography layer, failing the test at the first refusal. */
    void importSampleOrganisationAndGeography() {
        Result org = runOnDb("import", "organisation", "--file", sample("organisation/organisation.xlsx"));
        assertEquals(0, org.code(), org.toString());
        importSampleGeography();
    }

    /** Imports every sample geography layer, failing the test at the first refusal. */
    void importSampleGeography() {
        for (String layer : GEOGRAPHY_LAYERS) {
            Result geo = runOnDb("import", "geography", "--layer", layer, "--file", sample(layer + ".geojson"));
            assertEquals(0, geo.code(), layer + ": " + geo);
        }
    }

    /** Runs the command against {@code settings}' database ({@code --db} added). */
    Result runOn(DbSettings settings, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--db");
        all.add(settings.jdbcUrl());
        return run(all);
    }

    /** One number the query returns from the database given at construction, read on a connection of its own. */
    long count(String sql) {
        return count(settings, sql);
    }

    /** One number the query returns, read on a connection of its own. */
    static long count(DbSettings settings, String sql) {
        try (Database db = Database.open(settings)) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }
}
