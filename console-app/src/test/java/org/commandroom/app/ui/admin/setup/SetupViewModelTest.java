package org.commandroom.app.ui.admin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commandroom.app.ui.admin.setup.SetupViewModel.State;
import org.commandroom.app.ui.admin.setup.SetupViewModel.Step;
import org.commandroom.app.ui.admin.setup.SetupViewModel.StepStatus;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.map.GeoImportViewModel;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.org.OrgImportService;
import org.commandroom.core.org.SetupProgress;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up screen's state on a real H2 with the sample bureau of assets/samples: the checklist counted from the
 * database, a check that lists a planted wrong cell and writes nothing, a clean check then an import that moves the
 * checklist on, import offered only after a clean check of the unchanged file, a refusal and a file that is no
 * workbook in the user's words, and the templates written.
 */
class SetupViewModelTest {

    static final Path SAMPLES = Path.of("..", "assets", "samples");
    static final Path ORGANISATION = SAMPLES.resolve("organisation/organisation.xlsx");
    static final Path UNITS = SAMPLES.resolve("organisation/units.xlsx");

    private static final Principal ADMIN = new Principal(1, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
    private static final Principal DUTY = new Principal(2, "liming", "李明", Set.of(Role.DUTY_COMMANDER), "ws-2", false);

    private final Database db = TestDatabases.h2();
    private final Clock clock = Clock.systemUTC();
    private final I18n i18n = I18n.load(Locale.ROOT);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        db.close();
    }

    /** The view model as the console builds it, every service guarded for {@code who}; all work runs in line. */
    private SetupViewModel vm(Principal who) {
        return vm(who, i18n);
    }

    private SetupViewModel vm(Principal who, I18n words) {
        AccessGuard guard = AccessGuard.of(db.jdbi(), clock, who);
        ChangeRecorder changes = new ChangeRecorder(clock, who.workstation());
        GeoImportService geo = new GeoImportService(db.jdbi(), changes, clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA), guard);
        return new SetupViewModel(new SetupProgress(db.jdbi()), new OrgImportService(db.jdbi(), clock, changes, guard),
                new HouseImportService(db.jdbi(), clock, guard), geo::importContent, new Tasks(Runnable::run, Runnable::run),
                words, who::login);
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The sample organisation with one cell changed: sheet 民警辅警, row 5 (陈静), column E (岗位). */
    static Path withWrongPost(Path dir, String post) throws IOException {
        Path file = dir.resolve("organisation-bad.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(ORGANISATION)));
             OutputStream out = Files.newOutputStream(file)) {
            var cell = wb.getSheet("民警辅警").getRow(4).getCell(4);
            assertEquals("社区民警", cell.getStringCellValue(), "the cell planted is 陈静's post");
            cell.setCellValue(post);
            wb.write(out);
        }
        return file;
    }

    private static List<State> states(SetupViewModel vm) {
        List<State> s = new ArrayList<>();
        vm.steps().forEach(x -> s.add(x.state()));
        return s;
    }

    @Test
    void anEmptyDatabaseShowsEveryStepMissingInOrder() {
        SetupViewModel vm = vm(ADMIN);
        assertEquals(List.of(Step.values()), vm.steps().stream().map(StepStatus::step).toList());
        assertEquals(State.UNKNOWN, vm.status(Step.ORGANISATION).state(), "nothing said before the count");

        vm.refresh();

        assertEquals(List.of(State.MISSING, State.MISSING, State.MISSING, State.MISSING, State.MISSING, State.MISSING),
                states(vm));
        assertEquals("尚未导入", vm.status(Step.ORGANISATION).detail());
        assertEquals("尚无用户", vm.status(Step.USERS).detail());
        assertEquals(0, vm.doneProperty().get());
        assertTrue(vm.countsProperty().get().nothingSetUp());
    }

