package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.commandroom.core.geo.Datum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** The shapefiles under test resources geo/shp were converted by GDAL from a public boundary (see the README there). */
class ShapefileAreaReaderTest {

    private static final ShapefileAreaReader GCJ = reader(Datum.GCJ02);

    private static ShapefileAreaReader reader(Datum datum) {
        return new ShapefileAreaReader(GeoJsonAreaReader.Settings.withUsualNames(datum, GeoImportService.Settings.CHINA));
    }

    static Path resource(String name) {
        try {
            return Path.of(ShapefileAreaReaderTest.class.getResource("/geo/shp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = ShapefileAreaReaderTest.class.getResourceAsStream("/geo/shp/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheUtf8CountyBoundaryWithItsCpgAndReportsTheRepairByRecord() throws IOException {
        ShapefileAreaReader.Read read = GCJ.read(resource("qianwei-utf8.shp"));

        assertTrue(read.result().accepted(), () -> read.result().problems().toString());
        ImportedArea area = read.result().records().get(0);
        assertEquals("犍为县", area.name());
        assertEquals("511123", area.properties().get("adcode"));
        assertEquals(Datum.GCJ02, area.datum());
        assertEquals("record 1 (犍为县)", area.where());
        assertTrue(read.notes().contains("attributes read as UTF-8 (from the .cpg)"), read.notes()::toString);
        assertTrue(read.notes().contains("name from field name"), read.notes()::toString);
        assertTrue(read.notes().stream().anyMatch(n -> n.startsWith(".prj: GCS_WGS_1984") && n.contains("GCJ02 as stated")),
                read.notes()::toString);
        // The web map's two parts that share an edge: the same repair the GeoJSON reader reports, named by record.
        assertEquals(1, read.result().repairs().size());
        assertEquals("record 1 (犍为县)", read.result().repairs().get(0).where());
        assertEquals(3, read.result().repairs().get(0).partsBefore());
        assertEquals(2, read.result().repairs().get(0).partsAfter());
        assertEquals(1370.14, read.result().repairs().get(0).areaAfter(), 0.01);
    }

    @Test
    void readsGbkAttributesWithoutACpgAndUpperCaseTruncatedFields() throws IOException {
        ShapefileAreaReader.Read read = GCJ.read(resource("qianwei-gbk.shp"));

        assertTrue(read.result().accepted(), () -> read.result().problems().toString());
        ImportedArea area = read.result().records().get(0);
        assertEquals("犍为县", area.name());
        assertEquals("511123", area.properties().get("CODE"));
        assertEquals("district", area.properties().get("DISTRICT_L"));
        assertTrue(read.notes().contains("attributes read as GBK (no .cpg; the bytes are not valid UTF-8)"),
                read.notes()::toString);
        assertTrue(read.notes().contains("name from field NAME"), read.notes()::toString);
    }

    @Test
    void aCpgWinsOverTheGuess() throws IOException {
        ShapefileAreaReader.Read utf8AsGbk = GCJ.read(new ShapefileAreaReader.Parts("qianwei-utf8",
                bytes("qianwei-utf8.shp"), bytes("qianwei-utf8.shx"), bytes("qianwei-utf8.dbf"), null, "GBK".getBytes()));
        assertTrue(utf8AsGbk.notes().contains("attributes read as GBK (from the .cpg)"), utf8AsGbk.notes()::toString);
        assertFalse(utf8AsGbk.result().records().get(0).name().equals("犍为县"));
        assertTrue(utf8AsGbk.notes().contains("no .prj: coordinates taken as GCJ02 as stated"));
    }

    @Test
    void readsAZipHoldingTheFiles() throws IOException {
        ShapefileAreaReader.Read read = GCJ.read(resource("qianwei-utf8.zip"));

        assertTrue(read.result().accepted(), () -> read.result().problems().toString());
        assertEquals("犍为县", read.result().records().get(0).name());
    }

    @Test
    void aUtmShapefileIsProjectedBackToTheLongitudesAndLatitudesGdalMadeItFrom() throws Exception {
        // GDAL projected the web map's coordinates (taken as WGS-84) to UTM 48N; back, they are those coordinates.
        ShapefileAreaReader.Read utm = GCJ.read(resource("qianwei-utm48n.shp"));
        ShapefileAreaReader.Read source = reader(Datum.WGS84).read(resource("qianwei-utf8.shp"));

        assertTrue(utm.result().accepted(), () -> utm.result().problems().toString());
        ImportedArea area = utm.result().records().get(0);
        assertEquals("犍为县", area.name());
        assertEquals(Datum.WGS84, area.datum(), "metres give true longitude and latitude, never GCJ-02");
        assertTrue(utm.notes().contains(".prj: WGS_1984_UTM_Zone_48N (projected, datum D_WGS_1984), projected back to "
                + "longitude and latitude (WGS-84)"), utm.notes()::toString);
        Geometry back = new WKTReader().read(area.wkt());
        Geometry original = new WKTReader().read(source.result().records().get(0).wkt());
        double apart = org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(back, original);
        assertTrue(apart < 1e-7, "vertices within 1 cm of GDAL's source, farthest " + apart + "°");
        assertEquals(source.result().repairs().get(0).areaAfter(), utm.result().repairs().get(0).areaAfter(), 0.01);
    }

    @Test
    void cgcs2000GaussKrugerIsReadWithOrWithoutTheZoneNumberInItsEastings() throws Exception {
        for (String file : List.of("stations-gk105.shp", "stations-gk-zone35.shp")) {
            ShapefileAreaReader.Read read = GCJ.read(resource(file));
            assertTrue(read.result().accepted(), () -> file + ": " + read.result().problems());
            Polygon east = (Polygon) new WKTReader().read(read.result().records().get(0).wkt());
            // The source square's corners, 104.0-104.1 E, 29.2-29.3 N, to a millimetre (1e-8°).
            org.locationtech.jts.geom.Envelope e = east.getEnvelopeInternal();
            assertEquals(104.0, e.getMinX(), 1e-8, file);
            assertEquals(104.1, e.getMaxX(), 1e-8, file);
            assertEquals(29.2, e.getMinY(), 1e-8, file);
            assertEquals(29.3, e.getMaxY(), 1e-8, file);
            assertEquals(1, east.getNumInteriorRing(), file);
            assertEquals(Datum.WGS84, read.result().records().get(0).datum());
        }
    }

    @Test
    void otherDatumsAndProjectionsAreRefusedSayingWhy() throws IOException {
        String beijing = "PROJCS[\"Beijing_1954_3_Degree_GK_CM_105E\",GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\","
                + "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],"
                + "UNIT[\"Meter\",1.0]]";
        String lambert = "PROJCS[\"Asia_Lambert\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
                + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"Central_Meridian\",105.0],UNIT[\"Meter\",1.0]]";
        String noMeridian = "PROJCS[\"CGCS2000_GK\",GEOGCS[\"GCS_China_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\","
                + "6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],UNIT[\"Meter\",1.0]]";
        List<String> said = new java.util.ArrayList<>();
        for (String prj : List.of(beijing, lambert, noMeridian)) {
            ShapefileAreaReader.Read read = GCJ.read(new ShapefileAreaReader.Parts("stations-gk105",
                    bytes("stations-gk105.shp"), bytes("stations-gk105.shx"), bytes("stations-gk105.dbf"),
                    prj.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null));
            assertFalse(read.result().accepted());
            assertEquals("stations-gk105.prj", read.result().problems().get(0).where());
            said.add(read.result().problems().get(0).message(java.util.Locale.ROOT));
        }
        assertTrue(said.get(0).contains("基准面 D_Beijing_1954") && said.get(0).contains("七参数"), said.get(0));
        assertTrue(said.get(1).contains("不支持投影 Lambert_Conformal_Conic"), said.get(1));
        assertTrue(said.get(2).contains("缺少中央经线"), said.get(2));
    }

    @Test
    void clockwiseRingsAreOuterAndCounterClockwiseHolesGoInTheRingThatHoldsThem() throws Exception {
        ShapefileAreaReader.Read read = reader(Datum.WGS84).read(resource("stations-hole.shp"));

        assertTrue(read.result().accepted(), () -> read.result().problems().toString());
        List<ImportedArea> areas = read.result().records();
        Geometry east = new WKTReader().read(areas.get(0).wkt());
        Geometry west = new WKTReader().read(areas.get(1).wkt());
        assertEquals("城东派出所", areas.get(0).name());
        assertTrue(east instanceof Polygon p && p.getNumInteriorRing() == 1, east::toText);
        assertEquals(0.01 - 0.0004, east.getArea(), 1e-9);
        assertTrue(west instanceof MultiPolygon && west.getNumGeometries() == 2, west::toText);
        assertTrue(read.result().repairs().isEmpty());
    }

    @Test
    void aShpCutShortAnywhereIsANamedLocatedProblemNeverAnException() throws IOException {
        byte[] shp = bytes("qianwei-utf8.shp");
        for (int cut = 0; cut < shp.length; cut += 97) {
            ShapefileAreaReader.Read read = GCJ.read(new ShapefileAreaReader.Parts("qianwei-utf8",
                    Arrays.copyOf(shp, cut), bytes("qianwei-utf8.shx"), bytes("qianwei-utf8.dbf"), null, null));
            assertFalse(read.result().accepted(), "cut at " + cut);
            int at = cut;
            assertTrue(read.result().problems().stream().anyMatch(p -> p.reason().contains("cut short")),
                    () -> "cut at " + at + ": " + read.result().problems());
        }
        ShapefileAreaReader.Read half = GCJ.read(new ShapefileAreaReader.Parts("qianwei-utf8",
                Arrays.copyOf(shp, shp.length / 2), bytes("qianwei-utf8.shx"), bytes("qianwei-utf8.dbf"), null, null));
        ImportProblem p = half.result().problems().stream().filter(x -> x.where().startsWith("record")).findFirst()
                .orElseThrow();
        assertEquals("record 1 (qianwei-utf8.shp, byte 100)", p.where());
        assertTrue(p.reason().startsWith("is cut short: it announces"), p.reason());
    }

    @Test
    void aHugePointCountIsRefusedBeforeAnythingIsAllocated() throws IOException {
        byte[] shp = bytes("qianwei-utf8.shp");
        // record 1 starts at byte 100; its content at 108: type, box (32), numParts at +36, numPoints at +40
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(108 + 40, Integer.MAX_VALUE);
        ShapefileAreaReader.Read read = GCJ.read(new ShapefileAreaReader.Parts("qianwei-utf8", shp,
                bytes("qianwei-utf8.shx"), bytes("qianwei-utf8.dbf"), null, null));

        assertFalse(read.result().accepted());
        ImportProblem p = read.result().problems().get(0);
        assertEquals("record 1 (qianwei-utf8.shp, byte 100)", p.where());
        assertTrue(p.reason().startsWith("is damaged: 3 rings and 2147483647 points do not fit"), p.reason());
    }

    @Test
    void aDbfCutShortAndAMissingDbfAreNamed(@TempDir Path dir) throws IOException {
        byte[] dbf = bytes("qianwei-gbk.dbf");
        ShapefileAreaReader.Read cut = GCJ.read(new ShapefileAreaReader.Parts("qianwei-gbk", bytes("qianwei-gbk.shp"),
                bytes("qianwei-gbk.shx"), Arrays.copyOf(dbf, dbf.length - 40), null, null));
        assertEquals("qianwei-gbk.dbf", cut.result().problems().get(0).where());
        assertTrue(cut.result().problems().get(0).reason().startsWith("is cut short"));

        Files.copy(resource("qianwei-gbk.shp"), dir.resolve("alone.shp"));
        Files.copy(resource("qianwei-gbk.shx"), dir.resolve("alone.shx"));
        ShapefileAreaReader.Read alone = GCJ.read(dir.resolve("alone.shp"));
        assertEquals("alone.shp", alone.result().problems().get(0).where());
        assertTrue(alone.result().problems().get(0).reason().contains("alone.dbf is missing"));
    }

    @Test
    void bytesFlippedAnywhereInTheThreeFilesEndInAReadOrARefusalNeverAnException() throws IOException {
        byte[] shp = bytes("qianwei-utf8.shp");
        byte[] shx = bytes("qianwei-utf8.shx");
        byte[] dbf = bytes("qianwei-utf8.dbf");
        java.util.Random random = new java.util.Random(20261207L);
        int read = 0;
        int refused = 0;
        for (int n = 0; n < 300; n++) {
            byte[][] files = {shp.clone(), shx.clone(), dbf.clone()};
            int which = n % 3;
            // bytes of the headers are where lengths and counts live: hit them often
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                byte[] f = files[which];
                int at = random.nextBoolean() ? random.nextInt(Math.min(f.length, 160)) : random.nextInt(f.length);
                f[at] = (byte) random.nextInt(256);
            }
            ShapefileAreaReader.Read r = GCJ.read(new ShapefileAreaReader.Parts("fuzz", files[0], files[1], files[2],
                    null, null));
            if (r.result().accepted()) {
                read++;
            } else {
                refused++;
                r.result().problems().forEach(p -> assertFalse(p.where().isBlank() || p.reason().isBlank(), p::toString));
            }
        }
        System.out.printf("FUZZ shapefile: 300 cases, %d read, %d refused with where and why%n", read, refused);
        assertEquals(300, read + refused);
        assertTrue(refused > 0 && read > 0, "read " + read + ", refused " + refused);
    }

    @Test
    void aZipThatIsNotAZipIsRefusedInWords() throws IOException {
        byte[] zip = bytes("qianwei-utf8.zip");
        ShapefileAreaReader.Read read = GCJ.readZip("x.zip", Arrays.copyOf(zip, zip.length / 3));
        assertFalse(read.result().accepted());
        assertEquals("x.zip", read.result().problems().get(0).where());
    }
}
