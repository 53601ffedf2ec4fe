package org.commandroom.app.ui.index;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexEngine;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeKind;
import org.commandroom.core.index.ScopeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dashboard on a real (in-memory) database: gauges show the stored scores and drill down to records. */
@ExtendWith(ApplicationExtension.class)
class IndexDashboardViewTest {

    private LiveScreen live;
    private Fixture fx;
    private IndexDashboardView view;
    private ScopeResult stored;
    private final Period nov = Period.month(2026, 11);

    @Start
    void start(Stage stage) {
        fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(3), "人民路2号");
        fx.incident(IncidentType.TRAFFIC_ACCIDENT, 2, IncidentStatus.CLOSED, Duration.ofHours(2), "人民路3号");
        IndexDefinitions defs = IndexDefinitions.withDefault();
        new IndexEngine(fx.db.jdbi(), fx.clock, defs, null).recomputeYear(2026);
        IndexTrace trace = new IndexTrace(fx.db.jdbi(), fx.clock, defs);
        stored = trace.result(new Scope(ScopeKind.STATION, fx.stationId), nov).orElseThrow();
        live = new LiveScreen(fx, Locale.ROOT);
        IndexDashboardViewModel vm = new IndexDashboardViewModel(trace, new IndexRanking(fx.db.jdbi(), defs), defs, live.ui.tasks());
        view = new IndexDashboardView(vm, live.ui);
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1280, 900);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        vm.activate(nov);
    }

    @BeforeEach
    void awaitScores() {
        waitUntil(Duration.ofSeconds(10), "the gauges show the stored index",
                () -> onFx(() -> view.gauges().get("INDEX").data().getValue() != null));
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void theOverallAndSevenCapabilityGaugesShowTheStoredScores() {
        assertEquals(8, view.gauges().size());
        assertEquals(stored.index(), onFx(() -> view.gauges().get("INDEX").data().getValue().doubleValue()), 1e-9);
        assertEquals(stored.capabilities().get("INCIDENTS"),
                onFx(() -> view.gauges().get("INCIDENTS").data().getValue().doubleValue()), 1e-9);
        String title = onFx(() -> view.gauges().get("INCIDENTS").chart().getTitle().getText());
        assertTrue(title.startsWith("防警情能力  "), title);
        assertEquals(1, onFx(() -> view.rankingTable().getItems().size()));
    }

    @Test
    void aClickOnAGaugeListsItsIndicatorsAndAnIndicatorItsRecords(FxRobot robot) {
        robot.clickOn("#gauge-INCIDENTS");
        waitUntil(Duration.ofSeconds(5), "the incident indicators are listed", () -> onFx(() -> view.indicatorTable().getItems().size() == 7));
        assertEquals("I01", onFx(() -> view.indicatorTable().getItems().get(0).id()));
        robot.interact(() -> view.indicatorTable().getSelectionModel().select(1)); // I02 fights
        waitUntil(Duration.ofSeconds(5), "the two fights are listed", () -> onFx(() -> view.records().getItems().size() == 2));
        List<String> roles = onFx(() -> view.records().getItems().stream().map(IndexTrace.RecordRef::role).toList());
        assertEquals(List.of("NUMERATOR", "NUMERATOR"), roles);
        // the records by their incident numbers, the formula in the console's language (Chinese)
        IndexTrace.RecordRef first = onFx(() -> view.records().getItems().get(0));
        String number = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT incident_no FROM incident WHERE id = :id")
                .bind("id", first.id()).mapTo(String.class).one());
        assertEquals(number, first.number());
        String text = onFx(() -> view.recordText(first));
        assertTrue(text.contains(number) && text.contains("计入分子"), text);
        String formula = onFx(() -> view.formulaLabel().getText());
        assertTrue(formula.startsWith("原始值 = 【打架斗殴】警情数 / (辖区人口 / 10000 × 月数)"), formula);
        robot.clickOn("#gauge-INDEX");
        waitUntil(Duration.ofSeconds(5), "all indicators are listed", () -> onFx(() -> view.indicatorTable().getItems().size() == 41));
    }
}
