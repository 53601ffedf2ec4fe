package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.commandroom.core.cap.CapArea;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The areas of the CAP alerts in force as the map's overlay paints them: a circle and a polygon drawn where they are
 * (converted from CAP's WGS 84 to the map's datum), nothing elsewhere, nothing when no alert is in force.
 */
@ExtendWith(ApplicationExtension.class)
class LiveMapCapAreasTest {

    private static final double LAT = 29.21;
    private static final double LON = 103.73;
    private static final double ZOOM = 15;
    private LiveMapViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new LiveMapViewModel(Datum.GCJ02, Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    }

    /** The view 800 x 600 with the WGS 84 point (LAT, LON), converted to the map's datum, at its centre. */
    private Viewport centred() {
        GeoPoint c = DatumConverter.convert(GeoPoint.wgs84(LAT, LON), Datum.GCJ02);
        double scale = WebMercator.worldPixels(ZOOM);
        return new Viewport(ZOOM, 400 - WebMercator.x(c.lon()) * scale, 300 - WebMercator.y(c.lat()) * scale, 800, 600);
    }

    private WritableImage paint(List<CapArea> areas, boolean[] drew) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            vm.capAreasProperty().set(areas);
            Canvas canvas = new Canvas(800, 600);
            drew[0] = new CapAreaLayer(vm).paint(canvas.getGraphicsContext2D(), centred());
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            return canvas.snapshot(p, null);
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCircleAndAPolygonAreDrawnWhereTheyAreAndNothingElsewhere() throws Exception {
        boolean[] drew = new boolean[1];
        // 200 m around the centre; a polygon 0.002° square to the north-east of it
        WritableImage shot = paint(List.of(new CapArea("城关县", List.of(List.of(new CapArea.Point(LAT + 0.002, LON + 0.002),
                new CapArea.Point(LAT + 0.002, LON + 0.004), new CapArea.Point(LAT + 0.004, LON + 0.004),
                new CapArea.Point(LAT + 0.004, LON + 0.002), new CapArea.Point(LAT + 0.002, LON + 0.002))),
                List.of(new CapArea.Circle(new CapArea.Point(LAT, LON), 0.2)))), drew);
        assertTrue(drew[0]);
        Viewport v = centred();
        double r = 200 / v.metresPerPixel();
        assertTrue(alpha(shot, 400, 300) > 0, "the circle's fill at its centre");
        assertTrue(alpha(shot, (int) (400 + r * 0.7), 300) > 0, "inside the circle");
        assertEquals(0, alpha(shot, (int) (400 + r * 1.3), 300), "outside the circle");
        GeoPoint inside = DatumConverter.convert(GeoPoint.wgs84(LAT + 0.003, LON + 0.003), Datum.GCJ02);
        int px = (int) Math.round(v.screenX(WebMercator.x(inside.lon())));
        int py = (int) Math.round(v.screenY(WebMercator.y(inside.lat())));
        assertTrue(px > 400 && py < 300, "north-east of the centre on screen");
        assertTrue(alpha(shot, px, py) > 0, "inside the polygon");
        assertEquals(0, alpha(shot, 200, 450), "south-west, away from both");
    }

    @Test
    void nothingIsDrawnWhenNoAlertIsInForce() throws Exception {
        boolean[] drew = {true};
        WritableImage shot = paint(List.of(), drew);
        assertFalse(drew[0]);
        assertEquals(0, alpha(shot, 400, 300));
    }

    private static int alpha(WritableImage img, int x, int y) {
        return img.getPixelReader().getArgb(x, y) >>> 24;
    }
}
