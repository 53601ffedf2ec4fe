package org.commandroom.core.admin;

import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.store.Database;
import picocli.CommandLine.Command;

/** {@code console-admin import houses}: the bureau's house register (docs/PREVENTION.md). */
@Command(name = "houses", description = "Import the house register workbook: houses and places by address and house "
        + "number, kind, landlord, occupants, risk factors, position or police grid (template: console-admin templates).")
final class ImportHousesCommand extends ImportCommand.Workbook {

    ImportHousesCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    OrgImportResult importInto(Database opened, byte[] content) {
        HouseImportService service = new HouseImportService(opened.jdbi(), admin.clock(), admin.guard(opened.jdbi()));
        return service.importHouses(content, file.getFileName().toString(), admin.actor(), dryRun);
    }
}
