package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layers the legend lists, their zoom thresholds, picking, the fill hook, the keys and the flight. */
@ExtendWith(ApplicationExtension.class)
class LiveMapLayersTest extends FxRobot {

    private static final Datum MAP_DATUM = Datum.GCJ02;
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final GeoPoint TOWN = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON);

    private LiveMapViewModel vm;
    private LiveMapView view;
    private MapLegend legend;
    private SyntheticCounty county;

    @BeforeAll
    static void offlineTiles() {
        MapTiles.configure(TileSourceSettings.offline(new SyntheticCounty(1).baseMap(), MAP_DATUM));
    }

    @Start
    void start(Stage stage) {
        county = new SyntheticCounty(11);
        vm = new LiveMapViewModel(MAP_DATUM, Clock.fixed(NOW, ZoneOffset.UTC));
        vm.setGrids(county.grids());
        vm.setAreas(MapLayerId.COMMUNITIES, county.boxes("C", "社区", 3, 3, 0.12, 0.15));
        vm.setAreas(MapLayerId.MICRO_GRIDS, county.boxes("M", "网格", 12, 12, 0.048, 0.064));
        vm.setAreas(MapLayerId.PATROL_ZONES, county.zones(3));
        vm.setPlaces(MapLayerId.KEY_PLACES, county.places("P", "重点部位", "SCHOOL", 25));
        vm.setPlaces(MapLayerId.POLICE_OFFICES, county.places("O", "警务室", "", 10));
        vm.setPlaces(MapLayerId.DEPLOYMENT_POINTS, county.places("D", "布警点", "", 15));
        view = new LiveMapView(vm);
        view.centreOn(TOWN, 15);
        legend = new MapLegend(vm, I18n.load(Locale.ROOT));
        StackPane.setAlignment(legend, javafx.geometry.Pos.TOP_RIGHT);
        stage.setScene(new Scene(new StackPane(view, legend), 900, 640));
        stage.show();
    }

    private Point2D onScreen(Point2D inView) {
        return view.localToScreen(inView);
    }

    private Point2D viewCentre() {
        return new Point2D(view.getWidth() / 2, view.getHeight() / 2);
    }

    private void zoomTo(double z) {
        interact(() -> view.setZoom(z));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void communitiesAndMicroGridsAppearAsOneZoomsIn() {
        zoomTo(12);
        assertTrue(view.areaLayer(MapLayerId.POLICE_GRIDS).lastDrawn() > 0, "police grids at every zoom");
        assertEquals(0, view.areaLayer(MapLayerId.COMMUNITIES).lastDrawn(), "no communities zoomed out");
        assertEquals(0, view.areaLayer(MapLayerId.MICRO_GRIDS).lastDrawn(), "no micro-grids zoomed out");
        zoomTo(MapLayerId.COMMUNITIES_FROM_ZOOM + 0.5);
        assertTrue(view.areaLayer(MapLayerId.COMMUNITIES).lastDrawn() > 0, "communities from zoom 13");
        assertEquals(0, view.areaLayer(MapLayerId.MICRO_GRIDS).lastDrawn());
        zoomTo(MapLayerId.MICRO_GRIDS_FROM_ZOOM + 0.5);
        int micro = view.areaLayer(MapLayerId.MICRO_GRIDS).lastDrawn();
        assertTrue(micro > 0 && micro < 144, "micro-grids from zoom 15, only those in view: " + micro);
        interact(() -> legend.showZoom(view.zoom()));
        assertFalse(legend.box(MapLayerId.MICRO_GRIDS).getPseudoClassStates().toString().contains("hidden-at-zoom"));
        zoomTo(12);
        interact(() -> legend.showZoom(view.zoom()));
        assertTrue(legend.box(MapLayerId.MICRO_GRIDS).getPseudoClassStates().toString().contains("hidden-at-zoom"),
                "the legend greys a layer that is on but not shown at this zoom");
    }

    @Test
    void aKeyPlaceIsPickedThroughTheIndexAndAHiddenLayerIsNeitherDrawnNorPicked() {
        interact(() -> {
            vm.layerVisibleProperty(MapLayerId.POLICE_OFFICES).set(false);
            vm.layerVisibleProperty(MapLayerId.DEPLOYMENT_POINTS).set(false);
        });
        PlaceSet places = vm.placesProperty(MapLayerId.KEY_PLACES).get();
        int chosen = isolated(places);
        Point2D p = view.screenPoint(places.position(chosen));
        clickOn(onScreen(p));
        MapSelection sel = vm.selectedFeatureProperty().get();
        assertNotNull(sel);
        assertEquals(MapSelection.Kind.KEY_PLACE, sel.kind());
        assertEquals(places.get(chosen).id(), sel.id());
        assertEquals(places.get(chosen).name(), vm.describe(sel).orElseThrow());
        assertTrue(view.placeLayer(MapLayerId.KEY_PLACES).lastDrawn() > 0);

        clickOn(legend.box(MapLayerId.KEY_PLACES));
        assertFalse(vm.layerVisibleProperty(MapLayerId.KEY_PLACES).get(), "the legend's check box switches the layer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.placeLayer(MapLayerId.KEY_PLACES).lastDrawn(), "hidden layer not drawn");
        clickOn(onScreen(p));
        MapSelection after = vm.selectedFeatureProperty().get();
        assertNotNull(after, "an area is still under the pointer");
        assertEquals(MapSelection.Kind.PATROL_ZONE == after.kind() ? MapSelection.Kind.PATROL_ZONE : MapSelection.Kind.MICRO_GRID,
                after.kind(), "the smallest area under the pointer, not the hidden place");
    }

    /** A place of the set with no other place of any layer within 15 px. */
    private int isolated(PlaceSet set) {
        for (int i = 0; i < set.size(); i++) {
            Point2D p = view.screenPoint(set.position(i));
            if (p.getX() < 60 || p.getY() < 60 || p.getX() > view.getWidth() - 260 || p.getY() > view.getHeight() - 60) {
                continue;
            }
            boolean alone = true;
            for (MapLayerId layer : LiveMapViewModel.PLACE_LAYERS) {
                PlaceSet other = vm.placesProperty(layer).get();
                for (int k = 0; k < other.size() && alone; k++) {
                    alone = (other == set && k == i) || view.screenPoint(other.position(k)).distance(p) > 15;
                }
            }
            if (alone) {
                return i;
            }
        }
        throw new AssertionError("no isolated key place on screen");
    }

    @Test
    void policeGridsCanBeFilledByAValuePerGridThroughAPalette() throws Exception {
        interact(() -> {
            for (MapLayerId id : MapLayerId.values()) {
                vm.layerVisibleProperty(id).set(id == MapLayerId.POLICE_GRIDS);
            }
            view.setZoom(14);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        GridSet.Prepared grid = vm.gridsProperty().get().grids().get(5);
        GeoPoint inside = new GeoPoint(grid.labelLat() + 0.002, grid.labelLon(), MAP_DATUM);
        Point2D at = view.screenPoint(inside);
        int byRisk = pixel(at);
        Map<String, Double> scores = new HashMap<>();
        for (GridSet.Prepared g : vm.gridsProperty().get().grids()) {
            scores.put(g.area().id(), 91.0);
        }
        ValuePalette blueWhenHigh = ValuePalette.bands(new double[] {60, 85}, new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF});
        interact(() -> vm.gridFillProperty().set(GridFill.byValue(scores, blueWhenHigh)));
        WaitForAsyncUtils.waitForFxEvents();
        int byScore = pixel(at);
        assertNotEquals(byRisk, byScore);
        assertTrue((byScore & 0xFF) - (byRisk & 0xFF) > 20, "a score of 91 fills the grid blue: "
                + Integer.toHexString(byRisk) + " -> " + Integer.toHexString(byScore));
    }

    @Test
    void stationAreasAreFilledByTheirValueUnderTheGridsAndGoneWhenCleared() throws Exception {
        interact(() -> {
            for (MapLayerId id : MapLayerId.values()) {
                vm.layerVisibleProperty(id).set(false);
            }
            view.setZoom(13);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        List<GridArea> stations = county.boxes("S", "派出所", 2, 2, 0.3, 0.4);
        Map<String, Double> scores = new HashMap<>();
        stations.forEach(a -> scores.put(a.id(), 45.0));
        Point2D at = view.screenPoint(TOWN);
        int before = pixel(at);
        interact(() -> vm.setStationAreas(LiveMapViewModel.prepareAreas(stations, MAP_DATUM),
                GridFill.byValue(scores, GridColouring.scorePalette())));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        assertTrue(view.stationLayer().lastDrawn() > 0, "station areas in view are drawn");
        int red = pixel(at);
        assertTrue(((red >> 16) & 0xFF) - ((before >> 16) & 0xFF) > 15, "a score of 45 fills the station area red: "
                + Integer.toHexString(before) + " -> " + Integer.toHexString(red));
        assertEquals(List.of("派出所1", "派出所2", "派出所3", "派出所4"), vm.stationAreaLabels());
        interact(vm::clearStationAreas);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        assertEquals(0, view.stationLayer().lastDrawn());
        assertEquals(before, pixel(at), "the map is as before");
    }

    @Test
    void theDistrictAndTheStationAreasAreDrawnAsLayersOfTheirOwnAndTheirBoxesHideThem() throws Exception {
        interact(() -> {
            vm.setAreas(MapLayerId.DISTRICT, county.boxes("D", "犍为县", 1, 1, 0.6, 0.8));
            vm.setAreas(MapLayerId.STATION_AREAS, county.boxes("S", "派出所", 2, 2, 0.3, 0.4));
            view.setZoom(12);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.areaLayer(MapLayerId.STATION_AREAS).lastDrawn() == 4
                && view.areaLayer(MapLayerId.DISTRICT).lastDrawn() == 1);
        assertEquals("派出所辖区", legend.box(MapLayerId.STATION_AREAS).getText(), "not empty any more");

        clickOn(legend.box(MapLayerId.STATION_AREAS));
        assertFalse(vm.layerVisibleProperty(MapLayerId.STATION_AREAS).get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.areaLayer(MapLayerId.STATION_AREAS).lastDrawn() == 0);
        assertEquals(1, view.areaLayer(MapLayerId.DISTRICT).lastDrawn(), "the district stays");
    }

    private int pixel(Point2D at) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(5, TimeUnit.SECONDS);
        return shot.getPixelReader().getArgb((int) at.getX(), (int) at.getY());
    }

    @Test
    void arrowKeysPanByAQuarterOfTheViewAndEscClearsSelectionAndFocus() {
        clickOn(onScreen(new Point2D(10, view.getHeight() - 10)));
        GeoPoint before = view.viewCentre();
        type(KeyCode.RIGHT);
        Point2D was = view.screenPoint(before);
        assertEquals(view.getWidth() / 2 - LiveMapView.PAN_STEP * view.getWidth(), was.getX(), 1.0,
                "the old centre moved a quarter of the view to the left");
        assertEquals(view.getHeight() / 2, was.getY(), 1.0);
        type(KeyCode.UP);
        assertEquals(view.getHeight() / 2 + LiveMapView.PAN_STEP * view.getHeight(), view.screenPoint(before).getY(), 1.0);
        interact(() -> {
            vm.selectedFeatureProperty().set(new MapSelection(MapSelection.Kind.GRID, "JG001", TOWN));
            vm.focusProperty().set(TOWN);
        });
        type(KeyCode.ESCAPE);
        assertNull(vm.selectedFeatureProperty().get());
        assertNull(vm.focusProperty().get());
    }

    @Test
    void flyingMovesCentreAndZoomTogetherInAnAnimation() throws Exception {
        GeoPoint target = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT + 0.03, SyntheticCounty.CENTRE_LON - 0.04);
        double startZoom = view.zoom();
        interact(() -> view.flyTo(target, 17, 600));
        assertTrue(view.flying(), "the flight is an animation");
        assertNotEquals(17, view.zoom(), 0.01);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.flying());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(17, view.zoom(), 1e-6);
        assertTrue(view.screenPoint(target).distance(viewCentre()) < 2, "arrived: " + view.screenPoint(target));
        assertTrue(startZoom < 17);
    }

    @Test
    void panningMovesTheComposedImageAndASmallZoomScalesItUntilTheZoomRests() throws Exception {
        // tiles still arriving compose the image again by themselves: wait for the base map first (on a loaded
        // machine they can come after the first frames)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !view.overlayLayer().tilesPending()).get());
        WaitForAsyncUtils.waitForFxEvents();
        long drawn = view.overlayLayer().draws();
        interact(() -> view.pan(60, 40));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(drawn, view.overlayLayer().draws(), "a pan within the margin composes nothing again");
        assertEquals(-OverlayLayer.MARGIN - 60, view.overlayLayer().shown().getTranslateX(), 1.0,
                "the composed image moved with the map");
        interact(() -> vm.selectedFeatureProperty().set(new MapSelection(MapSelection.Kind.GRID, "JG001", TOWN)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.overlayLayer().draws() > drawn, "a selection composes it again");
        long afterSelection = view.overlayLayer().draws();
        interact(() -> {
            view.overlayLayer().setSettleDelay(java.time.Duration.ofSeconds(2));
            view.setZoom(view.zoom() + 0.25);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(afterSelection, view.overlayLayer().draws(), "a quarter-level zoom scales what was composed");
        assertTrue(view.overlayLayer().showsScaled());
        assertTrue(view.overlayLayer().shown().getTransforms().isEmpty(), "scaled into the image, not by the renderer");
        WaitForAsyncUtils.waitFor(6, TimeUnit.SECONDS, () -> view.overlayLayer().draws() > afterSelection);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.overlayLayer().showsScaled(), "and composed sharp once the zoom rests");
    }

    @Test
    void theMapMovesByWholePixelsSoNothingIsResampledWhilePanning() {
        interact(() -> view.pan(10.37, -7.61));
        WaitForAsyncUtils.waitForFxEvents();
        Viewport v = view.overlayLayer().viewport();
        assertEquals(Math.rint(v.translateX()), v.translateX(), 0.0, "translation on a whole pixel");
        assertEquals(Math.rint(v.translateY()), v.translateY(), 0.0);
        double x = view.overlayLayer().shown().getTranslateX();
        assertEquals(Math.rint(x), x, 0.0);
    }

    @Test
    void aScaledZoomShowsTheSameMapAsTheOneComposedThereWhenItRests() throws Exception {
        interact(() -> vm.layerVisibleProperty(MapLayerId.POLICE_GRIDS).set(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            view.overlayLayer().invalidate();
            return view.overlayLayer().tilesLoaded() > 0;
        }).get());
        interact(() -> view.overlayLayer().setSettleDelay(java.time.Duration.ofSeconds(30)));
        zoomTo(15.25); // scaled from 15
        assertTrue(view.overlayLayer().showsScaled());
        WritableImage scaled = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(5, TimeUnit.SECONDS);
        interact(() -> view.overlayLayer().invalidate());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.overlayLayer().showsScaled());
        WritableImage sharp = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(5, TimeUnit.SECONDS);
        // nearest-pixel scaling against bilinear resampling of the tiles: the same picture, not the same pixels
        long close = 0;
        long total = 0;
        for (int y = 20; y < (int) view.getHeight() - 20; y += 7) {
            for (int x = 20; x < (int) view.getWidth() - 20; x += 7) {
                int a = scaled.getPixelReader().getArgb(x, y);
                int b = sharp.getPixelReader().getArgb(x, y);
                total++;
                if (Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) + Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF))
                        + Math.abs((a & 0xFF) - (b & 0xFF)) < 60) {
                    close++;
                }
            }
        }
        assertTrue(close > 0.85 * total, "scaled and composed agree on " + close + " of " + total + " samples");
    }

    @Test
    void aLayerToggleTakesItsDrawingOutOfTheComposedImage() throws Exception {
        interact(() -> {
            for (MapLayerId id : MapLayerId.values()) {
                if (id != MapLayerId.KEY_PLACES) {
                    vm.layerVisibleProperty(id).set(false);
                }
            }
        });
        PlaceSet places = vm.placesProperty(MapLayerId.KEY_PLACES).get();
        int chosen = isolated(places);
        Point2D p = view.screenPoint(places.position(chosen));
        WaitForAsyncUtils.waitForFxEvents();
        int shown = pixel(p);
        interact(() -> vm.layerVisibleProperty(MapLayerId.KEY_PLACES).set(false));
        WaitForAsyncUtils.waitForFxEvents();
        int hidden = pixel(p);
        assertNotEquals(shown, hidden, "the key place's symbol is gone: " + Integer.toHexString(shown) + " -> "
                + Integer.toHexString(hidden));
        interact(() -> vm.layerVisibleProperty(MapLayerId.KEY_PLACES).set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shown, pixel(p), "and back when switched on again");
    }

    @Test
    void aUnitThatReportsIsDrawnWhereItIsNowAndAPanOnlyMovesTheUnitsCanvas() throws Exception {
        interact(() -> {
            for (MapLayerId id : MapLayerId.values()) {
                if (id != MapLayerId.UNITS) {
                    vm.layerVisibleProperty(id).set(false);
                }
            }
        });
        Point2D first = viewCentre().add(-150, 40);
        Point2D second = viewCentre().add(170, -60);
        interact(() -> vm.units().setAll(List.of(unitAt(first))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MapPalette.UNIT_AVAILABLE, pixel(first));
        interact(() -> vm.units().setAll(List.of(unitAt(second))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MapPalette.UNIT_AVAILABLE, pixel(second), "drawn where it reported");
        assertNotEquals(MapPalette.UNIT_AVAILABLE, pixel(first), "and no longer where it was");

        long draws = view.movingLayer().draws();
        interact(() -> view.pan(40, 30));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(draws, view.movingLayer().draws(), "a pan within the margin moves the canvas");
        assertEquals(MapPalette.UNIT_AVAILABLE, pixel(second.subtract(40, 30)), "the unit moved with the map");
    }

    @Test
    void newVectorDataForTheBaseMapIsDrawnWithoutANewMap() throws Exception {
        interact(() -> {
            for (MapLayerId id : MapLayerId.values()) {
                vm.layerVisibleProperty(id).set(false);
            }
        });
        Point2D at = viewCentre().add(-90, 70);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            interact(() -> view.overlayLayer().invalidate());
            return pixel(at) != MapPalette.WATER && view.overlayLayer().tilesLoaded() > 0;
        });
        GeoPoint centre = view.geoAt(at.getX(), at.getY());
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        double d = 0.002;
        var lake = gf.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(centre.lon() - d, centre.lat() - d),
                new org.locationtech.jts.geom.Coordinate(centre.lon() + d, centre.lat() - d),
                new org.locationtech.jts.geom.Coordinate(centre.lon() + d, centre.lat() + d),
                new org.locationtech.jts.geom.Coordinate(centre.lon() - d, centre.lat() + d),
                new org.locationtech.jts.geom.Coordinate(centre.lon() - d, centre.lat() - d)});
        var before = MapTiles.settings();
        try {
            // what MapPane does when the change feed brings an import: configure the tiles with the new data, refresh
            MapTiles.configure(TileSourceSettings.offline(org.commandroom.app.ui.map.tiles.BaseMapData.of(MAP_DATUM,
                    List.of(), List.of(), List.of(new org.commandroom.app.ui.map.tiles.BaseMapFeature("新湖", lake, 0)),
                    List.of()), MAP_DATUM));
            interact(() -> view.refreshBaseMap());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pixel(at) == MapPalette.WATER);
            assertEquals(MapPalette.WATER, pixel(at), "the imported lake is drawn on the map already shown");
            zoomTo(15.6); // between tile levels: the tiles are resampled into the composed image
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.overlayLayer().showsScaled());
            Point2D lakeNow = view.screenPoint(centre);
            assertEquals(MapPalette.WATER, pixel(lakeNow), "and where it lies at a zoom between levels");
            Point2D beside = view.screenPoint(new GeoPoint(centre.lat(), centre.lon() + 2.5 * d, centre.datum()));
            assertNotEquals(MapPalette.WATER, pixel(beside), "and only there");
        } finally {
            MapTiles.configure(before);
        }
    }

    private UnitMarker unitAt(Point2D at) {
        return new UnitMarker("U1", "巡1号", org.commandroom.core.unit.UnitKind.FOOT,
                org.commandroom.core.unit.UnitStatus.AVAILABLE, view.geoAt(at.getX(), at.getY()), Double.NaN, NOW.minusSeconds(10));
    }

    @Test
    void theLegendListsEveryLayerAndItsHelpNamesTheKeys() {
        for (MapLayerId id : MapLayerId.values()) {
            assertNotNull(legend.box(id), id.name());
            assertTrue(legend.box(id).isSelected());
            assertTrue(legend.box(id).getTooltip().getText().contains("Alt+" + id.keyLabel()), id.name());
        }
        javafx.scene.control.Label help = lookup("#map-legend-help").query();
        String keys = help.getTooltip().getText();
        for (String k : List.of("Ctrl+F", "Alt+1", "Esc", "+ / -")) {
            assertTrue(keys.contains(k), "help names " + k + ": " + keys);
        }
    }
}
