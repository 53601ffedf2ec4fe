package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall's way of moving the map ({@link LiveMapView#setRasterWhileMoving}): a flight shows one image, drawn once
 * and scaled, and the map is drawn sharp when it ends, pixel for pixel as a full render; the flight back composes
 * nothing at its start; a pulse repaints its ring, not the canvas of units and names.
 */
@ExtendWith(ApplicationExtension.class)
class WallMapFlightTest extends FxRobot {

    private static final Datum MAP_DATUM = Datum.GCJ02;
    private static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");
    private static final GeoPoint TOWN = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON);
    private static final GeoPoint INCIDENT = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT + 0.01, SyntheticCounty.CENTRE_LON + 0.015);

    private LiveMapViewModel vm;
    private LiveMapView view;

    @BeforeAll
    static void offlineTiles() {
        MapTiles.configure(TileSourceSettings.offline(new SyntheticCounty(1).baseMap(), MAP_DATUM));
    }

    @Start
    void start(Stage stage) {
        SyntheticCounty county = new SyntheticCounty(11);
        vm = new LiveMapViewModel(MAP_DATUM, Clock.fixed(NOW, ZoneOffset.UTC));
        vm.setGrids(county.grids());
        vm.setPlaces(MapLayerId.KEY_PLACES, county.places("P", "重点部位", "SCHOOL", 25));
        List<UnitMarker> units = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            units.add(new UnitMarker("U" + i, "巡" + i, UnitKind.CAR, UnitStatus.AVAILABLE,
                    GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT + (i % 5 - 2) * 0.006, SyntheticCounty.CENTRE_LON + (i / 5 - 2) * 0.008),
                    i * 18, NOW));
        }
        vm.units().setAll(units);
        vm.incidents().setAll(List.of(new IncidentMarker("J1", "抢劫", 1, INCIDENT, NOW.minusSeconds(3600))));
        view = new LiveMapView(vm);
        view.setRasterWhileMoving(true);
        view.centreOn(TOWN, 13);
        // its own size, inside the stage
        StackPane root = new StackPane(view);
        view.setMaxSize(800, 560);
        stage.setScene(new Scene(root, 800, 560));
        stage.show();
    }

    private void baseMapLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !view.overlayLayer().tilesPending() && view.overlayLayer().tilesLoaded() > 0).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void flyAndLand(GeoPoint to, double zoom) throws Exception {
        interact(() -> view.flyTo(to, zoom, 400));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.flying());
        // the zoom rests, the composite is composed sharp for the view
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !view.overlayLayer().showsScaled()).get());
        baseMapLoaded();
    }

    private WritableImage shot() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFlightShowsOneImageScaledAndTheMapIsDrawnSharpWhenItEnds() throws Exception {
        baseMapLoaded();
        long composed = view.overlayLayer().draws();
        long scaledFrames = view.overlayLayer().scales();
        // a long flight, so that a loaded machine still looks at it in the air
        interact(() -> view.flyTo(INCIDENT, 15, 4000));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.overlayLayer().scales() >= scaledFrames + 3);
        boolean[] mid = WaitForAsyncUtils.asyncFx(() -> new boolean[] {view.flying(), view.movingLayer().inFlight(),
            view.movingLayer().canvas.isVisible(), view.overlayLayer().showsScaled()}).get(5, TimeUnit.SECONDS);
        assertTrue(mid[0], "still flying");
        assertTrue(mid[1] && !mid[2], "the units and names are in the scaled image, their canvas hidden");
        assertTrue(mid[3], "the composite shown scaled");
        assertEquals(composed, view.overlayLayer().draws(), "flying in from the district composes nothing on the way");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.flying());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !view.overlayLayer().showsScaled()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.overlayLayer().draws() > composed, "composed sharp for the incident's view once landed");
        assertFalse(view.movingLayer().inFlight());
        assertTrue(view.movingLayer().canvas.isVisible(), "the units and names on their canvas again, drawn for the view");
        assertEquals(15, view.zoom(), 1e-9);
    }

    @Test
    void aSettledFrameAfterAFlightIsPixelForPixelAFullRender() throws Exception {
        baseMapLoaded();
        flyAndLand(INCIDENT, 15);
        WritableImage landed = shot();
        interact(() -> {
            view.overlayLayer().invalidate();
            view.movingLayer().invalidate();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage full = shot();
        int w = (int) full.getWidth();
        int h = (int) full.getHeight();
        assertEquals(w, (int) landed.getWidth());
        int differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (landed.getPixelReader().getArgb(x, y) != full.getPixelReader().getArgb(x, y)) {
                    differ++;
                }
            }
        }
        assertEquals(0, differ, "pixels differing between the frame after the flight and a full render");
    }

    @Test
    void theFlightBackToTheDistrictStartsFromTheImageKeptAndComposesNothing() throws Exception {
        baseMapLoaded();
        GeoPoint home = view.viewCentre();
        flyAndLand(INCIDENT, 15);
        long composed = view.overlayLayer().draws();
        long reused = view.overlayLayer().reusedPrevious();
        interact(() -> view.flyTo(home, 13, 400));
        assertEquals(reused + 1, view.overlayLayer().reusedPrevious(), "the district's image, kept from before the flight");
        assertEquals(composed, view.overlayLayer().draws(), "nothing composed at the flight's start");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.flying());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.overlayLayer().showsScaled(), "landed on the image it flew from: sharp at once");
        assertEquals(composed, view.overlayLayer().draws(), "and still nothing composed: the district's image is the view's");
    }

    @Test
    void aPulseRepaintsItsRingNotTheCanvasOfUnitsAndNames() throws Exception {
        baseMapLoaded();
        long[] before = new long[2];
        interact(() -> {
            view.incidentLayer().setPulseDuration(java.time.Duration.ofSeconds(30)); // ended below, not by time
            vm.incidents().add(new IncidentMarker("J2", "求助", 2, TOWN, NOW));
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            before[0] = view.movingLayer().draws();
            before[1] = view.pulseLayer().frames();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.pulseLayer().frames() >= before[1] + 15);
        int rings = WaitForAsyncUtils.asyncFx(() -> view.pulseLayer().shownRings()).get(5, TimeUnit.SECONDS);
        long canvasDraws = view.movingLayer().draws() - before[0];
        assertEquals(1, rings, "the new incident's ring");
        assertTrue(canvasDraws <= 1, "the canvas of units and names drawn " + canvasDraws + " times in 15 frames of a pulse");
        interact(() -> view.incidentLayer().setPulseDuration(java.time.Duration.ofMillis(1)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.incidentLayer().isPulsing());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, (int) WaitForAsyncUtils.asyncFx(() -> view.pulseLayer().shownRings()).get(5, TimeUnit.SECONDS),
                "no ring once the pulse is over");
    }
}
