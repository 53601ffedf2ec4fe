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
                "feature 3 (未闭合): ring 0 is not closed (starts at 113.85,22.55, ends at 113.85,22.56)",
                "feature 4 (城北社区): coordinate 121.5,31.2 is outside the district",
                "feature 5 (id 4403060001): has no name: none of the properties name, NAME, Name, 名称 is set",
                "feature 6 (空几何): has no geometry",
                "feature 7 (三点环): polygon 1, ring 0 has 3 positions, a closed ring needs at least 4"),
                messages(result));
        // the bow-tie is repairable: listed apart from the problems, and the file is still refused for them
        assertEquals(List.of("feature 2 (蝴蝶网格): Self-intersection at 113.855,22.555; area 0 → 0.57 km², 1 part → 2"),
                result.repairs().stream().map(GeometryRepair::message).toList());
        assertTrue(Double.isNaN(result.repairs().get(0).relativeChange()), "its lobes cancel: no area before to compare");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        List<ImportProblem> problems = read("bad-malformed.geojson").problems();
        assertEquals(1, problems.size());
        assertEquals("line 4, column 24", problems.get(0).where());
        assertTrue(problems.get(0).reason().startsWith("malformed JSON: a comma was expected here, not \"\"\""),
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

    // ---- repairs ---------------------------------------------------------------------------------

    private static GeometryRepair repairOf(ImportResult<ImportedArea> result, String name) {
        return result.repairs().stream().filter(r -> name.equals(r.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no repair of " + name + " in " + result.repairs()));
    }

    private static ImportedArea areaOf(ImportResult<ImportedArea> result, String name) {
        return result.records().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static org.locationtech.jts.geom.Geometry wkt(ImportedArea area) throws Exception {
        return new WKTReader().read(area.wkt());
    }

    @Test
    void invalidBoundariesAreRepairedAndEachRepairIsReportedWithItsAreasAndTheValidOnesAreNot() throws Exception {
        ImportResult<ImportedArea> result = read("repairs.geojson");
        assertTrue(result.accepted(), () -> messages(result).toString());
        assertEquals(List.of("重叠片区", "蝴蝶网格", "重复点社区", "尖刺网格", "完好街道"),
                result.records().stream().map(ImportedArea::name).toList(), "every feature is read, in file order");
        assertEquals(List.of(0, 1, 2, 3), result.repairs().stream().map(GeometryRepair::feature).toList(),
                "the valid 完好街道 is not reported");
        for (ImportedArea a : result.records()) {
            org.locationtech.jts.geom.Geometry g = wkt(a);
            assertTrue(g.isValid(), a.name() + " is valid once read");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                assertTrue(Orientation.isCCW(p.getExteriorRing().getCoordinates()), a.name() + ": exterior stays counter-clockwise");
            }
        }
    }

    @Test
    void overlappingPartsOfAMultiPolygonAreMergedAndTheDoubleCountedOverlapLeavesTheArea() throws Exception {
        ImportResult<ImportedArea> result = read("repairs.geojson");
        GeometryRepair r = repairOf(result, "重叠片区");
        assertEquals("feature 0 (重叠片区)", r.where());
        assertEquals(1, r.defects().size());
        GeometryRepair.Defect d = r.defects().get(0);
        assertEquals(GeometryRepair.Kind.PARTS_INTERSECT, d.kind());
        assertEquals(null, d.part(), "between parts, not in one");
        assertEquals("Self-intersection", d.error());
        assertEquals("113.82,22.61", d.location());
        assertEquals(3, r.partsBefore());
        assertEquals(2, r.partsAfter());
        // before: 0.02°×0.02° + 0.01°×0.01° + 0.02°×0.02° counted as written; after: the overlapping 0.01°×0.01° once
        double cell = r.areaBefore() / 9; // nine 0.01° cells at 22.6°N, about 1.14 km² each
        assertEquals(1.14, cell, 0.01);
        assertEquals(8 * cell, r.areaAfter(), 0.01 * cell, "one cell was counted twice");
        assertEquals(-1.0 / 9, r.relativeChange(), 0.002);
        assertEquals("feature 0 (重叠片区): parts cross, overlap or share an edge: Self-intersection at 113.82,22.61; "
                + "area 10.27 → 9.13 km² (-11.11%), 3 parts → 2", r.message());
        assertEquals(2, wkt(areaOf(result, "重叠片区")).getNumGeometries());
    }

    @Test
    void aBowTieBecomesItsTwoLobesAndItsAreaBeforeIsTheDifferenceOfTheLobes() throws Exception {
        ImportResult<ImportedArea> result = read("repairs.geojson");
        GeometryRepair r = repairOf(result, "蝴蝶网格");
        GeometryRepair.Defect d = r.defects().get(0);
        assertEquals(GeometryRepair.Kind.SELF_INTERSECTION, d.kind());
        assertEquals("113.8566667,22.5566667", d.location(), "where the two edges cross");
        assertEquals(1, r.partsBefore());
        assertEquals(2, r.partsAfter());
        // the lobes are triangles of 0.02 × 0.0133 and 0.01 × 0.0067 degrees-ish: areas in the ratio 4 : 1
        double small = r.areaAfter() / 5;
        assertEquals(3 * small, r.areaBefore(), 0.001, "the signed shoelace sum: the big lobe minus the small one");
        assertEquals(2.0 / 3, r.relativeChange(), 0.001);
        assertEquals("MultiPolygon", wkt(areaOf(result, "蝴蝶网格")).getGeometryType());
    }

    @Test
    void repeatedConsecutivePositionsAreDroppedAndNotedAsARepairThatKeepsTheArea() throws Exception {
        ImportResult<ImportedArea> result = read("repairs.geojson");
        GeometryRepair r = repairOf(result, "重复点社区");
        assertEquals(List.of(new GeometryRepair.Defect(GeometryRepair.Kind.REPEATED_POINTS, null,
                "repeated consecutive positions", 113.89, 22.65, 2)), r.defects());
        assertEquals(r.areaBefore(), r.areaAfter());
        assertEquals(0.0, r.relativeChange());
        assertEquals("feature 2 (重复点社区): 2 repeated consecutive positions dropped (first at 113.89,22.65); "
                + "area 1.14 → 1.14 km² (0.00%)", r.message());
        assertEquals("POLYGON ((113.88 22.65, 113.89 22.65, 113.89 22.66, 113.88 22.66, 113.88 22.65))",
                areaOf(result, "重复点社区").wkt());
    }

    @Test
    void aSpikeIsCutOffLeavingTheAreaAsItWas() throws Exception {
        ImportResult<ImportedArea> result = read("repairs.geojson");
        GeometryRepair r = repairOf(result, "尖刺网格");
        assertEquals(GeometryRepair.Kind.SELF_INTERSECTION, r.defects().get(0).kind());
        assertEquals("113.905,22.72", r.defects().get(0).location(), "the spike's tip");
        assertEquals(r.areaBefore(), r.areaAfter(), 1e-9);
        org.locationtech.jts.geom.Geometry g = wkt(areaOf(result, "尖刺网格"));
        assertEquals(22.71, g.getEnvelopeInternal().getMaxY(), 1e-12, "nothing of the spike is left");
    }

    @Test
    void aDefectInOnePartOfAMultiPolygonIsNamedWithItsPartAndRepeatsWithItsOwnPart() {
        String json = "[{\"type\":\"Feature\",\"properties\":{\"name\":\"两片\"},\"geometry\":{\"type\":\"MultiPolygon\","
                + "\"coordinates\":[[[[113.80,22.60],[113.81,22.60],[113.81,22.61],[113.80,22.61],[113.80,22.60]]],"
                + "[[[113.85,22.55],[113.87,22.57],[113.87,22.55],[113.87,22.55],[113.85,22.56],[113.85,22.55]]]]}}]";
        ImportResult<ImportedArea> result = reader.read(json);
        assertTrue(result.accepted(), () -> messages(result).toString());
        GeometryRepair r = result.repairs().get(0);
        assertEquals(List.of("polygon 1: 1 repeated consecutive position dropped (first at 113.87,22.55)",
                "polygon 1: Self-intersection at 113.8566667,22.5566667"),
                r.defects().stream().map(GeometryRepair.Defect::message).toList());
        assertEquals(2, r.partsBefore());
        assertEquals(3, r.partsAfter());
    }

    @Test
    void whatCannotBeRepairedIntoAPolygonStaysAProblemAndTheFileIsRefused() {
        // exactly collinear (binary fractions): the ring encloses nothing; and a ring left with two positions
        String json = "[{\"type\":\"Feature\",\"properties\":{\"name\":\"塌缩环\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[113.75,22.5],[113.875,22.625],[114.0,22.75],[113.75,22.5]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"重复塌缩\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[113.95,22.80],[113.96,22.81],[113.96,22.81],[113.95,22.80]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"蝴蝶网格\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[113.85,22.55],[113.87,22.57],[113.87,22.55],[113.85,22.56],[113.85,22.55]]]}}]";
        ImportResult<ImportedArea> result = reader.read(json);
        assertFalse(result.accepted());
        assertEquals(List.of(), result.records());
        assertEquals(List.of(
                "feature 0 (塌缩环): invalid polygon: the boundary crosses itself at 113.875,22.625; it cannot be "
                        + "repaired into a polygon (nothing of it encloses an area)",
                "feature 1 (重复塌缩): ring 0 collapses: once repeated positions are dropped it has 2 distinct positions, "
                        + "a ring needs at least 3"),
                messages(result));
        assertEquals(List.of(2), result.repairs().stream().map(GeometryRepair::feature).toList(),
                "the repairable bow-tie is listed apart from the problems");
        // JTS's own English stays out of the Chinese text: the error type has a text of its own.
        String zh = result.problems().get(0).message(java.util.Locale.ROOT);
        assertTrue(zh.contains("多边形无效：边界自相交，位于 113.875,22.625"), zh);
        assertFalse(zh.contains("Self-intersection"), zh);
    }

    @Test
    void theAreaOfAFileInGcj02IsTakenOnTheGroundInWgs84() {
        String square = "[{\"type\":\"Feature\",\"properties\":{\"name\":\"格\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[113.80,22.60],[113.81,22.60],[113.81,22.60],[113.81,22.61],[113.80,22.61],[113.80,22.60]]]}}]";
        double gcj = reader.read(square).repairs().get(0).areaAfter();
        double wgs = new GeoJsonAreaReader(GeoJsonAreaReader.Settings.withUsualNames(Datum.WGS84, DISTRICT)).read(square)
                .repairs().get(0).areaAfter();
        assertEquals(wgs, gcj, wgs * 0.01, "a few hundred metres' shift changes a 1 km² cell's area a little");
        assertTrue(gcj != wgs, "but the GCJ-02 coordinates were moved to WGS-84 before measuring");
    }
}
