package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code console-admin import places}: the sample key places after the sample organisation and geography. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConsoleAdminPlacesTest {

    @Parameter
    TestDb kind;

    @TempDir
    Path dir;

    private AdminRun admin;

    @BeforeEach
    void bureau() {
        admin = AdminRun.onEmptyDatabase(kind, dir, "bureau");
        admin.importSampleOrganisationAndGeography();
    }

    @Test
    void theSampleKeyPlacesImportAfterADryRunAndAgainChangeNothing() {
        String sample = AdminRun.sample("key-places.csv");
        AdminRun.Result dry = admin.runOnDb("import", "places", "--kind", "key-place", "--file", sample, "--dry-run");
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("checked (dry run, nothing written) key-place from key-places.csv: 3 added"), dry.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM key_place"));

        AdminRun.Result first = admin.runOnDb("import", "places", "--kind", "key-place", "--file", sample);
        assertEquals(0, first.code(), first.toString());
        assertEquals(3, admin.count("SELECT COUNT(*) FROM key_place k JOIN station s ON s.id = k.station_id "
                + "WHERE s.code = 'PCS01'"), "placed in 城东派出所 by its police grids");
        AdminRun.Result again = admin.runOnDb("import", "places", "--kind", "key-places", "--file", sample);
        assertTrue(again.out().contains("0 added, 0 updated, 3 unchanged"), again.out());
    }

    @Test
    void aPointOutsideEveryStationIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("屯警点.csv");
        Files.writeString(file, "name,lon,lat\n东门,104.01,29.25\n远处,103.50,29.25\n", StandardCharsets.UTF_8);
        AdminRun.Result r = admin.runOnDb("import", "places", "--kind", "deployment-point", "--file", file.toString());

        assertEquals(ConsoleAdmin.REFUSED, r.code(), r.toString());
        assertTrue(r.out().contains("line 3: coordinate 103.5,29.25 lies in no station's boundary"), r.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM deployment_point"));
        AdminRun.Result bad = admin.runOnDb("import", "places", "--kind", "shops", "--file", file.toString());
        assertEquals(ConsoleAdmin.FAILED, bad.code(), bad.toString());
    }
}
