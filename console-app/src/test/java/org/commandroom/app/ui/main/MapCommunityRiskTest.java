package org.commandroom.app.ui.main;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.commandroom.app.AppServices;
import org.commandroom.app.Fixture;
import org.commandroom.app.PreventionModule;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.LiveScreenTest;
import org.commandroom.app.ui.map.GridArea;
import org.commandroom.app.ui.map.GridColouring;
import org.commandroom.app.ui.map.MapPalette;
import org.commandroom.app.ui.map.RiskGrade;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.prevention.CommunityRisk;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.Test;

/**
 * 分色预警 on the desk's map: the legend offers the communities by risk (with no index in the console too), fills each
 * community by the rule (南关社区 with 12 incidents orange, 北关社区 with none green), states the rule under the
 * choice, outlines the grids only, recolours when the rule changes, and goes back to the grids' own grade. The tool
 * bar opens the 主防 window.
 */
class MapCommunityRiskTest extends LiveScreenTest {

    private static final Principal ADMIN = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);

    @Test
    void theCommunitiesAreColouredByTheRuleWhichTheLegendStatesAndRecolouredWhenItChanges() throws Exception {
        Fixture fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> {
            long street = h.createUpdate("INSERT INTO street (code, name, boundary_wkt, datum) VALUES ('ST1', '城关街道', "
                    + "'POLYGON((103.70 29.20, 103.74 29.20, 103.74 29.22, 103.70 29.22, 103.70 29.20))', 'WGS84')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO community (street_id, code, name, boundary_wkt, datum) VALUES (:s, 'C1', '南关社区', "
                    + "'POLYGON((103.70 29.20, 103.72 29.20, 103.72 29.22, 103.70 29.22, 103.70 29.20))', 'WGS84')")
                    .bind("s", street).execute();
            h.createUpdate("INSERT INTO community (street_id, code, name, boundary_wkt, datum) VALUES (:s, 'C2', '北关社区', "
                    + "'POLYGON((103.72 29.20, 103.74 29.20, 103.74 29.22, 103.72 29.22, 103.72 29.20))', 'WGS84')")
                    .bind("s", street).execute();
            // 160 incidents in the quarter at a tenth of a point each: 16, orange by the default rule.
            for (int i = 0; i < 160; i++) {
                h.createUpdate("INSERT INTO incident (incident_no, received_at, address, lat, lon, category, incident_type, "
                        + "priority, status) VALUES (:no, :at, '南关街', 29.21, 103.71, 'CRIMINAL', 'THEFT', 2, 'CLOSED')")
                        .bind("no", "R" + i).bind("at", fx.clock.instant().minus(Duration.ofHours(12L * i))).execute();
            }
        });
        live = onFx(() -> new LiveScreen(fx, Locale.ROOT));
        ChangeRecorder recorder = new ChangeRecorder(fx.clock, "test");
        OrderService orders = new OrderService(fx.db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                new Numbering(fx.clock, ZoneId.of("Asia/Shanghai")), recorder);
        AccessGuard guard = AccessGuard.of(fx.db.jdbi(), fx.clock, ADMIN);
        PreventionModule prevention = PreventionModule.prepare(fx.db.jdbi(), fx.clock, orders, guard);
        AppServices services = new AppServices(fx.db, fx.incidents, fx.units, orders, live.feed, null, null,
                fx.intakeModule(orders), null, null, null, null, prevention);
        MainWindowViewModel vm = new MainWindowViewModel(() -> services, live.ui.tasks(),
                new StatusBarViewModel(fx.clock, "jdbc:h2:mem:test", "值班员"));
        MainWindowView view = onFx(() -> new MainWindowView(vm, live.ui));
        Scene scene = DeskOnStage.show(stage, view, vm);
        waitUntil(Duration.ofSeconds(10), "the map and its legend are shown",
                () -> onFx(() -> scene.lookup("#legend-colouring") != null));
        @SuppressWarnings("unchecked")
        ComboBox<GridColouring> choice = (ComboBox<GridColouring>) scene.lookup("#legend-colouring");
        assertEquals(List.of(GridColouring.RISK_GRADE, GridColouring.COMMUNITY_RISK), onFx(() -> List.copyOf(choice.getItems())),
                "without the index only the grade and the communities by risk");
        Label rule = (Label) scene.lookup("#legend-colouring-rule");
        assertTrue(onFx(() -> !rule.isVisible()));
        var mapVm = onFx(() -> view.map().mapView().viewModel());

        onFx(() -> {
            choice.setValue(GridColouring.COMMUNITY_RISK);
            return null;
        });
        assertEquals("社区分色预警（按规则计算）", onFx(() -> choice.getConverter().toString(choice.getValue())));
        waitUntil(Duration.ofSeconds(5), "the communities are filled", () -> onFx(() -> !mapVm.stationAreaLabels().isEmpty()));
        assertEquals(List.of("南关社区 16", "北关社区 0"), onFx(mapVm::stationAreaLabels));
        assertEquals(List.of(MapPalette.GRADE_ORANGE, MapPalette.GRADE_GREEN), onFx(mapVm::stationAreaColours));
        GridArea grid = new GridArea(Long.toString(fx.gridId), "南关社区第二警格", RiskGrade.RED,
                "POLYGON((103.70 29.20, 103.72 29.20, 103.72 29.22, 103.70 29.22, 103.70 29.20))", Datum.WGS84);
        assertEquals(0, onFx(() -> mapVm.gridFillProperty().get().argb(grid)), "the grids are outlined only");
        assertEquals("分值 = 近 90 天警情数 × 0.1 + 2 星及以下房屋数 × 3 + 最近一次核查发现的隐患数 × 2 + 未办结模型预警数 × 2；"
                + "达 25 分为红色，达 15 分为橙色，其余为绿色。", onFx(rule::getText));
        assertTrue(onFx(rule::isVisible));
        org.commandroom.app.ScreenshotOfScene.save(scene, "screenshot-map-community-risk.png");

        prevention.risk().saveRule(new CommunityRisk.Rule(90, 1, 2, 3, 2, 2, 5, 12), "周敏");
        onFx(() -> {
            view.map().riskRuleChanged();
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "南关社区 turns red at 12 (160 points at 1 each)",
                () -> onFx(mapVm::stationAreaColours).equals(List.of(MapPalette.GRADE_RED, MapPalette.GRADE_GREEN)));
        assertTrue(onFx(rule::getText).endsWith("达 12 分为红色，达 5 分为橙色，其余为绿色。"));

        onFx(() -> {
            choice.setValue(GridColouring.RISK_GRADE);
            return null;
        });
        assertEquals(List.of(), onFx(mapVm::stationAreaLabels), "the communities are gone");
        assertEquals(MapPalette.GRADE_RED, onFx(() -> mapVm.gridFillProperty().get().argb(grid)));
        assertTrue(onFx(() -> !rule.isVisible()));

        // the desk's tool bar opens the 主防 window
        onFx(() -> {
            ((javafx.scene.control.Button) scene.lookup("#toolbar-prevention")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(5), "the prevention window is shown",
                () -> onFx(() -> view.preventionWindow().stage() != null && view.preventionWindow().stage().isShowing()));
        assertEquals("主防工作 · 模型预警 · 警务工时 · 分色预警", onFx(() -> view.preventionWindow().stage().getTitle()));
        onFx(() -> {
            view.preventionWindow().stage().hide();
            return null;
        });
    }
}
