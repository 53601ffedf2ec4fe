package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.commandroom.app.RunningConsole;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.MapLayerId;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.prevention.HouseInput;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseRegister;

/** The desk of the house tests: one group-rented house of the register, 北门街 21号, inside the seeded police grid. */
final class OneHouseOnTheMap {

    private OneHouseOnTheMap() {
    }

    /** Starts the console on {@code stage} with the house registered. */
    static RunningConsole start(Stage stage, Path dataDir) throws Exception {
        return RunningConsole.start(stage, dataDir, seed -> new HouseRegister(seed.db.jdbi(), seed.clock, AccessGuard.trusted())
                .save(new HouseInput("北门街", "21号", HouseKind.GROUP_RENTED, null, "王房东", null, 12, List.of(),
                        GeoPoint.wgs84(29.2050, 103.7150), null, null), "管理员"));
    }

    /** The desk's map once it shows with the house on it. */
    static LiveMapView map(RunningConsole console) {
        waitUntil(Duration.ofSeconds(20), "the map is shown", () -> console.scene.lookup("#live-map") != null);
        LiveMapView map = (LiveMapView) console.scene.lookup("#live-map");
        waitUntil(Duration.ofSeconds(10), "the house is on the map", () -> onFx(() -> map.viewModel().houses().size()) == 1);
        return map;
    }

    /** Switches the houses layer off, so that a test sees whatever shows the house switch it on again. */
    static void hideHouses(LiveMapView map) {
        onFx(() -> {
            map.viewModel().layerVisibleProperty(MapLayerId.HOUSES).set(false);
            return null;
        });
    }
}
