package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code console-admin import geography --accept-repairs}: a boundary file that imports only repaired is checked and
 * its repairs printed, nothing written, exit 3; with the option it is written repaired, the repairs printed again and
 * named in the audit row. (The file: test resource geo/repairs.geojson, four repairable features and a valid one.)
 */
class ConsoleAdminGeoRepairTest {

    @TempDir
    Path dir;

    private AdminRun admin;
    private Path file;

    @BeforeEach
    void emptyDatabase() throws IOException {
        admin = AdminRun.onEmptyDatabase(TestDb.H2, dir, "bureau");
        file = dir.resolve("区界.geojson");
        try (InputStream in = getClass().getResourceAsStream("/geo/repairs.geojson")) {
            Files.write(file, in.readAllBytes());
        }
    }

    @Test
    void withoutTheOptionTheRepairsArePrintedAndNothingIsWrittenWithItTheyAreWrittenAndAudited() {
        AdminRun.Result asked = admin.runOnDb("import", "geography", "--layer", "streets", "--file", file.toString(),
                "--datum", "GCJ02");
        assertEquals(ConsoleAdmin.REFUSED, asked.code(), asked.toString());
        assertTrue(asked.out().contains("区界.geojson was not imported: it imports only with 4 boundary repair(s); look at "
                + "them and run again with --accept-repairs to write the repaired boundaries:"), asked.out());
        assertTrue(asked.out().contains("  feature 0 (重叠片区): parts cross, overlap or share an edge: Self-intersection at "
                + "113.82,22.61; area 10.27 → 9.13 km² (-11.11%), 3 parts → 2\n"), asked.out());
        assertTrue(asked.out().contains("  feature 2 (重复点社区): 2 repeated consecutive positions dropped"), asked.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM street"));
        assertEquals(0, admin.count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT'"));

        AdminRun.Result accepted = admin.runOnDb("import", "geography", "--layer", "streets", "--file", file.toString(),
                "--datum", "GCJ02", "--accept-repairs");
        assertEquals(ConsoleAdmin.OK, accepted.code(), accepted.toString());
        assertTrue(accepted.out().contains("imported 5 streets (0 replaced)\n4 boundary repair(s) accepted and written:\n"
                + "  feature 0 (重叠片区): "), accepted.out());
        assertTrue(accepted.out().contains("  feature 3 (尖刺网格): Self-intersection at 113.905,22.72"), accepted.out());
        assertEquals(5, admin.count("SELECT COUNT(*) FROM street"));
        assertEquals(1, admin.count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND detail LIKE "
                + "'%4 boundary repair(s) accepted: feature 0 (重叠片区)%'"));
    }

    @Test
    void aRefusedFileListsItsProblemsAndApartTheRepairsItWouldNeed() {
        AdminRun.Result first = admin.runOnDb("import", "geography", "--layer", "streets", "--file", file.toString(),
                "--accept-repairs");
        assertEquals(ConsoleAdmin.OK, first.code(), first.toString());

        AdminRun.Result again = admin.runOnDb("import", "geography", "--layer", "streets", "--file", file.toString(),
                "--accept-repairs");
        assertEquals(ConsoleAdmin.REFUSED, again.code(), again.toString());
        assertTrue(again.out().contains("区界.geojson rejected, nothing was imported; 1 problem(s):\n"
                + "  database: already holds 5 streets; import with replace to replace them all\n"
                + "besides, 4 boundary repair(s) would be needed:\n  feature 0 (重叠片区)"), again.out());
        assertEquals(1, admin.count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT'"));
    }
}
