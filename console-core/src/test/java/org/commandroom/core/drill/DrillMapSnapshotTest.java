package org.commandroom.core.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's maps at key moments: one per scored event, with the units where they stood and the nearest ranked. */
class DrillMapSnapshotTest {

    @TempDir
    Path dataDir;

    @Test
    void theReportHasAMapForEachScoredEventWithTheNearestUnitsRanked() throws Exception {
        try (DrillSession drill = DrillSessionTest.start(dataDir, "fugitive-qianjin-road.yaml")) {
            drill.playToEnd();
            DrillReport report = DrillReport.of(drill, drill.clock().instant());
            List<String> events = report.maps().stream().map(k -> k.map().eventId()).toList();
            assertEquals(List.of("fugitive", "robbery"), events, "the scored events that happened; not the dark camera");
            DrillReport.KeyMoment fugitive = report.maps().get(0);
            assertEquals("前进一路1号 · 布控", fugitive.title(), "the place and the competence, not the scenario's ids");
            assertEquals(drill.clock().start().plus(fugitive.at()), fugitive.map().at());
            List<DrillMapSnapshot.Mark> ranked = fugitive.map().units().stream().filter(m -> m.rank() > 0)
                    .sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList();
            assertTrue(ranked.size() >= 2);
            assertTrue(fugitive.map().units().size() >= ranked.size());
            // ranked by travel time as the scorer ranks: the first is no farther by straight line than most
            assertEquals(1, ranked.get(0).rank());
        }
    }

