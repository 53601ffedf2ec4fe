package org.commandroom.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class GridLocatorTest {

    /** A police grid key as the map will use it: grid id and the station that owns it. */
    record PoliceGrid(long gridId, long stationId) {
    }

    private static final double LAT0 = 22.55;
    private static final double LON0 = 113.88;
    /** Side of each test square, about 110 m. */
    private static final double STEP = 0.001;

    private static String square(int row, int col) {
        double lat = LAT0 + row * STEP;
        double lon = LON0 + col * STEP;
        return String.format(Locale.ROOT, "POLYGON ((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
                lon, lat, lon + STEP, lat, lon + STEP, lat + STEP, lon, lat + STEP, lon, lat);
    }

    /** 10 x 10 squares; grid id = 100 + row * 10 + col; the station is 1 for the western half, 2 for the eastern. */
    private static List<GridLocator.Area<PoliceGrid>> squares() {
        List<GridLocator.Area<PoliceGrid>> areas = new ArrayList<>();
        for (int row = 0; row < 10; row++) {
            for (int col = 0; col < 10; col++) {
                areas.add(new GridLocator.Area<>(new PoliceGrid(100 + row * 10 + col, col < 5 ? 1 : 2), square(row, col)));
            }
        }
        return areas;
    }

    private final GridLocator<PoliceGrid> locator = new GridLocator<>(squares(), Datum.WGS84);

    @Test
    void pointIsLocatedInTheSquareThatContainsIt() {
        Optional<PoliceGrid> hit = locator.locate(GeoPoint.wgs84(LAT0 + 3.5 * STEP, LON0 + 7.5 * STEP));
        assertEquals(Optional.of(new PoliceGrid(137, 2)), hit);
    }

    @Test
    void pointOutsideEveryAreaIsNotLocated() {
        assertEquals(Optional.empty(), locator.locate(GeoPoint.wgs84(LAT0 - 0.01, LON0)));
    }

    @Test
    void pointOnASharedEdgeGoesToTheAreaListedFirst() {
        // The edge between squares (0,0) and (0,1) is the meridian LON0 + STEP.
        GeoPoint onEdge = GeoPoint.wgs84(LAT0 + 0.5 * STEP, LON0 + STEP);
        assertEquals(100, locator.locate(onEdge).orElseThrow().gridId());

        List<GridLocator.Area<PoliceGrid>> reversed = new ArrayList<>(squares());
        java.util.Collections.reverse(reversed);
        assertEquals(101, new GridLocator<>(reversed, Datum.WGS84).locate(onEdge).orElseThrow().gridId());
    }

    @Test
    void pointOnAVertexSharedByFourSquaresGoesToTheFirstListed() {
        GeoPoint corner = GeoPoint.wgs84(LAT0 + 2 * STEP, LON0 + 2 * STEP);
        assertEquals(111, locator.locate(corner).orElseThrow().gridId());
    }

    @Test
    void pointOnTheOuterBoundaryCountsAsInside() {
        assertEquals(100, locator.locate(GeoPoint.wgs84(LAT0, LON0 + 0.5 * STEP)).orElseThrow().gridId());
    }

    @Test
    void gcj02QueryIsConvertedToTheLocatorsDatum() {
        GeoPoint wgs = GeoPoint.wgs84(LAT0 + 4.5 * STEP, LON0 + 4.5 * STEP);
        GeoPoint gcj = DatumConverter.convert(wgs, Datum.GCJ02);
        // Read naively as WGS-84 the GCJ-02 numbers fall about 500 m away, in another 110 m square.
        assertNotEquals(144L, locator.locate(GeoPoint.wgs84(gcj.lat(), gcj.lon())).map(PoliceGrid::gridId).orElse(-1L));
        assertEquals(144, locator.locate(gcj).orElseThrow().gridId());
    }

    @Test
    void locateAgreesWithAScanOfEveryAreaOnRandomPoints() throws Exception {
        WKTReader reader = new WKTReader();
        GeometryFactory f = new GeometryFactory();
        List<GridLocator.Area<PoliceGrid>> areas = squares();
        List<Geometry> shapes = new ArrayList<>();
        for (GridLocator.Area<PoliceGrid> a : areas) {
            shapes.add(reader.read(a.wkt()));
        }
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            double lat = LAT0 - STEP + random.nextDouble() * 12 * STEP;
            double lon = LON0 - STEP + random.nextDouble() * 12 * STEP;
            Optional<PoliceGrid> expected = Optional.empty();
            for (int k = 0; k < shapes.size(); k++) {
                if (shapes.get(k).covers(f.createPoint(new Coordinate(lon, lat)))) {
                    expected = Optional.of(areas.get(k).key());
                    break;
                }
            }
            assertEquals(expected, locator.locate(GeoPoint.wgs84(lat, lon)));
        }
    }

    @Test
    void nearFindsAreasWithinTheRadiusOnly() {
        // 50 m south of the south-west corner square's southern edge, at its middle.
        GeoPoint south = GeoPoint.wgs84(LAT0 - 50 / Geodesy.METRES_PER_DEGREE, LON0 + 0.5 * STEP);
        assertEquals(List.of(), locator.near(south, 40));
        assertEquals(List.of(new PoliceGrid(100, 1)), locator.near(south, 60));
        assertEquals(List.of(100L, 101L), locator.near(south, 90).stream().map(PoliceGrid::gridId).toList());
    }

    @Test
    void drawnPolygonReturnsTouchedAndContainedAreasSeparately() {
        // A box from the middle of square (0,0) to the middle of square (1,1), in GCJ-02 as drawn on the map.
        List<GeoPoint> wgs = List.of(
                GeoPoint.wgs84(LAT0 + 0.5 * STEP, LON0 + 0.5 * STEP), GeoPoint.wgs84(LAT0 + 0.5 * STEP, LON0 + 2.5 * STEP),
                GeoPoint.wgs84(LAT0 + 2.5 * STEP, LON0 + 2.5 * STEP), GeoPoint.wgs84(LAT0 + 2.5 * STEP, LON0 + 0.5 * STEP));
        List<GeoPoint> drawn = wgs.stream().map(p -> DatumConverter.convert(p, Datum.GCJ02)).toList();
        GeoShape box = GeoShape.polygon(drawn);
        assertEquals(List.of(100L, 101L, 102L, 110L, 111L, 112L, 120L, 121L, 122L),
                locator.intersecting(box).stream().map(PoliceGrid::gridId).toList());
        assertEquals(List.of(111L), locator.within(box).stream().map(PoliceGrid::gridId).toList());
    }

    @Test
    void stationOfTheLocatedGridComesWithTheKey() {
        assertEquals(1, locator.locate(GeoPoint.wgs84(LAT0 + 0.5 * STEP, LON0 + 4.5 * STEP)).orElseThrow().stationId());
        assertEquals(2, locator.locate(GeoPoint.wgs84(LAT0 + 0.5 * STEP, LON0 + 5.5 * STEP)).orElseThrow().stationId());
    }

    @Test
    void boundaryThatIsNotAPolygonIsRejectedNamingTheArea() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GridLocator<>(List.of(new GridLocator.Area<>("城北", "LINESTRING (0 0, 1 1)")), Datum.WGS84));
        assertEquals("area 城北: boundary must be a non-empty POLYGON or MULTIPOLYGON, got LineString", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new GridLocator<>(List.of(new GridLocator.Area<>("城南", "POLYGON ((0 0, 1")), Datum.WGS84));
        assertTrue(bad.getMessage().startsWith("area 城南: boundary is not valid WKT"), bad.getMessage());
    }

    @Test
    void multiPolygonAreaIsLocatedInEitherPart() {
        String two = "MULTIPOLYGON (((113.80 22.60, 113.81 22.60, 113.81 22.61, 113.80 22.60)),"
                + " ((113.90 22.60, 113.91 22.60, 113.91 22.61, 113.90 22.60)))";
        GridLocator<Long> l = new GridLocator<>(List.of(new GridLocator.Area<>(7L, two)), Datum.GCJ02);
        assertEquals(Optional.of(7L), l.locate(new GeoPoint(22.601, 113.809, Datum.GCJ02)));
        assertEquals(Optional.of(7L), l.locate(new GeoPoint(22.601, 113.909, Datum.GCJ02)));
        assertEquals(Optional.empty(), l.locate(new GeoPoint(22.601, 113.85, Datum.GCJ02)));
    }
}