    @Test
    void aCheckWithAPlantedWrongCellListsItAndWritesNothing() throws IOException {
        SetupViewModel vm = vm(ADMIN);
        vm.refresh();
        WorkbookImportViewModel org = vm.organisation();
        org.fileProperty().set(withWrongPost(dir, "片警"));

        org.check();

        assertEquals(1, org.problems().size(), org.problems().toString());
        WorkbookImportViewModel.ProblemRow p = org.problems().get(0);
        assertEquals("民警辅警", p.sheet());
        assertEquals("5", p.row());
        assertEquals("E（岗位）", p.column());
        assertEquals("“片警”不在可选值中：办案, 巡逻, 所领导, 指挥, 社区民警（或 CASE, COMMANDER, COMMUNITY_OFFICER, LEADER, "
                + "PATROL）", p.message(), "the core import's problem, said in the screen's language");
        assertEquals("organisation-bad.xlsx 有 1 处问题，未写入任何数据。请按下表修改文件后重新检查。",
                org.messageProperty().get());
        assertEquals(WorkbookImportViewModel.Tone.ERROR, org.toneProperty().get());
        assertFalse(org.canImportProperty().get(), "a file with a problem is not offered for import");
        assertFalse(org.busyProperty().get());
        assertEquals(0, count("SELECT COUNT(*) FROM bureau") + count("SELECT COUNT(*) FROM station")
                + count("SELECT COUNT(*) FROM officer") + count("SELECT COUNT(*) FROM team"), "nothing written");
        assertEquals(0, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT'"));
        assertEquals(State.MISSING, vm.status(Step.ORGANISATION).state());

        org.importChecked();
        assertEquals(0, count("SELECT COUNT(*) FROM officer"), "import does nothing without a clean check");
    }

    @Test
    void aCleanCheckThenAnImportMovesTheChecklistOn() {
        SetupViewModel vm = vm(ADMIN);
        vm.refresh();
        WorkbookImportViewModel org = vm.organisation();
        org.fileProperty().set(ORGANISATION);
        assertEquals("已选择 organisation.xlsx：请先检查，检查无误后才能导入。", org.messageProperty().get());
        assertFalse(org.canImportProperty().get());

        org.check();

        assertTrue(org.problems().isEmpty(), org.problems().toString());
        assertEquals("检查通过：organisation.xlsx 没有问题，可以导入。导入将会写入：分局：新增 1，更新 0，不变 0；"
                + "派出所和警务站：新增 3，更新 0，不变 0；队：新增 9，更新 0，不变 0；民警辅警：新增 22，更新 0，不变 0。",
                org.messageProperty().get());
        assertTrue(org.canImportProperty().get());
        assertEquals(0, count("SELECT COUNT(*) FROM officer"), "a check writes nothing");
        assertEquals(State.MISSING, vm.status(Step.ORGANISATION).state());

        org.importChecked();

        assertEquals(22, count("SELECT COUNT(*) FROM officer"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND actor = 'zhoumin'"));
        assertTrue(org.messageProperty().get().startsWith("已导入 organisation.xlsx：分局：新增 1，"),
                org.messageProperty().get());
        assertFalse(org.canImportProperty().get(), "imported: the next import needs a new check");
        assertEquals(new StepStatus(Step.ORGANISATION, State.DONE,
                "分局 1，派出所 2，警务站 1，队 9，民警辅警 22（其中社区民警 4）"), vm.status(Step.ORGANISATION));
        assertEquals(1, vm.doneProperty().get());

        WorkbookImportViewModel units = vm.units();
        units.fileProperty().set(UNITS);
        units.check();
        units.importChecked();
        assertEquals(new StepStatus(Step.UNITS, State.DONE, "巡逻单元 5 个"), vm.status(Step.UNITS));

        // Geography through the console's geo import: the sample police grids name no community officer yet.
        GeoImportViewModel streets = vm.geoImport(ImportLayer.STREETS);
        assertEquals(ImportLayer.STREETS, streets.layerProperty().get());
        streets.importFile(SAMPLES.resolve("streets.geojson"));
        assertEquals(new StepStatus(Step.GEOGRAPHY, State.PARTLY, "辖区边界 0，派出所辖区 0；街道 2，社区 0，微网格 0，警格 0；尚缺：警格"),
                vm.status(Step.GEOGRAPHY));
        GeoImportViewModel grids = vm.geoImport(ImportLayer.POLICE_GRIDS);
        grids.importFile(SAMPLES.resolve("police-grids.geojson"));
        assertEquals(new StepStatus(Step.GEOGRAPHY, State.PARTLY, "辖区边界 0，派出所辖区 0；街道 2，社区 0，微网格 0，警格 2，其中 2 个未指定社区民警"),
                vm.status(Step.GEOGRAPHY));
        db.jdbi().useHandle(h -> h.execute("UPDATE police_grid SET officer_id = (SELECT id FROM officer WHERE badge_no = '051004')"));
        vm.refresh();
        assertEquals(State.DONE, vm.status(Step.GEOGRAPHY).state());
        // The district's own boundary and the stations' areas are counted too.
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO district_boundary (code, name, boundary_wkt, datum) VALUES ('DI1', '城关县', "
                    + "'POLYGON ((103.9 29.2, 104.1 29.2, 104.1 29.3, 103.9 29.3, 103.9 29.2))', 'WGS84')");
            h.execute("UPDATE station SET boundary_wkt = 'POLYGON ((104 29.2, 104.1 29.2, 104.1 29.3, 104 29.3, 104 29.2))' "
                    + "WHERE code = 'PCS01'");
        });
        vm.refresh();
        assertTrue(vm.status(Step.GEOGRAPHY).detail().startsWith("辖区边界 1，派出所辖区 1；街道 2，"),
                vm.status(Step.GEOGRAPHY).detail());

        GeoImportViewModel cameras = vm.geoImport(ImportLayer.CAMERAS);
        cameras.importFile(SAMPLES.resolve("cameras.csv"));
        assertEquals(new StepStatus(Step.CAMERAS, State.DONE, "摄像头 4 个"), vm.status(Step.CAMERAS));

        WorkbookImportViewModel houses = vm.houses();
        houses.fileProperty().set(SAMPLES.resolve("houses/houses.xlsx"));
        houses.check();
        assertTrue(houses.messageProperty().get().contains("房屋门牌：新增 16，更新 0，不变 0"), houses.messageProperty().get());
        houses.importChecked();
        assertEquals(new StepStatus(Step.GAZETTEER, State.DONE, "门牌地址 16，地名 0"), vm.status(Step.GAZETTEER));

        new AccessService(db.jdbi(), clock, AccessGuard.trusted(), new PasswordHasher(), LockoutPolicy.defaults())
                .createFirstUsers(List.of(new AccessService.NewUser("zhoumin", "周敏",
                        Set.of(Role.ADMINISTRATOR, Role.COMMAND_LEADER), "admin-pass-1")), "ws-1");
        vm.refresh();
        assertEquals(new StepStatus(Step.USERS, State.PARTLY, "用户 1，尚无值班长"), vm.status(Step.USERS));
        assertEquals(5, vm.doneProperty().get());
    }

    @Test
    void importIsOfferedOnlyForTheCheckedFileUnchangedSinceItsCheck() throws IOException {
        SetupViewModel vm = vm(ADMIN);
        WorkbookImportViewModel org = vm.organisation();
        Path file = dir.resolve("organisation.xlsx");
        Files.copy(ORGANISATION, file);
        org.fileProperty().set(file);
        org.check();
        assertTrue(org.canImportProperty().get());

        Files.copy(withWrongPost(dir, "片警"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        org.importChecked();

        assertEquals("organisation.xlsx 在检查之后被修改过：请重新检查后再导入。", org.messageProperty().get());
        assertEquals(0, count("SELECT COUNT(*) FROM officer"), "the changed file was not imported");
        assertFalse(org.canImportProperty().get());

        org.check();
        assertFalse(org.canImportProperty().get(), "its check now finds the wrong cell");
        assertEquals(1, org.problems().size());

        org.fileProperty().set(ORGANISATION);
        org.check();
        assertTrue(org.canImportProperty().get());
        org.fileProperty().set(UNITS);
        assertFalse(org.canImportProperty().get(), "another file chosen: the check no longer stands");
        assertTrue(org.problems().isEmpty());
    }

    @Test
    void aRefusedCheckAndAFileThatIsNoWorkbookAreSaidInTheUsersWords() throws IOException {
        SetupViewModel refused = vm(DUTY);
        WorkbookImportViewModel org = refused.organisation();
        org.fileProperty().set(ORGANISATION);
        org.check();
        assertEquals("当前用户没有系统设置权限（需要管理员角色），未写入任何数据。此次拒绝已记入审计日志。",
                org.messageProperty().get());
        assertEquals(WorkbookImportViewModel.Tone.ERROR, org.toneProperty().get());
        assertFalse(org.canImportProperty().get());
        assertFalse(org.busyProperty().get());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'REFUSED' AND actor = 'liming'"));

        SetupViewModel vm = vm(ADMIN);
        Path csv = dir.resolve("units.xlsx");
        Files.writeString(csv, "呼号,类型\n城东01,巡逻车\n", StandardCharsets.UTF_8);
        WorkbookImportViewModel units = vm.units();
        units.fileProperty().set(csv);
        units.check();
        assertEquals("units.xlsx 不是 Excel 工作簿（.xlsx），或文件已损坏，未写入任何数据。请在 Excel 或 WPS 中填写模板，"
                + "另存为 .xlsx 后再试。", units.messageProperty().get());
        assertTrue(units.problems().isEmpty(), "the file as a whole is said, not as a table of one line");
        assertFalse(units.canImportProperty().get());

        Path gone = dir.resolve("gone.xlsx");
        units.fileProperty().set(gone);
        units.check();
        assertEquals("找不到文件 " + gone.toAbsolutePath() + "：它可能已被移动或删除。", units.messageProperty().get());
        assertEquals(0, count("SELECT COUNT(*) FROM patrol_unit"));
    }

    @Test
    void theChecklistAndTheOutcomeReadInEnglish() throws IOException {
        SetupViewModel vm = vm(ADMIN, I18n.load(Locale.ENGLISH));
        WorkbookImportViewModel org = vm.organisation();
        org.fileProperty().set(withWrongPost(dir, "片警"));
        org.check();
        assertEquals("organisation-bad.xlsx has 1 problem(s); nothing was written. Correct the file as the table says "
                + "and check it again.", org.messageProperty().get());
        assertEquals("E (岗位)", org.problems().get(0).column());

        org.fileProperty().set(ORGANISATION);
        org.check();
        org.importChecked();
        assertEquals("organisation.xlsx imported: bureau: 1 new, 0 changed, 0 unchanged; stations and posts: 3 new, "
                + "0 changed, 0 unchanged; teams: 9 new, 0 changed, 0 unchanged; officers and auxiliaries: 22 new, "
                + "0 changed, 0 unchanged.", org.messageProperty().get());
        assertEquals("Bureau 1, stations 2, posts 1, teams 9, officers and auxiliaries 22 (4 community officers)",
                vm.status(Step.ORGANISATION).detail());
        vm.geoImport(ImportLayer.POLICE_GRIDS).importFile(SAMPLES.resolve("police-grids.geojson"));
        assertEquals(new StepStatus(Step.GEOGRAPHY, State.PARTLY, "District boundary 0, station areas 0; Streets 0, "
                + "communities 0, micro-grids 0, police grids 2, 2 of them without a community officer; still missing: "
                + "streets"), vm.status(Step.GEOGRAPHY));
        assertEquals("Nothing imported yet", vm.status(Step.UNITS).detail());
        assertEquals("No user yet", vm.status(Step.USERS).detail());

        vm.units().writeTemplate(dir, p -> false);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("units.xlsx")))) {
            assertEquals("patrol units", wb.getSheetAt(0).getSheetName(), "an English console writes English headers");
        }
    }

