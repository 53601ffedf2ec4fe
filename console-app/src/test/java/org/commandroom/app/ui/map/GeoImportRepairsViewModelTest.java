package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.GeometryRepair;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.ImportOutcome;
import org.commandroom.core.live.ChangeRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import window's state for repaired boundaries, on a real H2 and the real import, every job run in line: a file
 * that imports only repaired waits for consent with its repairs listed; accepting imports the bytes that were checked
 * with the same layer and datum; and a repair reads in the user's language.
 */
class GeoImportRepairsViewModelTest {

    /** Two streets of 犍为 (GCJ-02): 城东 with a spike off its northern edge, 城西 with a vertex written twice. */
    static final String REPAIRABLE = "[{\"type\":\"Feature\",\"properties\":{\"name\":\"城东街道\"},\"geometry\":{\"type\":"
            + "\"Polygon\",\"coordinates\":[[[104.0,29.2],[104.1,29.2],[104.1,29.3],[104.05,29.3],[104.05,29.35],"
            + "[104.05,29.3],[104.0,29.3],[104.0,29.2]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"name\":\"城西街道\"},\"geometry\":{\"type\":\"MultiPolygon\","
            + "\"coordinates\":[[[[103.9,29.2],[104.0,29.2],[104.0,29.2],[104.0,29.3],[103.9,29.3],[103.9,29.2]]]]}}]";

    @TempDir
    Path dir;

