package org.commandroom.core.fuzz;

import static org.commandroom.core.fuzz.Hostile.inWords;
import static org.commandroom.core.fuzz.Hostile.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapArea;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapInfo;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapWriter;
import org.commandroom.core.drill.ScenarioInvalid;
import org.commandroom.core.drill.ScenarioLoader;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.DistrictEnvelope;
import org.commandroom.core.geo.io.ImportProblem;
import org.commandroom.core.geo.io.PlaceImportService;
import org.commandroom.core.geo.io.PlaceKind;
import org.commandroom.core.history.HistoryTable;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.prevention.ModelAlertService;
import org.commandroom.core.prevention.tasks.StandardTaskLibrary;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text files a user can open that ImporterFuzzTest does not cover, made hostile by {@link Mutations}: calls CSV
 * and JSON, the history CSV, meter readings, the standard-task CSV, places CSV and GeoJSON, drill scenarios and the
 * CAP folder. Each case ends in a read or a refusal in words that says where, within bounded time; the importers that
 * write run on the real H2 schema, and a refused file leaves every table with the rows it had (the call feed, which
 * keeps each good row, also writes its audit line; a feed with no row kept changes nothing else).
 */
class FileFuzzTest {

    /** Cases per file: the whole class must stay within a few seconds of CI. */
    private static final int CASES = 30;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static IntakeFixture fx;

    @TempDir
    static Path dir;

    private static long processCpu;
    private static long wall;

    @BeforeAll
    static void open() {
        processCpu = Hostile.processCpu();
        wall = System.nanoTime();
        fx = new IntakeFixture(TestDatabases.h2());
    }

    @AfterAll
    static void close() {
        System.out.printf(Locale.ROOT, "FUZZ %s in all: %.1f s, %.1f s CPU of the whole JVM%n", "text files",
                (System.nanoTime() - wall) / 1e9, (Hostile.processCpu() - processCpu) / 1e9);
        fx.db.close();
    }

    /** What one case came to: read or not, every problem as the user reads it. */
    record Outcome(boolean read, List<String> said) {
        static Outcome ok() {
            return new Outcome(true, List.of());
        }
    }

    /**
     * Runs {@link #CASES} mutations of {@code good}; {@code writes}: after each refusal the tables are as they were
     * ({@code besides}: tables a refusal may add to, as an audit line).
     */
    private static void fuzz(String what, byte[] good, String open, String close, boolean writes,
                             List<String> besides, Function<Mutations.Case, Outcome> reader) {
        long cpu = Hostile.cpu();
        Outcome seed = reader.apply(new Mutations.Case(-1, "as made", good));
        assertTrue(seed.read(), what + ": the good file itself is not read: " + seed.said());
        int read = 0;
        for (long n = 0; n < CASES; n++) {
            Mutations.Case c = Mutations.of(good, open, close, n);
            Map<String, Long> before = writes ? without(Hostile.rows(fx.db.jdbi()), besides) : null;
            Outcome o;
            try {
                o = within(() -> reader.apply(c), c);
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw new AssertionError(c + " ended in " + e, e);
            }
            o.said().forEach(s -> inWords(s, c));
            if (o.read()) {
                read++;
            } else {
                assertFalse(o.said().isEmpty(), c + ": refused without a word");
                if (writes) {
                    assertEquals(before, without(Hostile.rows(fx.db.jdbi()), besides), c + ": a refused file changed the tables");
                }
            }
        }
        Hostile.print(what, CASES, read, "", cpu);
    }

    private static Map<String, Long> without(Map<String, Long> rows, List<String> tables) {
        Map<String, Long> out = new TreeMap<>(rows);
        tables.forEach(t -> out.remove(t.toUpperCase(Locale.ROOT)));
        return out;
    }