    @Test
    void aTemplateIsWrittenAndOneAlreadyThereIsOverwrittenOnlyWhenTheUserSaysSo() throws IOException {
        SetupViewModel vm = vm(ADMIN);
        WorkbookImportViewModel org = vm.organisation();
        List<Path> asked = new ArrayList<>();

        org.writeTemplate(dir, p -> {
            asked.add(p);
            return false;
        });
        Path template = dir.resolve("organisation.xlsx");
        assertTrue(asked.isEmpty(), "nothing to overwrite yet");
        assertEquals("模板已写入 " + template.toAbsolutePath() + "。填好后用“选择文件”选中它，先检查再导入。",
                org.messageProperty().get());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(template))) {
            assertEquals("分局", wb.getSheetAt(0).getSheetName());
            assertEquals("编码*", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }

        Files.writeString(template, "filled in", StandardCharsets.UTF_8);
        org.writeTemplate(dir, p -> {
            asked.add(p);
            return false;
        });
        assertEquals(List.of(template), asked);
        assertEquals("filled in", Files.readString(template), "kept when the user says no");
        assertEquals("保留了已有的 " + template.toAbsolutePath() + "，未覆盖。", org.messageProperty().get());

        org.writeTemplate(dir, p -> true);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(template))) {
            assertEquals("民警辅警", wb.getSheetAt(4).getSheetName(), "overwritten with the template");
        }

        vm.units().writeTemplate(dir, p -> false);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("units.xlsx")))) {
            assertEquals("巡逻警力", wb.getSheetAt(0).getSheetName());
        }
        vm.houses().writeTemplate(dir.resolve("no-such-folder"), p -> false);
        assertEquals(WorkbookImportViewModel.Tone.ERROR, vm.houses().toneProperty().get());
        assertTrue(vm.houses().messageProperty().get().startsWith("无法写入模板 "), vm.houses().messageProperty().get());
        assertNull(vm.houses().lastResultProperty().get());
    }
}
