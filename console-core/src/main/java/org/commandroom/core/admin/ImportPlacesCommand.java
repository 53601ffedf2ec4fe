package org.commandroom.core.admin;

import java.nio.file.Path;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.DistrictEnvelope;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.ImportProblem;
import org.commandroom.core.geo.io.PlaceImportService;
import org.commandroom.core.geo.io.PlaceKind;
import org.commandroom.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code console-admin import places --kind … --file …}: key places, police offices, deployment points (docs/IMPORT.md). */
@Command(name = "places", description = "Import a list of named places (CSV or GeoJSON points): key places, community "
        + "police offices or deployment points, each placed in its station; known places updated in place, all or nothing.")
final class ImportPlacesCommand extends ConsoleAdmin.Base {
    @Mixin
    DbOptions db;

    @Option(names = "--kind", required = true, paramLabel = "key-place|police-office|deployment-point")
    String kind;

    @Option(names = "--file", required = true, paramLabel = "<path.csv|path.geojson>")
    Path file;

    @Option(names = "--datum", paramLabel = "WGS84|GCJ02", description = "datum of coordinates without their own (default WGS84)")
    String datum = "WGS84";

    @Option(names = "--district", paramLabel = "minLat,minLon,maxLat,maxLon",
            description = "every place must lie inside (default: mainland China)")
    String district;

    @Option(names = "--dry-run", description = "check every place and count what would change; write nothing")
    boolean dryRun;

    ImportPlacesCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        PlaceKind k = PlaceKind.parse(kind).orElseThrow(() -> new IllegalArgumentException(
                "--kind takes key-place, police-office or deployment-point, not " + kind));
        Datum d = ImportCommand.Geography.datum(datum);
        DistrictEnvelope envelope = district == null ? GeoImportService.Settings.CHINA
                : ImportCommand.Geography.envelope(district);
        byte[] content = ImportCommand.read(file, 64L * 1024 * 1024);
        try (Database opened = open(db)) {
            PlaceImportService service = new PlaceImportService(opened.jdbi(), admin.changes(), admin.clock(), envelope,
                    admin.guard(opened.jdbi()));
            PlaceImportService.Outcome o = service.importContent(new PlaceImportService.Request(k, d, admin.actor(), dryRun),
                    file.getFileName().toString(), content);
            o.notes().forEach(n -> admin.out().println(file.getFileName() + ": " + n.english()));
            if (!o.accepted()) {
                admin.out().println(file.getFileName() + " rejected, nothing was imported; " + o.problems().size()
                        + " problem(s):");
                for (ImportProblem p : o.problems()) {
                    admin.out().println("  " + p.message());
                }
                return ConsoleAdmin.REFUSED;
            }
            admin.out().println((o.dryRun() ? "checked (dry run, nothing written) " : "imported ") + k.cliName()
                    + " from " + file.getFileName() + ": " + o.summary());
            return ConsoleAdmin.OK;
        }
    }
}
