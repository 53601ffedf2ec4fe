package org.commandroom.core.admin;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.DistrictEnvelope;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.ImportOutcome;
import org.commandroom.core.geo.io.ImportProblem;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.OrgImportService;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code console-admin import …}: geography and cameras (docs/IMPORT.md), organisation and units (docs/ADMIN.md). */
@Command(name = "import", description = "Import the bureau's files.",
        subcommands = {ImportCommand.Geography.class, ImportCommand.Organisation.class, ImportCommand.Units.class})
final class ImportCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static byte[] read(Path file, long max) throws java.io.IOException {
        try {
            if (Files.size(file) > max) {
                throw new IllegalArgumentException(file + " is larger than " + max / (1024 * 1024) + " MB");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
    }

    @Command(name = "geography", description = "Import one layer of boundaries (GeoJSON) or the camera list (CSV), "
            + "all or nothing (docs/IMPORT.md).")
    static final class Geography extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--layer", required = true, paramLabel = "<layer>",
                description = "streets, communities, micro-grids, police-grids, patrol-zones (GeoJSON) or cameras (CSV)")
        String layer;

        @Option(names = "--file", required = true, paramLabel = "<path>")
        Path file;

        @Option(names = "--datum", paramLabel = "WGS84|GCJ02", description = "datum of the file's coordinates (default WGS84)")
        String datum = "WGS84";

        @Option(names = "--replace", description = "replace the layer (or the camera list) instead of adding to an empty one")
        boolean replace;

        @Option(names = "--district", paramLabel = "minLat,minLon,maxLat,maxLon",
                description = "every coordinate must lie inside (default: mainland China)")
        String district;

        Geography(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            ImportLayer l = ImportLayer.parse(layer)
                    .orElseThrow(() -> new IllegalArgumentException("unknown layer " + layer));
            Datum d;
            try {
                d = Datum.valueOf(datum.toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--datum takes WGS84 or GCJ02, not " + datum);
            }
            DistrictEnvelope envelope = district == null ? GeoImportService.Settings.CHINA : envelope(district);
            byte[] content = read(file, 512L * 1024 * 1024);
            try (Database opened = open(db)) {
                GeoImportService service = new GeoImportService(opened.jdbi(), admin.changes(), admin.clock(),
                        GeoImportService.Settings.defaults(envelope), admin.guard(opened.jdbi()));
                ImportOutcome outcome = service.importContent(new GeoImportService.Request(l, d, replace, admin.actor()),
                        file.getFileName().toString(), content);
                if (outcome instanceof ImportOutcome.Imported i) {
                    admin.out().println("imported " + i.inserted() + " " + i.layer().cliName() + " (" + i.removed()
                            + " replaced)" + (i.layer().affectsGridMatching() ? "; police-grid/micro-grid matches: "
                            + i.gridMatches() : "") + (i.layer() == ImportLayer.CAMERAS
                            ? "; cameras in no station's boundary: " + i.withoutStation() : ""));
                    return ConsoleAdmin.OK;
                }
                ImportOutcome.Rejected r = (ImportOutcome.Rejected) outcome;
                admin.out().println(file.getFileName() + " rejected, nothing was imported; " + r.problems().size()
                        + " problem(s):");
                for (ImportProblem p : r.problems()) {
                    admin.out().println("  " + p.message());
                }
                return ConsoleAdmin.REFUSED;
            }
        }

        private static DistrictEnvelope envelope(String v) {
            String[] parts = v.split(",");
            try {
                if (parts.length == 4) {
                    return new DistrictEnvelope(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                            Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
                }
            } catch (IllegalArgumentException e) {
                // below
            }
            throw new IllegalArgumentException("--district needs minLat,minLon,maxLat,maxLon in degrees, not " + v);
        }
    }

    /** The organisation and unit imports: same options, same report. */
    abstract static class Workbook extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--file", required = true, paramLabel = "<path.xlsx>")
        Path file;

        @Option(names = "--dry-run", description = "check every cell and count what would change; write nothing")
        boolean dryRun;

        Workbook(AdminEnv admin) {
            super(admin);
        }

        abstract OrgImportResult importInto(OrgImportService service, byte[] content);

        @Override
        int execute() throws Exception {
            byte[] content = read(file, OrgWorkbook.MAX_FILE_BYTES + 1L);
            try (Database opened = open(db)) {
                OrgImportService service = new OrgImportService(opened.jdbi(), admin.clock(), admin.changes(),
                        admin.guard(opened.jdbi()));
                OrgImportResult r = importInto(service, content);
                if (!r.accepted()) {
                    admin.out().println(file.getFileName() + " rejected, nothing was imported; " + r.problems().size()
                            + " problem(s):");
                    r.problems().forEach(p -> admin.out().println("  " + p));
                    return ConsoleAdmin.REFUSED;
                }
                admin.out().println((r.dryRun() ? "checked (dry run, nothing written) " : "imported ")
                        + file.getFileName() + ":");
                r.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> admin.out().println("  " + e.getKey() + ": " + e.getValue()));
                return ConsoleAdmin.OK;
            }
        }
    }

    @Command(name = "organisation", description = "Import the organisation workbook: bureau, stations, street posts, "
            + "teams, officers and auxiliaries (template: console-admin templates).")
    static final class Organisation extends Workbook {
        Organisation(AdminEnv admin) {
            super(admin);
        }

        @Override
        OrgImportResult importInto(OrgImportService service, byte[] content) {
            return service.importOrganisation(content, file.getFileName().toString(), admin.actor(), dryRun);
        }
    }

    @Command(name = "units", description = "Import the patrol-unit workbook: call sign, kind, crew, station, terminal, zone.")
    static final class Units extends Workbook {
        Units(AdminEnv admin) {
            super(admin);
        }

        @Override
        OrgImportResult importInto(OrgImportService service, byte[] content) {
            return service.importUnits(content, file.getFileName().toString(), admin.actor(), dryRun);
        }
    }
}
