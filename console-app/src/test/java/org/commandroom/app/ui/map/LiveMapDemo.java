package org.commandroom.app.ui.map;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.commandroom.app.ui.map.tiles.MapTiles;
import org.commandroom.app.ui.map.tiles.TileSourceSettings;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GeoShape;

/**
 * The live map on its own with a synthetic county around 29.21 N, 103.95 E: offline vector base
 * map, 16 police grids, cameras, 12 units (some stale), 6 incidents (one new, pulsing), a circled
 * area. For looking at it; the main window is built elsewhere.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x900x24" mvn -B -q -o -pl console-app exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-Xmx1g -Dprism.order=sw -classpath %classpath \
 *   org.commandroom.app.ui.map.LiveMapDemo [cameras=20000] [zoom=15] [exitAfterSeconds=0]"
 * </pre>
 */
public final class LiveMapDemo {

    private LiveMapDemo() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE); // the console's language; the map's bundle is Chinese at its base
        int cameras = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        double zoom = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        double exitAfter = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        Datum mapDatum = Datum.GCJ02;
        SyntheticCounty county = new SyntheticCounty(11);
        MapTiles.configure(TileSourceSettings.offline(county.baseMap(), mapDatum));
        CameraSet set = county.cameras(cameras, mapDatum);
        Instant now = Instant.now();

        Platform.startup(() -> {
            LiveMapViewModel vm = new LiveMapViewModel(mapDatum, Clock.systemDefaultZone());
            vm.setCameras(set);
            vm.setGrids(county.grids());
            vm.units().setAll(county.units(now));
            vm.incidents().setAll(county.incidents(now));
            LiveMapView view = new LiveMapView(vm);
            GeoPoint town = GeoPoint.wgs84(SyntheticCounty.CENTRE_LAT, SyntheticCounty.CENTRE_LON);
            view.centreOn(town, zoom);

            CheckBox grids = new CheckBox("警格");
            CheckBox cams = new CheckBox("视频点位");
            CheckBox units = new CheckBox("巡逻警力");
            CheckBox incidents = new CheckBox("警情");
            grids.selectedProperty().bindBidirectional(vm.gridsVisibleProperty());
            cams.selectedProperty().bindBidirectional(vm.camerasVisibleProperty());
            units.selectedProperty().bindBidirectional(vm.unitsVisibleProperty());
            incidents.selectedProperty().bindBidirectional(vm.incidentsVisibleProperty());
            Label selection = new Label();
            selection.textProperty().bind(Bindings.createStringBinding(() -> {
                MapSelection s = vm.selectedFeatureProperty().get();
                return String.format(Locale.ROOT, "圈选：视频 %d 个，警力 %d 个   选中：%s",
                        vm.camerasInAreaProperty().size(), vm.unitsInAreaProperty().size(),
                        s == null ? "无" : s.kind() + " " + s.id());
            }, vm.selectedFeatureProperty(), vm.camerasInAreaProperty(), vm.unitsInAreaProperty()));
            ToolBar bar = new ToolBar(grids, cams, units, incidents, selection);
            bar.setStyle("-fx-base: #1b2330; -fx-background-color: #111821;");
            selection.setStyle("-fx-text-fill: #e5e7eb;");
            for (CheckBox c : new CheckBox[] {grids, cams, units, incidents}) {
                c.setStyle("-fx-text-fill: #e5e7eb;");
            }
            BorderPane root = new BorderPane(view, bar, null, null, null);
            Stage stage = new Stage();
            stage.setTitle("实时地图 — 演示");
            stage.setScene(new Scene(root, 1600, 900));
            stage.setX(0);
            stage.setY(0);
            stage.show();

            // A circled area, a selected camera and, a moment later, a new incident that pulses.
            GeoPoint circleCentre = view.geoAt(1600 * 0.30, 900 * 0.62);
            vm.selectArea(GeoShape.circle(circleCentre, 140 * WebMercator.metresPerPixel(circleCentre.lat(), zoom)));
            if (!vm.camerasInAreaProperty().isEmpty()) {
                String id = vm.camerasInAreaProperty().get(0);
                int i = set.positionOf(id);
                vm.selectedFeatureProperty().set(new MapSelection(MapSelection.Kind.CAMERA, id,
                        new GeoPoint(set.lat(i), set.lon(i), mapDatum)));
            }
            PauseTransition later = new PauseTransition(Duration.seconds(2));
            later.setOnFinished(e -> vm.incidents().add(new IncidentMarker("J2001", "抢劫（新）", 1,
                    view.geoAt(1600 * 0.66, 900 * 0.40), Instant.now())));
            later.play();
            if (exitAfter > 0) {
                PauseTransition exit = new PauseTransition(Duration.seconds(exitAfter));
                exit.setOnFinished(e -> {
                    MapTiles.shutdown();
                    Platform.exit();
                });
                exit.play();
            }
        });
    }
}
