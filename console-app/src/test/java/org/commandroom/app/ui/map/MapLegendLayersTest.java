package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
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

/** The district boundary and the station areas are layers of the legend, which says while a layer is empty. */
@ExtendWith(ApplicationExtension.class)
class MapLegendLayersTest extends FxRobot {

    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    private final LiveMapViewModel vm = new LiveMapViewModel(Datum.GCJ02, Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"),
            ZoneOffset.UTC));

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
        MapLegend legend = new MapLegend(vm, I18n.load(Locale.ROOT));
        StackPane pane = new StackPane(legend);
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        Scene scene = new Scene(pane, 800, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theStationAreasShowInTheLegendSayingEmptyUntilTheyAreLoaded() {
        CheckBox stations = lookup("#legend-station-areas").queryAs(CheckBox.class);
        CheckBox district = lookup("#legend-district").queryAs(CheckBox.class);
        assertEquals("派出所辖区（空）", onFx(stations::getText));
        assertEquals("辖区边界（空）", onFx(district::getText));
        assertTrue(onFx(() -> stations.getPseudoClassStates().contains(EMPTY)));
        assertTrue(onFx(stations::isVisible) && onFx(stations::isSelected), "listed and switched on like every layer");

        onFx(() -> {
            vm.setAreas(MapLayerId.STATION_AREAS, List.of(new GridArea("1", "城东派出所", RiskGrade.GREEN,
                    "POLYGON ((104 29.2, 104.1 29.2, 104.1 29.3, 104 29.3, 104 29.2))", Datum.WGS84)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("派出所辖区", onFx(stations::getText));
        assertFalse(onFx(() -> stations.getPseudoClassStates().contains(EMPTY)));
        assertEquals("辖区边界（空）", onFx(district::getText), "the district is still empty");

        clickOn("#legend-station-areas");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> vm.layerVisibleProperty(MapLayerId.STATION_AREAS).get()), "its box switches the layer");
    }

    private static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
