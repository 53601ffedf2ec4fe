package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.map.LiveMapView;
import org.commandroom.app.ui.map.MapSelection;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.app.ui.units.UnitRow;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The live map in the workstation: fed from the database, following the queue, and clickable back. */
@ExtendWith(ApplicationExtension.class)
class MapPaneTest {

    private static final GeoPoint NORTH = GeoPoint.wgs84(29.2150, 103.7150);
    private static final GeoPoint SOUTH = GeoPoint.wgs84(29.2030, 103.7050);

    private Stage stage;
    private LiveScreen live;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.installUserAgentStylesheet();
    }

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void theMapShowsTheQueueAndUnitsAndSelectingAnIncidentOnEitherSelectsItOnTheOther() throws Exception {
        Fixture fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('ST1', '城关镇', "
                    + "'POLYGON((103.69 29.19, 103.73 29.19, 103.73 29.23, 103.69 29.23, 103.69 29.19))', 'WGS84')");
            h.execute("INSERT INTO camera (device_id, name, kind, lat, lon, datum, online) VALUES "
                    + "('51112300001310000001', '北街口', 'SKYNET', 29.214, 103.714, 'WGS84', TRUE)");
        });
        long north = record(fx, "J20261123-00001", NORTH, 1);
        long south = record(fx, "J20261123-00002", SOUTH, 2);
        fx.unit("城关巡01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(5), "张伟");
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));

        MainWindowView view = open(fx);
        Scene scene = onFx(stage::getScene);

        waitUntil(Duration.ofSeconds(10), "the map is shown with both incidents and the unit",
                () -> view.map() != null && view.map().mapView() != null
                        && view.map().mapView().viewModel().incidents().size() == 2
                        && view.map().mapView().viewModel().units().size() == 1);
        LiveMapView map = view.map().mapView();
        assertEquals(1, onFx(() -> map.viewModel().cameras().size()));

        @SuppressWarnings("unchecked")
        TableView<QueueRow> table = (TableView<QueueRow>) scene.lookup("#incident-queue-table");
        onFx(() -> {
            table.getSelectionModel().select(rowOf(table, south));
            return null;
        });
        waitUntil(Duration.ofSeconds(3), "selecting in the queue centres the map on the incident",
                () -> distance(map, SOUTH) < 50);

        onFx(() -> {
            map.viewModel().selectedFeatureProperty().set(new MapSelection(MapSelection.Kind.INCIDENT,
                    Long.toString(north), NORTH));
            return null;
        });
        waitUntil(Duration.ofSeconds(3), "clicking an incident on the map selects it in the queue",
                () -> table.getSelectionModel().getSelectedItem() != null
                        && table.getSelectionModel().getSelectedItem().getEntry().id() == north);
        assertTrue(distance(map, NORTH) < 50, "and the map centres on it");
    }

    @Test
    void aUnitsNewPositionIsOnTheMapInTheSameEventThatPutsItOnTheBoard() throws Exception {
        Fixture fx = Fixture.inMemory();
        long unit = fx.unit("城关巡01", UnitKind.CAR, UnitStatus.AVAILABLE, Duration.ofSeconds(30), "张伟");
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        MainWindowView view = open(fx);
        waitUntil(Duration.ofSeconds(10), "the map shows the unit",
                () -> view.map() != null && view.map().mapView() != null
                        && view.map().mapView().viewModel().units().size() == 1);
        live.awaitFeed();
        LiveMapView map = view.map().mapView();
        @SuppressWarnings("unchecked")
        TableView<UnitRow> board = (TableView<UnitRow>) stage.getScene().lookup("#unit-board-table");

        java.time.Instant fixAt = fx.clock.instant();
        fx.units.reportPosition(unit, NORTH, 45.0, fixAt);

        // Checked in one FX event: once the board's row holds the fix, the map's marker must hold it too (it used
        // to wait for the one-second tick, so a check between the two saw the board ahead of the map).
        boolean[] mapAlong = {false};
        waitUntil(Duration.ofSeconds(10), "the board shows the new fix", () -> {
            boolean onBoard = board.getItems().stream()
                    .anyMatch(r -> r.getEntry().id() == unit && fixAt.equals(r.getEntry().fixAt()));
            if (onBoard) {
                mapAlong[0] = map.viewModel().units().stream()
                        .anyMatch(m -> m.id().equals(Long.toString(unit)) && fixAt.equals(m.fixTime()));
            }
            return onBoard;
        });
        assertTrue(mapAlong[0], "the map's marker moved with the board's row");
    }

    /** The main window on the live screen's database and feed, shown and connected. */
    private MainWindowView open(Fixture fx) {
        StatusBarViewModel status = new StatusBarViewModel(fx.clock, "jdbc:h2:mem:test", "值班员");
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), new ChangeRecorder(fx.clock, "test"));
        AppServices services = new AppServices(fx.db, fx.incidents, fx.units, orders, live.feed, null,
                new org.commandroom.core.geo.io.GeoImportService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "test"),
                        fx.clock, org.commandroom.core.geo.io.GeoImportService.Settings.defaults(
                                org.commandroom.core.geo.io.GeoImportService.Settings.CHINA)),
                fx.intakeModule(orders));
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, live.ui.tasks(), status);
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        onFx(() -> {
            Scene s = new Scene((Parent) view.root(), 1600, 900);
            Theme.style(s);
            stage.setScene(s);
            stage.show();
            vm.connect();
            return s;
        });
        return view;
    }

    /** Metres between the map's centre and a point, in the map's own datum. */
    private static double distance(LiveMapView map, GeoPoint p) {
        GeoPoint centre = onFx(map::viewCentre);
        return centre.distanceMetres(DatumConverter.convert(p, centre.datum()));
    }

    private static long record(Fixture fx, String no, GeoPoint at, int priority) {
        return fx.incidents.record(new Incident(0, no, fx.clock.instant().minusSeconds(120), "13800001234", "北街",
                at, IncidentType.FIGHT, priority, null, fx.stationId, fx.gridId, IncidentStatus.NEW, null, 0));
    }

    private static QueueRow rowOf(TableView<QueueRow> table, long id) {
        return table.getItems().stream().filter(r -> r.getEntry().id() == id).findFirst().orElseThrow();
    }
}
