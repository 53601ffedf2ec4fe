package org.commandroom.core.prevention;

import static org.commandroom.core.prevention.SampleHouses.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The house register workbook imported into a real H2 and a real PostgreSQL, in the county of {@link IntakeFixture}. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class HouseImportServiceTest {

    @Parameter
    TestDb kind;

    private Database db;
    private IntakeFixture fx;
    private HouseImportService service;

    @BeforeEach
    void open() {
        db = kind.open();
        fx = new IntakeFixture(db);
        service = new HouseImportService(db.jdbi(), fx.clock, AccessGuard.of(db.jdbi(), fx.clock, HouseRegisterTest.ADMIN));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static byte[] workbook(Locale lang, List<Map<String, String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(HouseSheets.sheets(), lang, Map.of("houses", rows), out);
        return out.toByteArray();
    }

    static List<Map<String, String>> county() {
        return List.of(
                row("address", "南关街", "house_no", "12号", "kind", "出租房屋", "landlord", "张房东", "phone", "13800001111",
                        "occupants", "4", "risks", "消防隐患未整改", "lat", "29.21", "lon", "103.71", "last_inspected", "2026-11-01"),
                row("address", "南关街", "house_no", "14号", "kind", "自住房屋", "occupants", "3", "lat", "29.211", "lon", "103.711"),
                row("address", "东城路", "house_no", "1号", "kind", "建筑工地", "name", "东城安置房工地", "occupants", "40",
                        "risks", "UNREGISTERED", "lat", "29.21", "lon", "103.76"),
                // placed by the gazetteer (a named place) and by the police grid's code
                row("address", "南关社区警务室", "house_no", "1号", "kind", "重点单位"),
                row("address", "北关后街", "house_no", "3号", "kind", "群租房", "occupants", "12", "grid", "G2"));
    }

    @Test
    void aRegisterIsImportedPlacedRatedAndReImportedWithoutChange() throws IOException {
        OrgImportResult r = service.importHouses(workbook(Locale.ROOT, county()), "houses.xlsx", "周敏", false);
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(new OrgImportResult.Counts(5, 0, 0), r.count(HouseImportService.TABLE));
        HouseRegister register = new HouseRegister(db.jdbi(), fx.clock, AccessGuard.trusted());
        House rented = register.find("南关街", "12号").orElseThrow();
        assertEquals(fx.g1, rented.policeGridId());
        assertEquals(4, rented.stars());
        assertEquals(LocalDate.of(2026, 11, 1), rented.anchorDate());
        House site = register.find("东城路", "1号").orElseThrow();
        assertEquals(fx.s2, site.stationId());
        assertEquals(List.of("CROWDED", "UNREGISTERED"), register.rules().rate(site.riskFactors(), site.occupants()).applied());
        assertEquals(60, site.starScore());
        assertEquals(3, site.stars());
        assertEquals(fx.g1, register.find("南关社区警务室", "1号").orElseThrow().policeGridId());
        House group = register.find("北关后街", "3号").orElseThrow();
        assertEquals(fx.g2, group.policeGridId());
        assertEquals(fx.s1, group.stationId());

        // the same file in English headers: nothing changes
        OrgImportResult again = service.importHouses(workbook(Locale.ENGLISH, county()), "houses-en.xlsx", "周敏", false);
        assertEquals(new OrgImportResult.Counts(0, 0, 5), again.count(HouseImportService.TABLE));
        long audits = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' "
                + "AND entity = 'HOUSE'").mapTo(Long.class).one());
        assertEquals(2, audits);
        assertTrue(AuditChain.verify(db.jdbi()).intact());
    }

    @Test
    void everyWrongCellIsNamedAndNothingIsWritten() throws IOException {
        List<Map<String, String>> rows = List.of(
                row("address", "南关街", "house_no", "12号", "kind", "出租房屋", "lat", "29.21", "lon", "103.71"),
                row("address", "南关街", "house_no", "16号", "kind", "别墅", "occupants", "三", "lat", "29.21", "lon", "103.71"),
                row("address", "南关街", "house_no", "18号", "kind", "出租房屋", "risks", "漏水", "lat", "91", "lon", "103.71"),
                row("address", "", "house_no", "20号", "kind", "出租房屋", "lat", "29.21", "lon", "103.71",
                        "last_inspected", "昨天"),
                row("address", "南关街", "house_no", "１２号", "kind", "自住房屋", "lat", "29.21", "lon", "103.71"),
                row("address", "无名路", "house_no", "9号", "kind", "自住房屋"),
                row("address", "南关街", "house_no", "22号", "kind", "自住房屋", "grid", "G9", "risks", "居住人数达10人"));
        OrgImportResult r = service.importHouses(workbook(Locale.ROOT, rows), "bad.xlsx", "周敏", false);
        assertFalse(r.accepted());
        List<String> p = r.problems();
        assertHas(p, "Sheet 房屋, row 3, column C (类别): '别墅' is not a kind of house");
        assertHas(p, "Sheet 房屋, row 3, column G (居住人数): '三' is not a whole number");
        assertHas(p, "Sheet 房屋, row 4, column H (风险因素): '漏水' is not a risk factor");
        assertHas(p, "Sheet 房屋, row 4, column I (纬度): '91' is not a latitude");
        assertHas(p, "Sheet 房屋, row 5, column A (地址): required, but empty");
        assertHas(p, "Sheet 房屋, row 5, column M (上次核查日期): '昨天' is not a date");
        assertHas(p, "Sheet 房屋, row 6, column B (门牌号): 南关街 １２号 is already on row 2");
        assertHas(p, "Sheet 房屋, row 7, column A (地址): 无名路 9号 cannot be placed");
        assertHas(p, "Sheet 房屋, row 8, column L (警格编码): no police grid has the code 'G9'");
        assertHas(p, "Sheet 房屋, row 8, column H (风险因素): '居住人数达10人' follows from the occupants column");
        assertEquals(10, p.size(), p.toString());
        assertEquals(0L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM house").mapTo(Long.class).one()));
    }

    private static void assertHas(List<String> problems, String start) {
        assertTrue(problems.stream().anyMatch(x -> x.startsWith(start)), "no problem starting «" + start + "» in " + problems);
    }

    @Test
    void aDryRunCountsAndWritesNothingAndAChangedRowUpdatesInPlace() throws IOException {
        OrgImportResult dry = service.importHouses(workbook(Locale.ROOT, county()), "houses.xlsx", "周敏", true);
        assertTrue(dry.accepted() && dry.dryRun());
        assertEquals(new OrgImportResult.Counts(5, 0, 0), dry.count(HouseImportService.TABLE));
        assertEquals(0L, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM house").mapTo(Long.class).one()));
        service.importHouses(workbook(Locale.ROOT, county()), "houses.xlsx", "周敏", false);
        List<Map<String, String>> changed = new java.util.ArrayList<>(county());
        changed.set(1, row("address", "南关街", "house_no", "14号", "kind", "出租房屋", "occupants", "6", "lat", "29.211",
                "lon", "103.711"));
        OrgImportResult r = service.importHouses(workbook(Locale.ROOT, changed), "houses.xlsx", "周敏", false);
        assertEquals(new OrgImportResult.Counts(0, 1, 4), r.count(HouseImportService.TABLE));
        assertEquals(HouseKind.RENTED, new HouseRegister(db.jdbi(), fx.clock, AccessGuard.trusted()).find("南关街", "14号")
                .orElseThrow().kind());
    }

    @Test
    void onlySetUpMayImport() throws IOException {
        HouseImportService asDuty = new HouseImportService(db.jdbi(), fx.clock,
                AccessGuard.of(db.jdbi(), fx.clock, HouseRegisterTest.DUTY));
        byte[] file = workbook(Locale.ROOT, county());
        assertThrows(AccessDenied.class, () -> asDuty.importHouses(file, "houses.xlsx", "李明", false));
    }
}
