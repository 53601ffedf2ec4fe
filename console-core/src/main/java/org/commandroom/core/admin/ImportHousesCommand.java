package org.commandroom.core.admin;

import java.nio.file.Path;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code console-admin import houses}: the bureau's house register (docs/PREVENTION.md). */
@Command(name = "houses", description = "Import the house register workbook: houses and places by address and house "
        + "number, kind, landlord, occupants, risk factors, position or police grid (template: console-admin templates).")
final class ImportHousesCommand extends ConsoleAdmin.Base {
    @Mixin
    DbOptions db;

    @Option(names = "--file", required = true, paramLabel = "<path.xlsx>")
    Path file;

    @Option(names = "--dry-run", description = "check every cell and count what would change; write nothing")
    boolean dryRun;

    ImportHousesCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        byte[] content = ImportCommand.read(file, OrgWorkbook.MAX_FILE_BYTES + 1L);
        try (Database opened = open(db)) {
            HouseImportService service = new HouseImportService(opened.jdbi(), admin.clock(), admin.guard(opened.jdbi()));
            OrgImportResult r = service.importHouses(content, file.getFileName().toString(), admin.actor(), dryRun);
            if (!r.accepted()) {
                admin.out().println(file.getFileName() + " rejected, nothing was imported; " + r.problems().size()
                        + " problem(s):");
                r.problems().forEach(p -> admin.out().println("  " + p));
                return ConsoleAdmin.REFUSED;
            }
            admin.out().println((r.dryRun() ? "checked (dry run, nothing written) " : "imported ") + file.getFileName()
                    + ":");
            admin.out().println("  " + HouseImportService.TABLE + ": " + r.count(HouseImportService.TABLE));
            return ConsoleAdmin.OK;
        }
    }
}
