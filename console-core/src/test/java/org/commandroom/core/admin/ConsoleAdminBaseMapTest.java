package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code console-admin import basemap} on the real extract of src/test/resources/osm (H2 file, PostgreSQL: V32 on both). */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConsoleAdminBaseMapTest {

    @Parameter
    TestDb kind;

    @TempDir
    Path dir;

    @Test
    void anExtractIsImportedAndADamagedOneRefusedInWords() throws Exception {
        AdminRun admin = AdminRun.onEmptyDatabase(kind, dir, "bureau");
        Path pbf = dir.resolve("somes-island.osm.pbf");
        try (InputStream in = getClass().getResourceAsStream("/osm/somes-island.osm.pbf")) {
            Files.copy(in, pbf);
        }
        AdminRun.Result ok = admin.runOnDb("import", "basemap", pbf.toString());
        assertEquals(ConsoleAdmin.OK, ok.code(), ok.toString());
        assertTrue(ok.out().contains("place names") && ok.out().contains("cut to the file's bounds"), ok.out());
        long rows = admin.count("SELECT COUNT(*) FROM base_map_feature");
        assertTrue(rows > 20, "rows: " + rows);
        assertEquals(1, admin.count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND detail LIKE 'base map from%'"));

        byte[] whole = Files.readAllBytes(pbf);
        Path half = dir.resolve("half.osm.pbf");
        Files.write(half, java.util.Arrays.copyOf(whole, whole.length - 100));
        AdminRun.Result refused = admin.runOnDb("import", "basemap", half.toString());
        assertEquals(ConsoleAdmin.REFUSED, refused.code(), refused.toString());
        assertTrue(refused.out().contains("incomplete") && refused.out().contains("left as it was"), refused.out());
        assertEquals(rows, admin.count("SELECT COUNT(*) FROM base_map_feature"), "nothing changed");
    }
}
