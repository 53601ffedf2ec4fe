package org.commandroom.core.admin;

import java.nio.file.Path;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.prevention.tasks.StandardTaskLibrary;
import org.commandroom.core.prevention.tasks.StandardTaskSheet;
import org.commandroom.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code console-admin import standard-tasks}: the bureau's own standard-task library (标准件, docs/PREVENTION.md). */
@Command(name = "standard-tasks", description = "Import the bureau's standard-task library (标准件) from an .xlsx or CSV: "
        + "one task per row with code, title, lead department, basis, measures, standard of completion, time limit and "
        + "feedback items; all or nothing, updated by code (docs/PREVENTION.md).")
final class ImportStandardTasksCommand extends ConsoleAdmin.Base {
    @Mixin
    DbOptions db;

    @Option(names = "--file", required = true, paramLabel = "<path.xlsx|path.csv>")
    Path file;

    @Option(names = "--dry-run", description = "check every cell and count what would change; write nothing")
    boolean dryRun;

    ImportStandardTasksCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        byte[] content = ImportCommand.read(file, StandardTaskSheet.MAX_BYTES);
        try (Database opened = open(db)) {
            StandardTaskLibrary library = new StandardTaskLibrary(opened.jdbi(), admin.clock(), admin.guard(opened.jdbi()));
            OrgImportResult r = library.importFile(content, file.getFileName().toString(), admin.actor(), dryRun);
            if (!r.accepted()) {
                admin.out().println(file.getFileName() + " rejected, nothing was imported; " + r.problems().size()
                        + " problem(s):");
                r.problems().forEach(p -> admin.out().println("  " + p));
                return ConsoleAdmin.REFUSED;
            }
            admin.out().println((r.dryRun() ? "checked (dry run, nothing written) " : "imported ") + file.getFileName()
                    + ":");
            admin.out().println("  " + StandardTaskLibrary.TABLE + ": " + r.count(StandardTaskLibrary.TABLE));
            return ConsoleAdmin.OK;
        }
    }
}