    @Test
    void thePictureHasTheEventInTheMiddleAndTheNearestUnitInOrange() throws Exception {
        GeoPoint at = new GeoPoint(29.21, 103.95, Datum.WGS84);
        GeoPoint east = new GeoPoint(29.21, 103.95 + 600 / (111_320 * Math.cos(Math.toRadians(29.21))), Datum.WGS84);
        GeoPoint north = new GeoPoint(29.21 + 900 / 111_320.0, 103.95, Datum.WGS84);
        DrillMapSnapshot m = new DrillMapSnapshot("x", Instant.parse("2026-03-12T12:00:00Z"), at,
                List.of(new DrillMapSnapshot.Mark("玉津巡01", east, 1), new DrillMapSnapshot.Mark("玉津巡02", north, 0)));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(m.png(300, 300)));
        assertEquals(new Color(200, 20, 20).getRGB(), img.getRGB(150, 150), "the event");
        // 1,500 m each side at least: 0.1 px per metre, so 600 m east is 60 px right of the middle
        assertEquals(new Color(230, 120, 0).getRGB(), img.getRGB(210, 150), "the nearest unit");
        assertEquals(new Color(150, 150, 150).getRGB(), img.getRGB(150, 60), "an unavailable unit, 900 m north");
    }

    @Test
    void theCountysMainRoadsAndPoliceGridsAreDrawnUnderTheUnits() throws Exception {
        GeoPoint at = new GeoPoint(29.21, 103.95, Datum.WGS84);
        double perLon = 111_320 * Math.cos(Math.toRadians(29.21));
        // a road running east-west 405 m north of the event; a grid reaching 1,005 m each side of it
        List<GeoPoint> road = List.of(new GeoPoint(29.21 + 405 / 111_320.0, 103.95 - 2_000 / perLon, Datum.WGS84),
                new GeoPoint(29.21 + 405 / 111_320.0, 103.95 + 2_000 / perLon, Datum.WGS84));
        double dLat = 1_005 / 111_320.0;
        double dLon = 1_005 / perLon;
        List<GeoPoint> grid = List.of(new GeoPoint(29.21 - dLat, 103.95 - dLon, Datum.WGS84),
                new GeoPoint(29.21 - dLat, 103.95 + dLon, Datum.WGS84), new GeoPoint(29.21 + dLat, 103.95 + dLon, Datum.WGS84),
                new GeoPoint(29.21 + dLat, 103.95 - dLon, Datum.WGS84), new GeoPoint(29.21 - dLat, 103.95 - dLon, Datum.WGS84));
        DrillMapSnapshot bare = new DrillMapSnapshot("x", Instant.parse("2026-03-12T12:00:00Z"), at, List.of());
        DrillMapSnapshot over = bare.withBackdrop(new DrillMapBackdrop(List.of(grid), List.of(road)));
        BufferedImage without = ImageIO.read(new ByteArrayInputStream(bare.png(300, 300)));
        BufferedImage with = ImageIO.read(new ByteArrayInputStream(over.png(300, 300)));
        // 0.1 px per metre: the road at y 109.5, the grid's east edge at x 250.5
        assertEquals(DrillMapSnapshot.ROAD.getRGB(), with.getRGB(100, 109), "the main road");
        assertEquals(new Color(246, 244, 238).getRGB(), without.getRGB(100, 109), "no road without the county");
        long gridPixels = java.util.stream.IntStream.range(60, 130).filter(y -> with.getRGB(250, y) == DrillMapSnapshot.GRID.getRGB())
                .count();
        assertTrue(gridPixels > 30, "the grid's dashed outline: " + gridPixels + " px");
        assertTrue(gridPixels < 70, "dashed, not solid: " + gridPixels + " px");
        assertEquals(new Color(200, 20, 20).getRGB(), with.getRGB(150, 150), "the event over them");
    }

    @Test
    void aGridsOutlineAndAMainRoadAreReadFromTheirWkt() {
        var reader = new org.locationtech.jts.io.WKTReader();
        List<List<GeoPoint>> grid = DrillMapBackdrop.lines(reader,
                "MULTIPOLYGON(((103.9 29.2, 104.0 29.2, 104.0 29.3, 103.9 29.2)),((104.1 29.2, 104.2 29.2, 104.2 29.3, 104.1 29.2)))",
                "WGS84");
        assertEquals(2, grid.size());
        assertEquals(new GeoPoint(29.2, 103.9, Datum.WGS84), grid.get(0).get(0));
        assertEquals(2, DrillMapBackdrop.lines(reader, "LINESTRING(103.9 29.2, 104.0 29.25)", "WGS84").get(0).size());
        assertTrue(DrillMapBackdrop.lines(reader, "not a shape", "WGS84").isEmpty());
    }

    @Test
    void labelsOfUnitsStandingTogetherDoNotOverlapEachOtherNorTheEvent() {
        java.awt.Rectangle event = new java.awt.Rectangle(141, 141, 18, 18);
        // the two nearest cars 3 px apart just right of the event, and four more units on the same spot
        List<DrillMapSnapshot.Label> labels = new java.util.ArrayList<>(List.of(
                new DrillMapSnapshot.Label("1 玉津巡01", 170, 150, 60, 14, true),
                new DrillMapSnapshot.Label("2 玉津巡02", 173, 150, 60, 14, true)));
        for (int k = 3; k <= 6; k++) {
            labels.add(new DrillMapSnapshot.Label("清溪摩0" + k, 172, 151, 50, 14, false));
        }
        List<java.awt.Rectangle> placed = DrillMapSnapshot.placeLabels(labels, 300, 300, List.of(event));
        List<java.awt.Rectangle> shown = placed.stream().filter(java.util.Objects::nonNull).toList();
        assertTrue(placed.get(0) != null && placed.get(1) != null, "the ranked ones are always labelled");
        assertTrue(shown.size() >= 4, "room was found for most: " + placed);
        for (int a = 0; a < shown.size(); a++) {
            assertTrue(new java.awt.Rectangle(0, 0, 300, 300).contains(shown.get(a)), "inside the picture");
            assertTrue(!shown.get(a).intersects(event), "clear of the event");
            for (int b = a + 1; b < shown.size(); b++) {
                assertTrue(!shown.get(a).intersects(shown.get(b)), shown.get(a) + " overlaps " + shown.get(b));
            }
        }
    }

    @Test
    void anUnrankedLabelWithNoRoomLeftIsLeftOutAndARankedOneStillShows() {
        List<DrillMapSnapshot.Label> labels = List.of(
                new DrillMapSnapshot.Label("清溪摩03", 30, 20, 50, 14, false),
                new DrillMapSnapshot.Label("1 玉津巡01", 30, 20, 50, 14, true));
        // a picture with room for nothing but the dots: everything around them is taken
        List<java.awt.Rectangle> placed = DrillMapSnapshot.placeLabels(labels, 60, 40,
                List.of(new java.awt.Rectangle(0, 0, 60, 40)));
        assertEquals(null, placed.get(0));
        assertTrue(placed.get(1) != null);
    }
}
