package org.commandroom.core.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.demo.DemoUsers;
import org.commandroom.core.demo.GenerationReport;
import org.commandroom.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code console-admin demo generate}: the demo county (docs/demo-county.md) into an empty database, with progress
 * and its timings; what {@code GenerateCounty} did, with the console's credentials and an audit row.
 */
@Command(name = "demo", description = "The demo county.", subcommands = DemoCommand.Generate.class)
final class DemoCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", description = "Generate the demo county (or the Bao'an-scale one) into an empty database.")
    static final class Generate extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--profile", paramLabel = "demo|baoan", description = "demo (Qianwei-like, default) or baoan (1,000,000 incidents)")
        String profile = "demo";

        @Option(names = "--seed", paramLabel = "<n>", description = "random seed (default 20240507)")
        long seed = 20_240_507L;

        @Option(names = "--end", paramLabel = "<instant>", description = "the history's end, ISO instant (default now)")
        String end;

        @Option(names = "--demo-users", description = "also create the demo users with their published passwords (README)")
        boolean demoUsers;

        Generate(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            DemoProfile p = DemoProfile.named(profile);
            Instant until;
            try {
                until = end == null ? admin.clock().instant() : Instant.parse(end);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--end takes an ISO instant such as 2026-11-23T04:00:00Z, not " + end);
            }
            try (Database opened = open(db)) {
                if (!DemoCountyGenerator.isEmpty(opened.jdbi())) {
                    admin.err().println("refused: the database already holds an organisation; the demo county goes into "
                            + "an empty database only");
                    return ConsoleAdmin.REFUSED;
                }
                admin.out().println("generating profile " + p.name() + " with seed " + seed + " ending at " + until);
                long[] last = {0};
                GenerationReport r = new DemoCountyGenerator(opened.jdbi(), p, seed).generate(until, g -> {
                    long now = System.nanoTime();
                    if (now - last[0] > 5_000_000_000L || g.fraction() >= 1.0) {
                        last[0] = now;
                        admin.out().println("  " + g.phase() + " " + Math.round(g.fraction() * 100) + "%"
                                + (g.liveReady() ? " (live state ready)" : ""));
                    }
                });
                r.phaseTimes().forEach((phase, d) -> admin.out().println("phase " + phase + ": " + d.toMillis() + " ms"));
                admin.out().println("total: " + r.total().toMillis() + " ms");
                Map<String, Long> counts = new TreeMap<>(r.counts());
                counts.forEach((table, n) -> admin.out().println("rows " + table + ": " + n));
                admin.audit(opened, "DEMO_GENERATE", "DATABASE", "demo county " + p.name() + " seed " + seed + " ending "
                        + until + ": " + counts);
                if (demoUsers) {
                    boolean made = DemoUsers.createIfNone(UsersCommand.access(admin, opened), admin.workstation());
                    admin.out().println(made ? "demo users created (duty, leader, wall, trainee, admin; passwords in the README)"
                            : "demo users not created: the database has users already");
                }
            }
            return ConsoleAdmin.OK;
        }
    }
}
