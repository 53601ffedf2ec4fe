package org.commandroom.app.ui.cap;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.map.AreaSelectionPanel;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.LiveMapViewModel;
import org.commandroom.app.ui.map.tiles.BaseMapData;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapArea;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A warning for an area drawn on the real desk map: Shift+drag circles it (or Ctrl+clicks and Enter draw a polygon),
 * 对此区域发布预警… opens the form with the area stated in words, and the CAP document issued carries the circle or
 * polygon in WGS 84 where it was drawn, within the map's pixel precision.
 */
@ExtendWith(ApplicationExtension.class)
class WarningDrawnAreaViewTest {

    /** The map is in GCJ-02 as the desk's tiles are: CAP gets WGS 84. */
    private static final Datum MAP_DATUM = Datum.GCJ02;
    private static TileSourceSettings before;

    private Path out;
    private IntakeFixture fx;
    private LiveMapViewModel mapVm;
    private LiveMapView map;
    private AreaSelectionPanel panel;
    private CapAlertsView cap;

    @BeforeAll
    static void tiles() {
        before = MapTiles.settings();
        MapTiles.configure(TileSourceSettings.offline(BaseMapData.of(MAP_DATUM, List.of(), List.of(), List.of(),
                List.of()), MAP_DATUM));
    }

    @AfterAll
    static void restore() {
        MapTiles.configure(before);
    }