    private static Path file(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> both(List<ImportProblem> problems) {
        List<String> said = new ArrayList<>();
        problems.forEach(p -> {
            said.add(p.message(ZH));
            said.add(p.message(Locale.ENGLISH));
        });
        return said;
    }

    private static Outcome sheets(OrgImportResult r) {
        List<String> said = new ArrayList<>();
        for (SheetProblem p : r.sheetProblems()) {
            said.add(p.toString());
            said.add(p.text(ZH));
        }
        return new Outcome(r.accepted(), said);
    }

    // ---- calls CSV and JSON (the call feed) ------------------------------------------------------------------------

    private static CallFiles callFiles() {
        return new CallFiles(fx.db.jdbi(), fx.clock, fx.intake, new BulkIntake(fx.intake, fx.clock), "qianwei.police.example",
                "ws1");
    }

    private static Outcome calls(CallFiles files, Path file) {
        try {
            BulkIntake.Report r = files.importCalls(file, "值班长");
            List<String> said = new ArrayList<>();
            for (BulkIntake.RowProblem p : r.problems()) {
                assertTrue(p.line() >= 0, p.toString());
                said.add(p.reason());
            }
            return new Outcome(!r.imported().isEmpty() || r.problems().isEmpty(), said);
        } catch (CallFiles.BadFile e) {
            assertNotNull(e.kind());
            return new Outcome(false, List.of(e.kind().name()));
        }
    }

    @Test
    void aHostileCallFeedCsvKeepsItsGoodRowsOrRefusesWithLines() {
        CallFiles files = callFiles();
        String csv = "incident_no,received_at,caller_number,address,lat,lon,type,priority,description\n"
                + "QW2026001,2026-11-23T09:10:00+08:00,13800001234,南关小区3栋,29.214,103.712,FIGHT,1,两人打架\n"
                + "QW2026002,2026-11-23T09:20:00+08:00,13800005678,\"北关街12号, 二楼\",29.221,103.705,THEFT,2,电动车被盗\n";
        fuzz("calls CSV", csv.getBytes(StandardCharsets.UTF_8), "\"", "\"", true, List.of("audit_log"),
                c -> calls(files, file("calls.csv", c.bytes())));
    }

    @Test
    void aHostileCallFeedJsonKeepsItsGoodRowsOrRefusesWithLines() {
        CallFiles files = callFiles();
        String json = "{\"incidents\": [{\"incident_no\": \"QW2026101\", \"received_at\": \"2026-11-23T09:10:00+08:00\","
                + " \"caller_number\": \"13800001234\", \"address\": \"南关小区3栋\", \"lat\": 29.214, \"lon\": 103.712,"
                + " \"type\": \"FIGHT\", \"priority\": 1, \"description\": \"两人打架\"},\n {\"incident_no\": \"QW2026102\","
                + " \"received_at\": \"2026-11-23T09:20:00+08:00\", \"address\": \"北关街12号\", \"lat\": 29.221,"
                + " \"lon\": 103.705, \"type\": \"THEFT\", \"priority\": 2}]}";
        fuzz("calls JSON", json.getBytes(StandardCharsets.UTF_8), "[", "]", true, List.of("audit_log"),
                c -> calls(files, file("calls.json", c.bytes())));
    }

    // ---- history CSV ----------------------------------------------------------------------------------------------

    @Test
    void aHostileHistoryCsvIsReadOrRefusedWithAReason() {
        StringBuilder csv = new StringBuilder("警情编号,接警时间,类别,地址,经度,纬度\n");
        for (int r = 1; r <= 12; r++) {
            csv.append("J2025").append(1000 + r).append(",2025-03-1").append(r % 10).append(" 08:10:00,")
                    .append(r % 2 == 0 ? "打架斗殴" : "\"盗窃, 电动车\"").append(",南关街").append(r).append("号,")
                    .append(103.71 + r / 1000.0).append(',').append(29.21 + r / 1000.0).append('\n');
        }
        fuzz("history CSV", csv.toString().getBytes(StandardCharsets.UTF_8), "\"", "\"", false, List.of(), c -> {
            try {
                HistoryTable t = HistoryTable.read(c.bytes(), "history.csv");
                assertEquals(t.rows().size(), t.lines().size());
                return Outcome.ok();
            } catch (HistoryTable.Unreadable u) {
                assertNotNull(u.why());
                return new Outcome(false, List.of(u.getMessage()));
            }
        });
    }

    // ---- meter readings --------------------------------------------------------------------------------------------

    @Test
    void aHostileMeterReadingFileIsImportedOrRefusedAndNothingIsHalfWritten() {
        ModelAlertService service = new ModelAlertService(fx.db.jdbi(), fx.clock, fx.orders, AccessGuard.trusted());
        String csv = "表号,地址,门牌号,抄表日期,读数\nM1,南关街,1号,2026-09-01,10.5\nM1,南关街,1号,2026-10-01,12.25\n"
                + "M2,\"北关街, 后院\",3号,2026-10-01,7\n";
        fuzz("meter readings CSV", csv.getBytes(StandardCharsets.UTF_8), "\"", "\"", true, List.of(), c -> {
            ModelAlertService.Result r = service.importReadings(c.bytes(), "readings.csv", "admin", false);
            return new Outcome(r.accepted(), both(r.problems()));
        });
    }

    // ---- standard-task library (CSV) -------------------------------------------------------------------------------

    @Test
    void aHostileStandardTaskCsvIsImportedOrRefusedAndNothingIsHalfWritten() {
        StandardTaskLibrary library = new StandardTaskLibrary(fx.db.jdbi(), fx.clock, AccessGuard.trusted());
        String csv = "编码,名称,英文名称,牵头部门,任务依据,任务措施,办结标准,时限,反馈项\n"
                + "ZA-01,矛盾纠纷回访,Follow-up,社区警务队,治安管理处罚法,\"三日内回访, 当事人\",回访记录入档,3天,回访时间；当事人意见\n"
                + "ZA-02,重点人员走访,Visit,社区警务队,工作规定,走访核查,记录入档,24小时,走访时间\n";
        fuzz("standard-task library CSV", csv.getBytes(StandardCharsets.UTF_8), "\"", "\"", true, List.of(),
                c -> sheets(library.importFile(c.bytes(), "standard-tasks.csv", "admin", false)));
    }

    // ---- places: CSV and GeoJSON -----------------------------------------------------------------------------------

    private static PlaceImportService places() {
        return new PlaceImportService(fx.db.jdbi(), fx.recorder, fx.clock, new DistrictEnvelope(29.0, 103.5, 29.5, 104.2),
                AccessGuard.trusted());
    }

    @Test
    void aHostilePlaceListIsImportedOrRefusedAndNothingIsHalfWritten() {
        PlaceImportService service = places();
        String csv = "name,code,kind,lon,lat,station,grid\n城关中学,ZD01,学校,103.712,29.214,,\n"
                + "\"南关, 医院\",ZD02,医院,103.715,29.216,,\n";
        fuzz("places CSV", csv.getBytes(StandardCharsets.UTF_8), "\"", "\"", true, List.of(), c -> {
            PlaceImportService.Outcome o = service.importContent(new PlaceImportService.Request(PlaceKind.KEY_PLACE,
                    Datum.WGS84, "admin", false), "重点场所.csv", c.bytes());
            return new Outcome(o.accepted(), both(o.problems()));
        });
    }

    @Test
    void aHostilePlaceGeoJsonIsImportedOrRefusedAndNothingIsHalfWritten() {
        PlaceImportService service = places();
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"城关中学\","
                + "\"code\":\"ZD11\",\"kind\":\"学校\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[103.712,29.214]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"南关医院\",\"kind\":\"医院\"},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[103.715,29.216]}}]}";
        fuzz("places GeoJSON", json.getBytes(StandardCharsets.UTF_8), "[", "]", true, List.of(), c -> {
            PlaceImportService.Outcome o = service.importContent(new PlaceImportService.Request(PlaceKind.KEY_PLACE,
                    Datum.WGS84, "admin", false), "重点场所.geojson", c.bytes());
            return new Outcome(o.accepted(), both(o.problems()));
        });
    }

    // ---- drill scenario (YAML) -------------------------------------------------------------------------------------

    @Test
    void aHostileDrillScenarioIsReadOrRefusedWithItsLine() throws IOException {
        ScenarioLoader loader = new ScenarioLoader();
        byte[] seed;
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(ScenarioLoader.BUNDLED + ScenarioLoader.BUNDLED_FILES.get(0))) {
            seed = in.readAllBytes();
        }
        fuzz("drill scenario YAML", seed, "[", "]", false, List.of(), c -> {
            try {
                loader.parse("drill.yaml", new String(c.bytes(), StandardCharsets.UTF_8));
                return Outcome.ok();
            } catch (ScenarioInvalid e) {
                assertTrue(e.line() >= 0, c + ": " + e.getMessage());
                return new Outcome(false, List.of(e.getMessage()));
            }
        });
    }