    private Fixture fx;
    private GeoImportViewModel vm;
    private final I18n zh = I18n.load(Locale.ROOT);
    private final I18n en = I18n.load(Locale.ENGLISH);

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        GeoImportService service = new GeoImportService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "ws-3"), fx.clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA));
        vm = new GeoImportViewModel(service::importContent, new Tasks(Runnable::run, Runnable::run), "值班员");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private long count(String sql) {
        return fx.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void theWindowOpensOnTheDistrictTheLayerABureauImportsFirst() {
        // The trial found it open on 街道: a district boundary chosen without looking went in as a street.
        assertEquals(ImportChoice.DISTRICT, vm.choiceProperty().get());
        assertEquals(ImportLayer.DISTRICT, vm.layerProperty().get());
    }

    @Test
    void aFileThatImportsOnlyRepairedWaitsForConsentAndAcceptingImportsTheBytesThatWereChecked() throws Exception {
        Path file = Files.writeString(dir.resolve("区界.geojson"), REPAIRABLE, StandardCharsets.UTF_8);
        vm.layerProperty().set(ImportLayer.STREETS);
        vm.datumProperty().set(Datum.GCJ02);

        vm.importFile(file);

        ImportOutcome.NeedsRepairConsent ask = assertInstanceOf(ImportOutcome.NeedsRepairConsent.class,
                vm.outcomeProperty().get());
        assertEquals(List.of("城东街道", "城西街道"), vm.repairs().stream().map(GeometryRepair::name).toList());
        assertEquals(ask.repairs(), vm.repairs());
        assertTrue(vm.canAcceptRepairsProperty().get());
        assertEquals(0, count("SELECT COUNT(*) FROM street"));

        // what the user looked at is what gets written: the file changed on disk meanwhile, the layer and datum too
        Files.writeString(file, "not even JSON", StandardCharsets.UTF_8);
        vm.layerProperty().set(ImportLayer.PATROL_ZONES);
        vm.datumProperty().set(Datum.WGS84);
        vm.acceptRepairsAndImport();

        ImportOutcome.Imported done = assertInstanceOf(ImportOutcome.Imported.class, vm.outcomeProperty().get());
        assertEquals(ImportLayer.STREETS, done.layer());
        assertEquals(2, done.inserted());
        assertEquals(2, vm.repairs().size(), "the repairs written stay listed");
        assertFalse(vm.canAcceptRepairsProperty().get());
        assertEquals(2, count("SELECT COUNT(*) FROM street WHERE datum = 'GCJ02'"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT' AND detail LIKE "
                + "'%2 boundary repair(s) accepted: feature 0 (城东街道)%'"));

        vm.acceptRepairsAndImport();
        assertEquals(done, vm.outcomeProperty().get(), "nothing waits for consent any more: nothing runs again");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'IMPORT'"));
    }

    @Test
    void aShapefileIsImportedWithTheFilesBesideItAndItsRepairAcceptedFromTheBytesThatWereChecked() throws Exception {
        // converted by GDAL from a public boundary (console-core test resources geo/shp/README.md); GBK, no .cpg
        Path source = Path.of("..", "console-core", "src", "test", "resources", "geo", "shp");
        for (String ext : List.of("shp", "shx", "dbf", "prj")) {
            Files.copy(source.resolve("qianwei-gbk." + ext), dir.resolve("犍为县." + ext.toUpperCase(Locale.ROOT)));
        }
        Path shp = dir.resolve("犍为县.SHP");
        vm.layerProperty().set(ImportLayer.DISTRICT);
        vm.datumProperty().set(Datum.GCJ02);

        vm.importFile(shp);

        ImportOutcome.NeedsRepairConsent ask = assertInstanceOf(ImportOutcome.NeedsRepairConsent.class,
                vm.outcomeProperty().get(), () -> vm.outcomeProperty().get().toString());
        assertEquals("record 1 (犍为县)", ask.repairs().get(0).where());
        assertTrue(ask.notes().contains("attributes read as GBK (no .cpg; the bytes are not valid UTF-8)"), ask.notes()::toString);
        Files.delete(dir.resolve("犍为县.DBF")); // what was checked is what is written, not what is on disk now
        vm.acceptRepairsAndImport();

        assertInstanceOf(ImportOutcome.Imported.class, vm.outcomeProperty().get());
        assertEquals(1, count("SELECT COUNT(*) FROM district_boundary WHERE name = '犍为县' AND datum = 'GCJ02'"));
    }

    @Test
    void aValidFileImportsAtOnceWithNoRepairsAndNothingToAccept() throws Exception {
        Path file = Files.writeString(dir.resolve("streets.geojson"), "[{\"type\":\"Feature\",\"properties\":{\"name\":"
                + "\"城东街道\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[104.0,29.2],[104.1,29.2],[104.1,29.3],"
                + "[104.0,29.3],[104.0,29.2]]]}}]", StandardCharsets.UTF_8);
        vm.importFile(file);
        assertInstanceOf(ImportOutcome.Imported.class, vm.outcomeProperty().get());
        assertEquals(List.of(), vm.repairs());
        assertFalse(vm.canAcceptRepairsProperty().get());
    }

    @Test
    void aRepairReadsInTheUsersLanguageWithTheFeatureWhatWhereAndTheAreaBeforeAndAfter() {
        GeometryRepair parts = new GeometryRepair(0, "犍为县", "feature 0 (犍为县)", List.of(new GeometryRepair.Defect(
                GeometryRepair.Kind.PARTS_INTERSECT, null, "Self-intersection", 104.132507, 29.399626, 1)),
                1370.1387, 1370.1387, 3, 2);
        GeometryRepair bowTie = new GeometryRepair(4, null, "feature 4", List.of(
                new GeometryRepair.Defect(GeometryRepair.Kind.REPEATED_POINTS, 1, "repeated consecutive positions",
                        104.0, 29.2, 2),
                new GeometryRepair.Defect(GeometryRepair.Kind.SELF_INTERSECTION, 1, "Self-intersection", 104.05, 29.25, 1)),
                1.2, 1.5, 2, 3);
        GeometryRepair other = new GeometryRepair(7, "甲", "feature 7 (甲)", List.of(new GeometryRepair.Defect(
                GeometryRepair.Kind.OTHER, null, "Invalid Coordinate", 104.0, 29.2, 1)), 0, 0.5, 1, 1);

        RepairText text = new RepairText(zh);
        assertEquals("要素 0（犍为县）：多个部分相互交叉、重叠或共用边界，位于 104.132507,29.399626；面积 1,370.14 → 1,370.14 平方公里"
                + "（0.00%），3 个部分 → 2 个", text.line(parts));
        assertEquals("要素 4（无名称）：第 1 部分：删除了 2 个连续重复的顶点（第一个位于 104,29.2）；第 1 部分：边界自相交，位于 104.05,29.25；"
                + "面积 1.20 → 1.50 平方公里（+25.00%），2 个部分 → 3 个", text.line(bowTie));
        assertEquals("要素 7（甲）：其他几何错误（Invalid Coordinate），位于 104,29.2；面积 0 → 0.50 平方公里（修复前面积为零，无法比较）",
                text.line(other));

        RepairText english = new RepairText(en);
        assertEquals("Feature 0 (犍为县): Parts cross, overlap or share an edge at 104.132507,29.399626; area 1,370.14 → "
                + "1,370.14 km² (0.00%), 3 parts → 2", english.line(parts));
        assertEquals("Feature 4 (no name): part 1: 2 repeated consecutive vertices dropped (the first at 104,29.2); "
                + "part 1: Boundary crosses itself at 104.05,29.25; area 1.20 → 1.50 km² (+25.00%), 2 parts → 3",
                english.line(bowTie));
        assertEquals("-10.00%", english.change(new GeometryRepair(1, "乙", "feature 1 (乙)", parts.defects(), 10, 9, 1, 1)));
    }
}
