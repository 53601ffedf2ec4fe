package org.commandroom.core.geo.io;

import org.commandroom.core.camera.CameraKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class CameraCsvReaderTest {

    private final CameraCsvReader reader = new CameraCsvReader(new CameraCsvReader.Settings(Datum.WGS84, GeoJsonAreaReaderTest.DISTRICT));

    private ImportResult<ImportedCamera> read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/geo/" + resource)) {
            return reader.read(in);
        }
    }

    private static List<String> messages(ImportResult<?> result) {
        return result.problems().stream().map(ImportProblem::message).toList();
    }

    @Test
    void readsGoodFileWithBomColumnsInAnyOrderQuotedCommasChineseTypesAndExtraColumns() throws IOException {
        ImportResult<ImportedCamera> result = read("cameras-good.csv");
        assertTrue(result.accepted(), () -> messages(result).toString());
        assertEquals(List.of(
                new ImportedCamera("44030600001310000001", "宝安大道,新安路口", CameraKind.SKYNET, GeoPoint.wgs84(22.5551, 113.8831)),
                new ImportedCamera("44030600001320000002", "西乡派出所门口", CameraKind.SKYNET, GeoPoint.wgs84(22.56, 113.89)),
                new ImportedCamera("44030600001310000003", "Community \"East\" gate", CameraKind.XUELIANG, GeoPoint.wgs84(22.57, 113.90)),
                new ImportedCamera("44030600001310000004", "商铺", CameraKind.SOCIAL, GeoPoint.wgs84(22.58, 113.91)),
                new ImportedCamera("44030600001310000005", "多行\r\n名称", CameraKind.TELECOM_HD, GeoPoint.wgs84(22.59, 113.92)),
                new ImportedCamera("44030600001310000006", "一类点", CameraKind.CLASS1, GeoPoint.wgs84(22.6, 113.93))),
                result.records());
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndImportsNothing() throws IOException {
        ImportResult<ImportedCamera> result = read("cameras-bad.csv");
        assertEquals(List.of(), result.records());
        assertEquals(List.of(
                "line 2: id \"4403060000131000001\" is not a 20-digit GB/T 28181 device code",
                "line 3: name is empty",
                "line 4: coordinate 22.55,113.88 is outside the district",
                "line 5: coordinate 121.5,31.2 is outside the district",
                "line 6: lon \"abc\" is not a number of degrees",
                "line 7: type \"球机\" is not one of SKYNET, XUELIANG, CLASS1, TELECOM_HD, SOCIAL or 天网, 雪亮, 一类, 电信高清, 社会",
                "line 8: id 44030600001310000010 repeats line 3",
                "line 9: has 3 field(s), the header has 5 or more",
                "line 12: id \"4403060000131000001X\" is not a 20-digit GB/T 28181 device code",
                "line 12: coordinate 113.88,99 is outside the district"),
                messages(result));
    }

    @Test
    void lineNumbersCountTheBlankLinesBeforeABadLine() {
        ImportResult<ImportedCamera> result = reader.read(
                "id,name,lon,lat,type\n44030600001310000001,甲,113.88,22.55,天网\n\n\r\n44030600001310000002,,113.88,22.55,天网\r\n");
        assertEquals(List.of("line 5: name is empty"), messages(result));
    }

    @Test
    void aJsonOrXmlFileChosenForTheCameraLayerIsNamedForWhatItIs() {
        ImportResult<?> json = reader.read("\uFEFF  {\"type\":\"FeatureCollection\",\"features\":[]}");
        assertEquals(1, json.problems().size());
        assertTrue(json.problems().get(0).reason().startsWith("is JSON (a GeoJSON boundary file?), not a camera list"),
                json.problems().get(0).reason());
        assertTrue(reader.read("<?xml version=\"1.0\"?><Response/>").problems().get(0).reason().startsWith("is XML"));
    }

    @Test
    void missingColumnsAreNamed() throws IOException {
        assertEquals(List.of("line 1: missing column(s) lon, type; the header must name id,name,lon,lat,type (found: id,name,longitude,lat,kind)"),
                messages(read("cameras-missing-columns.csv")));
    }

    @Test
    void unterminatedQuoteIsReportedAsMalformed() throws IOException {
        List<String> messages = messages(read("cameras-unterminated-quote.csv"));
        assertEquals(1, messages.size());
        assertEquals("file: malformed CSV: line 2: a field opened with a quote has no closing quote before the end of the file",
                messages.get(0), "said in words with its line, not as Commons CSV says it");
    }

    @Test
    void headerOnlyOrEmptyFileIsRejected() {
        assertEquals(List.of("line 1: there are no camera lines after the header"), messages(reader.read("id,name,lon,lat,type\n")));
        assertEquals(List.of("file: is empty; expected the header id,name,lon,lat,type"), messages(reader.read("")));
    }

    @Test
    void datumOfTheFileIsCarriedOnEveryCamera() {
        CameraCsvReader gcj = new CameraCsvReader(new CameraCsvReader.Settings(Datum.GCJ02, GeoJsonAreaReaderTest.DISTRICT));
        ImportResult<ImportedCamera> result = gcj.read("ID, Name ,LON,Lat,TYPE\n44030600001310000001,a,113.88,22.55,skynet\n");
        assertEquals(Datum.GCJ02, result.records().get(0).position().datum());
    }

    @Test
    void nameLongerThanTheColumnAndNonNumericSpellingsAreRejected() {
        String longName = "长".repeat(101);
        ImportResult<ImportedCamera> result = reader.read("id,name,lon,lat,type\n"
                + "44030600001310000001," + longName + ",113.88,22.55,SKYNET\n"
                + "44030600001310000002,b,113.88d,NaN,SKYNET\n");
        assertEquals(List.of("line 2: name is longer than 100 characters",
                "line 3: lon \"113.88d\" is not a number of degrees",
                "line 3: lat \"NaN\" is not a number of degrees"), messages(result));
    }
}
