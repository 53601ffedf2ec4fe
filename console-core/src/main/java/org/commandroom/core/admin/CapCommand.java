package org.commandroom.core.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.cap.CapDao;
import org.commandroom.core.cap.CapInvalid;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.StoredCap;
import org.commandroom.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code console-admin cap …}: CAP 1.2 alerts (docs/CAP.md). {@code check} reads files as the console's inbox would
 * and names every problem with its element path and line, writing nothing; {@code list} shows the alerts in force.
 * Issuing and receiving are the command room's (they need the duty commander's permissions, which console-admin,
 * acting as an administrator, does not hold): they are done on the desk.
 */
@Command(name = "cap", description = "CAP 1.2 alerts: check files, list the alerts in force (docs/CAP.md).",
        subcommands = {CapCommand.Check.class, CapCommand.ListAll.class})
final class CapCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", description = "Check CAP 1.2 files; exit 3 when one is refused. Writes nothing. "
            + "At most " + CapReader.MAX_BYTES / 1024 + " KB a file: a larger one is refused unread.")
    static final class Check extends ConsoleAdmin.Base {
        @Parameters(arity = "1..*", paramLabel = "<file>")
        List<Path> files;

        Check(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            CapReader reader = new CapReader(CapSchema.load());
            admin.out().println("schema: " + (reader.schema().present() ? reader.schema().source()
                    : "the OASIS CAP 1.2 schema is not bundled; the console's own checks of CAP 1.2 apply"));
            int refused = 0;
            for (Path f : files) {
                try {
                    long size = Files.size(f);
                    if (size > CapReader.MAX_BYTES) {
                        throw CapInvalid.of("/", 0, CapInvalid.Kind.TOO_LARGE, "the file has " + size
                                + " bytes; at most " + CapReader.MAX_BYTES + " are read");
                    }
                    CapReader.Result r = reader.read(Files.readAllBytes(f));
                    admin.out().println(f + ": valid " + r.alert().status() + " " + r.alert().msgType() + " "
                            + r.alert().identifier() + " from " + r.alert().sender()
                            + (r.skipped().isEmpty() ? "" : "; not used: " + String.join(", ", r.skipped())));
                } catch (CapInvalid e) {
                    refused++;
                    admin.out().println(f + ": refused");
                    for (CapInvalid.Problem p : e.problems()) {
                        admin.out().println("  " + p);
                    }
                }
            }
            return refused == 0 ? ConsoleAdmin.OK : ConsoleAdmin.REFUSED;
        }
    }

    @Command(name = "list", description = "The alerts in force: ours (out) and other agencies' (in).")
    static final class ListAll extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "<n>")
        int limit;

        ListAll(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            try (Database opened = open(db)) {
                Instant now = admin.clock().instant();
                for (StoredCap.Direction d : StoredCap.Direction.values()) {
                    List<StoredCap> rows = opened.jdbi().withHandle(h -> h.attach(CapDao.class)
                            .active(d.name(), now, Math.max(1, Math.min(limit, 1000))));
                    admin.out().println(d.name().toLowerCase(java.util.Locale.ROOT) + ": " + rows.size());
                    for (StoredCap s : rows) {
                        admin.out().println("  " + s.sent() + " " + s.status() + " " + s.msgType() + " " + s.identifier()
                                + " " + s.event() + " @ " + s.areaDesc()
                                + (s.expiresAt() == null ? "" : " until " + s.expiresAt()));
                    }
                }
            }
            return ConsoleAdmin.OK;
        }
    }
}
