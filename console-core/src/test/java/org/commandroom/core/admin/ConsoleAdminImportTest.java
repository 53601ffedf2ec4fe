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

/**
 * A bureau set up from nothing with console-admin alone, as README's "Putting your own bureau on it" does it: the
 * templates, the organisation, the geography samples, the units; on an empty H2 file database and an empty PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConsoleAdminImportTest {

    @Parameter
    TestDb kind;

    @TempDir
    Path dir;

    private AdminRun admin;

    @BeforeEach
    void emptyDatabase() {
        admin = AdminRun.onEmptyDatabase(kind, dir, "bureau");
    }

    @Test
    void aBureauIsSetUpFromItsFilesWithConsoleAdminAlone() throws Exception {
        AdminRun.Result templates = admin.run("templates", "--out", dir.resolve("t").toString());
        assertEquals(0, templates.code(), templates.toString());
        assertTrue(Files.size(dir.resolve("t").resolve("organisation.xlsx")) > 0);
        AdminRun.Result empty = admin.runOnDb("import", "organisation", "--file", dir.resolve("t/organisation.xlsx").toString());
        assertEquals(0, empty.code(), "an empty template imports as nothing: " + empty);

        AdminRun.Result dry = admin.runOnDb("import", "organisation", "--dry-run", "--file",
                AdminRun.sample("organisation/organisation.xlsx"));
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("officer: 22 new, 0 changed, 0 unchanged"), dry.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM officer"), "a dry run writes nothing");

        AdminRun.Result org = admin.runOnDb("import", "organisation", "--file", AdminRun.sample("organisation/organisation.xlsx"));
        assertEquals(0, org.code(), org.toString());
        assertTrue(org.out().contains("station: 3 new"), org.out());
        admin.importSampleGeography();
        assertEquals(0, admin.runOnDb("import", "geography", "--layer", "cameras", "--file", AdminRun.sample("cameras.csv")).code());
        AdminRun.Result units = admin.runOnDb("import", "units", "--file", AdminRun.sample("organisation/units.xlsx"));
        assertEquals(0, units.code(), units.toString());
        assertTrue(units.out().contains("unit: 5 new, 0 changed, 0 unchanged"), units.out());

        admin.env.put("FIRST_PW", "admin-secret-1");
        assertEquals(0, admin.runOnDb("users", "add", "zhoumin", "--name", "周敏", "--role", "管理员,指挥长",
                "--password-env", "FIRST_PW").code());

        assertEquals(2, admin.count("SELECT COUNT(*) FROM police_grid g JOIN station s ON s.id = g.station_id WHERE s.code = 'PCS01'"));
        assertEquals(5, admin.count("SELECT COUNT(*) FROM patrol_unit WHERE status = 'AVAILABLE'"));
        assertEquals(8, admin.count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND actor = 'console-admin:tester'"));
        AdminRun.Result verify = admin.runOnDb("audit", "verify");
        assertEquals(0, verify.code(), verify.toString());

        AdminRun.Result again = admin.runOnDb("import", "units", "--file", AdminRun.sample("organisation/units.xlsx"));
        assertTrue(again.out().contains("unit: 0 new, 0 changed, 5 unchanged"), again.out());
    }

    @Test
    void aRejectedWorkbookExitsWithThreeAndListsEveryProblem() throws Exception {
        assertEquals(0, admin.runOnDb("db", "migrate").code());
        AdminRun.Result r = admin.runOnDb("import", "units", "--file", AdminRun.sample("organisation/units.xlsx"));
        assertEquals(ConsoleAdmin.REFUSED, r.code(), r.toString());
        assertTrue(r.out().contains("units.xlsx rejected, nothing was imported; 17 problem(s):"), r.out());
        assertTrue(r.out().contains("Sheet 巡逻警力, row 2, column D (单位): 'PCS01' names no station or post"), r.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM patrol_unit"));

        AdminRun.Result missing = admin.runOnDb("import", "units", "--file", dir.resolve("nope.xlsx").toString());
        assertEquals(ConsoleAdmin.FAILED, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void receiversAreMappedToImportedUnitsListedAndRemovedEachAudited() throws Exception {
        assertEquals(0, admin.runOnDb("import", "organisation", "--file", AdminRun.sample("organisation/organisation.xlsx")).code());
        assertEquals(0, admin.runOnDb("import", "units", "--file", AdminRun.sample("organisation/units.xlsx")).code());
        long audits = admin.count("SELECT COUNT(*) FROM audit_log");

        AdminRun.Result nmea = admin.runOnDb("receivers", "assign", "nmea", "10.20.0.7:4001", "城东01", "--note", "川A·1234警");
        assertEquals(0, nmea.code(), nmea.toString());
        assertEquals(0, admin.runOnDb("receivers", "assign", "gpsd", "10.20.0.8:2947/dev/ttyUSB0", "城西01").code());
        AdminRun.Result moved = admin.runOnDb("receivers", "assign", "NMEA", "10.20.0.7:4001", "城东02");
        assertEquals(0, moved.code(), moved.toString());
        assertEquals(2, admin.count("SELECT COUNT(*) FROM field_receiver"), "the same receiver re-assigned, not doubled");

        AdminRun.Result list = admin.runOnDb("receivers", "list");
        assertTrue(list.out().contains("10.20.0.7:4001") && list.out().contains("城东02"), list.out());
        assertTrue(list.out().contains("2 receiver(s)"), list.out());

        AdminRun.Result unknown = admin.runOnDb("receivers", "assign", "nmea", "10.20.0.9:4001", "城北99");
        assertEquals(ConsoleAdmin.FAILED, unknown.code());
        assertTrue(unknown.err().contains("no unit with call sign 城北99"), unknown.err());
        AdminRun.Result badKind = admin.runOnDb("receivers", "assign", "serial", "/dev/ttyS0", "城东01");
        assertTrue(badKind.err().contains("gpsd or nmea"), badKind.err());

        assertEquals(0, admin.runOnDb("receivers", "remove", "gpsd", "10.20.0.8:2947/dev/ttyUSB0").code());
        assertEquals(ConsoleAdmin.FAILED, admin.runOnDb("receivers", "remove", "gpsd", "10.20.0.8:2947/dev/ttyUSB0").code());
        assertEquals(1, admin.count("SELECT COUNT(*) FROM field_receiver"));
        assertEquals(4, admin.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('RECEIVER_ASSIGN', 'RECEIVER_REMOVE')"
                + " AND actor LIKE 'console-admin:%'"), "three assignments and one removal");
        assertTrue(admin.count("SELECT COUNT(*) FROM audit_log") >= audits + 4);
    }
}
