package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Call-signs are shown while they can be read; a crowd of units is drawn without them. */
@ExtendWith(ApplicationExtension.class)
class UnitLabelDeclutterTest {

    private static final Datum MAP_DATUM = Datum.GCJ02;
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final GeoPoint TOWN = DatumConverter.convert(
            GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON), MAP_DATUM);

    private LiveMapViewModel vm;
    private LiveMapView view;

    @BeforeAll
    static void offlineTiles() {
        MapTiles.configure(TileSourceSettings.offline(new SyntheticCounty(1).baseMap(), MAP_DATUM));
    }

    @Start
    void start(Stage stage) {
        vm = new LiveMapViewModel(MAP_DATUM, Clock.fixed(NOW, ZoneOffset.UTC));
        view = new LiveMapView(vm);
        view.centreOn(TOWN, 15);
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    private void showUnits(int count, int staleCount) throws Exception {
        List<UnitMarker> markers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant fix = i < staleCount ? NOW.minus(Duration.ofMinutes(30)) : NOW.minusSeconds(2);
            // A grid of units inside a few hundred metres of the centre: all on screen at zoom 15.
            GeoPoint at = new GeoPoint(TOWN.lat() + (i / 20 - 5) * 0.0003, TOWN.lon() + (i % 20 - 10) * 0.0003, MAP_DATUM);
            markers.add(new UnitMarker(Integer.toString(i), "巡" + i, UnitKind.CAR, UnitStatus.AVAILABLE, at, 0, fix));
        }
        WaitForAsyncUtils.asyncFx(() -> vm.units().setAll(markers)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFewUnitsAllCarryTheirCallSign() throws Exception {
        showUnits(40, 0);
        assertEquals(40, labelled());
    }

    @Test
    void aCrowdOfUnitsIsDrawnWithoutLabelsExceptTheStaleOnes() throws Exception {
        showUnits(200, 3);
        assertEquals(3, labelled(), "only the stale units keep a label (with their age)");
    }

    private int labelled() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.unitLayer().lastLabelled()).get(5, TimeUnit.SECONDS);
    }

    static {
        Platform.setImplicitExit(false);
    }
}
