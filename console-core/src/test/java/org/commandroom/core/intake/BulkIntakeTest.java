package org.commandroom.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk import: every bad row reported with its line and why, every good row kept. */
class BulkIntakeTest {

    private final IntakeFixture fx = new IntakeFixture(TestDatabases.h2());
    private final BulkIntake bulk = new BulkIntake(fx.intake, fx.clock);

    @AfterEach
    void close() {
        fx.db.close();
    }

    private List<String> problems(BulkIntake.Report r) {
        return r.problems().stream().map(BulkIntake.RowProblem::message).toList();
    }

    @Test
    void aCsvWithGoodAndBadRowsKeepsTheGoodOnesAndNamesEachBadLine() {
        String csv = """
                incident_no,received_at,caller_number,address,lat,lon,datum,type,priority,description
                EXT-1,2026-11-23 09:30:00,13800001234,南关小区3栋,29.21,103.71,WGS84,FAMILY_DISPUTE,,夫妻吵架
                EXT-2,2026-11-23T09:40:00+08:00,,南关小学,,,,SUSPICIOUS_PERSON,1,

                EXT-3,2026-11-23 09:41:00,13800001234,春熙路,30.66,104.06,WGS84,FIGHT,,outside
                EXT-4,yesterday,,南关,29.21,103.71,,FIGHT,,
                EXT-5,2026-11-23 09:42:00,,南关,29.21,,,FIGHT,,
                EXT-6,2026-11-23 09:43:00,,南关,29.21,103.71,,TELEPORT,,
                EXT-7,2026-11-23 09:44:00,12ab,南关,29.21,103.71,,FIGHT,,
                EXT-1,2026-11-23 09:45:00,,南关,29.21,103.71,,FIGHT,,dup
                EXT-9,2026-11-23 09:46:00,,"南关
                二号门",29.21,103.71,,NOISE,9,
                EXT-10,2026-11-23 09:47:00,13800001234,南关小区3栋,29.21,103.71,,NEIGHBOUR_DISPUTE,,again
                """;
        BulkIntake.Report r = bulk.importCsv(csv, "导入");
        assertEquals(List.of(
                "line 5 (position): the position 30.66000, 104.06000 (WGS84) is outside the district; nothing was recorded",
                "line 6 (received_at): time 'yesterday' is neither ISO-8601 with an offset nor 'yyyy-MM-dd HH:mm:ss' local time",
                "line 7 (lon): lat and lon must be given together",
                "line 8 (type): unknown incident type 'TELEPORT'",
                "line 9 (caller_number): the caller number '12ab' is not 3 to 20 digits",
                "line 10 (incident_no): incident number EXT-1 already exists",
                "line 11 (priority): priority must be 1, 2 or 3, got 9"), problems(r));
        assertEquals(List.of(2, 3, 13), r.imported().stream().map(BulkIntake.ImportedRow::line).toList());
        assertEquals(10, r.rowsRead());
        assertEquals(3, fx.count("incident"));
        assertTrue(r.imported().get(2).repeat(), "the last call repeats the first (same caller and address)");

        Incident first = fx.db.jdbi().withExtension(IncidentDao.class, d -> d.findByNumber("EXT-1")).orElseThrow();
        assertEquals(java.time.Instant.parse("2026-11-23T01:30:00Z"), first.receivedAt(), "local time is Asia/Shanghai");
        assertEquals(fx.g1, first.policeGridId());
        Incident second = fx.db.jdbi().withExtension(IncidentDao.class, d -> d.findByNumber("EXT-2")).orElseThrow();
        assertEquals(29.205, second.position().lat(), 1e-9, "the address resolved through the gazetteer");
        assertEquals(1, second.priority());
    }

    @Test
    void aCsvWithAMistypedColumnImportsNothingAndSaysWhich() {
        BulkIntake.Report r = bulk.importCsv("adress,type\n南关,FIGHT\n", "t");
        assertEquals(List.of("line 1: unknown column 'adress'; the columns are " + BulkIntake.COLUMNS), problems(r));
        assertEquals(0, fx.count("incident"));
        BulkIntake.Report missing = bulk.importCsv("\uFEFFaddress,lat,lon\n南关,29.21,103.71\n", "t");
        assertEquals(List.of("line 1: missing required column(s) [type]"), problems(missing));
    }

    @Test
    void aJsonFeedReportsTheLineWhereEachBadObjectStarts() {
        String json = """
                {"source": "110 platform",
                 "incidents": [
                  {"address": "南关小区3栋", "lat": 29.21, "lon": 103.71, "type": "NOISE",
                   "caller_number": "13800001234", "received_at": "2026-11-23T09:00:00+08:00"},
                  {"address": "南关", "lat": 29.21, "lon": 103.71, "type": "FIGHT", "colour": "red"},
                  "not an object",
                  {"address": "", "lat": 29.21, "lon": 103.71, "type": "FIGHT"},
                  {"address": "南关小学", "type": "robbery", "priority": 1}
                 ]}
                """;
        BulkIntake.Report r = bulk.importJson(json, "t");
        assertEquals(List.of(
                "line 5 (colour): unknown field(s); known are " + BulkIntake.COLUMNS,
                "line 6: an incident must be a JSON object",
                "line 7 (address): the address is missing"), problems(r));
        assertEquals(List.of(3, 8), r.imported().stream().map(BulkIntake.ImportedRow::line).toList());
        assertEquals(5, r.rowsRead());
    }

    @Test
    void brokenJsonImportsNothingAndSaysWhere() {
        BulkIntake.Report r = bulk.importJson("[\n{\"address\": \"南关\", \"type\": \"FIGHT\", \"lat\": 29.21, \"lon\": 103.71},\n{\"address\": ", "t");
        assertEquals(1, r.imported().size(), "the complete object before the break is kept");
        assertTrue(r.problems().get(0).reason().startsWith("the file is not valid JSON"), problems(r).toString());
        assertEquals(3, r.problems().get(0).line());
    }
}
