package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live map on a headless stage (Monocle), driven with the mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class LiveMapViewTest extends FxRobot {

    private static final Datum MAP_DATUM = Datum.GCJ02;
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final GeoPoint TOWN = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON);

    private LiveMapViewModel vm;
    private LiveMapView view;

    @BeforeAll
    static void offlineTiles() {
        MapTiles.configure(TileSourceSettings.offline(new SyntheticCounty(1).baseMap(), MAP_DATUM));
    }

    @Start
    void start(Stage stage) {
        SyntheticCounty county = new SyntheticCounty(3);
        vm = new LiveMapViewModel(MAP_DATUM, Clock.fixed(NOW, ZoneOffset.UTC));
        vm.setCameras(county.cameras(5_000, MAP_DATUM));
        vm.setGrids(county.grids());
        view = new LiveMapView(vm);
        view.centreOn(TOWN, 15);
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    private Point2D onScreen(Point2D inView) {
        return view.localToScreen(inView);
    }

    private Point2D viewCentre() {
        return new Point2D(view.getWidth() / 2, view.getHeight() / 2);
    }

    @Test
    void offlineBaseMapIsDrawnNotBlank() throws Exception {
        interact(() -> {
            vm.gridsVisibleProperty().set(false);
            vm.camerasVisibleProperty().set(false);
        });
        AtomicReference<double[]> shares = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            shares.set(WaitForAsyncUtils.asyncFx(() -> drawnShares(view.snapshot(null, null))).get());
            return shares.get()[0] > 0.95;
        });
        assertTrue(shares.get()[1] > 0.5, "most of the town is drawn from the vector data, not plain land: " + shares.get()[1]);
    }

    /** {share of pixels that are not the neutral/placeholder tile, share that are neither neutral nor plain land}. */
    private static double[] drawnShares(WritableImage img) {
        PixelReader r = img.getPixelReader();
        long drawn = 0;
        long features = 0;
        long total = (long) img.getWidth() * (long) img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = r.getArgb(x, y);
                boolean neutral = argb == MapPalette.NEUTRAL_TILE || argb == MapPalette.NEUTRAL_TILE_LINE || (argb >>> 24) == 0;
                if (!neutral) {
                    drawn++;
                    if (argb != MapPalette.LAND) {
                        features++;
                    }
                }
            }
        }
        return new double[] {(double) drawn / total, (double) features / total};
    }

    @Test
    void draggingPansTheMap() {
        GeoPoint before = view.viewCentre();
        double mpp = WebMercator.metresPerPixel(before.lat(), view.zoom());
        Point2D from = onScreen(viewCentre());
        drag(from, MouseButton.PRIMARY).moveTo(from.add(-200, -100)).drop();
        GeoPoint after = view.viewCentre();
        double eastMetres = new GeoPoint(before.lat(), after.lon(), MAP_DATUM).distanceMetres(before) * Math.signum(after.lon() - before.lon());
        double southMetres = new GeoPoint(after.lat(), before.lon(), MAP_DATUM).distanceMetres(before) * Math.signum(before.lat() - after.lat());
        assertEquals(200 * mpp, eastMetres, 200 * mpp * 0.05, "dragging left by 200 px shows what lies 200 px east");
        assertEquals(100 * mpp, southMetres, 100 * mpp * 0.05, "dragging up by 100 px shows what lies 100 px south");
    }

    @Test
    void mouseWheelZoomsBothWaysAndPlusKeyZoomsIn() {
        double before = view.zoom();
        moveTo(onScreen(viewCentre()));
        // Which wheel direction TestFX's glass robot sends as positive delta differs by platform:
        // check that one way zooms by 4 steps and the other way comes back.
        scroll(4, VerticalDirection.DOWN);
        double afterWheel = view.zoom();
        assertEquals(4 * LiveMapView.WHEEL_ZOOM_STEP, Math.abs(afterWheel - before), 1e-6, "wheel zooms: " + before + " -> " + afterWheel);
        scroll(4, VerticalDirection.UP);
        assertEquals(before, view.zoom(), 1e-6, "the other way zooms back");
        clickOn(onScreen(new Point2D(5, 5)));
        type(KeyCode.ADD);
        assertEquals(before + 1, view.zoom(), 1e-6, "+ zooms in by one level");
    }

    @Test
    void clickingACameraSelectsItById() {
        CameraSet set = vm.cameras();
        int chosen = isolatedCameraNear(set, viewCentre(), 12);
        Point2D p = view.screenPoint(new GeoPoint(set.lat(chosen), set.lon(chosen), MAP_DATUM));
        interact(() -> vm.gridsVisibleProperty().set(false));
        clickOn(onScreen(p));
        MapSelection selected = vm.selectedFeatureProperty().get();
        assertNotNull(selected, "something is selected");
        assertEquals(MapSelection.Kind.CAMERA, selected.kind());
        assertEquals(set.id(chosen), selected.id());
        assertFalse(view.cameraLayer().lastClustered(), "zoomed in, cameras are drawn one by one");
    }

    /** A camera on screen with no other camera within {@code clearancePx}, so that a click is unambiguous. */
    private int isolatedCameraNear(CameraSet set, Point2D target, double clearancePx) {
        List<Integer> onScreen = new ArrayList<>();
        List<Point2D> points = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Point2D p = view.screenPoint(new GeoPoint(set.lat(i), set.lon(i), MAP_DATUM));
            if (p.getX() > 40 && p.getY() > 40 && p.getX() < view.getWidth() - 40 && p.getY() < view.getHeight() - 40) {
                onScreen.add(i);
                points.add(p);
            }
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int a = 0; a < points.size(); a++) {
            boolean isolated = true;
            for (int b = 0; b < points.size() && isolated; b++) {
                isolated = a == b || points.get(a).distance(points.get(b)) > clearancePx;
            }
            if (isolated && points.get(a).distance(target) < bestDistance) {
                best = onScreen.get(a);
                bestDistance = points.get(a).distance(target);
            }
        }
        assertTrue(best >= 0, "the synthetic county has an isolated camera on screen");
        return best;
    }

    @Test
    void shiftDragDrawsACircleThatSelectsExactlyTheCamerasInside() {
        Point2D start = viewCentre().add(-30, 20);
        Point2D end = start.add(130, 0);
        press(KeyCode.SHIFT);
        try {
            drag(onScreen(start), MouseButton.PRIMARY).moveTo(onScreen(end)).drop();
        } finally {
            release(KeyCode.SHIFT);
        }
        GeoShape.Circle circle = assertInstanceOf(GeoShape.Circle.class, vm.selectionAreaProperty().get());
        assertTrue(view.screenPoint(circle.centre()).distance(start) < 1.5, "the circle starts where the drag did");
        double mpp = WebMercator.metresPerPixel(circle.centre().lat(), view.zoom());
        assertEquals(130 * mpp, circle.radiusMetres(), 130 * mpp * 0.03, "radius = drag length");

        CameraSet set = vm.cameras();
        List<String> bruteForce = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (circle.centre().distanceMetres(new GeoPoint(set.lat(i), set.lon(i), MAP_DATUM)) <= circle.radiusMetres()) {
                bruteForce.add(set.id(i));
            }
        }
        assertTrue(bruteForce.size() > 20, "the circle holds cameras: " + bruteForce.size());
        assertEquals(bruteForce, List.copyOf(vm.camerasInAreaProperty()));
        assertEquals(GeoPoint.class, circle.centre().getClass());
    }

    @Test
    void clickingAnIncidentSelectsItAndCentresTheMapOnIt() {
        Point2D at = viewCentre().add(260, 170);
        GeoPoint where = view.geoAt(at.getX(), at.getY());
        interact(() -> {
            vm.camerasVisibleProperty().set(false);
            vm.incidents().add(new IncidentMarker("J9", "打架斗殴", 1, where, NOW.minusSeconds(3600)));
        });
        clickOn(onScreen(at));
        assertEquals(new MapSelection(MapSelection.Kind.INCIDENT, "J9", where), vm.selectedFeatureProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.screenPoint(where).distance(viewCentre()) < 2, "the incident is now in the middle: " + view.screenPoint(where));
    }

    @Test
    void aNewIncidentPulsesAndTheAnimationStopsWhenDone() throws Exception {
        interact(() -> {
            view.incidentLayer().setPulseDuration(java.time.Duration.ofMillis(700));
            vm.incidents().add(new IncidentMarker("J1", "家庭纠纷", 1, TOWN, NOW));
        });
        assertTrue(view.incidentLayer().isPulsing(), "a new incident pulses");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.incidentLayer().isPulsing());
        interact(() -> vm.incidents().add(new IncidentMarker("J2", "求助", 3, TOWN, NOW.minusSeconds(3600))));
        assertFalse(view.incidentLayer().isPulsing(), "an old incident loaded later does not pulse");
    }

    @Test
    void hiddenCameraLayerIsNotDrawnAndNotPicked() {
        CameraSet set = vm.cameras();
        int chosen = isolatedCameraNear(set, viewCentre(), 12);
        Point2D p = view.screenPoint(new GeoPoint(set.lat(chosen), set.lon(chosen), MAP_DATUM));
        interact(() -> {
            vm.gridsVisibleProperty().set(false);
            vm.camerasVisibleProperty().set(false);
        });
        clickOn(onScreen(p));
        assertEquals(null, vm.selectedFeatureProperty().get());
        assertFalse(view.cameraLayer().isVisible());
    }

    @Test
    void zoomedOutCamerasAreCountedInClustersAndTheLayerStaysOneRaster() {
        int nodesBefore = view.cameraLayer().getChildrenUnmodifiable().size();
        interact(() -> view.setZoom(12));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.cameraLayer().lastClustered(), "zoomed out, cameras are clustered");
        assertEquals(vm.cameras().size(), view.cameraLayer().lastVisibleCount(), "the whole county is in view");
        interact(() -> vm.setCameras(new SyntheticCounty(5).cameras(40_000, MAP_DATUM)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40_000, view.cameraLayer().lastVisibleCount());
        assertEquals(nodesBefore, view.cameraLayer().getChildrenUnmodifiable().size(), "no node per camera, whatever their number");
    }

    @Test
    void ctrlClicksDrawAPolygonThatEnterClosesIntoAnAreaSelection() {
        Point2D c = viewCentre();
        Point2D[] corners = {c.add(-150, -100), c.add(150, -100), c.add(150, 100), c.add(-150, 100)};
        press(KeyCode.CONTROL);
        try {
            for (Point2D p : corners) {
                clickOn(onScreen(p));
            }
        } finally {
            release(KeyCode.CONTROL);
        }
        type(KeyCode.ENTER);
        GeoShape.Outline outline = assertInstanceOf(GeoShape.Outline.class, vm.selectionAreaProperty().get());
        assertEquals(4, outline.vertices().size());
        GeoPoint nw = view.geoAt(corners[0].getX(), corners[0].getY());
        GeoPoint se = view.geoAt(corners[2].getX(), corners[2].getY());
        CameraSet set = vm.cameras();
        List<String> inBox = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (set.lat(i) <= nw.lat() && set.lat(i) >= se.lat() && set.lon(i) >= nw.lon() && set.lon(i) <= se.lon()) {
                inBox.add(set.id(i));
            }
        }
        assertTrue(inBox.size() > 50, "the rectangle holds cameras: " + inBox.size());
        assertEquals(inBox, List.copyOf(vm.camerasInAreaProperty()));
        type(KeyCode.ESCAPE);
        assertEquals(null, vm.selectionAreaProperty().get(), "Esc clears the area");
        assertTrue(vm.camerasInAreaProperty().isEmpty());
    }

    @Test
    void hoveringAUnitReportsItWithoutSelectingIt() {
        Point2D at = viewCentre().add(-220, -150);
        GeoPoint where = view.geoAt(at.getX(), at.getY());
        interact(() -> vm.units().add(new UnitMarker("U7", "巡7号", org.commandroom.core.unit.UnitKind.CAR,
                org.commandroom.core.unit.UnitStatus.EN_ROUTE, where, 45, NOW)));
        moveTo(onScreen(at.add(3, 2)));
        MapSelection hovered = vm.hoveredFeatureProperty().get();
        assertNotNull(hovered);
        assertEquals("U7", hovered.id());
        assertEquals(null, vm.selectedFeatureProperty().get());
    }

    @Test
    void aUnitWithAnOldPositionIsDrawnGreyAndTheFreshOneInItsStatusColour() throws Exception {
        Point2D freshAt = viewCentre().add(-200, 0);
        Point2D staleAt = viewCentre().add(200, 0);
        interact(() -> {
            vm.gridsVisibleProperty().set(false);
            vm.camerasVisibleProperty().set(false);
            vm.units().add(new UnitMarker("U1", "巡1号", org.commandroom.core.unit.UnitKind.FOOT,
                    org.commandroom.core.unit.UnitStatus.AVAILABLE, view.geoAt(freshAt.getX(), freshAt.getY()), Double.NaN, NOW.minusSeconds(30)));
            vm.units().add(new UnitMarker("U2", "巡2号", org.commandroom.core.unit.UnitKind.FOOT,
                    org.commandroom.core.unit.UnitStatus.AVAILABLE, view.geoAt(staleAt.getX(), staleAt.getY()), Double.NaN, NOW.minusSeconds(600)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get();
        int fresh = shot.getPixelReader().getArgb((int) freshAt.getX(), (int) freshAt.getY());
        int stale = shot.getPixelReader().getArgb((int) staleAt.getX(), (int) staleAt.getY());
        assertEquals(MapPalette.UNIT_AVAILABLE, fresh, Integer.toHexString(fresh));
        assertEquals(MapPalette.UNIT_STALE, stale, Integer.toHexString(stale));
    }

    @Test
    void aCentreChosenBeforeTheViewHasASizeIsNotUndoneByTheFitWaitingForIt() throws Exception {
        GeoPoint sw = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT - 0.3, SyntheticCounty.CENTRE_LON - 0.3);
        GeoPoint ne = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT + 0.3, SyntheticCounty.CENTRE_LON + 0.3);
        double[] zooms = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            // Two views not yet laid out: one only fitted, one fitted and then centred by the commander.
            LiveMapView fitted = new LiveMapView(new LiveMapViewModel(MAP_DATUM, Clock.fixed(NOW, ZoneOffset.UTC)));
            fitted.fitTo(sw, ne);
            fitted.resize(800, 600);
            LiveMapView chosen = new LiveMapView(new LiveMapViewModel(MAP_DATUM, Clock.fixed(NOW, ZoneOffset.UTC)));
            chosen.fitTo(sw, ne);
            chosen.centreOn(TOWN, 17);
            chosen.resize(800, 600);
            return new double[] {fitted.zoom(), chosen.zoom()};
        }));
        assertEquals(LiveMapView.fitZoom(org.commandroom.core.geo.DatumConverter.convert(sw, MAP_DATUM), org.commandroom.core.geo.DatumConverter.convert(ne, MAP_DATUM), 800, 600), zooms[0], 1e-9,
                "the fit waits for the size");
        assertEquals(17, zooms[1], 1e-9, "the commander's centre and zoom stay");
    }
}
