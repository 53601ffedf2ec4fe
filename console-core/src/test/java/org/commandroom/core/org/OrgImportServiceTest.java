package org.commandroom.core.org;

import static org.commandroom.core.org.SampleBureau.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The organisation and unit workbooks imported into a real H2 and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class OrgImportServiceTest {

    static final Path SAMPLES = Path.of("..", "assets", "samples", "organisation");

    @Parameter
    TestDb kind;

    private Database db;
    private OrgImportService service;

    @BeforeEach
    void open() {
        db = kind.open();
        Clock clock = Clock.systemUTC();
        Principal admin = new Principal(1, "admin", "周敏", java.util.Set.of(Role.ADMINISTRATOR), "ws-1", false);
        service = new OrgImportService(db.jdbi(), clock, new ChangeRecorder(clock, "ws-1"), AccessGuard.of(db.jdbi(), clock, admin));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Every row of the organisation and unit tables, ordered, as text. */
    private String snapshot() {
        StringBuilder sb = new StringBuilder();
        for (String sql : List.of("SELECT * FROM bureau ORDER BY id", "SELECT * FROM station ORDER BY id",
                "SELECT * FROM team ORDER BY id", "SELECT * FROM officer ORDER BY id", "SELECT * FROM patrol_unit ORDER BY id",
                "SELECT * FROM unit_crew ORDER BY unit_id, officer_id")) {
            db.jdbi().useHandle(h -> h.createQuery(sql).mapToMap().forEach(m -> sb.append(m).append('\n')));
        }
        return sb.toString();
    }

    private static byte[] workbook(OrgSheets.Book book, Locale lang, Map<String, List<Map<String, String>>> rows)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(book, lang, rows, out);
        return out.toByteArray();
    }

    private OrgImportResult importSamples() throws IOException {
        OrgImportResult org = service.importOrganisation(Files.readAllBytes(SAMPLES.resolve("organisation.xlsx")),
                "organisation.xlsx", "admin", false);
        assertTrue(org.accepted(), org.problems().toString());
        OrgImportResult units = service.importUnits(Files.readAllBytes(SAMPLES.resolve("units.xlsx")), "units.xlsx",
                "admin", false);
        assertTrue(units.accepted(), units.problems().toString());
        return units;
    }

    @Test
    void theSampleBureauImportsAndImportingItAgainChangesNothing() throws IOException {
        OrgImportResult org = service.importOrganisation(Files.readAllBytes(SAMPLES.resolve("organisation.xlsx")),
                "organisation.xlsx", "admin", false);
        assertTrue(org.accepted(), org.problems().toString());
        assertEquals(new OrgImportResult.Counts(1, 0, 0), org.count("bureau"));
        assertEquals(new OrgImportResult.Counts(3, 0, 0), org.count("station"));
        assertEquals(new OrgImportResult.Counts(9, 0, 0), org.count("team"));
        assertEquals(new OrgImportResult.Counts(22, 0, 0), org.count("officer"));
        OrgImportResult units = service.importUnits(Files.readAllBytes(SAMPLES.resolve("units.xlsx")), "units.xlsx",
                "admin", false);
        assertTrue(units.accepted(), units.problems().toString());
        assertEquals(new OrgImportResult.Counts(5, 0, 0), units.count("unit"));

        assertEquals(1, count("SELECT COUNT(*) FROM station WHERE kind = 'POST' AND code = 'PST01'"));
        assertEquals(8, count("SELECT COUNT(*) FROM officer WHERE rank_kind = 'AUXILIARY'"));
        assertEquals(12, count("SELECT COUNT(*) FROM unit_crew"));
        // Teams given by kind (社区警务队) resolve to the station's team of that kind; a blank team stays blank.
        assertEquals(1, count("SELECT COUNT(*) FROM officer o JOIN team t ON t.id = o.team_id "
                + "WHERE o.badge_no = '051004' AND t.name = '城东派出所社区警务队'"));
        assertEquals(1, count("SELECT COUNT(*) FROM officer WHERE badge_no = '051001' AND team_id IS NULL AND duty = 'LEADER'"));
        assertEquals(1, count("SELECT COUNT(*) FROM patrol_unit u JOIN station s ON s.id = u.station_id "
                + "WHERE u.call_sign = '城东闪电01' AND s.code = 'PCS01' AND u.kind = 'MOTORBIKE' "
                + "AND u.terminal_id = 'T511123-0003' AND u.status = 'AVAILABLE'"));
        assertEquals(5, count("SELECT COUNT(*) FROM change_log WHERE entity = 'UNIT' AND op = 'INSERT'"));
        assertEquals(2, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND actor = 'admin'"));

        String before = snapshot();
        long changes = count("SELECT COUNT(*) FROM change_log");
        OrgImportResult again = service.importOrganisation(Files.readAllBytes(SAMPLES.resolve("organisation.xlsx")),
                "organisation.xlsx", "admin", false);
        OrgImportResult unitsAgain = service.importUnits(Files.readAllBytes(SAMPLES.resolve("units.xlsx")), "units.xlsx",
                "admin", false);
        assertEquals(0, again.written(), again.counts().toString());
        assertEquals(new OrgImportResult.Counts(0, 0, 22), again.count("officer"));
        assertEquals(new OrgImportResult.Counts(0, 0, 5), unitsAgain.count("unit"));
        assertEquals(before, snapshot());
        assertEquals(changes, count("SELECT COUNT(*) FROM change_log"));
        assertTrue(AuditChain.verify(db.jdbi()).intact());
    }

    @Test
    void aFileWithSeveralBadCellsNamesEveryOneAndWritesNothing() throws IOException {
        byte[] bad = workbook(OrgSheets.Book.ORGANISATION, Locale.ROOT, Map.of(
                "bureau", List.of(row("code", "511123", "name", "犍为县公安局")),
                "stations", List.of(
                        row("code", "PCS01", "name", "城东派出所", "population", "三千"),
                        row("code", "PCS02", "area", "-4"),
                        row("code", "PCS01", "name", "重复派出所")),
                "teams", List.of(row("station", "PCS01", "name", "城东派出所社区警务队", "kind", "社区队")),
                "officers", List.of(
                        row("badge", "051001", "name", "周建国", "rank", "警察", "post", "所领导", "station", "PCS01"),
                        row("badge", "051002", "name", "李明", "rank", "民警", "post", "指挥", "station", "PCS99",
                                "phone", "电话号码"),
                        row("badge", "051001", "name", "王强", "rank", "民警", "post", "指挥", "station", "PCS01",
                                "team", "不存在的队"))));

        OrgImportResult r = service.importOrganisation(bad, "bad.xlsx", "admin", false);

        assertFalse(r.accepted());
        List<String> expected = List.of(
                "Sheet 派出所, row 2, column C (常住人口): '三千' is not a whole number",
                "Sheet 派出所, row 3, column B (名称): required, but empty",
                "Sheet 派出所, row 3, column D (面积(平方公里)): '-4' is not a number",
                "Sheet 派出所, row 4, column A (编码): code PCS01 is already given at Sheet 派出所, row 2, column A (编码)",
                "Sheet 队, row 2, column C (类别): '社区队' is not one of",
                "Sheet 民警辅警, row 2, column C (类别): '警察' is not one of",
                "Sheet 民警辅警, row 3, column D (电话): '电话号码' is not a phone number",
                "Sheet 民警辅警, row 3, column F (单位): 'PCS99' names no station or post",
                "Sheet 民警辅警, row 4, column G (所属队): '不存在的队' is no team of PCS01",
                "Sheet 民警辅警, row 4, column A (警号): badge number 051001 is already given at Sheet 民警辅警, row 2");
        for (String e : expected) {
            assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(e)), "missing: " + e + "\nin " + r.problems());
        }
        assertEquals(expected.size(), r.problems().size(), r.problems().toString());
        assertEquals("", snapshot());
        assertEquals(0, count("SELECT COUNT(*) FROM audit_log"));
    }

    @Test
    void unitCellsNamingNoOfficerZoneOrStationAreAllListed() throws IOException {
        importSamples();
        String before = snapshot();
        byte[] bad = workbook(OrgSheets.Book.UNITS, Locale.ROOT, Map.of("units", List.of(
                row("call_sign", "城东03", "kind", "飞机", "crew", "051007、999999", "station", "PCS01", "zone", "无此巡区"),
                row("call_sign", "城东04", "kind", "巡逻车", "crew", "051007", "station", "城北派出所",
                        "terminal", "T511123-0001"),
                row("call_sign", "城东03", "kind", "步巡", "station", "PCS01"))));

        OrgImportResult r = service.importUnits(bad, "units-bad.xlsx", "admin", false);

        assertFalse(r.accepted());
        List<String> expected = List.of(
                "Sheet 巡逻警力, row 2, column B (类型): '飞机' is not one of",
                "Sheet 巡逻警力, row 2, column C (警组成员): badge number 999999 names no officer",
                "Sheet 巡逻警力, row 2, column F (巡区): '无此巡区' names no key patrol zone",
                "Sheet 巡逻警力, row 3, column D (单位): '城北派出所' names no station or post",
                "Sheet 巡逻警力, row 3, column C (警组成员): officer 051007 (赵磊) is already in the crew of 城东03",
                "Sheet 巡逻警力, row 4, column A (呼号): call sign 城东03 is already given",
                "Sheet 巡逻警力, row 3, column E (终端编号): terminal T511123-0001 belongs to unit 城东01 in the database");
        for (String e : expected) {
            assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(e)), "missing: " + e + "\nin " + r.problems());
        }
        assertEquals(expected.size(), r.problems().size(), r.problems().toString());
        assertEquals(before, snapshot());
    }

    @Test
    void aReimportMovesAnOfficerAndSwapsTwoTerminalsInPlace() throws IOException {
        importSamples();
        Map<String, List<Map<String, String>>> org = SampleBureau.organisation();
        org = new java.util.HashMap<>(org);
        org.put("officers", List.of(row("badge", "051005", "name", "刘洋", "rank", "民警", "post", "社区民警",
                "station", "PCS02", "team", "社区警务队")));
        OrgImportResult moved = service.importOrganisation(workbook(OrgSheets.Book.ORGANISATION, Locale.ROOT, org),
                "moved.xlsx", "admin", false);
        assertTrue(moved.accepted(), moved.problems().toString());
        assertEquals(new OrgImportResult.Counts(0, 1, 0), moved.count("officer"));
        assertEquals(1, count("SELECT COUNT(*) FROM officer o JOIN station s ON s.id = o.station_id JOIN team t "
                + "ON t.id = o.team_id WHERE o.badge_no = '051005' AND s.code = 'PCS02' AND t.name = '城西派出所社区警务队'"));

        OrgImportResult swapped = service.importUnits(workbook(OrgSheets.Book.UNITS, Locale.ROOT, Map.of("units", List.of(
                row("call_sign", "城东01", "kind", "巡逻车", "station", "PCS01", "terminal", "T511123-0002"),
                row("call_sign", "城东02", "kind", "巡逻车", "station", "PCS01", "terminal", "T511123-0001",
                        "crew", "051008")))), "swap.xlsx", "admin", false);
        assertTrue(swapped.accepted(), swapped.problems().toString());
        assertEquals(new OrgImportResult.Counts(0, 2, 0), swapped.count("unit"));
        assertEquals(1, count("SELECT COUNT(*) FROM patrol_unit WHERE call_sign = '城东01' AND terminal_id = 'T511123-0002'"));
        assertEquals(1, count("SELECT COUNT(*) FROM patrol_unit WHERE call_sign = '城东02' AND terminal_id = 'T511123-0001'"));
        // A blank crew keeps the crew; a given one replaces it.
        assertEquals(3, count("SELECT COUNT(*) FROM unit_crew c JOIN patrol_unit u ON u.id = c.unit_id WHERE u.call_sign = '城东01'"));
        assertEquals(1, count("SELECT COUNT(*) FROM unit_crew c JOIN patrol_unit u ON u.id = c.unit_id WHERE u.call_sign = '城东02'"));
        assertEquals(2, count("SELECT COUNT(*) FROM change_log WHERE entity = 'UNIT' AND op = 'UPDATE'"));
    }

    @Test
    void englishSheetNamesAndHeadersAreReadAsTheChineseOnes() throws IOException {
        byte[] english = workbook(OrgSheets.Book.ORGANISATION, Locale.ENGLISH, SampleBureau.organisation());
        OrgImportResult r = service.importOrganisation(english, "organisation-en.xlsx", "admin", false);
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(22, count("SELECT COUNT(*) FROM officer"));
        OrgImportResult dry = service.importUnits(workbook(OrgSheets.Book.UNITS, Locale.ENGLISH, SampleBureau.units()),
                "units-en.xlsx", "admin", true);
        assertTrue(dry.accepted(), dry.problems().toString());
        assertTrue(dry.dryRun());
        assertEquals(0, count("SELECT COUNT(*) FROM patrol_unit"), "a dry run writes nothing");
    }

    @Test
    void hostileOrWrongFilesAreRefusedBeforeAnythingIsParsed() throws IOException {
        OrgImportResult tooBig = service.importOrganisation(new byte[OrgWorkbook.MAX_FILE_BYTES + 1], "big.xlsx", "a", false);
        assertTrue(tooBig.problems().get(0).contains("is larger than 10 MB"), tooBig.problems().toString());

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bomb.size() < 1024 * 1024, "the bomb itself is small: " + bomb.size());
        OrgImportResult bombed = service.importOrganisation(bomb.toByteArray(), "bomb.xlsx", "a", false);
        assertTrue(bombed.problems().get(0).contains("unpacks to more than 64 MB"), bombed.problems().toString());

        OrgImportResult text = service.importUnits("call_sign,kind\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "units.csv", "a", false);
        assertTrue(text.problems().get(0).contains("is not an .xlsx workbook"), text.problems().toString());

        OrgImportResult wrongBook = service.importUnits(Files.readAllBytes(SAMPLES.resolve("organisation.xlsx")),
                "organisation.xlsx", "a", false);
        assertTrue(wrongBook.problems().stream().anyMatch(p -> p.startsWith("Sheet 派出所: not a sheet of the units workbook")),
                wrongBook.problems().toString());
        assertEquals("", snapshot());
    }

    @Test
    void anUnknownOrMissingHeaderIsNamed() throws IOException {
        byte[] file;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var s = wb.createSheet("stations");
            var h = s.createRow(0);
            h.createCell(0).setCellValue("Code");
            h.createCell(1).setCellValue("人口数");
            var r = s.createRow(1);
            r.createCell(0).setCellValue("PCS01");
            wb.write(out);
            file = out.toByteArray();
        }
        OrgImportResult r = service.importOrganisation(file, "x.xlsx", "a", false);
        assertEquals(List.of(
                "Sheet stations, row 1, column B (人口数): unknown column header; 派出所 takes 编码/code, 名称/name, "
                        + "常住人口/population, 面积(平方公里)/area km2, 对比组/peer group, 分局/bureau",
                "Sheet stations, row 1: required column 名称/name is missing"), r.problems());
    }
}
