package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.geo.Datum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The legend folds to one small button, and a map built later in the session starts as the commander left it. */
@ExtendWith(ApplicationExtension.class)
class MapLegendFoldTest extends FxRobot {

    private final MapLayerToggles session = new MapLayerToggles();
    private final LiveMapViewModel vm = new LiveMapViewModel(Datum.GCJ02, Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"),
            ZoneOffset.UTC));
    private StackPane pane;

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
        pane = new StackPane();
        Scene scene = new Scene(pane, 800, 600);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private MapLegend showLegend() {
        MapLegend legend = onFx(() -> {
            MapLegend l = new MapLegend(vm, I18n.load(Locale.ROOT));
            l.offerColourings(java.util.List.of(GridColouring.values()));
            session.attach(l);
            StackPane.setAlignment(l, Pos.TOP_RIGHT);
            pane.getChildren().setAll(l);
            return l;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return legend;
    }

    @Test
    void theLegendFoldsToAButtonAndANewMapKeepsItFoldedForTheSession() {
        MapLegend first = showLegend();
        double openArea = onFx(() -> first.getWidth() * first.getHeight());
        assertTrue(openArea > 150 * 200, "open, it lists every layer: " + openArea);

        clickOn("#map-legend-fold");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(first::isOpen));
        assertTrue(onFx(() -> lookup("#legend-cameras").tryQuery().isEmpty()), "the layer rows are gone");
        double foldedArea = onFx(() -> first.getWidth() * first.getHeight());
        assertTrue(foldedArea < openArea / 10, "folded, it is one small button: " + foldedArea + " of " + openArea);
        assertFalse(session.isLegendOpen(), "the session remembers it");

        // the map is built again (a reconnect): the legend comes back folded
        MapLegend second = showLegend();
        assertFalse(onFx(second::isOpen));
        assertTrue(onFx(() -> lookup("#map-legend-open").tryQuery().isPresent()));

        clickOn("#map-legend-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(second::isOpen));
        assertTrue(onFx(() -> lookup("#legend-cameras").tryQuery().isPresent()), "the rows are back");
        assertTrue(session.isLegendOpen());
    }

    private static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
