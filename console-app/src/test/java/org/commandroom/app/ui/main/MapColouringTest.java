package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.LiveScreenTest;
import org.commandroom.app.ui.map.GridArea;
import org.commandroom.app.ui.map.GridColouring;
import org.commandroom.app.ui.map.GridFill;
import org.commandroom.app.ui.map.MapPalette;
import org.commandroom.app.ui.map.RiskGrade;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeKind;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The legend's choice colours the police grids by the Ping'an index or the station's prevention index. */
class MapColouringTest extends LiveScreenTest {

    private ExecutorService worker;

    @AfterEach
    void close() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    @Test
    void theLegendColoursGridsByPingAnIndexOrTheStationsIndexAndBackByRiskGrade() throws Exception {
        Fixture fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        ChangeRecorder recorder = new ChangeRecorder(fx.clock, "test");
        Numbering numbering = new Numbering(fx.clock, ZoneId.of("Asia/Shanghai"));
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(), numbering, recorder);
        worker = Executors.newSingleThreadExecutor();
        IndexModule index = IndexModule.create(fx.db.jdbi(), fx.clock, null, recorder, numbering, worker);
        index.recomputeNow();
        YearMonth nov = YearMonth.of(2026, 11);
        // The grid has no residents on record: its Ping'an index is its satisfaction alone, 45 (red).
        index.pingAn().enterSatisfaction(fx.gridId, nov, 45, "张三");
        index.pingAn().compute(nov);
        double stationIndex = index.trace().result(new Scope(ScopeKind.STATION, fx.stationId), Period.month(nov))
                .orElseThrow().index();
        AppServices services = new AppServices(fx.db, fx.incidents, fx.units, orders, live.feed, null, null,
                fx.intakeModule(orders), index);
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, live.ui.tasks(),
                new StatusBarViewModel(fx.clock, "jdbc:h2:mem:test", "值班员"));
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        Scene scene = DeskOnStage.show(stage, view, vm);
        waitUntil(Duration.ofSeconds(10), "the map and its legend are shown",
                () -> onFx(() -> scene.lookup("#legend-colouring") != null));
        @SuppressWarnings("unchecked")
        ComboBox<GridColouring> choice = (ComboBox<GridColouring>) scene.lookup("#legend-colouring");
        var mapVm = onFx(() -> view.map().mapView().viewModel());
        GridArea grid = new GridArea(Long.toString(fx.gridId), "南关社区第二警格", RiskGrade.GREEN,
                "POLYGON((103.70 29.20, 103.72 29.20, 103.72 29.22, 103.70 29.22, 103.70 29.20))", Datum.WGS84);
        assertEquals(MapPalette.GRADE_GREEN, onFx(() -> mapVm.gridFillProperty().get().argb(grid)), "risk grade by default");
        assertEquals("风险等级", onFx(() -> choice.getConverter().toString(choice.getValue())));

        onFx(() -> {
            choice.setValue(GridColouring.PING_AN);
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the grid is red by its Ping'an index 45",
                () -> onFx(() -> mapVm.gridFillProperty().get().argb(grid)) == MapPalette.GRADE_RED);
        assertTrue(onFx(() -> java.util.Arrays.equals(mapVm.gridFillProperty().get().legendColours(),
                new int[] {MapPalette.GRADE_RED, MapPalette.GRADE_ORANGE, MapPalette.GRADE_GREEN})));

        onFx(() -> {
            choice.setValue(GridColouring.STATION_INDEX);
            return null;
        });
        int expected = GridColouring.scorePalette().argb(stationIndex);
        waitUntil(Duration.ofSeconds(5), "the grid takes its station's index colour (" + stationIndex + ")",
                () -> onFx(() -> {
                    GridFill f = mapVm.gridFillProperty().get();
                    return f.argb(grid) == expected && f.argb(new GridArea("999999", "x", RiskGrade.RED,
                            grid.wkt(), Datum.WGS84)) == 0;
                }));

        // Stations: the station has no boundary of its own, so its area is the union of its grids (here one)
        onFx(() -> {
            choice.setValue(GridColouring.STATION_AREA);
            return null;
        });
        assertEquals("派出所辖区按主防指数（本月）", onFx(() -> choice.getConverter().toString(choice.getValue())));
        waitUntil(Duration.ofSeconds(5), "the station's area is filled by its index",
                () -> onFx(() -> mapVm.stationFillProperty().get() != null));
        GridArea stationArea = new GridArea(Long.toString(fx.stationId), "城关派出所", RiskGrade.GREEN, grid.wkt(), Datum.WGS84);
        assertEquals(expected, onFx(() -> mapVm.stationFillProperty().get().argb(stationArea)));
        assertEquals(List.of(String.format(Locale.ROOT, "城关派出所 %.1f", stationIndex)), onFx(mapVm::stationAreaLabels));
        assertEquals(0, onFx(() -> mapVm.gridFillProperty().get().argb(grid)), "the grids are outlined only");
        assertTrue(onFx(() -> java.util.Arrays.equals(mapVm.gridFillProperty().get().legendColours(),
                GridColouring.scorePalette().colours())), "the legend shows the score colours");

        onFx(() -> {
            choice.setValue(GridColouring.RISK_GRADE);
            return null;
        });
        assertEquals(MapPalette.GRADE_GREEN, onFx(() -> mapVm.gridFillProperty().get().argb(grid)));
        assertEquals(List.of(), onFx(mapVm::stationAreaLabels), "the station areas are gone");
        assertEquals(null, onFx(() -> mapVm.stationFillProperty().get()));
    }
}
