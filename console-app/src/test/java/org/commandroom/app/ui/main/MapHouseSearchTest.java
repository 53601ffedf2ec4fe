package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.commandroom.app.ConsoleScreenTest;
import org.commandroom.app.RunningConsole;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.MapLayerId;
import org.commandroom.app.ui.map.MapSelection;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.prevention.HouseInput;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.search.SearchHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A house of the register found with Ctrl+F by its address is selected on the map's house layer. */
class MapHouseSearchTest extends ConsoleScreenTest {

    @Test
    void aHouseFoundByItsAddressIsSelectedOnTheHouseLayer(@TempDir Path dataDir) throws Exception {
        console = RunningConsole.start(stage, dataDir, seed -> new HouseRegister(seed.db.jdbi(), seed.clock, AccessGuard.trusted())
                .save(new HouseInput("北门街", "21号", HouseKind.GROUP_RENTED, null, "王房东", null, 12, List.of(),
                        GeoPoint.wgs84(29.2050, 103.7150), null, null), "管理员"));
        waitUntil(Duration.ofSeconds(20), "the map is shown", () -> console.scene.lookup("#live-map") != null);
        LiveMapView map = (LiveMapView) console.scene.lookup("#live-map");
        waitUntil(Duration.ofSeconds(10), "the search box takes queries", () -> !console.scene.lookup("#map-search").isDisabled());
        waitUntil(Duration.ofSeconds(10), "the house is on the map", () -> onFx(() -> map.viewModel().houses().size()) == 1);
        String id = onFx(() -> Long.toString(map.viewModel().houses().get(0).id()));
        onFx(() -> {
            map.viewModel().layerVisibleProperty(MapLayerId.HOUSES).set(false);
            return null;
        });
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
