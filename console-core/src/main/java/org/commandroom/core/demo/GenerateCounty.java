package org.commandroom.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timing harness: generates a demo county into the database named on the command line and logs the
 * row counts and the time of each phase.
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

    public static void main(String[] args) {
        String profileName = "demo";
        String url = null;
        long seed = 20_240_507L;
        Instant end = Instant.now();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--profile" -> profileName = require(value, args[i]);
                case "--db" -> url = require(value, args[i]);
                case "--seed" -> seed = Long.parseLong(require(value, args[i]));
                case "--end" -> end = Instant.parse(require(value, args[i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: --profile demo|baoan --db <jdbc-url> [--seed N] [--end ISO-instant])");
            }
            i++;
        }
        if (url == null) {
            throw new IllegalArgumentException("--db <jdbc-url> is required");
        }
        DemoProfile profile = DemoProfile.named(profileName);
        try (Database db = Database.open(new DbSettings(url, "sa", "", url.startsWith("jdbc:h2:")))) {
            LOG.info("Generating profile {} with seed {} ending at {} into {}", profile.name(), seed, end, db.settings().displayUrl());
            long[] lastLog = {0};
            GenerationReport r = new DemoCountyGenerator(db.jdbi(), profile, seed).generate(end, p -> {
                long now = System.nanoTime();
                if (now - lastLog[0] > 5_000_000_000L || p.fraction() >= 1.0) {
                    lastLog[0] = now;
                    LOG.info("{} {}%{}", p.phase(), Math.round(p.fraction() * 100), p.liveReady() ? " (live state ready)" : "");
                }
            });
            for (Map.Entry<String, Duration> e : r.phaseTimes().entrySet()) {
                LOG.info("phase {}: {} ms", e.getKey(), e.getValue().toMillis());
            }
            LOG.info("total: {} ms", r.total().toMillis());
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(r.counts()).entrySet()) {
                LOG.info("rows {}: {}", e.getKey(), e.getValue());
            }
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
