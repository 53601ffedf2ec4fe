package org.commandroom.core.geo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.commandroom.core.geo.Datum;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class GeoJsonAreaReaderTest {

    /** Around Bao'an. */
    static final DistrictEnvelope DISTRICT = new DistrictEnvelope(22.45, 113.70, 22.90, 114.05);

    private final GeoJsonAreaReader reader = new GeoJsonAreaReader(GeoJsonAreaReader.Settings.withUsualNames(Datum.GCJ02, DISTRICT));

    private ImportResult<ImportedArea> read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/geo/" + resource)) {
            return reader.read(in);
        }
    }

    private static List<String> messages(ImportResult<?> result) {
        return result.problems().stream().map(ImportProblem::message).toList();
    }

    @Test
    void readsPolygonsWithNamesFromAnyConfiguredPropertyAndKeepsOtherProperties() throws IOException {
        ImportResult<ImportedArea> result = read("areas-ccw.geojson");
        assertTrue(result.accepted(), () -> messages(result).toString());
        List<ImportedArea> areas = result.records();
        assertEquals(List.of("城北社区", "西乡警格01", "新安街道"), areas.stream().map(ImportedArea::name).toList());
        assertEquals(Map.of("name", "城北社区", "code", "440306001001", "population", "12850", "meta", "{\"source\":\"QGIS\"}"),
                areas.get(0).properties());
        assertEquals(Map.of("名称", "新安街道"), areas.get(2).properties());
        assertEquals("POLYGON ((113.85 22.55, 113.86 22.55, 113.86 22.56, 113.85 22.56, 113.85 22.55))", areas.get(0).wkt());
        assertEquals(Datum.GCJ02, areas.get(0).datum());
    }

    @Test
    void clockwiseFileGivesTheSameRingsAsCounterClockwiseOne() throws IOException {
        List<String> ccw = read("areas-ccw.geojson").records().stream().map(ImportedArea::wkt).toList();
        List<String> cw = read("areas-cw.geojson").records().stream().map(ImportedArea::wkt).toList();
        assertEquals(3, cw.size());
        assertEquals(ccw, cw);
    }

    @Test
    void ringsAreNormalisedToExteriorCounterClockwiseAndHolesClockwise() throws Exception {
        for (String file : List.of("areas-ccw.geojson", "areas-cw.geojson")) {
            Polygon withHole = (Polygon) new WKTReader().read(read(file).records().get(1).wkt());
            assertTrue(Orientation.isCCW(withHole.getExteriorRing().getCoordinates()), file);
            assertEquals(1, withHole.getNumInteriorRing());
            assertFalse(Orientation.isCCW(withHole.getInteriorRingN(0).getCoordinates()), file);
        }
    }

    @Test
    void readsMultiPolygonWithHoleFromFileWithByteOrderMarkDroppingAltitude() throws IOException {
        ImportResult<ImportedArea> result = read("areas-multipolygon-bom.geojson");
        assertTrue(result.accepted(), () -> messages(result).toString());
        ImportedArea area = result.records().get(0);
        assertEquals("海滨警格", area.name());
        assertEquals(Map.of("name", "海滨警格", "officer", "张警官"), area.properties());
        assertEquals("MULTIPOLYGON (((113.8 22.6, 113.81 22.6, 113.81 22.61, 113.8 22.61, 113.8 22.6)),"
                + " ((113.82 22.6, 113.84 22.6, 113.84 22.62, 113.82 22.62, 113.82 22.6),"
                + " (113.825 22.605, 113.825 22.615, 113.835 22.615, 113.835 22.605, 113.825 22.605)))", area.wkt());
    }

    @Test
    void nameIsTakenFromTheConfiguredPropertyOnly() {
        GeoJsonAreaReader byCode = new GeoJsonAreaReader(new GeoJsonAreaReader.Settings(Datum.WGS84, DISTRICT, List.of("jgmc")));
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"jgmc\":\"沙井警格\",\"name\":\"x\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.85,22.55],[113.86,22.55],[113.86,22.56],[113.85,22.55]]]}}]}";
        assertEquals("沙井警格", byCode.read(json).records().get(0).name());
    }

    @Test
    void aLoneFeatureABareArrayAndATypelessCollectionOrFeatureAreReadAsTheyAreUnambiguous() throws IOException {
        ImportResult<ImportedArea> lone = read("bad-not-a-collection.geojson");
        assertEquals(List.of(), messages(lone));
        assertEquals(List.of("城北社区"), lone.records().stream().map(ImportedArea::name).toList());
        String feature = "{\"type\":\"Feature\",\"properties\":{\"name\":\"沙井警格\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.85,22.55],[113.86,22.55],[113.86,22.56],[113.85,22.55]]]}}";
        String typeless = feature.replace("\"type\":\"Feature\",", "").replace("沙井", "福永");
        // a boundary download as a bare array of features (as some web-map tools write it), one of them typeless
        ImportResult<ImportedArea> array = reader.read("[" + feature + "," + typeless + "]");
        assertEquals(List.of(), messages(array));
        assertEquals(List.of("沙井警格", "福永警格"), array.records().stream().map(ImportedArea::name).toList());
        ImportResult<ImportedArea> noType = reader.read("{\"features\":[" + feature + "]}");
        assertEquals(List.of("沙井警格"), noType.records().stream().map(ImportedArea::name).toList());
    }

    @Test
    void rejectsWhatIsNotFeaturesWithTheReasonNamed() {
        assertEquals(List.of("file: is a bare geometry (type \"Polygon\") without a name: put it in a Feature whose properties "
                + "name the area"), messages(reader.read("{\"type\":\"Polygon\",\"coordinates\":[[[113.85,22.55],[113.86,22.55],"
                + "[113.86,22.56],[113.85,22.55]]]}")));
        assertEquals(List.of("file: is not a GeoJSON FeatureCollection (type \"Topology\")"),
                messages(reader.read("{\"type\":\"Topology\",\"objects\":{}}")));
        assertEquals(List.of("file: is not a GeoJSON FeatureCollection (no type)"), messages(reader.read("{\"name\":\"x\"}")));
        assertEquals(List.of("feature 0: is not a GeoJSON Feature", "feature 1: is not a GeoJSON Feature"),
                messages(reader.read("[1, {\"properties\":{}}]")));
        assertEquals(List.of("file: the FeatureCollection has no features"), messages(reader.read("[]")));
    }

    @Test
    void reportsEveryBadFeatureByIndexAndNameAndImportsNothing() throws IOException {
        ImportResult<ImportedArea> result = read("bad-many-problems.geojson");
        assertFalse(result.accepted());
        assertEquals(List.of(), result.records(), "the good feature 0 must not be returned alone");
        assertEquals(List.of(
                "feature 1 (路口岗亭): unsupported geometry type Point: only Polygon and MultiPolygon",
                "feature 2 (蝴蝶网格): invalid polygon: Self-intersection at 113.855,22.555",
                "feature 3 (未闭合): ring 0 is not closed (starts at 113.85,22.55, ends at 113.85,22.56)",
                "feature 4 (城北社区): coordinate 121.5,31.2 is outside the district",
                "feature 5 (id 4403060001): has no name: none of the properties name, NAME, Name, 名称 is set",
                "feature 6 (空几何): has no geometry",
                "feature 7 (三点环): polygon 1, ring 0 has 3 positions, a closed ring needs at least 4"),
                messages(result));
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        List<ImportProblem> problems = read("bad-malformed.geojson").problems();
        assertEquals(1, problems.size());
        assertEquals("line 4, column 24", problems.get(0).where());
        assertTrue(problems.get(0).reason().startsWith("malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma"),
                problems.get(0).reason());
    }

    @Test
    void emptyCollectionAndEmptyFileAndNonUtf8AreRejected() {
        assertEquals(List.of("file: the FeatureCollection has no features"),
                messages(reader.read("{\"type\":\"FeatureCollection\",\"features\":[]}")));
        assertEquals(List.of("file: is empty"), messages(reader.read("  ")));
        byte[] gbk = {'{', (byte) 0xB3, (byte) 0xC7, '}'};
        assertEquals(List.of("file: is not UTF-8 text (save it as UTF-8)"), messages(reader.read(gbk)));
    }

    @Test
    void outsideCoordinatesAreCountedNotListedOneByOne() {
        String shanghai = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"外滩\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.5,31.2],[121.51,31.2],[121.51,31.21],[121.5,31.2]]]}}]}";
        assertEquals(List.of("feature 0 (外滩): coordinate 121.5,31.2 is outside the district (and 3 more)"),
                messages(reader.read(shanghai)));
    }
}
