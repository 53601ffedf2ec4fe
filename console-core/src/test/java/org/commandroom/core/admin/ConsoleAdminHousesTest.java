package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample house register imported with console-admin after the sample organisation and geography (H2 file, PostgreSQL). */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConsoleAdminHousesTest {

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
    void theSampleRegisterImportsOnceAndAgainChangesNothing() throws Exception {
        AdminRun.Result templates = admin.run("templates", "--out", dir.resolve("t").toString());
        assertEquals(0, templates.code(), templates.toString());
        assertTrue(Files.size(dir.resolve("t").resolve("houses.xlsx")) > 0);
        AdminRun.Result empty = admin.runOnDb("import", "houses", "--file", dir.resolve("t/houses.xlsx").toString());
        assertEquals(ConsoleAdmin.REFUSED, empty.code(), "an empty register is refused: " + empty);
        assertTrue(empty.out().contains("has no house"), empty.out());

        String sample = AdminRun.sample("houses/houses.xlsx");
        AdminRun.Result dry = admin.runOnDb("import", "houses", "--dry-run", "--file", sample);
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("house: 16 new, 0 changed, 0 unchanged"), dry.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM house"));
        AdminRun.Result first = admin.runOnDb("import", "houses", "--file", sample);
        assertEquals(0, first.code(), first.toString());
        assertEquals(16, admin.count("SELECT COUNT(*) FROM house"));
        assertEquals(16, admin.count("SELECT COUNT(*) FROM house h JOIN police_grid g ON g.id = h.police_grid_id "
                + "JOIN station s ON s.id = h.station_id WHERE s.code = 'PCS01'"), "every sample house lies in 城东派出所's grids");
        assertTrue(admin.count("SELECT COUNT(DISTINCT stars) FROM house") >= 4, "a spread of stars");
        AdminRun.Result again = admin.runOnDb("import", "houses", "--file", sample);
        assertTrue(again.out().contains("house: 0 new, 0 changed, 16 unchanged"), again.out());
    }
}
