package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.PositionInput;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A point picked on the real map for a call (F2) and for a task order (F4): F7 from the form, one click on the map
 * (or a place found with Ctrl+F), and the keyboard is back in the field it left, the position filled in with its
 * police grid and station. Esc gives up and changes nothing.
 */
class PickPointOnMapTest extends ConsoleScreenTest {

    /** Inside the seeded police grid 南关社区第二警格 (103.70-103.72 E, 29.20-29.22 N), not where the unit stands. */
    private static final GeoPoint FIELD_BEHIND_THE_MARKET = GeoPoint.wgs84(29.2050, 103.7150);

    @Test
    void f7ThenAClickOnTheMapGivesTheCallItsPositionGridAndStationAndTheKeyboardReturns(@TempDir Path dataDir)
            throws Exception {
        console = RunningConsole.start(stage, dataDir, seed -> { });
        LiveMapView map = mapShown();
        onFx(() -> {
            map.centreOn(FIELD_BEHIND_THE_MARKET, 16);
            return null;
        });

        clickOn("#incident-queue-table");
        type(KeyCode.F2);
        waitUntil(Duration.ofSeconds(3), "F2 opens the intake form", () -> console.showing("intake-form"));
        write("13800001234");
        type(KeyCode.TAB);
        waitUntil(Duration.ofSeconds(3), "the address has the keyboard", () -> focused("intake-address"));
        write("南关菜市场后面的空地");

        // F7: the map waits for a point, says how, and has the keyboard; Esc gives up
        type(KeyCode.F7);
        waitUntil(Duration.ofSeconds(3), "the map waits for a point", () -> map.pickingProperty().get()
                && console.showing("map-pick-banner") && map.isFocused());
        type(KeyCode.ESCAPE);
        waitUntil(Duration.ofSeconds(3), "Esc gives up and the keyboard is back in the address",
                () -> !map.pickingProperty().get() && focused("intake-address"));
        assertFalse(console.showing("map-pick-banner"));
        assertEquals("", text("intake-position"), "nothing picked");
        assertTrue(console.showing("intake-form"), "Esc on the map did not close the form");

        // F7 again, one click on the map
        type(KeyCode.F7);
        waitUntil(Duration.ofSeconds(3), "the map waits again", () -> map.pickingProperty().get());
        clickWhereTheMapSeesThePointer(map, onScreen(map, FIELD_BEHIND_THE_MARKET));
        waitUntil(Duration.ofSeconds(3), "the keyboard is back in the address, the position filled in",
                () -> focused("intake-address") && !text("intake-position").isEmpty());
        assertFalse(map.pickingProperty().get());
        GeoPoint picked = PositionInput.parse(text("intake-position"));
        assertTrue(picked.distanceMetres(FIELD_BEHIND_THE_MARKET) < 6,
                "the point clicked, within a pixel at zoom 16 (about 2 m): " + picked);
        waitUntil(Duration.ofSeconds(3), "its grid and station are shown",
                () -> console.label("intake-location").equals("警格 南关社区第二警格 · 城关派出所 · WGS-84"));
        assertEquals("南关菜市场后面的空地", text("intake-address"), "what was typed is kept");

        // the address is in no gazetteer: the picked point is what makes the call recordable
        clickOn("#intake-type");
        write("打架");
        type(KeyCode.ENTER);
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "the call is recorded", () -> console.label("intake-message").startsWith("已登记警情"));
        Incident stored = console.seed.db.jdbi().withHandle(h -> h.attach(org.commandroom.core.incident.IncidentDao.class)
                .findByNumber(console.label("intake-message").substring("已登记警情 ".length())).orElseThrow());
        assertEquals(console.seed.gridId, stored.policeGridId());
        assertEquals(console.seed.stationId, stored.stationId());
        assertTrue(stored.position().distanceMetres(picked) < 0.2, "stored where it was picked (the text shows 6 decimals), in WGS-84");