    // ---- prevention-index definition (YAML in the data directory) ---------------------------------------------------

    @Test
    void aHostileIndexDefinitionIsTakenOrRefusedAndTheOldOneStays() throws IOException {
        org.commandroom.core.index.IndexDefinitions defs = org.commandroom.core.index.IndexDefinitions.withDefault();
        byte[] seed;
        try (InputStream in = org.commandroom.core.index.IndexDefinitions.class.getResourceAsStream(
                org.commandroom.core.index.IndexDefinitions.DEFAULT_RESOURCE)) {
            seed = in.readAllBytes();
        }
        fuzz("prevention-index definition YAML", seed, "[", "]", false, List.of(), c -> {
            var before = defs.current();
            var r = defs.reload(new java.io.ByteArrayInputStream(c.bytes()), "prevention-index.yaml");
            if (r.accepted()) {
                return Outcome.ok();
            }
            assertTrue(before == defs.current(), c + ": the definition in force changed on a refusal");
            return new Outcome(false, List.of(r.problem()));
        });
    }

    // ---- EIDO incident-type table (the bureau's file in the data directory) -------------------------------------------

    @Test
    void aHostileEidoTypeTableIsTakenLineByLineOrLeftForTheDefault() throws IOException {
        byte[] seed = "# 本局的 EIDO 类型对照\nFIGHT = FIGHT\nTHEFT=ebike_theft\n* = SUSPICIOUS_PERSON\n".getBytes(StandardCharsets.UTF_8);
        org.commandroom.core.eido.EidoTypeMap bundled = org.commandroom.core.eido.EidoTypeMap.bundled();
        fuzz("EIDO incident-type table", seed, "[", "]", false, List.of(), c -> {
            var map = org.commandroom.core.eido.EidoTypeMap.withBureauFile(
                    file(org.commandroom.core.eido.EidoTypeMap.BUREAU_FILE, c.bytes()));
            List<String> said = new ArrayList<>(map.ignored());
            said.removeAll(bundled.ignored());
            said.forEach(s -> assertTrue(s.startsWith(org.commandroom.core.eido.EidoTypeMap.BUREAU_FILE), c + ": " + s));
            return new Outcome(said.isEmpty(), said);
        });
        Path huge = dir.resolve("huge-" + org.commandroom.core.eido.EidoTypeMap.BUREAU_FILE);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: read whole, it was an OutOfMemoryError
        }
        var map = within(() -> org.commandroom.core.eido.EidoTypeMap.withBureauFile(huge), "a 3 GB table");
        assertTrue(map.ignored().stream().anyMatch(s -> s.contains("larger than")), map.ignored().toString());
    }

    // ---- the CAP folder --------------------------------------------------------------------------------------------

    @Test
    void aHostileFileInTheCapFolderIsStoredOrSetAsideAndNothingIsHalfWritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cap-in"));
        CapInbox inbox = new CapInbox(fx.db.jdbi(), fx.clock, folder, new CapReader(CapSchema.load()), AccessGuard.trusted());
        OffsetDateTime sent = fx.clock.instant().atOffset(ZoneOffset.ofHours(8));
        int[] n = {0};
        fuzz("CAP folder", capSeed(sent), "<a>", "</a>", true, List.of(), c -> {
            String name = "alert-" + (n[0]++) + ".xml";
            file("cap-in/" + name, c.bytes());
            CapInbox.Poll p = inbox.poll("值班长");
            assertFalse(Files.exists(folder.resolve(name)), c + ": left in the folder");
            if (p.refused().isEmpty()) {
                return Outcome.ok();
            }
            List<String> said = new ArrayList<>();
            p.refused().forEach(r -> r.problems().forEach(x -> {
                assertTrue(x.path().startsWith("/"), c + ": " + x);
                said.add(x.message());
            }));
            return new Outcome(false, said);
        });
    }

    private static byte[] capSeed(OffsetDateTime sent) {
        return CapWriter.write(new CapAlert("W1", "weather@meteo.example", sent, CapAlert.Status.Actual,
                CapAlert.MsgType.Alert, CapAlert.Scope.Public, null, null, null, List.of(), List.of(new CapInfo("zh-CN",
                List.of(CapInfo.Category.Met), "暴雨蓝色预警", CapInfo.Urgency.Expected, CapInfo.Severity.Moderate,
                CapInfo.Certainty.Likely, "城关县暴雨", "未来12小时降雨50毫米以上。", null, sent.plus(Duration.ofHours(12)),
                List.of(new CapArea("城关县", List.of(List.of(new CapArea.Point(29.2, 103.7), new CapArea.Point(29.2, 103.8),
                        new CapArea.Point(29.3, 103.8), new CapArea.Point(29.2, 103.7))),
                        List.of(new CapArea.Circle(new CapArea.Point(29.21, 103.73), 15))))))));
    }
}
