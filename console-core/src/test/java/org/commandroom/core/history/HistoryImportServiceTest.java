package org.commandroom.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDb;
import org.commandroom.core.wall.WallStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** History files imported as closed incidents into a real H2 and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class HistoryImportServiceTest {

    static final Path FILES = Path.of("src", "test", "resources", "history");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 3 November 2026, 15:00 in Shanghai: a year after the Chinese sample's calls. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 3, 15, 0, 0, 0, SHANGHAI);

    @Parameter
    TestDb kind;

    private Database db;
    private TestClock clock;
    private HistoryImportService service;
    private long station;

    @BeforeEach
    void open() {
        db = kind.open();
        clock = new TestClock(NOW.toInstant(), SHANGHAI);
        station = TestData.station(db.jdbi());
        service = new HistoryImportService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, admin()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Principal admin() {
        return new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    }

    static HistoryTable table(String name) throws IOException, HistoryTable.Unreadable {
        return HistoryTable.read(Files.readAllBytes(FILES.resolve(name)), name);
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void chineseHeadersAreMappedByName() throws Exception {
        HistoryMapping m = service.propose("旧接处警", table("old-cad-zh.csv"));
        assertEquals("警情编号", m.column(HistoryField.EXTERNAL_ID));
        assertEquals("报警时间", m.column(HistoryField.RECEIVED_AT));
        assertEquals("警情类别", m.column(HistoryField.TYPE));
        assertEquals("警情级别", m.column(HistoryField.PRIORITY));
        assertEquals("发生地址", m.column(HistoryField.ADDRESS));
        assertEquals("报警人电话", m.column(HistoryField.CALLER));
        assertEquals("派出所", m.column(HistoryField.STATION));
        assertEquals("出警车辆", m.column(HistoryField.UNIT));
        assertEquals("派警时间", m.column(HistoryField.DISPATCHED_AT));
        assertEquals("到场时间", m.column(HistoryField.ON_SCENE_AT));
        assertEquals("结束时间", m.column(HistoryField.CLEARED_AT));
        assertEquals("处警状态", m.column(HistoryField.STATUS));
        assertEquals("简要警情", m.column(HistoryField.NARRATIVE));
        assertEquals("经度", m.column(HistoryField.LON));
        assertEquals("纬度", m.column(HistoryField.LAT));
        assertEquals(TimeFormat.YMD_SLASH, m.formats().get(HistoryField.RECEIVED_AT));
        assertEquals(TimeFormat.YMD_SLASH, m.formats().get(HistoryField.CLEARED_AT));
        // the 1-4 scale spread over three levels, the most urgent first
        assertEquals(Map.of("1", 1, "2", 1, "3", 2, "4", 3), m.priorities());
        assertEquals(IncidentType.PICKPOCKET, m.types().get("盗窃"));
        assertEquals(IncidentType.FIGHT, m.types().get("打架斗殴"));
        assertEquals(IncidentType.TELECOM_FRAUD, m.types().get("电信诈骗"));
        assertNull(m.types().get("其他"), "a type nothing recognises is left for the user");
        assertNull(m.otherType());
    }

    @Test
    void theDryRunNamesTheUnmappedTypeAndWritesNothing() throws Exception {
        HistoryTable t = table("old-cad-zh.csv");
        HistoryImportResult r = service.check(t, service.propose("旧接处警", t), "admin");
        assertFalse(r.accepted());
        assertEquals(1, r.problemCount());
        HistoryProblem p = r.problems().get(0);
        assertEquals(9, p.row(), "the ninth line of the file (the header is line 1)");
        assertEquals("警情类别", p.column());
        assertEquals("其他", p.value());
        assertEquals(HistoryProblem.Why.TYPE_NOT_MAPPED, p.why());
        assertEquals(Map.of("其他", 1), r.notMapped());
        assertEquals(0, count("SELECT COUNT(*) FROM incident"));
    }

    @Test
    void everyBadCellIsListedWithRowColumnValueAndWhy() throws Exception {
        String text = Files.readString(FILES.resolve("old-cad-zh.csv"), StandardCharsets.UTF_8)
                .replace("2025/11/3 9:41", "2025/13/3 9:41")       // row 3: no month 13
                .replace("城关派出所", "南关派出所")                      // row 3: no such station
                .replace("2025/11/4 8:12", "2025/11/4 7:00")       // row 7: on scene before received
                .replace("国道320线城关段,,", "国道320线城关段,200,");      // row 6: longitude out of range
        HistoryTable t = HistoryTable.read(text.getBytes(StandardCharsets.UTF_8), "bad.csv");
        HistoryMapping m = service.propose("旧接处警", t);
        m = new HistoryMapping(m.source(), m.columns(), m.formats(), m.zone(), m.datum(), m.priorities(), m.types(),
                IncidentType.HELP_OTHER);
        HistoryImportResult r = service.check(t, m, "admin");
        assertFalse(r.accepted());
        List<String> got = new ArrayList<>();
        r.problems().forEach(p -> got.add(p.row() + " " + p.column() + " " + p.value() + " " + p.why()));
        assertEquals(List.of(
                "3 报警时间 2025/13/3 9:41 BAD_TIME",
                "3 派出所 南关派出所 UNKNOWN_STATION",
                "6 经度 200 OUT_OF_RANGE",
                "7 到场时间 2025/11/4 7:00 BEFORE_RECEIVED"), got);
        assertTrue(r.problems().get(0).toString().startsWith("row 3, column '报警时间' ('2025/13/3 9:41'): not a date"),
                r.problems().get(0).toString());
        assertEquals(0, count("SELECT COUNT(*) FROM incident"));
    }

    @Test
    void importedCallsAreClosedWithTheirTimesNeverQueuedAndOnceOnly() throws Exception {
        HistoryTable t = table("old-cad-zh.csv");
        HistoryMapping proposed = service.propose("旧接处警", t);
        HistoryMapping m = new HistoryMapping(proposed.source(), proposed.columns(), proposed.formats(),
                proposed.zone(), proposed.datum(), proposed.priorities(), proposed.types(), IncidentType.HELP_OTHER);
        List<Integer> progress = new ArrayList<>();
        HistoryImportResult r = service.importHistory(t, m, "admin", (done, total) -> progress.add(done));
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(8, r.inserted());
        assertEquals(Map.of("其他", 1), r.toOther());
        assertEquals(8, progress.get(progress.size() - 1));
        assertEquals(8, count("SELECT COUNT(*) FROM incident WHERE status = 'CLOSED' AND history_source = '旧接处警'"));
        assertEquals(8, count("SELECT COUNT(*) FROM incident WHERE station_id = " + station));

        Map<String, Object> first = db.jdbi().withHandle(h -> h.createQuery("SELECT incident_no, received_at, "
                + "dispatched_at, on_scene_at, cleared_at, closed_at, incident_type, category, priority, caller_number, "
                + "history_unit, history_status, description FROM incident WHERE history_ref = 'J2025110001'").mapToMap().one());
        assertEquals(ZonedDateTime.of(2025, 11, 3, 8, 5, 0, 0, SHANGHAI).toInstant(), instant(first.get("received_at")));
        assertEquals(ZonedDateTime.of(2025, 11, 3, 8, 7, 0, 0, SHANGHAI).toInstant(), instant(first.get("dispatched_at")));
        assertEquals(ZonedDateTime.of(2025, 11, 3, 8, 19, 0, 0, SHANGHAI).toInstant(), instant(first.get("on_scene_at")));
        assertEquals(ZonedDateTime.of(2025, 11, 3, 9, 2, 0, 0, SHANGHAI).toInstant(), instant(first.get("cleared_at")));
        assertEquals(instant(first.get("cleared_at")), instant(first.get("closed_at")));
        assertEquals("PICKPOCKET", first.get("incident_type"));
        assertEquals("CRIMINAL", first.get("category"));
        assertEquals(1, ((Number) first.get("priority")).intValue());
        assertEquals("13800000001", first.get("caller_number"));
        assertEquals("城关01", first.get("history_unit"));
        assertEquals("已处置", first.get("history_status"));
        assertTrue(((String) first.get("incident_no")).startsWith("H-"));

        // the desk's queue (open incidents) and open list never show history
        assertTrue(db.jdbi().withExtension(IncidentDao.class, IncidentDao::openQueue).isEmpty());
        assertTrue(db.jdbi().withExtension(IncidentDao.class, IncidentDao::openIncidents).isEmpty());
        assertTrue(new WallStatistics(db.jdbi(), clock, SHANGHAI).openQueue().isEmpty());

        // audited, and the mapping saved for the source
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND entity = 'HISTORY'"));
        assertEquals(m.toText(), service.savedMapping("旧接处警").orElseThrow().toText());

        // again: nothing new
        HistoryImportResult again = service.importHistory(t, m, "admin", HistoryImportService.Progress.NONE);
        assertTrue(again.accepted());
        assertEquals(0, again.inserted());
        assertEquals(8, again.alreadyThere());
        assertEquals(8, count("SELECT COUNT(*) FROM incident"));
    }

    @Test
    void theWallCountsImportedHistoryInLastYearsFigures() throws Exception {
        HistoryTable t = table("old-cad-zh.csv");
        HistoryMapping p = service.propose("旧接处警", t);
        service.importHistory(t, new HistoryMapping(p.source(), p.columns(), p.formats(), p.zone(), p.datum(),
                p.priorities(), p.types(), IncidentType.HELP_OTHER), "admin", HistoryImportService.Progress.NONE);
        // 3 November 2025: four calls, of which three by 15:00 (the figure compares up to the same time of day)
        WallStatistics.TodayFigures f = new WallStatistics(db.jdbi(), clock, SHANGHAI).today();
        assertEquals(4, f.lastYear().dayTotal());
        assertEquals(3, f.lastYear().total());
        assertEquals(1, f.lastYear().byCategory().get(org.commandroom.core.incident.IncidentCategory.CRIMINAL));
    }

    @Test
    void theSourcesMappingIsOfferedAgainWithTheUsersEdits() throws Exception {
        HistoryTable t = table("old-cad-zh.csv");
        HistoryMapping p = service.propose("旧接处警", t);
        Map<String, IncidentType> types = new java.util.LinkedHashMap<>(p.types());
        types.put("其他", IncidentType.NON_POLICE);
        types.put("盗窃", IncidentType.EBIKE_THEFT);
        Map<String, Integer> priorities = Map.of("1", 1, "2", 2, "3", 3, "4", 3);
        service.saveMapping(new HistoryMapping(p.source(), p.columns(), p.formats(), ZoneId.of("Asia/Urumqi"), p.datum(),
                priorities, types, null), "admin");
        HistoryMapping again = service.propose("旧接处警", t);
        assertEquals(IncidentType.EBIKE_THEFT, again.types().get("盗窃"));
        assertEquals(IncidentType.NON_POLICE, again.types().get("其他"));
        assertEquals(2, again.priorities().get("2"));
        assertEquals(ZoneId.of("Asia/Urumqi"), again.zone());
        assertEquals(List.of("旧接处警"), service.sources());
        assertTrue(service.check(t, again, "admin").accepted());
    }

    @Test
    void aPublicCadExportImportsWithItsOwnZone() throws Exception {
        HistoryTable t = table("stl-calls-for-service-2021-01.csv");
        assertEquals(56, t.rows().size());
        HistoryMapping p = service.propose("SLMPD", t);
        assertEquals("id", p.column(HistoryField.EXTERNAL_ID));
        assertEquals("location", p.column(HistoryField.ADDRESS));
        assertEquals("description", p.column(HistoryField.TYPE));
        assertEquals("eventtime", p.column(HistoryField.RECEIVED_AT));
        assertEquals(TimeFormat.YMD_DASH, p.formats().get(HistoryField.RECEIVED_AT));
        assertEquals(IncidentType.BURGLARY, p.types().get("Burglary Alarm (Alarm Company)"));
        HistoryImportResult refused = service.check(t, p, "admin");
        assertFalse(refused.accepted());
        assertTrue(refused.notMapped().containsKey("Disturbance"), refused.notMapped().toString());

        HistoryMapping m = new HistoryMapping("SLMPD", p.columns(), p.formats(), ZoneId.of("America/Chicago"), p.datum(),
                p.priorities(), p.types(), IncidentType.HELP_OTHER);
        HistoryImportResult r = service.importHistory(t, m, "admin", HistoryImportService.Progress.NONE);
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(56, r.inserted());
        assertEquals(56, r.withoutStation(), "no station column and no positions");
        Instant received = db.jdbi().withHandle(h -> h.createQuery("SELECT received_at FROM incident WHERE history_ref = "
                + "'P2007280856'").mapTo(Instant.class).one());
        assertEquals(Instant.parse("2021-01-29T02:24:14Z"), received, "20:24:14 in St. Louis (UTC-6)");
    }

    @Test
    void dayFirstDatesThatCannotBeToldApartAreNamedAmbiguousAndImportOnceTheUserChooses() throws Exception {
        // The Chinese sample with its dates written day first (3/11/2025 8:05): every day is 3 or 4, every month 11.
        String text = Files.readString(FILES.resolve("old-cad-zh.csv"), StandardCharsets.UTF_8)
                .replaceAll("(\\d{4})/(\\d{1,2})/(\\d{1,2})", "$3/$2/$1");
        HistoryTable t = HistoryTable.read(text.getBytes(StandardCharsets.UTF_8), "day-first.csv");
        HistoryMapping proposed = service.propose("旧接处警", t);
        assertNull(proposed.formats().get(HistoryField.RECEIVED_AT), "3/11 could be 11 March: not guessed");
        HistoryMapping m = new HistoryMapping(proposed.source(), proposed.columns(), proposed.formats(),
                proposed.zone(), proposed.datum(), proposed.priorities(), proposed.types(), IncidentType.HELP_OTHER);
        HistoryImportResult r = service.check(t, m, "admin");
        assertFalse(r.accepted());
        HistoryProblem p = r.problems().stream().filter(x -> "报警时间".equals(x.column())).findFirst().orElseThrow();
        assertEquals(HistoryProblem.Why.AMBIGUOUS_TIME_FORMAT, p.why());
        assertTrue(p.detail().contains("DMY_SLASH or MDY_SLASH"), p.detail());

        Map<HistoryField, TimeFormat> chosen = new java.util.EnumMap<>(HistoryField.class);
        for (HistoryField f : HistoryField.values()) {
            if (f.time() && m.column(f) != null) {
                chosen.put(f, TimeFormat.DMY_SLASH);
            }
        }
        HistoryMapping dayFirst = new HistoryMapping(m.source(), m.columns(), chosen, m.zone(), m.datum(),
                m.priorities(), m.types(), m.otherType());
        HistoryImportResult done = service.importHistory(t, dayFirst, "admin", HistoryImportService.Progress.NONE);
        assertTrue(done.accepted(), done.problems().toString());
        assertEquals(ZonedDateTime.of(2025, 11, 3, 8, 5, 0, 0, SHANGHAI).toInstant(), db.jdbi().withHandle(h -> h
                .createQuery("SELECT received_at FROM incident WHERE history_ref = 'J2025110001'").mapTo(Instant.class).one()));

        // One value with a day over 12 settles it: the same file, one call on 13 November, is detected day first.
        HistoryTable settled = HistoryTable.read(text.replaceFirst("3/11/2025 8:05", "13/11/2025 8:05")
                .getBytes(StandardCharsets.UTF_8), "day-first.csv");
        assertEquals(TimeFormat.DMY_SLASH, service.propose("旧接处警2", settled).formats().get(HistoryField.RECEIVED_AT));
    }

    @Test
    void aMissingRequiredFieldIsAProblemOfTheMapping() throws Exception {
        HistoryTable t = table("old-cad-zh.csv");
        HistoryMapping p = service.propose("旧接处警", t);
        Map<HistoryField, String> columns = new java.util.EnumMap<>(p.columns());
        columns.remove(HistoryField.ADDRESS);
        HistoryImportResult r = service.check(t, new HistoryMapping("旧接处警", columns, p.formats(), p.zone(),
                p.datum(), p.priorities(), p.types(), IncidentType.HELP_OTHER), "admin");
        assertFalse(r.accepted());
        assertEquals(HistoryProblem.Why.NOT_MAPPED, r.problems().get(0).why());
        assertEquals(0, r.problems().get(0).row());
    }

    @Test
    void aCommanderMayNotImportHistoryAndTheRefusalIsAudited() throws Exception {
        Principal commander = new Principal(2, "duty", "李强", Set.of(Role.DUTY_COMMANDER), "ws-2", false);
        HistoryImportService refused = new HistoryImportService(db.jdbi(), clock,
                AccessGuard.of(db.jdbi(), clock, commander));
        HistoryTable t = table("old-cad-zh.csv");
        HistoryMapping m = refused.propose("旧接处警", t);
        assertThrows(AccessDenied.class, () -> refused.importHistory(t, m, "duty", HistoryImportService.Progress.NONE));
        assertThrows(AccessDenied.class, () -> refused.check(t, m, "duty"));
        assertThrows(AccessDenied.class, () -> refused.saveMapping(m, "duty"));
        assertEquals(3, count("SELECT COUNT(*) FROM audit_log WHERE action = 'REFUSED'"));
        assertEquals(0, count("SELECT COUNT(*) FROM incident"));
        assertEquals(0, count("SELECT COUNT(*) FROM history_mapping"));
    }

    private static Instant instant(Object v) {
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) v;
    }
}
