package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseMapPoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The house register's layer: each house where it is, in the colour of its stars; toggled; named on hover; the legend's grades. */
@ExtendWith(ApplicationExtension.class)
class LiveMapHousesTest extends FxRobot {

    private static final Datum MAP_DATUM = Datum.GCJ02;
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private LiveMapViewModel vm;
    private LiveMapView view;
    private MapLegend legend;
    private final List<HouseMapPoints.Point> houses = new ArrayList<>();

    @BeforeAll
    static void offlineTiles() {
        MapTiles.configure(TileSourceSettings.offline(new SyntheticCounty(1).baseMap(), MAP_DATUM));
    }

    @Start
    void start(Stage stage) {
        // one house of each grade, 1 star to 5, some 100 m apart in a row east of the town
        for (int stars = 1; stars <= 5; stars++) {
            houses.add(new HouseMapPoints.Point(100 + stars, "南关街", stars + "号", null,
                    stars == 1 ? HouseKind.GROUP_RENTED : HouseKind.RENTED, stars, stars == 5 ? null : "张房东", 3 * stars,
                    GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON + 0.001 * (stars - 3))));
        }
        vm = new LiveMapViewModel(MAP_DATUM, Clock.fixed(NOW, ZoneOffset.UTC));
        vm.setHouses(HouseSet.of(houses, MAP_DATUM));
        for (MapLayerId id : MapLayerId.values()) {
            vm.layerVisibleProperty(id).set(id == MapLayerId.HOUSES);
        }
        view = new LiveMapView(vm);
        view.centreOn(GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON), 16);
        legend = new MapLegend(vm, I18n.load(Locale.ROOT));
        StackPane.setAlignment(legend, javafx.geometry.Pos.TOP_RIGHT);
        stage.setScene(new Scene(new StackPane(view, legend), 900, 640));
        stage.show();
    }

    private int pixel(Point2D at) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(5, TimeUnit.SECONDS);
        return shot.getPixelReader().getArgb((int) Math.round(at.getX()), (int) Math.round(at.getY()));
    }

    private Point2D at(int stars) {
        return view.screenPoint(houses.get(stars - 1).position());
    }

    @Test
    void eachHouseIsDrawnWhereItIsInTheColourOfItsStars() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, view.houseLayer().lastDrawn());
        assertEquals(List.of(MapPalette.GRADE_RED, MapPalette.GRADE_ORANGE, MapPalette.HOUSE_3_STARS, MapPalette.HOUSE_4_STARS,
                MapPalette.GRADE_GREEN), List.of(HouseSet.colourOf(1), HouseSet.colourOf(2), HouseSet.colourOf(3),
                HouseSet.colourOf(4), HouseSet.colourOf(5)), "the rule: 1 star red ... 5 stars green");
        for (int stars = 1; stars <= 5; stars++) {
            assertEquals(Integer.toHexString(HouseSet.colourOf(stars)), Integer.toHexString(pixel(at(stars))),
                    "the house of " + stars + " stars, at its position");
        }
        Point2D between = at(1).midpoint(at(2));
        assertNotEquals(HouseSet.colourOf(1), pixel(between), "only at the house");
        assertEquals(HouseSet.colourOf(0), HouseSet.colourOf(1), "below 1 star is drawn as 1");
        assertEquals(HouseSet.colourOf(9), HouseSet.colourOf(5), "above 5 as 5");
    }

    @Test
    void theLegendsCheckBoxHidesTheHousesAndTheyAreNotPickedThen() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Point2D red = at(1);
        assertEquals(HouseSet.colourOf(1), pixel(red));
        clickOn(legend.box(MapLayerId.HOUSES));
        assertFalse(vm.layerVisibleProperty(MapLayerId.HOUSES).get(), "the legend's check box switches the layer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.houseLayer().lastDrawn());
        assertNotEquals(HouseSet.colourOf(1), pixel(red), "hidden");
        assertTrue(view.pickAt(red.getX(), red.getY()).isEmpty(), "a hidden house is not picked");
        clickOn(legend.box(MapLayerId.HOUSES));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HouseSet.colourOf(1), pixel(red), "shown again");
    }

    @Test
    void zoomedOutBelowTheLayersZoomNoHouseIsDrawn() throws Exception {
        interact(() -> view.setZoom(MapLayerId.HOUSES.minZoom() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.houseLayer().lastDrawn());
        interact(() -> legend.showZoom(view.zoom()));
        assertTrue(legend.box(MapLayerId.HOUSES).getPseudoClassStates().toString().contains("hidden-at-zoom"));
    }

    @Test
    void hoveringAHouseNamesItsAddressKindStarsLandlordAndOccupants() {
        WaitForAsyncUtils.waitForFxEvents();
        moveTo(view.localToScreen(at(2)));
        MapSelection hovered = vm.hoveredFeatureProperty().get();
        assertEquals(MapSelection.Kind.HOUSE, hovered.kind());
        assertEquals("102", hovered.id());
        assertEquals("南关街 2号", vm.describe(hovered).orElseThrow());
        HouseMapPoints.Point h = vm.house(hovered.id()).orElseThrow();
        assertEquals("南关街 2号 · 出租房屋 · 2星 · 房东 张房东 · 居住 6 人", HouseSet.describe(I18n.load(Locale.ROOT), h));
        assertEquals("南关街 5号 · Rented house · 5 stars · landlord none recorded · 15 occupants",
                HouseSet.describe(I18n.load(Locale.ENGLISH), vm.house("105").orElseThrow()));
        clickOn(view.localToScreen(at(1)));
        assertEquals(new MapSelection(MapSelection.Kind.HOUSE, "101", vm.houses().position(0)), vm.selectedFeatureProperty().get());
        assertEquals(MapLayerId.HOUSES, LiveMapViewModel.layerOf(MapSelection.Kind.HOUSE));
    }

    @Test
    void theLegendNamesTheGradesAndStatesTheRule() throws Exception {
        assertEquals(List.of("1星", "2星", "3星", "4星", "5星"), legend.houseGradeNames());
        assertEquals("房屋", legend.box(MapLayerId.HOUSES).getText());
        String tip = legend.box(MapLayerId.HOUSES).getTooltip().getText();
        assertTrue(tip.contains("Alt+H"), tip);
        assertTrue(tip.contains("1星红") && tip.contains("5星绿"), tip);
        MapLegend english = WaitForAsyncUtils.asyncFx(() -> new MapLegend(vm, I18n.load(Locale.ENGLISH))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("1★", "2★", "3★", "4★", "5★"), english.houseGradeNames());
        assertEquals("Houses", english.box(MapLayerId.HOUSES).getText());
    }
}
