package org.commandroom.core.geo.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;

/**
 * The GB/T 28181 catalogue import at Bao'an scale against the camera CSV import of the same cameras, in one run,
 * each into a fresh embedded database with 12 station boundaries to place cameras in (docs/BENCHMARKS.md):
 *
 * <pre>
 * mvn -B -o -q -pl console-core test-compile exec:java@catalog-bench -Dexec.args="150000"
 * </pre>
 *
 * Phases: CSV import (baseline), first catalogue import (GB2312, 500 items per message as platforms send them),
 * the same catalogue again (all unchanged), and a changed one (5 % renamed or switched off, 1 % gone, 1 % new).
 * Prints seconds, cameras per second and the heap used after a full GC.
 */
public final class CatalogImportBenchmark {

    private static final double SOUTH = 22.50;
    private static final double WEST = 113.75;
    private static final double NORTH = 22.86;
    private static final double EAST = 114.05;

    private CatalogImportBenchmark() {
    }

    record Cam(String id, String name, double lon, double lat, boolean online) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        Random random = new Random(28181);
        List<Cam> cams = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cams.add(new Cam(String.format("440306%02d%02d%03d%d%06d", i % 7, i % 9, i % 2 == 0 ? 131 : 132, i % 10, i),
                    "宝安第" + i + "号点位·" + (i % 3 == 0 ? "路口" : "社区"), WEST + random.nextDouble() * (EAST - WEST),
                    SOUTH + random.nextDouble() * (NORTH - SOUTH), random.nextDouble() > 0.07));
        }
        byte[] csv = csv(cams);
        byte[] catalogue = catalogue(cams);
        List<Cam> changed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cam c = cams.get(i);
            if (i % 100 == 1) {
                continue;
            }
            changed.add(i % 20 == 3 ? new Cam(c.id(), c.name() + "（改）", c.lon(), c.lat(), !c.online()) : c);
        }
        for (int i = 0; i < n / 100; i++) {
            changed.add(new Cam(String.format("44030699991320%06d", i), "新增点位" + i, WEST + 0.1, SOUTH + 0.1, true));
        }
        byte[] catalogue2 = catalogue(changed);
        System.out.printf("cameras %,d; CSV %,d bytes; catalogue %,d bytes (GB2312, %d messages)%n", n, csv.length,
                catalogue.length, (n + 499) / 500);

        Clock clock = Clock.systemUTC();
        ChangeRecorder changes = new ChangeRecorder(clock, "bench");
        Path dir = Files.createTempDirectory("catalog-bench");
        try (Database a = Database.open(DbSettings.embedded(dir.resolve("csv"), "bench"));
             Database b = Database.open(DbSettings.embedded(dir.resolve("catalogue"), "bench"))) {
            stations(a);
            stations(b);
            GeoImportService geo = new GeoImportService(a.jdbi(), changes, clock,
                    GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA), AccessGuard.trusted());
            long t0 = System.nanoTime();
            ImportOutcome o = geo.importContent(new GeoImportService.Request(ImportLayer.CAMERAS, Datum.WGS84, false, "bench"),
                    "cameras.csv", csv);
            report("baseline: camera CSV import", t0, n, o.imported() ? "" : "REJECTED " + o);

            long r0 = System.nanoTime();
            GbCatalogReader.Result parsed = new GbCatalogReader(new GbCatalogReader.Settings(Datum.WGS84,
                    GeoImportService.Settings.CHINA, CameraKind.SKYNET, Map.of())).read(catalogue);
            report("catalogue, reading only", r0, n, parsed.cameras().size() + " cameras read");
            parsed = null;
            CatalogImportService service = new CatalogImportService(b.jdbi(), changes, clock, AccessGuard.trusted());
            CatalogImportService.Request req = new CatalogImportService.Request(new GbCatalogReader.Settings(Datum.WGS84,
                    GeoImportService.Settings.CHINA, CameraKind.SKYNET, Map.of()), true, "bench");
            t0 = System.nanoTime();
            CatalogImportService.Outcome first = service.importContent(req, "catalog.xml", catalogue);
            report("catalogue, first import", t0, n, summary(first));
            t0 = System.nanoTime();
            CatalogImportService.Outcome again = service.importContent(req, "catalog.xml", catalogue);
            report("catalogue, same again", t0, n, summary(again));
            t0 = System.nanoTime();
            CatalogImportService.Outcome second = service.importContent(req, "catalog-2.xml", catalogue2);
            report("catalogue, changed", t0, changed.size(), summary(second));
        }
    }

    private static String summary(CatalogImportService.Outcome o) {
        if (o instanceof CatalogImportService.Imported i) {
            return i.inserted() + " new, " + i.updated() + " updated, " + i.unchanged() + " unchanged, " + i.removed()
                    + " removed, " + i.withoutStation() + " in no station";
        }
        return "REJECTED " + ((CatalogImportService.Rejected) o).problems();
    }

    private static void report(String phase, long startNanos, int cameras, String what) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%-30s %7.2f s %,9.0f cameras/s  heap after GC %4d MB  %s%n", phase, s, cameras / s,
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), what);
    }

    /** Twelve rectangular station areas (4 × 3) covering the box. */
    private static void stations(Database db) {
        db.jdbi().useHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('440306', '宝安分局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int k = 0;
            for (int col = 0; col < 4; col++) {
                for (int row = 0; row < 3; row++) {
                    double w = WEST + col * (EAST - WEST) / 4;
                    double e = WEST + (col + 1) * (EAST - WEST) / 4;
                    double s = SOUTH + row * (NORTH - SOUTH) / 3;
                    double nn = SOUTH + (row + 1) * (NORTH - SOUTH) / 3;
                    String wkt = String.format("POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))", w, s, e, s, e, nn, w, nn, w, s);
                    h.createUpdate("INSERT INTO station (bureau_id, code, name, kind, boundary_wkt, datum) "
                                    + "VALUES (:b, :c, :n, 'STATION', :wkt, 'WGS84')")
                            .bind("b", bureau).bind("c", "S" + k).bind("n", "派出所" + k).bind("wkt", wkt).execute();
                    k++;
                }
            }
        });
    }

    private static byte[] csv(List<Cam> cams) {
        StringBuilder sb = new StringBuilder("id,name,lon,lat,type\n");
        for (Cam c : cams) {
            sb.append(c.id()).append(',').append(c.name()).append(',').append(c.lon()).append(',').append(c.lat())
                    .append(",天网\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] catalogue(List<Cam> cams) throws java.io.IOException {
        Charset gb = Charset.forName("GB2312");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < cams.size(); from += 500) {
            List<Cam> part = cams.subList(from, Math.min(cams.size(), from + 500));
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n"
                    + "<CmdType>Catalog</CmdType>\r\n<SN>17</SN>\r\n<DeviceID>44030600002000000001</DeviceID>\r\n<SumNum>"
                    + cams.size() + "</SumNum>\r\n<DeviceList Num=\"" + part.size() + "\">\r\n");
            for (Cam c : part) {
                sb.append("<Item>\r\n<DeviceID>").append(c.id()).append("</DeviceID>\r\n<Name>").append(c.name())
                        .append("</Name>\r\n<Manufacturer>Hikvision</Manufacturer>\r\n<Model>IP Camera</Model>\r\n")
                        .append("<Owner>Owner</Owner>\r\n<CivilCode>440306</CivilCode>\r\n<Address>宝安区</Address>\r\n")
                        .append("<Parental>0</Parental>\r\n<ParentID>44030600002000000001</ParentID>\r\n")
                        .append("<SafetyWay>0</SafetyWay>\r\n<RegisterWay>1</RegisterWay>\r\n<Secrecy>0</Secrecy>\r\n")
                        .append("<Status>").append(c.online() ? "ON" : "OFF").append("</Status>\r\n<Longitude>")
                        .append(String.format("%.6f", c.lon())).append("</Longitude>\r\n<Latitude>")
                        .append(String.format("%.6f", c.lat())).append("</Latitude>\r\n</Item>\r\n");
            }
            sb.append("</DeviceList>\r\n</Response>\r\n");
            out.write(sb.toString().getBytes(gb));
        }
        return out.toByteArray();
    }
}
