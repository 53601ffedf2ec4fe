package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;

import org.commandroom.core.geo.Datum;
import org.junit.jupiter.api.Test;

/**
 * A rejected file's problems are said in the screen's language: Chinese on a Chinese screen (where and why), and the
 * English the command line prints on an English one.
 */
class ImportProblemLanguageTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void aRejectedGeoJsonFileSaysWhereAndWhyInChineseAndTheOldEnglishInEnglish() {
        GeoJsonAreaReader reader = new GeoJsonAreaReader(
                GeoJsonAreaReader.Settings.withUsualNames(Datum.GCJ02, GeoJsonAreaReaderTest.DISTRICT));
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"城北社区"},
                  "geometry":{"type":"Polygon","coordinates":[[[121.5,31.2],[121.6,31.2],[121.6,31.3],[121.5,31.2]]]}},
                 {"type":"Feature","properties":{"name":"未闭合"},
                  "geometry":{"type":"Polygon","coordinates":[[[113.85,22.55],[113.86,22.55],[113.86,22.56],[113.85,22.56]]]}},
                 {"type":"Feature","properties":{},
                  "geometry":{"type":"Point","coordinates":[113.85,22.55]}}
                ]}""";
        List<ImportProblem> problems = reader.read(json).problems();

        assertEquals(List.of(
                "feature 0 (城北社区): coordinate 121.5,31.2 is outside the district (and 3 more)",
                "feature 1 (未闭合): ring 0 is not closed (starts at 113.85,22.55, ends at 113.85,22.56)",
                "feature 2: has no name: none of the properties name, NAME, Name, 名称 is set",
                "feature 2: unsupported geometry type Point: only Polygon and MultiPolygon"),
                problems.stream().map(p -> p.message(Locale.ENGLISH)).toList());
        assertEquals(problems.stream().map(ImportProblem::message).toList(),
                problems.stream().map(p -> p.message(Locale.ENGLISH)).toList(), "the command line's English is the same");
        assertEquals(List.of(
                "要素 0（城北社区）：坐标 121.5,31.2 在辖区之外（另有 3 个）",
                "要素 1（未闭合）：第 0 个环 没有闭合（起点 113.85,22.55，终点 113.85,22.56）",
                "要素 2：没有名称：属性 name, NAME, Name, 名称 均未填写",
                "要素 2：不支持的几何类型 Point：只支持 Polygon 和 MultiPolygon"),
                problems.stream().map(p -> p.message(ZH)).toList());
        assertEquals("要素 0（城北社区）", problems.get(0).whereText().in(ZH));
        assertEquals("feature 0 (城北社区)", problems.get(0).where());
    }

    @Test
    void aRejectedCameraListSaysWhereAndWhyInChineseAndTheOldEnglishInEnglish() {
        CameraCsvReader reader = new CameraCsvReader(new CameraCsvReader.Settings(Datum.WGS84, GeoJsonAreaReaderTest.DISTRICT));
        List<ImportProblem> problems = reader.read("id,name,lon,lat,type\n"
                + "12345,东门,113.88,22.55,天网\n"
                + "44030600001310000002,,东经,22.55,无人机\n").problems();

        assertEquals(List.of(
                "line 2: id \"12345\" is not a 20-digit GB/T 28181 device code",
                "line 3: name is empty",
                "line 3: lon \"东经\" is not a number of degrees"),
                problems.stream().map(ImportProblem::message).toList().subList(0, 3));
        List<String> zh = problems.stream().map(p -> p.message(ZH)).toList();
        assertEquals("第 2 行：编号“12345”不是 20 位 GB/T 28181 设备编码", zh.get(0));
        assertEquals("第 3 行：名称为空", zh.get(1));
        assertEquals("第 3 行：lon“东经”不是以度表示的数值", zh.get(2));
        assertEquals("第 3 行", problems.get(1).whereText().in(ZH));
        assertEquals("名称为空", problems.get(1).reasonText().in(ZH));
        for (String line : zh) {
            assertFalse(line.contains(" is ") || line.startsWith("line"), "no English left: " + line);
        }
    }
}
