package org.commandroom.core.admin;

import java.util.List;
import java.util.Locale;
import org.commandroom.core.field.receiver.ReceiverKind;
import org.commandroom.core.field.receiver.ReceiverMappings;
import org.commandroom.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code console-admin receivers …}: which patrol unit each in-car receiver belongs to (docs/RECEIVERS.md). The
 * receivers' endpoints are in the workstation's {@code receivers.properties}; the mapping is in the database, shared
 * by every workstation, changed only here (set-up work: audited, needs the administrator's permission).
 */
@Command(name = "receivers", description = "Map vehicle receivers (gpsd devices, NMEA endpoints) to patrol units.",
        subcommands = {ReceiversCommand.Assign.class, ReceiversCommand.Remove.class, ReceiversCommand.ListAll.class})
final class ReceiversCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ReceiverMappings mappings(AdminEnv admin, Database db) {
        return new ReceiverMappings(db.jdbi(), admin.clock(), admin.guard(db.jdbi()));
    }

    static ReceiverKind kind(String given) {
        try {
            return ReceiverKind.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a receiver kind is gpsd or nmea, not '" + given + "'");
        }
    }

    @Command(name = "assign", description = "Map a receiver to the unit with a call sign (replaces its earlier unit).")
    static final class Assign extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Parameters(index = "0", paramLabel = "<kind>", description = "gpsd (key: host:port/dev/path or the device "
                + "path) or nmea (key: host:port)")
        String kind;

        @Parameters(index = "1", paramLabel = "<key>")
        String key;

        @Parameters(index = "2", paramLabel = "<call-sign>")
        String callSign;

        @Option(names = "--note", paramLabel = "<text>", description = "e.g. the vehicle's plate")
        String note;

        Assign(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            ReceiverKind k = kind(kind);
            try (Database opened = open(db)) {
                mappings(admin, opened).assign(k, key, callSign, note, admin.actor());
                admin.out().println(k.name().toLowerCase(Locale.ROOT) + " " + key.strip() + " -> " + callSign);
            }
            return ConsoleAdmin.OK;
        }
    }

    @Command(name = "remove", description = "Forget a receiver's unit; its fixes are dropped from then on.")
    static final class Remove extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Parameters(index = "0", paramLabel = "<kind>")
        String kind;

        @Parameters(index = "1", paramLabel = "<key>")
        String key;

        Remove(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            ReceiverKind k = kind(kind);
            try (Database opened = open(db)) {
                if (!mappings(admin, opened).remove(k, key, admin.actor())) {
                    admin.err().println("no mapping for " + k.name().toLowerCase(Locale.ROOT) + " " + key.strip());
                    return ConsoleAdmin.FAILED;
                }
                admin.out().println(k.name().toLowerCase(Locale.ROOT) + " " + key.strip() + " removed");
            }
            return ConsoleAdmin.OK;
        }
    }

    @Command(name = "list", description = "List the receivers and their units.")
    static final class ListAll extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        ListAll(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            try (Database opened = open(db)) {
                List<ReceiverMappings.Mapping> all = mappings(admin, opened).all();
                admin.out().printf("%-6s %-36s %-12s %s%n", "kind", "receiver", "unit", "note");
                for (ReceiverMappings.Mapping m : all) {
                    admin.out().printf("%-6s %-36s %-12s %s%n", m.kind().name().toLowerCase(Locale.ROOT), m.key(),
                            m.callSign(), m.note() == null ? "" : m.note());
                }
                admin.out().println(all.size() + " receiver(s)");
            }
            return ConsoleAdmin.OK;
        }
    }
}