    @Start
    void start(Stage stage) throws Exception {
        out = Files.createTempDirectory("cap-out");
        fx = new IntakeFixture(TestDatabases.h2());
        Principal commander = new Principal(5, "zhang", "张值班长", Set.of(Role.DUTY_COMMANDER), "desk-1", false);
        AccessGuard guard = AccessGuard.of(fx.db.jdbi(), fx.clock, commander);
        CapReader reader = new CapReader(CapSchema.load());
        CapService service = new CapService(fx.db.jdbi(), fx.clock, new CapService.Settings("command@test.local",
                "test.local", CapAlert.Status.Actual, out, IntakeFixture.ZONE), guard, reader);
        UiContext ui = new UiContext(fx.clock, new Tasks(Runnable::run, Platform::runLater), I18n.load(Locale.ROOT),
                new Ticker(), DisplaySettings.defaults());
        CapAlertsViewModel vm = new CapAlertsViewModel(new CapInbox(fx.db.jdbi(), fx.clock, out.resolve("in"), reader,
                guard), true, ui.tasks(), Duration.ofSeconds(60), "张值班长", service);
        cap = new CapAlertsView(vm, ui);
        mapVm = new LiveMapViewModel(MAP_DATUM, Clock.fixed(IntakeFixture.T0, IntakeFixture.ZONE));
        map = new LiveMapView(mapVm);
        map.centreOn(GeoPoint.wgs84(29.21, 103.73), 15);
        panel = new AreaSelectionPanel(mapVm, ui.i18n());
        StackPane mapPane = new StackPane(map, panel);
        StackPane.setAlignment(panel, javafx.geometry.Pos.BOTTOM_RIGHT);
        mapPane.setPrefSize(560, 480);
        mapPane.setMinSize(560, 480);
        HBox desk = new HBox(mapPane, cap.root());
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(desk, 920, 480);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    private Point2D onScreen(Point2D inMap) {
        return onFx(() -> map.localToScreen(inMap));
    }

    private Point2D mapCentre() {
        return onFx(() -> new Point2D(map.getWidth() / 2, map.getHeight() / 2));
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    /** Clicks 对此区域发布预警…, checks the form states the area, fills the headlines and issues; the document read back. */
    private CapAlert issue(FxRobot robot, String wordsStart, String name) {
        robot.clickOn("#map-area-warn");
        waitUntil(Duration.ofSeconds(5), "the form opens with the area", () -> robot.lookup("#warning-form-area-words")
                .tryQuery().isPresent());
        shot(robot.lookup("#warning-form").query().getScene(), "cap-drawn-form");
        String words = text(robot, "warning-form-area-words");
        assertTrue(words.startsWith(wordsStart), words);
        TextField areaName = robot.lookup("#warning-form-area-desc").queryAs(TextField.class);
        assertEquals(name, onFx(areaName::getText));
        assertTrue(robot.lookup("#warning-form-area").tryQuery().isEmpty(), "no grid to choose for a drawn area");
        // The area's name is CAP's areaDesc: emptied, the form says so and issues nothing.
        onFx(() -> {
            areaName.setText(" ");
            return null;
        });
        robot.clickOn("#warning-form-issue");
        waitUntil(Duration.ofSeconds(5), "a name is asked for", () -> "请填写区域名称".equals(text(robot, "warning-form-error")));
        assertEquals(0, fx.count("cap_alert"));
        onFx(() -> {
            areaName.setText(name);
            return null;
        });
        // Typed texts are the issue dialog's own test (WarningIssueViewTest): set here, to keep this test fast.
        onFx(() -> {
            robot.lookup("#warning-form-headline-zh").queryAs(TextField.class).setText("环城路口人员聚集");
            robot.lookup("#warning-form-headline-en").queryAs(TextField.class).setText("Crowd at the ring road");
            return null;
        });
        robot.clickOn("#warning-form-issue");
        waitUntil(Duration.ofSeconds(10), "the warning is issued", () -> text(robot, "cap-issued").startsWith("已发布预警"));
        String doc = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT document FROM cap_alert ORDER BY id DESC")
                .mapTo(String.class).first());
        assertEquals(name, fx.db.jdbi().withHandle(h -> h.createQuery("SELECT area_desc FROM cap_alert ORDER BY id DESC")
                .mapTo(String.class).first()));
        return new CapReader(CapSchema.load()).read(doc.getBytes(StandardCharsets.UTF_8)).alert();
    }

    private void offer(CapAlertsView cap) {
        onFx(() -> {
            panel.offerWarning(cap::issueFor);
            return null;
        });
    }

    private double metresPerPixel(GeoPoint at) {
        return onFx(() -> {
            Point2D p = map.screenPoint(at);
            return at.distanceMetres(map.geoAt(p.getX() + 100, p.getY())) / 100;
        });
    }

    @Test
    void aCircleDrawnWithShiftDragIsTheWarningsCircleInWgs84(FxRobot robot) {
        assertFalse(onFx(() -> panel.isVisible()), "no area, no panel");
        Point2D start = mapCentre().add(-40, 30);
        Point2D end = start.add(120, 0);
        robot.press(KeyCode.SHIFT);
        try {
            robot.drag(onScreen(start), MouseButton.PRIMARY).moveTo(onScreen(end)).drop();
        } finally {
            robot.release(KeyCode.SHIFT);
        }
        GeoShape.Circle drawn = assertInstanceOf(GeoShape.Circle.class, onFx(() -> mapVm.selectionAreaProperty().get()));
        waitUntil(Duration.ofSeconds(5), "the panel shows the circle", () -> onFx(() -> panel.isVisible()));
        assertFalse(onFx(() -> robot.lookup("#map-area-warn").query().isVisible()), "no action offered: no button");
        offer(cap);
        assertTrue(onFx(() -> robot.lookup("#map-area-warn").query().isVisible()));
        shot(map.getScene(), "cap-drawn-panel");

        long radius = Math.round(drawn.radiusMetres());
        CapAlert alert = issue(robot, "地图圈定的圆形：圆心 ", "地图圈定区域（半径 " + radius + " 米）");
        for (int i = 0; i < 2; i++) {
            CapArea area = alert.infos().get(i).areas().get(0);
            assertEquals(List.of(), area.polygons());
            CapArea.Circle c = area.circles().get(0);
            // What the map selected, converted to WGS 84 as written (6 decimals, whole metres).
            GeoPoint wgs = DatumConverter.convert(drawn.centre(), Datum.WGS84);
            assertEquals(wgs.lat(), c.centre().lat(), 1e-6);
            assertEquals(wgs.lon(), c.centre().lon(), 1e-6);
            assertEquals(radius / 1000.0, c.radiusKm(), 1e-9);
            // And where the drag was, within the map's pixel precision.
            GeoPoint startWgs = DatumConverter.convert(onFx(() -> map.geoAt(start.getX(), start.getY())), Datum.WGS84);
            double mpp = metresPerPixel(drawn.centre());
            assertTrue(startWgs.distanceMetres(GeoPoint.wgs84(c.centre().lat(), c.centre().lon())) <= 1.5 * mpp,
                    "the centre is where the drag began");
            assertEquals(120 * mpp, c.radiusKm() * 1000, 1.5 * mpp, "the radius is the drag's length");
        }
        String doc = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT document FROM cap_alert").mapTo(String.class).one());
        assertTrue(doc.matches("(?s).*<circle>\\d+\\.\\d+,\\d+\\.\\d+ \\d+(\\.\\d+)?</circle>.*"), doc);
    }

    @Test
    void aPolygonDrawnWithCtrlClicksIsTheWarningsClosedPolygonInWgs84(FxRobot robot) {
        offer(cap);
        Point2D c = mapCentre();
        Point2D[] corners = {c.add(-120, -90), c.add(110, -80), c.add(130, 100), c.add(-100, 90)};
        robot.press(KeyCode.CONTROL);
        try {
            for (Point2D p : corners) {
                robot.clickOn(onScreen(p));
            }
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        robot.type(KeyCode.ENTER);
        GeoShape.Outline drawn = assertInstanceOf(GeoShape.Outline.class, onFx(() -> mapVm.selectionAreaProperty().get()));
        assertEquals(4, drawn.vertices().size());
        CapAlert alert = issue(robot, "地图绘制的多边形，4 个顶点", "地图绘制区域（4 个顶点）");
        double mpp = metresPerPixel(drawn.vertices().get(0));
        for (int i = 0; i < 2; i++) {
            CapArea area = alert.infos().get(i).areas().get(0);
            assertEquals(List.of(), area.circles());
            List<CapArea.Point> ring = area.polygons().get(0);
            assertEquals(5, ring.size(), "four vertices, closed once");
            assertEquals(ring.get(0), ring.get(4));
            for (int v = 0; v < 4; v++) {
                Point2D corner = corners[v];
                GeoPoint clicked = DatumConverter.convert(onFx(() -> map.geoAt(corner.getX(), corner.getY())), Datum.WGS84);
                GeoPoint written = GeoPoint.wgs84(ring.get(v).lat(), ring.get(v).lon());
                assertTrue(clicked.distanceMetres(written) <= 1.5 * mpp, "vertex " + v + " where it was clicked: "
                        + clicked + " / " + written);
                GeoPoint selected = DatumConverter.convert(drawn.vertices().get(v), Datum.WGS84);
                assertEquals(selected.lat(), written.lat(), 1e-6);
                assertEquals(selected.lon(), written.lon(), 1e-6);
            }
        }
        String doc = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT document FROM cap_alert").mapTo(String.class).one());
        assertTrue(doc.matches("(?s).*<polygon>(\\d+\\.\\d+,\\d+\\.\\d+ ){4}\\d+\\.\\d+,\\d+\\.\\d+</polygon>.*"), doc);
    }

    /** target/screenshots/{name}.png, to look at. */
    private static void shot(Scene scene, String name) {
        try {
            var img = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            Files.createDirectories(Path.of("target/screenshots"));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of("target/screenshots", name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
