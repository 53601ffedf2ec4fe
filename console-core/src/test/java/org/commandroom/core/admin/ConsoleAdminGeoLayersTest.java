package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code console-admin import geography} takes the district layer and a shapefile: the .shp with its files beside it
 * (test resources geo/shp, converted by GDAL from a public boundary), saying how it was read.
 */
class ConsoleAdminGeoLayersTest {

    @TempDir
    Path dir;

    private AdminRun admin;

    @BeforeEach
    void emptyDatabase() throws IOException {
        admin = AdminRun.onEmptyDatabase(TestDb.H2, dir, "bureau");
        for (String ext : List.of("shp", "shx", "dbf", "prj")) {
            try (InputStream in = getClass().getResourceAsStream("/geo/shp/qianwei-gbk." + ext)) {
                Files.write(dir.resolve("犍为县." + ext), in.readAllBytes());
            }
        }
    }

    @Test
    void theDistrictShapefileImportsWithItsRepairAcceptedAndTheWayItWasReadPrinted() {
        String shp = dir.resolve("犍为县.shp").toString();
        AdminRun.Result asked = admin.runOnDb("import", "geography", "--layer", "district", "--file", shp, "--datum", "GCJ02");
        assertEquals(ConsoleAdmin.REFUSED, asked.code(), asked.toString());
        assertTrue(asked.out().contains("犍为县.shp: attributes read as GBK (no .cpg; the bytes are not valid UTF-8)\n"),
                asked.out());
        assertTrue(asked.out().contains("  record 1 (犍为县): "), asked.out());

        AdminRun.Result done = admin.runOnDb("import", "geography", "--layer", "辖区", "--file", shp, "--datum", "GCJ02",
                "--accept-repairs");
        assertEquals(ConsoleAdmin.OK, done.code(), done.toString());
        assertTrue(done.out().contains("犍为县.shp: name from field NAME\n"), done.out());
        assertTrue(done.out().contains("imported 1 district (0 replaced)"), done.out());
        assertEquals(1, admin.count("SELECT COUNT(*) FROM district_boundary WHERE code = '511123'"));
    }
}
