package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.MapLayerId;
import org.commandroom.app.ui.map.MapSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register window opened from the desk's tool bar shows a selected house on the desk's map. */
class MapHouseRegisterTest extends ConsoleScreenTest {

    @Test
    void aHouseSelectedInTheRegisterIsShownAndSelectedOnTheMap(@TempDir Path dataDir) throws Exception {
        console = OneHouseOnTheMap.start(stage, dataDir);
        LiveMapView map = OneHouseOnTheMap.map(console);
        OneHouseOnTheMap.hideHouses(map);
        clickOn("#toolbar-houses");
        waitUntil(Duration.ofSeconds(10), "the register window is open", () -> register() != null);
        Scene window = register();
        @SuppressWarnings("unchecked")
        TableView<Object> houses = (TableView<Object>) window.lookup("#houses-table");
        waitUntil(Duration.ofSeconds(10), "the register is read", () -> houses.getItems().size() == 1);
        LiveScreen.clickCell(this, houses, "北门街 21号");
        clickOn(from(window.getRoot()).lookup("#houses-show-on-map").queryAs(Node.class));
        String id = onFx(() -> Long.toString(map.viewModel().houses().get(0).id()));
        waitUntil(Duration.ofSeconds(5), "the house is selected on the map", () -> {
            MapSelection s = map.viewModel().selectedFeatureProperty().get();
            return s != null && s.kind() == MapSelection.Kind.HOUSE && s.id().equals(id);
        });
        assertTrue(onFx(() -> map.viewModel().layerVisibleProperty(MapLayerId.HOUSES).get()), "the houses are switched on");
        assertEquals("北门街 21号", onFx(() -> map.viewModel().describe(map.viewModel().selectedFeatureProperty().get())
                .orElseThrow()));
    }

    private static Scene register() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().lookup("#house-register") != null) {
                return w.getScene();
            }
        }
        return null;
    }
}
