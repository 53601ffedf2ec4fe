package org.commandroom.core.admin;

import java.nio.file.Path;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.prevention.tasks.StandardTaskLibrary;
import org.commandroom.core.prevention.tasks.StandardTaskSheet;
import org.commandroom.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code console-admin import standard-tasks}: the bureau's own standard-task library (标准件, docs/PREVENTION.md). */
@Command(name = "standard-tasks", description = "Import the bureau's standard-task library (标准件) from an .xlsx or CSV: "
        + "one task per row with code, title, lead department, basis, measures, standard of completion, time limit and "
        + "feedback items; all or nothing, updated by code (docs/PREVENTION.md).")
final class ImportStandardTasksCommand extends ImportCommand.CountedImport {
    @Option(names = "--file", required = true, paramLabel = "<path.xlsx|path.csv>")
    Path file;

    ImportStandardTasksCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    Path file() {
        return file;
    }

    @Override
    long maxBytes() {
        return StandardTaskSheet.MAX_BYTES;
    }

    @Override
    OrgImportResult importInto(Database opened, byte[] content) {
        StandardTaskLibrary library = new StandardTaskLibrary(opened.jdbi(), admin.clock(), admin.guard(opened.jdbi()));
        return library.importFile(content, file.getFileName().toString(), admin.actor(), dryRun);
    }
}