        // An area circled on the desk's map offers a warning for it to the leader signed in (ISSUE_WARNINGS): the
        // Warnings tab comes forward with the form stating the circle (the flow itself: WarningDrawnAreaViewTest).
        onFx(() -> {
            map.viewModel().selectArea(org.commandroom.core.geo.GeoShape.circle(FIELD_BEHIND_THE_MARKET, 300));
            return null;
        });
        waitUntil(Duration.ofSeconds(3), "the area's panel offers a warning", () -> console.showing("map-area-warn"));
        clickOn("#map-area-warn");
        waitUntil(Duration.ofSeconds(5), "the form states the circle", () -> lookup("#warning-form-area-words").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().endsWith("半径 300 米")).orElse(false));
        assertTrue(onFx(() -> ((javafx.scene.control.TabPane) console.scene.lookup("#side-tabs")).getSelectionModel()
                .getSelectedItem().getId().equals("tab-cap")), "the Warnings tab is in front");
        clickOn("#warning-form-cancel");
    }

    @Test
    void anInterceptPointIsFoundWithTheSearchBoxFromTheTaskForm(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.start(stage, dataDir, seed ->
                seed.unit("城关01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(10), "张伟"));
        LiveMapView map = mapShown();
        waitUntil(Duration.ofSeconds(10), "the search box takes queries",
                () -> !console.scene.lookup("#map-search").isDisabled());

        clickOn("#incident-queue-table");
        type(KeyCode.F4);
        waitUntil(Duration.ofSeconds(3), "F4 opens the task form", () -> console.showing("task-form"));
        clickOn("#task-summary");
        write("逃犯在城关01附近，立即布控");
        type(KeyCode.F7);
        waitUntil(Duration.ofSeconds(3), "the map waits for a point", () -> map.pickingProperty().get());
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(Duration.ofSeconds(3), "Ctrl+F goes to the search box", () -> focused("map-search"));
        write("城关01");
        // The list answers each prefix as it is typed: Enter only once the unit itself heads it (under load it once
        // went to a hit for a shorter prefix, and the order's point was not the unit's).
        waitUntil(Duration.ofSeconds(5), "the unit is found", () -> onFx(() -> {
            var items = ((javafx.scene.control.ListView<org.commandroom.core.search.SearchHit>)
                    console.scene.lookup("#map-search-results")).getItems();
            return !items.isEmpty() && items.get(0).title().equals("城关01");
        }));
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(10), "the unit's place is the order's point and the keyboard is back in the summary",
                () -> focused("task-summary") && "29.210000, 103.710000".equals(text("task-position")));
        assertFalse(map.pickingProperty().get());
        waitUntil(Duration.ofSeconds(3), "its grid and station are shown",
                () -> console.label("task-location").equals("警格 南关社区第二警格 · 城关派出所 · WGS-84"));
    }

    @Test
    void aCallsPointIsFoundByAnAddressCalledInBefore(@TempDir Path dataDir) throws Exception {
        // called in ten days ago and closed: only the gazetteer still knows the address (the feature index keeps 7 days)
        console = RunningConsole.start(stage, dataDir, seed -> seed.incident(org.commandroom.core.incident.IncidentType.NOISE, 3,
                org.commandroom.core.incident.IncidentStatus.CLOSED, Duration.ofDays(10), "北门菜市场东侧"));
        LiveMapView map = mapShown();
        waitUntil(Duration.ofSeconds(10), "the search box takes queries",
                () -> !console.scene.lookup("#map-search").isDisabled());
        clickOn("#incident-queue-table");
        type(KeyCode.F2);
        waitUntil(Duration.ofSeconds(3), "F2 opens the intake form", () -> focused("intake-caller"));
        type(KeyCode.F7);
        waitUntil(Duration.ofSeconds(3), "the map waits for a point", () -> map.pickingProperty().get());
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        onFx(() -> {
            ((TextField) console.scene.lookup("#map-search")).setText("菜市场东");
            return null;
        });
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.commandroom.core.search.SearchHit> hits =
                (javafx.scene.control.ListView<org.commandroom.core.search.SearchHit>) console.scene.lookup("#map-search-results");
        waitUntil(Duration.ofSeconds(10), "the old address is offered as an address", () -> !hits.getItems().isEmpty()
                && hits.getItems().get(0).kind() == org.commandroom.core.search.FeatureKind.ADDRESS);
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(3), "its place is the call's position, the keyboard back in the caller number",
                () -> focused("intake-caller") && "29.210000, 103.710000".equals(text("intake-position")));
        waitUntil(Duration.ofSeconds(3), "with its grid and station",
                () -> console.label("intake-location").equals("警格 南关社区第二警格 · 城关派出所 · WGS-84"));
    }

    private LiveMapView mapShown() {
        waitUntil(Duration.ofSeconds(20), "the map is shown", () -> console.scene.lookup("#live-map") != null);
        return (LiveMapView) console.scene.lookup("#live-map");
    }

    private boolean focused(String id) {
        return onFx(() -> {
            Node n = console.scene.lookup("#" + id);
            return n != null && n.isFocused();
        });
    }

    private String text(String id) {
        return onFx(() -> ((TextField) console.scene.lookup("#" + id)).getText());
    }

    /**
     * Moves the pointer, waits until the map has seen it arrive, then clicks where it stands: under load the robot's
     * press once reached the map a few pixels short of where the move was going (8 m off in CI).
     */
    private void clickWhereTheMapSeesThePointer(LiveMapView map, Point2D target) {
        java.util.concurrent.atomic.AtomicReference<Point2D> seen = new java.util.concurrent.atomic.AtomicReference<>();
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> watch = e -> seen.set(new Point2D(e.getScreenX(), e.getScreenY()));
        onFx(() -> {
            map.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, watch);
            return null;
        });
        try {
            moveTo(target);
            waitUntil(Duration.ofSeconds(5), "the map sees the pointer where it was sent",
                    () -> seen.get() != null && seen.get().distance(target) <= 1.0);
            clickOn(javafx.scene.input.MouseButton.PRIMARY);
        } finally {
            onFx(() -> {
                map.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, watch);
                return null;
            });
        }
    }

    /**
     * Where the point is on the screen, on a whole pixel: Monocle's robot truncates the coordinates it is sent to
     * whole pixels, so a fractional target ends up to 1.4 px from where it was sent and is never "seen" there.
     */
    private static Point2D onScreen(LiveMapView map, GeoPoint p) {
        Point2D exact = onFx(() -> map.localToScreen(map.screenPoint(p)));
        return new Point2D(Math.round(exact.getX()), Math.round(exact.getY()));
    }
}
