package org.commandroom.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample meter readings (assets/samples/meter-readings) imported with console-admin after the sample organisation,
 * geography and house register (H2 file, PostgreSQL): the planted cases become orders to the grids' officers, the
 * others do not, and the same file again sends nothing.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class ConsoleAdminMeterReadingsTest {

    /** 5 December 2026, 10:00 in Shanghai: the sample's last readings are of 1 December. */
    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    @Parameter
    TestDb kind;

    @TempDir
    Path dir;

    private AdminRun admin;

    @BeforeEach
    void bureau() {
        admin = AdminRun.onEmptyDatabase(kind, dir, "bureau");
        admin.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        admin.importSampleOrganisationAndGeography();
        AdminRun.Result houses = admin.runOnDb("import", "houses", "--file", AdminRun.sample("houses/houses.xlsx"));
        assertEquals(0, houses.code(), houses.toString());
        // 城东一警格 has its community officer (as the organisation form gives one); 城东二警格 has none yet
        try (org.commandroom.core.store.Database db = org.commandroom.core.store.Database.open(admin.settings)) {
            db.jdbi().useHandle(h -> h.execute("UPDATE police_grid SET officer_id = (SELECT MIN(o.id) FROM officer o "
                    + "WHERE o.station_id = police_grid.station_id AND o.duty = 'COMMUNITY_OFFICER') WHERE code = 'PCS01-01'"));
        }
        assertEquals(1, admin.count("SELECT COUNT(*) FROM police_grid WHERE officer_id IS NOT NULL"));
    }

    @Test
    void theSampleReadingsSendThePlantedAlertsOnceToTheGridsOfficers() {
        String sample = AdminRun.sample("meter-readings/readings.csv");
        AdminRun.Result dry = admin.runOnDb("import", "meter-readings", "--dry-run", "--file", sample);
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("meter_reading: 121 new, 0 changed, 0 unchanged"), dry.out());
        assertTrue(dry.out().contains("alerts that would be sent: 3"), dry.out());
        assertEquals(0, admin.count("SELECT COUNT(*) FROM meter_reading"));
        assertEquals(0, admin.count("SELECT COUNT(*) FROM work_order"));

        AdminRun.Result first = admin.runOnDb("import", "meter-readings", "--file", sample);
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("alerts sent: 3"), first.out());
        assertTrue(first.out().contains("SUDDEN_OCCUPANCY SW1002 东门路 8号 since 2026-10-01"), first.out());
        assertTrue(first.out().contains("GONE_SILENT SW1003 河坝街 9号 since 2026-09-01"), first.out());
        assertTrue(first.out().contains("GROUP_RENTING SW1004 东门路 15号 since 2026-01-01"), first.out());
        assertTrue(first.out().contains("SW1010 新华街 99号"), "the meter of a house not in the register is named: " + first.out());
        assertEquals(121, admin.count("SELECT COUNT(*) FROM meter_reading"));
        assertEquals(3, admin.count("SELECT COUNT(*) FROM model_alert"));
        // each alert: an issued HOUSE_INSPECTION order to the community officer of the house's grid, due within the rule's days
        assertEquals(3, admin.count("SELECT COUNT(*) FROM model_alert a JOIN work_order w ON w.id = a.order_id "
                + "JOIN house h ON h.id = a.house_id JOIN police_grid g ON g.id = h.police_grid_id "
                + "WHERE w.kind = 'HOUSE_INSPECTION' AND w.status = 'ISSUED' AND (w.assignee_officer_id = g.officer_id OR g.officer_id IS NULL AND w.assignee_officer_id IS NULL) "
                + "AND w.feedback_deadline = a.deadline AND w.station_id = h.station_id"));
        assertEquals(2, admin.count("SELECT COUNT(*) FROM model_alert a JOIN work_order w ON w.id = a.order_id "
                + "WHERE w.assignee_officer_id IS NOT NULL AND a.meter_no IN ('SW1002', 'SW1004')"), "东门路 lies in 城东一警格");
        // the rules' time limits: 5 days for sudden occupancy and group renting, 7 for gone silent
        assertEquals(2, admin.count("SELECT COUNT(*) FROM model_alert WHERE deadline = TIMESTAMP WITH TIME ZONE "
                + "'2026-12-10 02:00:00+00' AND rule_code IN ('SUDDEN_OCCUPANCY', 'GROUP_RENTING')"));
        assertEquals(1, admin.count("SELECT COUNT(*) FROM model_alert WHERE deadline = TIMESTAMP WITH TIME ZONE "
                + "'2026-12-12 02:00:00+00' AND rule_code = 'GONE_SILENT'"));
        // the readings are the evidence, in the order's trail
        assertEquals(3, admin.count("SELECT COUNT(*) FROM work_order_event e JOIN model_alert a ON a.order_id = e.order_id "
                + "WHERE e.event = 'NOTE' AND e.detail LIKE '表号 SW100_ 读数(m³):%'"));
        assertEquals(1, admin.count("SELECT COUNT(*) FROM work_order_event e JOIN model_alert a ON a.order_id = e.order_id "
                + "WHERE a.meter_no = 'SW1003' AND e.detail LIKE '%2026-09-01 2382.9;%2026-12-01%'"));
        assertEquals(1, admin.count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND entity = 'METER_READING'"));

        AdminRun.Result again = admin.runOnDb("import", "meter-readings", "--file", sample);
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("meter_reading: 0 new, 0 changed, 121 unchanged"), again.out());
        assertTrue(again.out().contains("alerts sent: 0"), again.out());
        assertEquals(3, admin.count("SELECT COUNT(*) FROM work_order"));
    }

    @Test
    void aReadingThatGoesBelowAStoredOneRejectsTheFileAndWritesNothing() throws Exception {
        assertEquals(0, admin.runOnDb("import", "meter-readings", "--file", AdminRun.sample("meter-readings/readings.csv")).code());
        Path later = dir.resolve("december.csv");
        Files.writeString(later, "表号,地址,门牌号,抄表日期,读数\nSW1001,东门路,2号,2026-12-20,1000\nSW1002,东门路,8号,2026-12-20,2000\n");
        AdminRun.Result r = admin.runOnDb("import", "meter-readings", "--file", later.toString());
        assertEquals(ConsoleAdmin.REFUSED, r.code(), r.toString());
        assertTrue(r.out().contains("line 2, column reading: meter SW1001 reads 1000.0, less than"), r.out());
        assertEquals(121, admin.count("SELECT COUNT(*) FROM meter_reading"), "nothing of the file written");
    }
}
