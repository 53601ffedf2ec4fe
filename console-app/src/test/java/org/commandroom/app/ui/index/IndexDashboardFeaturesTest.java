package org.commandroom.app.ui.index;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commandroom.app.Fixture;
import org.commandroom.app.IndexModule;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeKind;
import org.commandroom.core.index.ScopeResult;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's dashboard on a computed in-memory database: the twelve-month trend follows the selected gauge or
 * indicator, the manual-entry form refuses a wrong value with its message and stores a good one, and the PDF
 * report is written from the dashboard.
 */
@ExtendWith(ApplicationExtension.class)
class IndexDashboardFeaturesTest {

    private static final String OPERATOR = "值班员李四";

    @TempDir
    Path dir;
    private LiveScreen live;
    private ExecutorService worker;
    private IndexModule module;
    private IndexDashboardViewModel vm;
    private IndexDashboardView view;
    private final Period nov = Period.month(2026, 11);

    @Start
    void start(Stage stage) {
        Fixture fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
        fx.incident(IncidentType.TRAFFIC_ACCIDENT, 2, IncidentStatus.CLOSED, Duration.ofHours(2), "人民路3号");
        worker = Executors.newSingleThreadExecutor();
        module = IndexModule.create(fx.db.jdbi(), fx.clock, null, new ChangeRecorder(fx.clock, "test"),
                new Numbering(fx.clock, Fixture.ZONE), worker);
        module.recomputeNow();
        live = new LiveScreen(fx, Locale.ROOT);
        vm = new IndexDashboardViewModel(module, live.feed, live.ui.tasks(), OPERATOR);
        view = new IndexDashboardView(vm, live.ui);
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1440, 900);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        vm.activate(nov);
    }

    @BeforeEach
    void awaitScores() {
        waitUntil(Duration.ofSeconds(10), "the gauges show the stored index",
                () -> onFx(() -> view.gauges().get("INDEX").data().getValue() != null));
        waitUntil(Duration.ofSeconds(10), "the index trend is shown", () -> onFx(() -> vm.trendProperty().get() != null));
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        live.close();
    }

    private CategoryDataset trendData() {
        return onFx(() -> ((CategoryPlot) view.trendViewer().getChart().getPlot()).getDataset());
    }

    private ScopeResult stored() {
        return module.trace().result(new Scope(ScopeKind.STATION, live.fx.stationId), nov).orElseThrow();
    }

    /** November (the clock's month) is not over: the station's value of it is drawn apart, as provisional. */
    private static final String NOVEMBER_PROVISIONAL = "城关派出所（本月未结束，暂定）";

    @Test
    void theTrendFollowsTheSelectedGaugeAndIndicatorWithAGapForAMonthWithoutScore(FxRobot robot) {
        CategoryDataset index = trendData();
        assertEquals(12, index.getColumnCount());
        assertEquals("2025-12", index.getColumnKey(0));
        assertEquals("2026-11", index.getColumnKey(11));
        assertNull(index.getValue(0, 11), "the month in progress is not on the station's line");
        assertEquals(stored().index(), index.getValue(NOVEMBER_PROVISIONAL, "2026-11").doubleValue(), 1e-9,
                "it is its own hollow point, marked provisional");
        assertNull(index.getValue(0, 0), "December 2025 was never computed: a gap, not 0");
        assertEquals(4, index.getRowCount(), "the station, its peer group's average, the bureau and the month in progress");
        assertTrue(onFx(() -> view.provisionalNote().isVisible() && view.provisionalNote().getText().startsWith("本期未结束，得分为暂定值")));
        assertEquals("对比排名（暂定：本期未结束）", onFx(() -> ((Label) view.root().lookup("#index-ranking-title")).getText()));
        assertEquals("暂定", onFx(() -> ((org.jfree.chart.title.TextTitle) view.gauges().get("INDEX").chart().getSubtitle(0)).getText()));

        robot.clickOn("#gauge-INCIDENTS");
        waitUntil(Duration.ofSeconds(5), "the capability's trend", () -> onFx(() -> "INCIDENTS".equals(vm.trendProperty().get().subject())));
        assertEquals(stored().capabilities().get("INCIDENTS"), trendData().getValue(NOVEMBER_PROVISIONAL, "2026-11").doubleValue(), 1e-9);
        assertTrue(onFx(() -> view.trendViewer().getChart().getTitle().getText()).contains("防警情能力"));

        waitUntil(Duration.ofSeconds(5), "the incident indicators are listed", () -> onFx(() -> view.indicatorTable().getItems().size() == 7));
        robot.interact(() -> view.indicatorTable().getSelectionModel().select(1)); // I02
        waitUntil(Duration.ofSeconds(5), "the indicator's trend", () -> onFx(() -> "I02".equals(vm.trendProperty().get().subject())));
        Double points = stored().indicators().stream().filter(i -> i.id().equals("I02")).findFirst().orElseThrow().points();
        assertEquals(points, trendData().getValue(NOVEMBER_PROVISIONAL, "2026-11").doubleValue(), 1e-9);
        assertTrue(onFx(() -> view.trendViewer().getChart().getTitle().getText()).startsWith("I02"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theManualFormRefusesAValueOutOfRangeWithItsMessageAndStoresAGoodOneWithTheOperator(FxRobot robot) {
        robot.interact(() -> ((TabPane) view.root().lookup("#index-tabs")).getSelectionModel().select(1));
        ComboBox<IndicatorDef> indicator = (ComboBox<IndicatorDef>) view.root().lookup("#manual-indicator");
        IndicatorDef i40 = onFx(() -> indicator.getItems().stream().filter(d -> d.id().equals("I40")).findFirst().orElseThrow());
        robot.interact(() -> indicator.setValue(i40));
        assertEquals("单位：%，允许范围 0–100", onFx(() -> ((Label) view.root().lookup("#manual-hint")).getText()));
        waitUntil(Duration.ofSeconds(5), "nothing in force yet",
                () -> onFx(() -> ((Label) view.root().lookup("#manual-current")).getText()).equals("本期尚未填报此项"));

        robot.clickOn("#manual-value").write("120");
        robot.clickOn("#manual-save");
        Label message = onFx(() -> view.manualForm().message());
        waitUntil(Duration.ofSeconds(5), "the refusal", () -> onFx(message::getText).contains("超出允许的最大值 100"));
        assertTrue(onFx(() -> message.getStyleClass().contains("danger")));
        assertEquals(0L, manualRows(), "nothing stored");

        robot.clickOn("#manual-value").eraseText(3).write("abc");
        robot.clickOn("#manual-save");
        waitUntil(Duration.ofSeconds(5), "not a number", () -> onFx(message::getText).equals("“abc”不是数字"));

        robot.clickOn("#manual-value").eraseText(3).write("92");
        robot.clickOn("#manual-note").write("季度测评");
        int before = onFx(() -> vm.refreshesProperty().get());
        robot.clickOn("#manual-save");
        waitUntil(Duration.ofSeconds(10), "the value is recorded", () -> onFx(message::getText).startsWith("已记录 I40 = 92 %"));
        assertTrue(onFx(message::getText).contains(OPERATOR));
        assertEquals(1L, manualRows());
        assertEquals(OPERATOR, live.fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT entered_by FROM manual_score WHERE indicator_code = 'I40'").mapTo(String.class).one()));
        assertEquals("季度测评", live.fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT note FROM manual_score WHERE indicator_code = 'I40'").mapTo(String.class).one()));
        waitUntil(Duration.ofSeconds(10), "the dashboard reloads with the new value", () -> onFx(() ->
                vm.refreshesProperty().get() > before && vm.resultProperty().get().indicators().stream()
                        .anyMatch(i -> i.id().equals("I40") && Double.valueOf(92).equals(i.raw()))));
        assertEquals(92.0, stored().indicators().stream().filter(i -> i.id().equals("I40")).findFirst().orElseThrow().raw(),
                "the station's month was recomputed");
        waitUntil(Duration.ofSeconds(5), "the value in force is shown",
                () -> onFx(() -> ((Label) view.root().lookup("#manual-current")).getText()).startsWith("现行值 92（" + OPERATOR));
        assertEquals("", onFx(() -> view.root().lookup("#manual-value") instanceof javafx.scene.control.TextField t ? t.getText() : "?"));
    }

    private long manualRows() {
        return live.fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM manual_score").mapTo(Long.class).one());
    }

    @Test
    void theReportIsWrittenFromTheDashboardAndAnUnwritablePathIsSaid() throws Exception {
        Path file = dir.resolve("report.pdf");
        robotless(() -> view.exportReport(file));
        waitUntil(Duration.ofSeconds(30), "the report is written",
                () -> onFx(() -> view.sheetStatus().getText()).equals("已导出报告 report.pdf"));
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(vm.stationProperty().get().name()));
            assertTrue(text.contains("2026年11月"));
        }
        Path notADir = Files.writeString(dir.resolve("plain.txt"), "x");
        robotless(() -> view.exportReport(notADir.resolve("r.pdf")));
        waitUntil(Duration.ofSeconds(30), "the failure is said",
                () -> onFx(() -> view.sheetStatus().getText()).startsWith("报告 r.pdf 未导出："));
        assertFalse(Files.exists(notADir.resolve("r.pdf")));
    }

    private static void robotless(Runnable r) {
        onFx(() -> {
            r.run();
            return null;
        });
    }
}
