package org.commandroom.core.admin;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.io.CatalogImportService;
import org.commandroom.core.geo.io.DistrictEnvelope;
import org.commandroom.core.geo.io.GbCatalogReader;
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
        subcommands = {ImportCommand.Geography.class, ImportCommand.Catalogue.class, ImportCommand.Organisation.class,
                ImportCommand.Units.class, ImportHousesCommand.class,
                ImportHistoryCommand.class, ImportBaseMapCommand.class, ImportPlacesCommand.class,
                ImportMeterReadingsCommand.class, ImportStandardTasksCommand.class})
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

    @Command(name = "geography", description = "Import one layer of boundaries (GeoJSON, or an ESRI Shapefile: the .shp "
            + "with its .shx/.dbf/.prj/.cpg beside it, or a .zip of them) or the camera list (CSV), "
            + "all or nothing (docs/IMPORT.md).")
    static final class Geography extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--layer", required = true, paramLabel = "<layer>",
                description = "district, station-areas, streets, communities, micro-grids, police-grids, patrol-zones "
                        + "(GeoJSON or Shapefile) or cameras (CSV)")
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

        @Option(names = "--accept-repairs", description = "write boundaries repaired on reading (self-intersections, "
                + "overlapping parts, spikes, repeated vertices); without it a file that needs repairs is only checked "
                + "and its repairs listed")
        boolean acceptRepairs;

        Geography(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            ImportLayer l = ImportLayer.parse(layer)
                    .orElseThrow(() -> new IllegalArgumentException("unknown layer " + layer));
            Datum d = datum(datum);
            DistrictEnvelope envelope = district == null ? GeoImportService.Settings.CHINA : envelope(district);
            boolean shp = l.isAreas() && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp");
            byte[] content = shp ? null : read(file, 512L * 1024 * 1024);
            if (shp && !java.nio.file.Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            try (Database opened = open(db)) {
                GeoImportService service = new GeoImportService(opened.jdbi(), admin.changes(), admin.clock(),
                        GeoImportService.Settings.defaults(envelope), admin.guard(opened.jdbi()));
                GeoImportService.Request request = new GeoImportService.Request(l, d, replace, admin.actor(), acceptRepairs);
                // A .shp is read with the files beside it; anything else (GeoJSON, a shapefile's .zip, CSV) as bytes.
                ImportOutcome outcome = shp ? service.importFile(request, file)
                        : service.importContent(request, file.getFileName().toString(), content);
                outcome.notes().forEach(n -> admin.out().println(file.getFileName() + ": " + n));
                if (outcome instanceof ImportOutcome.Imported i) {
                    admin.out().println("imported " + i.inserted() + " " + i.layer().cliName() + " (" + i.removed()
                            + " replaced)" + (i.layer().affectsGridMatching() ? "; police-grid/micro-grid matches: "
                            + i.gridMatches() : "") + (i.layer() == ImportLayer.CAMERAS
                            ? "; cameras in no station's boundary: " + i.withoutStation() : ""));
                    printRepairs(i.repairs(), "%d boundary repair(s) accepted and written:");
                    return ConsoleAdmin.OK;
                }
                if (outcome instanceof ImportOutcome.NeedsRepairConsent n) {
                    admin.out().println(file.getFileName() + " was not imported: it imports only with "
                            + n.repairs().size() + " boundary repair(s); look at them and run again with --accept-repairs "
                            + "to write the repaired boundaries:");
                    printRepairs(n.repairs(), null);
                    return ConsoleAdmin.REFUSED;
                }
                ImportOutcome.Rejected r = (ImportOutcome.Rejected) outcome;
                admin.out().println(file.getFileName() + " rejected, nothing was imported; " + r.problems().size()
                        + " problem(s):");
                for (ImportProblem p : r.problems()) {
                    admin.out().println("  " + p.message());
                }
                printRepairs(r.repairs(), "besides, %d boundary repair(s) would be needed:");
                return ConsoleAdmin.REFUSED;
            }
        }

        private void printRepairs(java.util.List<org.commandroom.core.geo.io.GeometryRepair> repairs, String heading) {
            if (repairs.isEmpty()) {
                return;
            }
            if (heading != null) {
                admin.out().println(String.format(Locale.ROOT, heading, repairs.size()));
            }
            repairs.forEach(r -> admin.out().println("  " + r.message()));
        }

        static Datum datum(String v) {
            try {
                return Datum.valueOf(v.toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--datum takes WGS84 or GCJ02, not " + v);
            }
        }

        static DistrictEnvelope envelope(String v) {
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

    @Command(name = "catalogue", description = "Import the cameras of a GB/T 28181 platform's Catalog answer (XML): "
            + "known cameras updated in place, new ones added, ones no longer listed marked removed (docs/IMPORT.md). "
            + "At most " + GbCatalogReader.MAX_BYTES / (1024 * 1024) + " MB: a larger file is refused unread.")
    static final class Catalogue extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--file", required = true, paramLabel = "<path.xml>")
        Path file;

        @Option(names = "--datum", paramLabel = "WGS84|GCJ02", description = "datum of Longitude/Latitude (default WGS84)")
        String datum = "WGS84";

        @Option(names = "--kind", paramLabel = "<kind>", description = "kind of a camera the --kind-map does not place "
                + "(天网, 雪亮, 一类, 电信高清, 社会 or SKYNET…; default 天网)")
        String kind = "SKYNET";

        @Option(names = "--kind-map", paramLabel = "<industry>=<kind>,…", description = "kind by the industry digits "
                + "(9-10) of the code, e.g. 00=天网,01=雪亮,08=社会")
        String kindMap;

        @Option(names = "--partial", description = "the file is part of the catalogue: mark no camera removed")
        boolean partial;

        @Option(names = "--district", paramLabel = "minLat,minLon,maxLat,maxLon",
                description = "cameras outside are skipped (default: mainland China)")
        String district;

        Catalogue(AdminEnv admin) {
            super(admin);
        }

        @Override
        int execute() throws Exception {
            Datum d = Geography.datum(datum);
            CameraKind fallback = CameraKind.parse(kind)
                    .orElseThrow(() -> new IllegalArgumentException("--kind: unknown camera kind " + kind));
            java.util.Map<String, CameraKind> byIndustry = new java.util.HashMap<>();
            if (kindMap != null && !kindMap.isBlank()) {
                for (String pair : kindMap.split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2 || !kv[0].trim().matches("[0-9]{2}")) {
                        throw new IllegalArgumentException("--kind-map needs pairs like 00=天网, not " + pair.trim());
                    }
                    byIndustry.put(kv[0].trim(), CameraKind.parse(kv[1]).orElseThrow(
                            () -> new IllegalArgumentException("--kind-map: unknown camera kind " + kv[1].trim())));
                }
            }
            DistrictEnvelope envelope = district == null ? GeoImportService.Settings.CHINA : Geography.envelope(district);
            byte[] content = read(file, GbCatalogReader.MAX_BYTES);
            try (Database opened = open(db)) {
                CatalogImportService service = new CatalogImportService(opened.jdbi(), admin.changes(), admin.clock(),
                        admin.guard(opened.jdbi()));
                CatalogImportService.Outcome outcome = service.importContent(new CatalogImportService.Request(
                        new GbCatalogReader.Settings(d, envelope, fallback, byIndustry), !partial, admin.actor()),
                        file.getFileName().toString(), content);
                if (outcome instanceof CatalogImportService.Imported i) {
                    admin.out().println("cameras: " + i.inserted() + " new, " + i.updated() + " updated, " + i.unchanged()
                            + " unchanged, " + i.removed() + " marked removed, " + i.restored() + " listed again; "
                            + i.withoutPosition() + " new without a position (not stored), " + i.skippedCount()
                            + " skipped, " + i.nodes() + " other nodes of the tree; in no station's boundary: "
                            + i.withoutStation());
                    for (ImportProblem p : i.unplaced()) {
                        admin.out().println("  " + p.message());
                    }
                    for (ImportProblem p : i.skipped()) {
                        admin.out().println("  skipped " + p.message());
                    }
                    if (i.skippedCount() > i.skipped().size()) {
                        admin.out().println("  … and " + (i.skippedCount() - i.skipped().size()) + " more skipped");
                    }
                    return ConsoleAdmin.OK;
                }
                CatalogImportService.Rejected r = (CatalogImportService.Rejected) outcome;
                admin.out().println(file.getFileName() + " rejected, nothing was imported:");
                for (ImportProblem p : r.problems()) {
                    admin.out().println("  " + p.message());
                }
                return ConsoleAdmin.REFUSED;
            }
        }
    }

    /**
     * An all-or-nothing import answered by an {@link OrgImportResult} (organisation, units, houses, standard tasks):
     * the database, a dry run, the file read with a size limit, and the same report of problems or counts.
     */
    abstract static class CountedImport extends ConsoleAdmin.Base {
        @Mixin
        DbOptions db;

        @Option(names = "--dry-run", description = "check every cell and count what would change; write nothing")
        boolean dryRun;

        CountedImport(AdminEnv admin) {
            super(admin);
        }

        /** The file named by the command's own {@code --file}, whose label says which kinds it takes. */
        abstract Path file();

        /** The size above which the file is refused unread. */
        abstract long maxBytes();

        abstract OrgImportResult importInto(Database opened, byte[] content);

        @Override
        int execute() throws Exception {
            byte[] content = read(file(), maxBytes());
            try (Database opened = open(db)) {
                OrgImportResult r = importInto(opened, content);
                if (!r.accepted()) {
                    admin.out().println(file().getFileName() + " rejected, nothing was imported; " + r.problems().size()
                            + " problem(s):");
                    r.problems().forEach(p -> admin.out().println("  " + p));
                    return ConsoleAdmin.REFUSED;
                }
                admin.out().println((r.dryRun() ? "checked (dry run, nothing written) " : "imported ")
                        + file().getFileName() + ":");
                r.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> admin.out().println("  " + e.getKey() + ": " + e.getValue()));
                return ConsoleAdmin.OK;
            }
        }
    }

    /** The imports of one .xlsx workbook in the bureau's templates: organisation, units, houses. */
    abstract static class Workbook extends CountedImport {
        @Option(names = "--file", required = true, paramLabel = "<path.xlsx>")
        Path file;

        Workbook(AdminEnv admin) {
            super(admin);
        }

        @Override
        Path file() {
            return file;
        }

        @Override
        long maxBytes() {
            return OrgWorkbook.MAX_FILE_BYTES + 1L;
        }
    }

    /** The organisation and unit imports: the organisation service. */
    abstract static class OrgBook extends Workbook {
        OrgBook(AdminEnv admin) {
            super(admin);
        }

        abstract OrgImportResult importOrg(OrgImportService service, byte[] content);

        @Override
        OrgImportResult importInto(Database opened, byte[] content) {
            return importOrg(new OrgImportService(opened.jdbi(), admin.clock(), admin.changes(),
                    admin.guard(opened.jdbi())), content);
        }
    }

    @Command(name = "organisation", description = "Import the organisation workbook: bureau, stations, street posts, "
            + "teams, officers and auxiliaries (template: console-admin templates).")
    static final class Organisation extends OrgBook {
        Organisation(AdminEnv admin) {
            super(admin);
        }

        @Override
        OrgImportResult importOrg(OrgImportService service, byte[] content) {
            return service.importOrganisation(content, file.getFileName().toString(), admin.actor(), dryRun);
        }
    }

    @Command(name = "units", description = "Import the patrol-unit workbook: call sign, kind, crew, station, terminal, zone.")
    static final class Units extends OrgBook {
        Units(AdminEnv admin) {
            super(admin);
        }

        @Override
        OrgImportResult importOrg(OrgImportService service, byte[] content) {
            return service.importUnits(content, file.getFileName().toString(), admin.actor(), dryRun);
        }
    }
}
