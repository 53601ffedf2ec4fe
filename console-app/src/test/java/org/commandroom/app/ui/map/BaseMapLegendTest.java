package org.commandroom.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.geo.MapLayers;
import org.commandroom.core.geo.osm.OsmBaseMapImport;
import org.commandroom.core.geo.osm.OsmExtractReader;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A bureau without a base map is told so in the legend; once an OpenStreetMap extract is imported (real H2, the real
 * import service) and the map reads its layers again, as it does when the change feed brings the import, the note goes
 * and the map's base map has the roads, water and names, and the map knows where they are.
 */
@ExtendWith(ApplicationExtension.class)
class BaseMapLegendTest extends FxRobot {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC);
    private final Database db = TestDatabases.h2();
    private LiveMapViewModel vm;
    private StackPane pane;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
        pane = new StackPane();
        Scene scene = new Scene(pane, 800, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void applyLayers() {
        MapData.Prepared p = MapData.prepare(MapLayers.load(db.jdbi())); // off the FX thread, as the map does
        if (vm == null) {
            // the map is made in the tiles' datum, known once prepare has configured them (as MapPane does)
            vm = new LiveMapViewModel(MapTiles.tileDatum(), clock);
            onFx(() -> {
                MapLegend legend = new MapLegend(vm, I18n.load(Locale.ROOT));
                StackPane.setAlignment(legend, Pos.TOP_RIGHT);
                pane.getChildren().setAll(legend);
                return null;
            });
        }
        onFx(() -> {
            p.applyTo(vm);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theLegendSaysTheBaseMapIsEmptyUntilAnExtractIsImported() throws Exception {
        applyLayers();
        Node note = lookup("#legend-base-map-empty").query();
        assertTrue(onFx(note::isVisible), "no roads, no water, no tiles: the legend says so");
        assertEquals("底图：暂无道路和水系数据", onFx(() -> ((Label) note).getText()));
        assertTrue(onFx(() -> note.getBoundsInParent().getWidth() > 50), "and it is laid out");

        Path pbf = dir.resolve("somes-island.osm.pbf");
        try (InputStream in = getClass().getResourceAsStream("/osm/somes-island.osm.pbf")) {
            Files.copy(in, pbf);
        }
        OsmBaseMapImport service = new OsmBaseMapImport(db.jdbi(), new ChangeRecorder(clock, "ws-1"), clock,
                AccessGuard.trusted(), OsmExtractReader.Limits.DEFAULT);
        assertInstanceOf(OsmBaseMapImport.Imported.class, service.importFile(pbf, "admin"));
        applyLayers();
        assertFalse(onFx(note::isVisible), "the imported base map is there: no note");
        assertFalse(onFx(note::isManaged), "and it takes no room");

        MapLayers layers = MapLayers.load(db.jdbi());
        var data = MapData.baseMap(layers);
        assertTrue(!data.roads().isEmpty() && !data.water().isEmpty() && !data.places().isEmpty());
        MapData.Extent extent = MapData.extent(layers);
        assertTrue(extent != null && extent.southWest().lat() < -41.25 && extent.northEast().lon() > 174.86,
                "a bureau with only a base map: the map fits it " + extent);
    }
}
