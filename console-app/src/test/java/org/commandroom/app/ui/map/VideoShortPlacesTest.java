package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.MapLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A key place whose cameras are dark is marked on the map (the video patrol cannot watch it); a watched one is not. */
@ExtendWith(ApplicationExtension.class)
class VideoShortPlacesTest extends FxRobot {

    private static final double LAT = 29.21;
    private static final double LON = 103.95;
    private static final double HUNDRED_M = 100 / 111_195.0;

    private LiveMapView view;
    private MapData.Prepared prepared;

    private static MapLayers.CameraPoint camera(String id, double lat, boolean online) {
        return new MapLayers.CameraPoint(id, id, CameraKind.SKYNET, lat, LON, Datum.WGS84, online);
    }

    @Start
    void start(Stage stage) {
        MapLayers.Place watched = new MapLayers.Place(1, "城关小学", "SCHOOL", LAT, LON, Datum.WGS84);
        MapLayers.Place dark = new MapLayers.Place(2, "夜市", "NIGHT_MARKET", LAT + 20 * HUNDRED_M, LON, Datum.WGS84);
        List<MapLayers.CameraPoint> cameras = List.of(camera("a", LAT + HUNDRED_M / 2, true), camera("b", LAT - HUNDRED_M, true),
                camera("c", LAT + 20 * HUNDRED_M, false), camera("d", LAT + 21 * HUNDRED_M, true));
        MapLayers layers = new MapLayers("", Datum.WGS84, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(watched, dark), List.of(), List.of(), cameras);
        prepared = MapData.prepare(layers);
        LiveMapViewModel vm = new LiveMapViewModel(MapTiles.tileDatum(), Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));
        prepared.applyTo(vm);
        view = new LiveMapView(vm);
        view.centreOn(new GeoPoint(LAT + 10 * HUNDRED_M, LON, Datum.WGS84), 15);
        stage.setScene(new Scene(new StackPane(view), 800, 600));
        stage.show();
    }

    @Test
    void theDarkPlaceIsMarkedWithItsCountsAndTheWatchedOneIsNot() {
        List<PlaceMarker> places = prepared.places().get(MapLayerId.KEY_PLACES);
        assertNull(places.get(0).videoShort(), "two cameras on line within 200 m");
        assertEquals(new PlaceMarker.VideoShort(2, 1), places.get(1).videoShort(), "c dark, d on line: one of two");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> view.requestLayout());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.placeLayer(MapLayerId.KEY_PLACES).lastDrawn());
        assertEquals(1, view.placeLayer(MapLayerId.KEY_PLACES).lastShortOfVideo(), "one red ring");
    }
}
