package org.commandroom.core.admin;

import java.nio.file.Path;
import org.commandroom.core.geo.osm.OsmBaseMapImport;
import org.commandroom.core.geo.osm.OsmExtractReader;
import org.commandroom.core.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code console-admin import basemap FILE.osm.pbf}: roads, water and place names from OpenStreetMap (docs/LIVE-MAP.md). */
@Command(name = "basemap", description = "Replace the base map's roads, water and place names with those of an "
        + "OpenStreetMap extract (.osm.pbf), cut to the district's geography (else to the file's bounds); all or nothing.")
final class ImportBaseMapCommand extends ConsoleAdmin.Base {
    @Mixin
    DbOptions db;

    @Parameters(index = "0", paramLabel = "FILE.osm.pbf")
    Path file;

    ImportBaseMapCommand(AdminEnv admin) {
        super(admin);
    }

    @Override
    int execute() throws Exception {
        try (Database opened = open(db)) {
            OsmBaseMapImport service = new OsmBaseMapImport(opened.jdbi(), admin.changes(), admin.clock(),
                    admin.guard(opened.jdbi()), OsmExtractReader.Limits.DEFAULT);
            OsmBaseMapImport.Outcome outcome = service.importFile(file, admin.actor());
            if (outcome instanceof OsmBaseMapImport.Imported i) {
                admin.out().println("imported the base map from " + i.fileName() + ": " + i.summary());
                return ConsoleAdmin.OK;
            }
            OsmBaseMapImport.Rejected r = (OsmBaseMapImport.Rejected) outcome;
            admin.out().println(r.fileName() + " rejected, the base map was left as it was: " + r.problem().english());
            return ConsoleAdmin.REFUSED;
        }
    }
}
