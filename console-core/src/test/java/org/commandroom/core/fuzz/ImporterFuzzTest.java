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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
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
 * transaction after reading). jqwik prints each property's number of tries and the spread of outcomes.
 */
class ImporterFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static IntakeFixture fx;
    private static EidoService eido;
    private static byte[] eidoSeed;

    @BeforeContainer
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

    @AfterContainer
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

    private static void named(ImportResult<?> r, Mutations.Case c) {
        Statistics.collect(r.accepted() ? "read" : "refused");
        if (!r.accepted()) {
            assertFalse(r.problems().isEmpty());
            r.problems().forEach(p -> assertTrue(!p.where().isBlank() && !p.reason().isBlank(), c + ": " + p));
        }
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

    @Provide
    Arbitrary<Mutations.Case> catalogues() {
        return Mutations.of(catalogue(), "<a>", "</a>");
    }

    @Property(tries = 400)
    void aHostileCatalogueIsReadOrRefusedWithWhereAndWhy(@ForAll("catalogues") Mutations.Case c) {
        GbCatalogReader reader = new GbCatalogReader(new GbCatalogReader.Settings(Datum.WGS84, GeoImportService.Settings.CHINA,
                CameraKind.SKYNET, Map.of()));
        GbCatalogReader.Result r = within(() -> reader.read(c.bytes()), c);
        Statistics.collect(r.accepted() ? "read" : "refused");
        r.problems().forEach(p -> assertTrue(!p.where().isBlank() && !p.reason().isBlank(), c + ": " + p));
        r.skipped().forEach(p -> assertTrue(p.where().contains("line"), c + ": " + p));
    }

    // ---- camera CSV ------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Mutations.Case> cameraLists() {
        String csv = "id,name,lon,lat,type\n44030600001320000001,新安路口东,113.8831,22.5551,天网\n"
                + "44030600001320000002,\"宝城, 广场\",113.8902,22.5603,雪亮\n44030600001320000003,社区北门,113.9,22.56,社会\n";
        return Mutations.of(csv.getBytes(StandardCharsets.UTF_8), "\"", "\"");
    }

    @Property(tries = 400)
    void aHostileCameraListIsReadOrRefusedWithItsLine(@ForAll("cameraLists") Mutations.Case c) {
        CameraCsvReader reader = new CameraCsvReader(new CameraCsvReader.Settings(Datum.WGS84, GeoImportService.Settings.CHINA));
        named(within(() -> reader.read(c.bytes()), c), c);
    }

    // ---- GeoJSON boundaries ----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Mutations.Case> boundaries() throws Exception {
        return Mutations.of(Files.readAllBytes(Path.of("src/test/resources/geo/areas-cw.geojson")), "[", "]");
    }

    @Property(tries = 400)
    void aHostileBoundaryFileIsReadOrRefusedWithWhereAndWhy(@ForAll("boundaries") Mutations.Case c) {
        GeoJsonAreaReader reader = new GeoJsonAreaReader(GeoJsonAreaReader.Settings.withUsualNames(Datum.WGS84,
                GeoImportService.Settings.CHINA));
        named(within(() -> reader.read(c.bytes()), c), c);
    }

    // ---- EIDO ------------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Mutations.Case> eidos() {
        return Mutations.of(eidoSeed, "[", "]");
    }

    @Property(tries = 400)
    void aHostileEidoIsReadOrRefusedWithItsJsonPath(@ForAll("eidos") Mutations.Case c) {
        String text = new String(c.bytes(), StandardCharsets.UTF_8);
        try {
            within(() -> eido.parse(text), c);
            Statistics.collect("read");
        } catch (EidoInvalid e) {
            Statistics.collect("refused");
            assertFalse(e.problems().isEmpty(), c.toString());
            e.problems().forEach(p -> assertTrue(p.path().startsWith("$") && !p.message().isBlank(), c + ": " + p));
        }
    }

    // ---- organisation workbook (.xlsx: a zip) ----------------------------------------------------------------------

    @Provide
    Arbitrary<Mutations.Case> workbooks() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OrgWorkbook.write(OrgSheets.Book.UNITS, java.util.Locale.SIMPLIFIED_CHINESE, Map.of(), out);
        return Mutations.of(out.toByteArray(), "<a>", "</a>");
    }

    @Property(tries = 200)
    void aHostileWorkbookIsReadOrRefusedInWords(@ForAll("workbooks") Mutations.Case c) {
        OrgWorkbook.Read r = within(() -> OrgWorkbook.read(OrgSheets.Book.UNITS, c.bytes(), "units.xlsx"), c);
        Statistics.collect(r.problems().isEmpty() ? "read" : "refused");
        r.problems().forEach(p -> assertFalse(p.isBlank() || p.contains("Exception") || p.contains("\tat "), c + ": " + p));
    }
}
