package org.commandroom.core.admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commandroom.core.history.HistoryField;
import org.commandroom.core.history.HistoryImportResult;
import org.commandroom.core.history.HistoryImportService;
import org.commandroom.core.history.HistoryMapping;
import org.commandroom.core.history.HistoryProblem;
import org.commandroom.core.history.HistoryTable;
import org.commandroom.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code console-admin import history}: calls for service from the bureau's previous system, as closed incidents
 * (docs/IMPORT.md, "History"). The mapping comes from {@code --mapping-from-file}, else from the one saved for the
 * source at its last import; a source without either gets a proposal, printed and written with
 * {@code --write-mapping}, to be looked at and given back with {@code --mapping-from-file}.
 */
@Command(name = "history", description = "Import calls for service from the previous system (CSV or .xlsx) as closed "
        + "incidents: a column mapping per source, a dry run naming every bad cell, all or nothing, once only.")
final class ImportHistoryCommand extends ConsoleAdmin.Base {
    @Mixin
    DbOptions db;

    @Option(names = "--source", required = true, paramLabel = "<name>",
            description = "the previous system's name; its mapping is saved under it, and (source, id) makes a re-import "
                    + "skip what is stored")
    String source;

    @Option(names = "--mapping-from-file", paramLabel = "<path>",
            description = "the column mapping (properties text, as --write-mapping writes it)")
    Path mappingFile;

    @Option(names = "--write-mapping", paramLabel = "<path>",
            description = "write the mapping that would be used (proposed or saved) to the file, and import nothing")
    Path writeMapping;

    @Option(names = "--dry-run", description = "check every cell and count what would be written; write nothing")
    boolean dryRun;

    @Option(names = "--force", description = "overwrite the file of --write-mapping")
    boolean force;

    @Parameters(index = "0", paramLabel = "FILE", description = "the calls (CSV or .xlsx)")
    Path file;

    ImportHistoryCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        byte[] content = ImportCommand.read(file, HistoryTable.MAX_BYTES);
        HistoryTable table;
        try {
            table = HistoryTable.read(content, file.getFileName().toString());
        } catch (HistoryTable.Unreadable e) {
            admin.out().println(file.getFileName() + " rejected, nothing was imported: " + e.getMessage());
            return ConsoleAdmin.REFUSED;
        }
        Optional<HistoryMapping> given = Optional.empty();
        if (mappingFile != null) {
            try {
                given = Optional.of(HistoryMapping.parse(new String(ImportCommand.read(mappingFile, 1024 * 1024),
                        StandardCharsets.UTF_8)).withSource(source));
            } catch (HistoryMapping.Invalid e) {
                admin.out().println(mappingFile.getFileName() + " is not a mapping; nothing was imported:");
                e.problems().forEach(p -> admin.out().println("  " + p));
                return ConsoleAdmin.REFUSED;
            }
        }
        try (Database opened = open(db)) {
            HistoryImportService service = new HistoryImportService(opened.jdbi(), admin.clock(), admin.guard(opened.jdbi()));
            Optional<HistoryMapping> saved = service.savedMapping(source);
            HistoryMapping mapping = given.orElseGet(() -> service.propose(source, table));
            describe(table, mapping, given.isPresent() ? "from " + mappingFile.getFileName()
                    : saved.isPresent() ? "saved for source " + source : "proposed");
            if (writeMapping != null) {
                if (Files.exists(writeMapping) && !force) {
                    throw new IllegalArgumentException(writeMapping + " exists; give --force to overwrite it");
                }
                Files.writeString(writeMapping, mapping.toText(), StandardCharsets.UTF_8);
                admin.out().println("mapping written to " + writeMapping + "; edit it and run again with "
                        + "--mapping-from-file " + writeMapping);
                return ConsoleAdmin.OK;
            }
            boolean confirmed = given.isPresent() || saved.isPresent();
            HistoryImportResult r = dryRun || !confirmed ? service.check(table, mapping, admin.actor())
                    : service.importHistory(table, mapping, admin.actor(), HistoryImportService.Progress.NONE);
            if (!r.accepted()) {
                admin.out().println(file.getFileName() + " rejected, nothing was imported; " + r.problemCount()
                        + " problem(s):");
                for (HistoryProblem p : r.problems()) {
                    admin.out().println("  " + p);
                }
                if (r.problemCount() > r.problems().size()) {
                    admin.out().println("  … and " + (r.problemCount() - r.problems().size()) + " more");
                }
                printTypes("call types not in the type table", r.notMapped());
                return ConsoleAdmin.REFUSED;
            }
            printTypes("call types not in the type table, imported as " + mapping.otherType(), r.toOther());
            if (!dryRun && !confirmed) {
                admin.out().println("checked " + file.getFileName() + ": " + r.summary());
                admin.out().println("nothing was imported: source " + source + " has no saved mapping; write the proposal "
                        + "with --write-mapping, look at it, and import with --mapping-from-file");
                return ConsoleAdmin.REFUSED;
            }
            admin.out().println((r.dryRun() ? "checked (dry run, nothing written) " : "imported ") + file.getFileName()
                    + ": " + r.summary());
            return ConsoleAdmin.OK;
        }
    }

    private void describe(HistoryTable table, HistoryMapping m, String where) {
        admin.out().println("mapping (" + where + "), zone " + m.zone().getId() + ", datum " + m.datum() + ":");
        for (HistoryField f : HistoryField.values()) {
            String c = m.column(f);
            if (c == null) {
                if (f.required()) {
                    admin.out().println("  " + f.key() + " <- (not mapped; required)");
                }
                continue;
            }
            List<String> samples = table.samples(c, 2);
            String format = f.time() ? " [" + (m.formats().get(f) == null ? "no format" : m.formats().get(f).pattern()) + "]" : "";
            admin.out().println("  " + f.key() + " <- " + c + format + (samples.isEmpty() ? "" : " e.g. " + String.join(" | ", samples)));
        }
    }

    private void printTypes(String heading, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        admin.out().println(heading + ":");
        counts.forEach((t, n) -> admin.out().println("  " + t + ": " + n + " row(s)"));
    }
}
