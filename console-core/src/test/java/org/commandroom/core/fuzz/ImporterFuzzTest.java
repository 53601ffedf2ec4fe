package org.commandroom.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.eido.EidoInvalid;
import org.commandroom.core.eido.EidoSchema;
import org.commandroom.core.eido.EidoService;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.io.CameraCsvReader;
import org.commandroom.core.geo.io.GbCatalogReader;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.GeoJsonAreaReader;
import org.commandroom.core.geo.io.ImportResult;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.org.OrgSheets;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitKind;

/**
 * Every file a user can open, made hostile (docs/IMPORT.md "limits"): whatever the mutation, each reader ends in a
 * named rejection (where and why) or a clean read, within bounded time, and never with an exception of its own or an
 * OutOfMemoryError. Pure readers: nothing is written, so nothing can be half-written (the imports write in one
 * transaction after reading). Each test prints its number of cases and how many were read and refused.
 */
class ImporterFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static IntakeFixture fx;
    private static EidoService eido;
    private static byte[] eidoSeed;

    @BeforeAll
    static void exportAnEido() {
        fx = new IntakeFixture(TestDatabases.h2());
        eido = new EidoService(fx.db.jdbi(), fx.clock, EidoSchema.load(), "qianwei.police.example", "console@ws1");
        Incident incident = fx.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1,
                IncidentType.FIGHT, 1, "两人打架，有人受伤"), "值班长").incident();
        fx.unit("城关01", UnitKind.CAR, fx.s1, GeoPoint.wgs84(29.214, 103.712), Duration.ofSeconds(5));
        UnitProposal p = fx.dispatch.propose(incident, 10).stream().filter(x -> !x.isOfficerOnly()).findFirst().orElseThrow();
        fx.dispatch.dispatch(incident, p, "值班长");
        eidoSeed = eido.export(incident.id(), "t").getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        fx.db.close();
    }

    private static <T> T within(Supplier<T> read, Mutations.Case c) {
        long start = System.nanoTime();
        T out = read.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, c + " took " + took);
        return out;
    }

    /** Runs {@code cases} mutations of {@code good} through {@code check}, which returns whether the file was read. */
    private static void fuzz(String what, byte[] good, String open, String close, int cases,
                             java.util.function.Predicate<Mutations.Case> check) {
        int read = 0;
        for (long n = 0; n < cases; n++) {
            if (check.test(Mutations.of(good, open, close, n))) {
                read++;
            }
        }
        System.out.printf("FUZZ %s: %d cases, %d read, %d refused with where and why%n", what, cases, read, cases - read);
    }

    private static boolean named(ImportResult<?> r, Mutations.Case c) {
        if (!r.accepted()) {
            assertFalse(r.problems().isEmpty());
            r.problems().forEach(p -> assertTrue(!p.where().isBlank() && !p.reason().isBlank(), c + ": " + p));
        }
        return r.accepted();
    }

    // ---- GB/T 28181 catalogue -------------------------------------------------------------------------------------

    static byte[] catalogue() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>"
                + "\r\n<SN>7</SN>\r\n<DeviceID>44030600002000000001</DeviceID>\r\n<SumNum>3</SumNum>\r\n<DeviceList Num=\"3\">\r\n");
        for (int i = 1; i <= 3; i++) {
            sb.append("<Item><DeviceID>4403060000132000000").append(i).append("</DeviceID><Name>新安路口").append(i)
                    .append("</Name><Manufacturer>海康</Manufacturer><Status>ON</Status><Longitude>113.88").append(i)
                    .append("</Longitude><Latitude>22.55").append(i).append("</Latitude><Info><PTZType>1</PTZType></Info></Item>\r\n");
        }
        sb.append("</DeviceList>\r\n</Response>\r\n");
        return sb.toString().getBytes(Charset.forName("GB2312"));
    }

    @Test
    void aHostileCatalogueIsReadOrRefusedWithWhereAndWhy() {
        GbCatalogReader reader = new GbCatalogReader(new GbCatalogReader.Settings(Datum.WGS84, GeoImportService.Settings.CHINA,
                CameraKind.SKYNET, Map.of()));
        fuzz("GB/T 28181 catalogue", catalogue(), "<a>", "</a>", 400, c -> {
            GbCatalogReader.Result r = within(() -> reader.read(c.bytes()), c);
            r.problems().forEach(p -> assertTrue(!p.where().isBlank() && !p.reason().isBlank(), c + ": " + p));
            r.skipped().forEach(p -> assertTrue(p.where().contains("line"), c + ": " + p));
            return r.accepted();
        });
    }

    // ---- camera CSV ------------------------------------------------------------------------------------------------

    @Test
    void aHostileCameraListIsReadOrRefusedWithItsLine() {
        String csv = "id,name,lon,lat,type\n44030600001320000001,新安路口东,113.8831,22.5551,天网\n"
                + "44030600001320000002,\"宝城, 广场\",113.8902,22.5603,雪亮\n44030600001320000003,社区北门,113.9,22.56,社会\n";
        CameraCsvReader reader = new CameraCsvReader(new CameraCsvReader.Settings(Datum.WGS84, GeoImportService.Settings.CHINA));
        fuzz("camera CSV", csv.getBytes(StandardCharsets.UTF_8), "\"", "\"", 400,
                c -> named(within(() -> reader.read(c.bytes()), c), c));
    }

    // ---- GeoJSON boundaries ----------------------------------------------------------------------------------------

    @Test
    void aHostileBoundaryFileIsReadOrRefusedWithWhereAndWhy() throws Exception {
        GeoJsonAreaReader reader = new GeoJsonAreaReader(GeoJsonAreaReader.Settings.withUsualNames(Datum.WGS84,
                GeoImportService.Settings.CHINA));
        fuzz("GeoJSON boundaries", Files.readAllBytes(Path.of("src/test/resources/geo/areas-cw.geojson")), "[", "]", 400,
                c -> named(within(() -> reader.read(c.bytes()), c), c));
    }

    // ---- EIDO ------------------------------------------------------------------------------------------------------

    @Test
    void aHostileEidoIsReadOrRefusedWithItsJsonPath() {
        fuzz("EIDO", eidoSeed, "[", "]", 400, c -> {
            String text = new String(c.bytes(), StandardCharsets.UTF_8);
            try {
                within(() -> eido.parse(text), c);
                return true;
            } catch (EidoInvalid e) {
                assertFalse(e.problems().isEmpty(), c.toString());
                e.problems().forEach(p -> assertTrue(p.path().startsWith("$") && !p.message().isBlank(), c + ": " + p));
                return false;
            }
        });
    }

    // ---- CAP 1.2 alert ---------------------------------------------------------------------------------------------

    @Test
    void aHostileCapAlertIsReadOrRefusedWithItsElementPath() {
        org.commandroom.core.cap.CapReader reader = new org.commandroom.core.cap.CapReader(
                org.commandroom.core.cap.CapSchema.load());
        java.time.OffsetDateTime sent = java.time.OffsetDateTime.parse("2026-12-07T19:05:00+08:00");
        byte[] seed = org.commandroom.core.cap.CapWriter.write(new org.commandroom.core.cap.CapAlert("W1",
                "weather@meteo.example", sent, org.commandroom.core.cap.CapAlert.Status.Actual,
                org.commandroom.core.cap.CapAlert.MsgType.Alert, org.commandroom.core.cap.CapAlert.Scope.Public, null,
                null, null, List.of(), List.of(new org.commandroom.core.cap.CapInfo("zh-CN",
                List.of(org.commandroom.core.cap.CapInfo.Category.Met), "暴雨蓝色预警",
                org.commandroom.core.cap.CapInfo.Urgency.Expected, org.commandroom.core.cap.CapInfo.Severity.Moderate,
                org.commandroom.core.cap.CapInfo.Certainty.Likely, "城关县暴雨", "未来12小时降雨50毫米以上。", null,
                sent.plusHours(12), List.of(new org.commandroom.core.cap.CapArea("城关县",
                List.of(List.of(new org.commandroom.core.cap.CapArea.Point(29.2, 103.7),
                        new org.commandroom.core.cap.CapArea.Point(29.2, 103.8),
                        new org.commandroom.core.cap.CapArea.Point(29.3, 103.8),
                        new org.commandroom.core.cap.CapArea.Point(29.2, 103.7))),
                List.of(new org.commandroom.core.cap.CapArea.Circle(
                        new org.commandroom.core.cap.CapArea.Point(29.21, 103.73), 15))))))));
        fuzz("CAP 1.2 alert", seed, "<a>", "</a>", 400, c -> {
            try {
                within(() -> reader.read(c.bytes()), c);
                return true;
            } catch (org.commandroom.core.cap.CapInvalid e) {
                assertFalse(e.problems().isEmpty(), c.toString());
                e.problems().forEach(p -> assertTrue(p.path().startsWith("/") && !p.message().isBlank(), c + ": " + p));
                return false;
            }
        });
    }

    // ---- unit workbook (.xlsx: a zip) ------------------------------------------------------------------------------

    @Test
    void aHostileWorkbookIsReadOrRefusedInWords() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(OrgSheets.Book.UNITS, java.util.Locale.SIMPLIFIED_CHINESE, Map.of(), out);
        fuzz("unit workbook .xlsx", out.toByteArray(), "<a>", "</a>", 200, c -> {
            OrgWorkbook.Read r = within(() -> OrgWorkbook.read(OrgSheets.Book.UNITS, c.bytes(), "units.xlsx"), c);
            r.problems().stream().flatMap(p -> java.util.stream.Stream.of(p.toString(), p.text(java.util.Locale.CHINA)))
                    .forEach(p -> assertFalse(p.isBlank() || p.contains("Exception") || p.contains("\tat "), c + ": " + p));
            return r.problems().isEmpty();
        });
    }
}
