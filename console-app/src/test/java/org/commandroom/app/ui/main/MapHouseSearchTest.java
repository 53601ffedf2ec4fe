package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.MapLayerId;
import org.commandroom.app.ui.map.MapSelection;
import org.commandroom.core.search.SearchHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A house of the register found with Ctrl+F by its address is selected on the map's house layer. */
class MapHouseSearchTest extends ConsoleScreenTest {

    @Test
    void aHouseFoundByItsAddressIsSelectedOnTheHouseLayer(@TempDir Path dataDir) throws Exception {
        console = OneHouseOnTheMap.start(stage, dataDir);
        LiveMapView map = OneHouseOnTheMap.map(console);
        waitUntil(Duration.ofSeconds(10), "the search box takes queries", () -> !console.scene.lookup("#map-search").isDisabled());
        String id = onFx(() -> Long.toString(map.viewModel().houses().get(0).id()));
        OneHouseOnTheMap.hideHouses(map);
        clickOn("#incident-queue-table");
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        onFx(() -> {
            ((TextField) console.scene.lookup("#map-search")).setText("北门街 21号");
            return null;
        });
        @SuppressWarnings("unchecked")
        ListView<SearchHit> hits = (ListView<SearchHit>) console.scene.lookup("#map-search-results");
        waitUntil(Duration.ofSeconds(10), "the house is offered", () -> onFx(() -> !hits.getItems().isEmpty()
                && hits.getItems().get(0).id().equals("HOUSE:" + id)));
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(5), "the house is selected on its layer", () -> onFx(() -> {
            MapSelection s = map.viewModel().selectedFeatureProperty().get();
            return s != null && s.kind() == MapSelection.Kind.HOUSE && s.id().equals(id);
        }));
        assertTrue(onFx(() -> map.viewModel().layerVisibleProperty(MapLayerId.HOUSES).get()),
                "flying to a house switches the houses back on, so that it is seen");
        assertEquals("北门街 21号", onFx(() -> map.viewModel().describe(map.viewModel().selectedFeatureProperty().get()).orElseThrow()));
    }
}
