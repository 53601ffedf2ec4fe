package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.commandroom.core.geo.Datum;
import org.junit.jupiter.api.Test;

/** Named places (key places, police offices, deployment points) read from CSV or GeoJSON points, all or nothing. */
class PlaceFileReaderTest {

    private final PlaceFileReader reader = new PlaceFileReader(Datum.GCJ02, GeoJsonAreaReaderTest.DISTRICT);

    private ImportResult<PlaceFileReader.ImportedPlace> read(String name, String text) {
        return reader.read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvListGivesEveryPlaceWithItsOptionalFields() {
        ImportResult<PlaceFileReader.ImportedPlace> r = read("布警点.csv", "\uFEFFName,Code,lon,lat,datum,station\n"
                + "东门广场,BJ01,113.88,22.55,,PCS01\n"
                + "西站,BJ02,113.90,22.60,WGS84,\n");
        assertTrue(r.accepted(), r.problems()::toString);
        assertEquals(2, r.records().size());
        PlaceFileReader.ImportedPlace first = r.records().get(0);
        assertEquals("东门广场", first.name());
        assertEquals("BJ01", first.code());
        assertEquals("PCS01", first.station());
        assertEquals(Datum.GCJ02, first.position().datum(), "no datum in the row: the file's");
        assertEquals(Datum.WGS84, r.records().get(1).position().datum());
        assertEquals(null, r.records().get(1).station());
        assertEquals(22.55, first.position().lat());
    }

    @Test
    void aCsvWithBadRowsIsRejectedWithEveryProblemByLineInBothLanguages() {
        ImportResult<PlaceFileReader.ImportedPlace> r = read("places.csv", "name,code,lon,lat,datum\n"
                + "甲,K1,113.88,22.55,\n"
                + "\n"
                + ",K1,东经,22.55,BD09\n"
                + "乙,K3,121.5,31.2,\n");
        assertEquals(List.of(
                "line 4: name is empty",
                "line 4: code K1 repeats line 2",
                "line 4: datum \"BD09\" is not WGS84 or GCJ02",
                "line 4: lon \"东经\" is not a number of degrees",
                "line 5: coordinate 121.5,31.2 is outside the district"),
                r.problems().stream().map(ImportProblem::message).toList());
        assertTrue(r.records().isEmpty(), "nothing when anything is wrong");
        assertEquals("第 4 行：编码 K1 与 第 2 行 重复", r.problems().get(1).message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aCsvWithoutTheRequiredColumnsNamesThem() {
        assertEquals(List.of("line 1: missing column(s) lon, lat; the header must name at least name,lon,lat (found: name,x,y)"),
                read("p.csv", "name,x,y\n甲,1,2\n").problems().stream().map(ImportProblem::message).toList());
    }

    @Test
    void geoJsonPointsAreReadAndOtherGeometriesAreProblems() {
        ImportResult<PlaceFileReader.ImportedPlace> ok = read("重点部位.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"名称":"第一中学","code":"ZD01","kind":"学校"},
                  "geometry":{"type":"Point","coordinates":[113.88,22.55]}}]}""");
        assertTrue(ok.accepted(), ok.problems()::toString);
        assertEquals("第一中学", ok.records().get(0).name());
        assertEquals("学校", ok.records().get(0).kind());
        assertEquals(113.88, ok.records().get(0).position().lon());

        ImportResult<PlaceFileReader.ImportedPlace> bad = read("x.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"片区"},
                  "geometry":{"type":"Polygon","coordinates":[]}},
                 {"type":"Feature","properties":{"name":"远处"},
                  "geometry":{"type":"Point","coordinates":[121.5,31.2]}}]}""");
        assertEquals(List.of("feature 0 (片区): has geometry Polygon, not a Point: a place is one point",
                "feature 1 (远处): coordinate 121.5,31.2 is outside the district"),
                bad.problems().stream().map(ImportProblem::message).toList());
        assertEquals("要素 0（片区）：几何类型是 Polygon，不是 Point：一个地点是一个点",
                bad.problems().get(0).message(Locale.SIMPLIFIED_CHINESE));
    }
}
