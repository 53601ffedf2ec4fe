package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Names on the map never overlap: call-signs are shown while they can be read, a crowd of units is drawn without
 * them, and where labels compete incidents win over units and units over places and area names; incidents at one
 * spot are set apart so that each can be clicked.
 */
@ExtendWith(ApplicationExtension.class)
class UnitLabelDeclutterTest extends FxRobot {

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
        showUnits(count, staleCount, 0.0003);
    }

    /** A grid of units {@code step} degrees apart round the centre (0.0003 is about 6 px at zoom 15). */
    private void showUnits(int count, int staleCount, double step) throws Exception {
        List<UnitMarker> markers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant fix = i < staleCount ? NOW.minus(Duration.ofMinutes(30)) : NOW.minusSeconds(2);
            GeoPoint at = new GeoPoint(TOWN.lat() + (i / 20 - 5) * step, TOWN.lon() + (i % 20 - 10) * step, MAP_DATUM);
            markers.add(new UnitMarker(Integer.toString(i), "巡" + i, UnitKind.CAR, UnitStatus.AVAILABLE, at, 0, fix));
        }
        WaitForAsyncUtils.asyncFx(() -> vm.units().setAll(markers)).get(5, TimeUnit.SECONDS);
        settle();
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFewUnitsWithRoomAllCarryTheirCallSign() throws Exception {
        // about 30 px apart across and 60 px down at zoom 15: room for every call-sign
        List<UnitMarker> markers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GeoPoint at = new GeoPoint(TOWN.lat() + (i / 8 - 2) * 0.003, TOWN.lon() + (i % 8 - 4) * 0.0016, MAP_DATUM);
            markers.add(new UnitMarker(Integer.toString(i), "巡" + i, UnitKind.CAR, UnitStatus.AVAILABLE, at, 0,
                    NOW.minusSeconds(2)));
        }
        WaitForAsyncUtils.asyncFx(() -> vm.units().setAll(markers)).get(5, TimeUnit.SECONDS);
        settle();
        assertEquals(40, labelled());
        assertNoTwoLabelsOverlap();
    }

    @Test
    void packedUnitsKeepOnlyTheLabelsThatFitAndNoneOverlaps() throws Exception {
        // 60 units about 6 px apart, 10 of them stale with long labels ("巡3 · 30分钟前"): the case of "钟前32分钟前"
        showUnits(60, 10);
        int shown = labelled();
        assertTrue(shown > 0 && shown < 60, "some call-signs, not all: " + shown);
        assertNoTwoLabelsOverlap();
    }

    @Test
    void incidentsWinOverUnitsAndUnitsOverPlacesWhereLabelsCompete() throws Exception {
        GeoPoint spot = TOWN;
        WaitForAsyncUtils.asyncFx(() -> {
            view.centreOn(spot, 16.5); // places are named from 16
            vm.units().setAll(List.of(new UnitMarker("u1", "城关巡01", UnitKind.CAR, UnitStatus.AVAILABLE,
                    new GeoPoint(spot.lat(), spot.lon() + 0.00002, MAP_DATUM), 0, NOW.minusSeconds(2))));
            vm.incidents().setAll(List.of(new IncidentMarker("i1", "J20261123-00001 打架斗殴", 1, spot, NOW.minusSeconds(600))));
            vm.setPlaces(MapLayerId.KEY_PLACES, List.of(new PlaceMarker("p1", "城关第一小学", "SCHOOL",
                    new GeoPoint(spot.lat() + 0.00002, spot.lon(), MAP_DATUM))));
            return null;
        }).get(5, TimeUnit.SECONDS);
        settle();
        MapLabels labels = view.labels();
        assertEquals(1, onFx(() -> labels.placed(MapLabels.Kind.INCIDENT)), "the incident is always named");
        assertNoTwoLabelsOverlap();
        // the incident's label took the right of the spot; the unit's and the school's went elsewhere or gave way
        List<MapLabels.Placed> placed = onFx(labels::placed);
        assertEquals(MapLabels.Kind.INCIDENT, placed.get(0).kind(), "placed first");
        assertTrue(placed.stream().anyMatch(p -> p.kind() == MapLabels.Kind.UNIT), "the unit still finds room: " + placed);
    }

    @Test
    void twoIncidentsAtOneSpotAreSetApartAndEachCanBeClicked() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.centreOn(TOWN, 16);
            vm.incidents().setAll(List.of(
                    new IncidentMarker("a", "J20261123-00001 家庭纠纷", 2, TOWN, NOW.minusSeconds(900)),
                    new IncidentMarker("b", "J20261123-00002 家庭纠纷", 2, TOWN, NOW.minusSeconds(600))));
            return null;
        }).get(5, TimeUnit.SECONDS);
        settle();
        assertEquals(2, (int) onFx(() -> view.incidentLayer().spreadCount()), "both are set apart");
        assertEquals(2, (int) onFx(() -> view.labels().placed(MapLabels.Kind.INCIDENT)), "and both named");
        assertNoTwoLabelsOverlap();
        for (String id : List.of("a", "b")) {
            javafx.geometry.Point2D drawn = onFx(() -> {
                double[] off = view.incidentLayer().spreadOffset(id);
                javafx.geometry.Point2D p = view.screenPoint(TOWN);
                return view.localToScreen(p.getX() + off[0], p.getY() + off[1]);
            });
            clickOn(drawn);
            WaitForAsyncUtils.waitForFxEvents();
            MapSelection sel = onFx(() -> vm.selectedFeatureProperty().get());
            assertEquals(id, sel == null ? null : sel.id(), "a click on the marker drawn for " + id + " selects it");
            settle(); // the selection centres the map on it; the markers are drawn again
        }
    }

    @Test
    void aCrowdOfUnitsIsDrawnWithoutLabelsExceptTheStaleOnes() throws Exception {
        showUnits(200, 3);
        int shown = labelled();
        // the three stale units stand side by side, 6 px apart: those whose label finds room beside the crowd show it
        assertTrue(shown >= 1 && shown <= 3, "only stale units are labelled: " + shown);
        assertTrue(onFx(() -> view.labels().placed()).stream().filter(p -> p.kind() == MapLabels.Kind.UNIT)
                .allMatch(p -> p.text().contains("30")), "each with its age");
        assertNoTwoLabelsOverlap();
    }

    private int labelled() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.unitLayer().lastLabelled()).get(5, TimeUnit.SECONDS);
    }

    /** No two labels drawn in the last frame share a pixel. */
    private void assertNoTwoLabelsOverlap() {
        List<MapLabels.Placed> placed = onFx(() -> view.labels().placed());
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                javafx.geometry.Bounds a = placed.get(i).box();
                javafx.geometry.Bounds b = placed.get(j).box();
                boolean overlap = a.getMinX() < b.getMaxX() && b.getMinX() < a.getMaxX()
                        && a.getMinY() < b.getMaxY() && b.getMinY() < a.getMaxY();
                assertTrue(!overlap, placed.get(i).text() + " " + a + " overlaps " + placed.get(j).text() + " " + b);
            }
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static {
        Platform.setImplicitExit(false);
    }
}
