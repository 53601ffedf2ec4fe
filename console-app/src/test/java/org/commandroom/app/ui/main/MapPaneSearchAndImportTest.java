package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.LiveScreenTest;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.MapLayerId;
import org.commandroom.app.ui.map.MapSelection;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.app.ui.map.ImportChoice;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.search.SearchHit;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Test;

/** The map in the workstation: search (Ctrl+F, Enter flies and selects, kept fresh by the feed), Alt keys, import. */
class MapPaneSearchAndImportTest extends LiveScreenTest {

    private static final GeoPoint NORTH = GeoPoint.wgs84(29.2150, 103.7150);
    private static final GeoPoint SOUTH = GeoPoint.wgs84(29.2030, 103.7050);
    private static final Path SAMPLES = Path.of("../assets/samples");

    private MainWindowView open(Fixture fx) throws Exception {
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        live.awaitFeed();
        StatusBarViewModel status = new StatusBarViewModel(fx.clock, "jdbc:h2:mem:test", "值班员");
        ChangeRecorder recorder = new ChangeRecorder(fx.clock, "test");
        AppServices services = new AppServices(fx.db, fx.incidents, fx.units, new OrderService(fx.db.jdbi(), fx.clock,
                DeadlinePolicy.defaults(), new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), recorder), live.feed,
                new GeoImportService(fx.db.jdbi(), recorder, fx.clock,
                        GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA)));
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, live.ui.tasks(), status);
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        DeskOnStage.show(stage, view, vm);
        waitUntil(Duration.ofSeconds(10), "the map is shown", () -> view.map() != null && view.map().mapView() != null);
        waitUntil(Duration.ofSeconds(10), "the search index is loaded", () -> view.map().searchReady());
        return view;
    }

    @Test
    void ctrlFSearchesEnterFliesToTheHitAndSelectsItAndTheIndexFollowsTheFeed() throws Exception {
        Fixture fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('ST1', '城关镇', "
                    + "'POLYGON((103.69 29.19, 103.73 29.19, 103.73 29.23, 103.69 29.23, 103.69 29.19))', 'WGS84')");
            h.execute("INSERT INTO community (street_id, code, name, risk_grade, boundary_wkt, datum) VALUES ((SELECT id FROM street), "
                    + "'C1', '滨江社区', 'RED', 'POLYGON((103.70 29.20, 103.71 29.20, 103.71 29.21, 103.70 29.21, 103.70 29.20))', 'WGS84')");
        });
        long south = fx.incidents.record(new Incident(0, "J20261123-00002", fx.clock.instant().minusSeconds(120), "13800001234",
                "南街", SOUTH, IncidentType.FIGHT, 2, null, fx.stationId, fx.gridId, IncidentStatus.NEW, null, 0));
        fx.unit("城关巡01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(5), "张伟");
        MainWindowView view = open(fx);
        MapPane pane = view.map();
        LiveMapView map = pane.mapView();

        // Alt+2 switches communities off, from anywhere in the map pane
        clickOn(map);
        press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        assertFalse(onFx(() -> map.viewModel().layerVisibleProperty(MapLayerId.COMMUNITIES).get()), "Alt+2 hid communities");
        assertFalse(onFx(() -> pane.legend().box(MapLayerId.COMMUNITIES).isSelected()), "and the legend says so");

        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertTrue(onFx(() -> pane.searchBox().field().isFocused()), "Ctrl+F puts the caret in the search box");

        search(pane, "巡01");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(3), "the unit is selected", () -> map.viewModel().selectedFeatureProperty().get() != null
                && map.viewModel().selectedFeatureProperty().get().kind() == MapSelection.Kind.UNIT);
        waitUntil(Duration.ofSeconds(3), "the map flew there", () -> !map.flying());
        assertEquals(17, onFx(map::zoom), 1e-6, "zoomed to a street level");
        assertTrue(distance(map, GeoPoint.wgs84(29.21, 103.71)) < 5, "centred on the unit");

        @SuppressWarnings("unchecked")
        TableView<QueueRow> table = (TableView<QueueRow>) stage.getScene().lookup("#incident-queue-table");
        clickOn(pane.searchBox().field());
        search(pane, "J20261123-00002");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(3), "an incident found is selected in the queue too",
                () -> table.getSelectionModel().getSelectedItem() != null
                        && table.getSelectionModel().getSelectedItem().getEntry().id() == south);
        waitUntil(Duration.ofSeconds(3), "and centred", () -> !map.flying() && distance(map, SOUTH) < 5);

        clickOn(pane.searchBox().field());
        search(pane, "滨江社区");
        type(KeyCode.ENTER);
        waitUntil(Duration.ofSeconds(3), "the community is selected", () -> map.viewModel().selectedFeatureProperty().get() != null
                && map.viewModel().selectedFeatureProperty().get().kind() == MapSelection.Kind.COMMUNITY);
        assertTrue(onFx(() -> map.viewModel().layerVisibleProperty(MapLayerId.COMMUNITIES).get()),
                "flying to a community shows the communities again");
        assertTrue(onFx(() -> map.viewModel().focusProperty().get() != null), "the found place is marked");

        // a new incident is found once the feed brings it
        onFx(() -> {
            pane.searchBox().field().setText("00077");
            return null;
        });
        Thread.sleep(300);
        assertTrue(onFx(() -> pane.searchBox().list().getItems().isEmpty()));
        fx.incidents.record(new Incident(0, "J20261123-00077", fx.clock.instant(), "13800001234", "北街", NORTH,
                IncidentType.NOISE, 3, null, fx.stationId, fx.gridId, IncidentStatus.NEW, null, 0));
        waitUntil(Duration.ofSeconds(5), "the new incident is offered", () -> pane.searchBox().list().getItems().size() == 1
                && pane.searchBox().list().getItems().get(0).title().equals("J20261123-00077"));
    }

    @Test
    void theRegistersHousesAreReadOntoTheMapToggledWithAltHAndDescribedInTheDetailLine() throws Exception {
        Fixture fx = Fixture.inMemory();
        var register = new org.commandroom.core.prevention.HouseRegister(fx.db.jdbi(), fx.clock,
                org.commandroom.core.access.AccessGuard.trusted());
        register.save(new org.commandroom.core.prevention.HouseInput("北街", "8号", org.commandroom.core.prevention.HouseKind.RENTED,
                null, "李房东", null, 5, java.util.List.of("FIRE_HAZARD", "UNREGISTERED"), NORTH, null, null), "管理员");
        MainWindowView view = open(fx);
        MapPane pane = view.map();
        LiveMapView map = pane.mapView();
        waitUntil(Duration.ofSeconds(5), "the house is on the map", () -> map.viewModel().houses().size() == 1);
        String id = onFx(() -> Long.toString(map.viewModel().houses().get(0).id()));

        clickOn(map);
        press(KeyCode.ALT, KeyCode.H).release(KeyCode.H, KeyCode.ALT);
        assertFalse(onFx(() -> map.viewModel().layerVisibleProperty(MapLayerId.HOUSES).get()), "Alt+H hid the houses");
        assertFalse(onFx(() -> pane.legend().box(MapLayerId.HOUSES).isSelected()), "and the legend says so");
        press(KeyCode.ALT, KeyCode.H).release(KeyCode.H, KeyCode.ALT);
        assertTrue(onFx(() -> map.viewModel().layerVisibleProperty(MapLayerId.HOUSES).get()), "and showed them again");

        // zoomed in on it, the pointer over the house names it
        onFx(() -> {
            map.centreOn(NORTH, 16);
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the map laid out the new view before the pointer is placed
        // The click above left the pointer at the map's centre, where the house now is: a move to the same spot makes
        // no MOUSE_MOVED and the map never looks under it. So first somewhere else, then onto the house.
        javafx.geometry.Point2D house = onFx(() -> map.localToScreen(map.screenPoint(NORTH)));
        moveTo(house.add(60, 60));
        moveTo(house);
        waitUntil(Duration.ofSeconds(10), "the house is under the pointer", () -> map.viewModel().hoveredFeatureProperty().get() != null
                && map.viewModel().hoveredFeatureProperty().get().kind() == MapSelection.Kind.HOUSE
                && map.viewModel().hoveredFeatureProperty().get().id().equals(id));
        Label detail = (Label) stage.getScene().lookup("#map-detail");
        assertEquals("房屋：北街 8号 · 出租房屋 · 2星 · 房东 李房东 · 居住 5 人", onFx(detail::getText));
    }

    private void search(MapPane pane, String text) {
        onFx(() -> {
            pane.searchBox().field().setText(text);
            return null;
        });
        waitUntil(Duration.ofSeconds(3), "hits for " + text, () -> {
            ListView<SearchHit> list = pane.searchBox().list();
            return !list.getItems().isEmpty() && list.getItems().get(0).title().contains(text.replace("巡01", ""));
        });
    }

    @Test
    void importFromTheMapReportsEveryProblemOfABadFileAndImportsAGoodOneAfterWhichTheMapReloads() throws Exception {
        Fixture fx = Fixture.inMemory();
        MainWindowView view = open(fx);
        MapPane pane = view.map();
        LiveMapView map = pane.mapView();
        assertEquals(0, onFx(() -> map.viewModel().cameras().size()));
        onFx(() -> {
            pane.setImportFiles((owner, layer) -> Optional.of(SAMPLES.resolve(
                    layer == ImportChoice.CAMERAS ? "cameras.csv" : "micro-grids.geojson")));
            return null;
        });
        clickOn("#map-import");
        waitUntil(Duration.ofSeconds(3), "the import window is open", () -> pane.importDialog() != null
                && pane.importDialog().stage().isShowing());
        Scene dialog = onFx(() -> pane.importDialog().stage().getScene());

        // micro-grids into a county without communities: every feature is a problem, nothing is written
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<ImportChoice> layer = (ChoiceBox<ImportChoice>) dialog.lookup("#import-layer");
            layer.setValue(ImportChoice.MICRO_GRIDS);
            ((Button) dialog.lookup("#import-choose")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "the rejection is reported",
                () -> ((Label) dialog.lookup("#import-summary")).getText().contains("未能导入"));
        long features = countFeatures(SAMPLES.resolve("micro-grids.geojson"));
        @SuppressWarnings("unchecked")
        ListView<String> problems = (ListView<String>) dialog.lookup("#import-problems");
        assertEquals((int) features, (int) onFx(() -> problems.getItems().size()), "one problem per feature");
        assertTrue(onFx(() -> problems.getItems().stream().allMatch(p -> p.startsWith("要素 "))),
                "each names its feature, in Chinese on a Chinese screen: " + onFx(() -> problems.getItems().get(0)));
        assertTrue(onFx(() -> problems.getItems().get(0).contains("东门一网格")));
        assertTrue(onFx(() -> problems.getItems().get(0).contains("不在任何社区内：数据库中没有带边界的社区")),
                "the reason is said in Chinese too: " + onFx(() -> problems.getItems().get(0)));
        assertTrue(onFx(() -> ((Label) dialog.lookup("#import-note")).getText().contains("未导入任何数据")));
        long stored = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM micro_grid").mapTo(Long.class).one());
        assertEquals(0, stored, "nothing written");

        // the camera list: imported, counted, and the map shows the cameras once the feed brings the change
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<ImportChoice> layer = (ChoiceBox<ImportChoice>) dialog.lookup("#import-layer");
            layer.setValue(ImportChoice.CAMERAS);
            ((Button) dialog.lookup("#import-choose")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "the import is reported",
                () -> ((Label) dialog.lookup("#import-summary")).getText().startsWith("已从 cameras.csv 导入视频点位 4 条"));
        assertTrue(onFx(() -> problems.getItems().isEmpty()));
        waitUntil(Duration.ofSeconds(10), "the map reloads the cameras", () -> map.viewModel().cameras().size() == 4);
        onFx(() -> {
            ((Button) dialog.lookup("#import-close")).fire();
            return null;
        });
    }

    @Test
    void keyPlacesImportedOnAnotherWorkstationAppearOnTheMapOnceTheFeedBringsTheChange() throws Exception {
        Fixture fx = Fixture.inMemory();
        open(fx);
        waitUntil(Duration.ofSeconds(10), "the legend says the key places are empty", () -> onFx(() -> {
            javafx.scene.control.CheckBox box = (javafx.scene.control.CheckBox) stage.getScene().lookup("#legend-key-places");
            return box != null && box.getText().endsWith("（空）");
        }));
        // the set-up (another window or workstation) imports two key places into the fixture's police grid
        org.commandroom.core.geo.io.PlaceImportService.Outcome o = new GeoImportService(fx.db.jdbi(),
                new ChangeRecorder(fx.clock, "admin-ws"), fx.clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA)).places().importContent(
                new org.commandroom.core.geo.io.PlaceImportService.Request(org.commandroom.core.geo.io.PlaceKind.KEY_PLACE,
                        org.commandroom.core.geo.Datum.WGS84, "admin", false), "重点场所.csv",
                "name,kind,lon,lat\n南关小学,学校,103.71,29.21\n南关银行,银行,103.715,29.205\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(o.accepted(), o.problems().toString());
        waitUntil(Duration.ofSeconds(10), "the map reloaded the key places", () -> onFx(() -> {
            javafx.scene.control.CheckBox box = (javafx.scene.control.CheckBox) stage.getScene().lookup("#legend-key-places");
            return !box.getText().endsWith("（空）");
        }));
    }

    @Test
    void aMapWithNoDistrictGoesToTheFirstDistrictImportedOnAnotherWorkstation() throws Exception {
        Fixture fx = Fixture.inMemory();
        // a new bureau: its organisation, no geography yet
        fx.db.jdbi().useHandle(h -> {
            h.execute("SET REFERENTIAL_INTEGRITY FALSE");
            h.execute("DELETE FROM police_grid");
            h.execute("SET REFERENTIAL_INTEGRITY TRUE");
        });
        MainWindowView view = open(fx);
        LiveMapView map = view.map().mapView();
        GeoPoint before = onFx(map::viewCentre);
        // the set-up (another window or workstation) imports the streets, 103.938-104.062 E x 29.23-29.29 N
        new GeoImportService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "admin-ws"), fx.clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA)).importFile(new GeoImportService.Request(
                ImportLayer.STREETS, org.commandroom.core.geo.Datum.WGS84, false, "admin"), SAMPLES.resolve("streets.geojson"));
        waitUntil(Duration.ofSeconds(10), "the map went to the district", () -> {
            GeoPoint c = DatumConverter.convert(map.viewCentre(), org.commandroom.core.geo.Datum.WGS84);
            return c.lon() > 103.938 && c.lon() < 104.062 && c.lat() > 29.23 && c.lat() < 29.29;
        });
        assertTrue(before.distanceMetres(onFx(map::viewCentre)) > 1000, "it was not there before: " + before);
    }

    @Test
    void aDistrictBoundaryImportedOnAnotherWorkstationIsShownAndTheMapFitsIt() throws Exception {
        Fixture fx = Fixture.inMemory();
        MainWindowView view = open(fx);
        LiveMapView map = view.map().mapView();
        double zoomBefore = onFx(map::zoom);
        // the county of 犍为 (GCJ-02), 103.69-104.19 E x 29.02-29.46 N, from a shapefile converted by GDAL (core test data)
        Path shp = Path.of("../console-core/src/test/resources/geo/shp/qianwei-gbk.shp");
        new GeoImportService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "admin-ws"), fx.clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA)).importFile(new GeoImportService.Request(
                ImportLayer.DISTRICT, org.commandroom.core.geo.Datum.GCJ02, false, "admin", true), shp);
        GeoPoint middle = new GeoPoint((29.019838 + 29.461302) / 2, (103.694683 + 104.194042) / 2,
                org.commandroom.core.geo.Datum.GCJ02);
        waitUntil(Duration.ofSeconds(10), "the map fitted the district",
                () -> map.viewCentre().distanceMetres(DatumConverter.convert(middle, map.viewCentre().datum())) < 2000
                        && map.zoom() < zoomBefore);
        waitUntil(Duration.ofSeconds(5), "the legend lists the district as not empty", () ->
                "辖区边界".equals(((javafx.scene.control.CheckBox) view.root().lookup("#legend-district")).getText()));
    }

    private static long countFeatures(Path geojson) throws Exception {
        String text = Files.readString(geojson);
        return text.split("\"type\": \"Feature\"", -1).length - 1;
    }

    /** Metres between the map's centre and a point, in the map's own datum. */
    private static double distance(LiveMapView map, GeoPoint p) {
        GeoPoint centre = onFx(map::viewCentre);
        return centre.distanceMetres(DatumConverter.convert(p, centre.datum()));
    }
}
