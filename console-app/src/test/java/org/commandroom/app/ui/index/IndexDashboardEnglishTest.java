package org.commandroom.app.ui.index;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
import org.commandroom.core.index.Period;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The index screen with --lang en: the indicators (all 41), their units, the peer groups, the reminder notices, the
 * formula line, the gauges and the provisional note are English; no Chinese text but the data's own names (the
 * station), no enum constant; the PDF report likewise.
 */
@ExtendWith(ApplicationExtension.class)
class IndexDashboardEnglishTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[A-Z]{4,}\\b");

    @TempDir
    Path dir;
    private LiveScreen live;
    private ExecutorService worker;
    private IndexDashboardViewModel vm;
    private IndexDashboardView view;

    @Start
    void start(Stage stage) {
        Fixture fx = Fixture.inMemory();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE station SET resident_population = 20000").execute());
        fx.incident(IncidentType.FIGHT, 1, IncidentStatus.CLOSED, Duration.ofHours(5), "人民路1号");
        worker = Executors.newSingleThreadExecutor();
        IndexModule module = IndexModule.create(fx.db.jdbi(), fx.clock, null, new ChangeRecorder(fx.clock, "test"),
                new Numbering(fx.clock, Fixture.ZONE), worker);
        module.recomputeNow();
        live = new LiveScreen(fx, Locale.ENGLISH);
        vm = new IndexDashboardViewModel(module, live.feed, live.ui.tasks(), "duty officer");
        view = new IndexDashboardView(vm, live.ui);
        Theme.installUserAgentStylesheet();
        Scene scene = new Scene(new StackPane(view.root()), 1600, 900);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        vm.activate(Period.month(2026, 11));
    }

    @BeforeEach
    void awaitScores() {
        waitUntil(Duration.ofSeconds(10), "the gauges show the stored index",
                () -> onFx(() -> view.gauges().get("INDEX").data().getValue() != null));
        waitUntil(Duration.ofSeconds(10), "October's reminder notice is listed", () -> onFx(() -> !vm.reminders().isEmpty()));
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        live.close();
    }

    private static <T> List<String> cells(TableView<T> table, int column) {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            @SuppressWarnings("unchecked")
            TableColumn<T, String> c = (TableColumn<T, String>) table.getColumns().get(column);
            for (int i = 0; i < table.getItems().size(); i++) {
                out.add(c.getCellObservableValue(i).getValue());
            }
            return out;
        });
    }

    private static void english(String what, String text) {
        assertFalse(HAN.matcher(text).find(), what + " has Chinese: " + text);
        assertFalse(CODE.matcher(text).find(), what + " shows an internal code: " + text);
    }

    @Test
    void indicatorsGroupsNoticesFormulaAndGaugesAreEnglish(FxRobot robot) throws Exception {
        robot.clickOn("#gauge-INDEX");
        waitUntil(Duration.ofSeconds(5), "all 41 indicators", () -> onFx(() -> view.indicatorTable().getItems().size() == 41));
        cells(view.indicatorTable(), 1).forEach(t -> english("indicator", t));
        cells(view.indicatorTable(), 2).forEach(t -> english("raw value and unit", t));
        assertEquals(List.of("Group 1"), cells(view.rankingTable(), 2));
        List<String> notices = cells(view.reminderTable(), 4);
        notices.forEach(t -> english("reminder notice", t));
        assertTrue(notices.get(0).startsWith("2026-10 "), notices.get(0));
        cells(view.reminderTable(), 0).forEach(t -> english("notice period", t));
        view.gauges().values().forEach(g -> english("gauge", g.chart().getTitle().getText()));

        int i14 = onFx(() -> {
            for (int i = 0; i < view.indicatorTable().getItems().size(); i++) {
                if (view.indicatorTable().getItems().get(i).id().equals("I14")) {
                    return i;
                }
            }
            return -1;
        });
        robot.interact(() -> view.indicatorTable().getSelectionModel().select(i14));
        waitUntil(Duration.ofSeconds(5), "the formula of I14", () -> onFx(() -> view.formulaLabel().getText().startsWith("raw = ")));
        String formula = onFx(() -> view.formulaLabel().getText());
        english("formula", formula);
        assertTrue(formula.contains("Dispute follow-up orders issued"), formula);
        english("provisional note", onFx(() -> view.provisionalNote().getText()));
        assertTrue(onFx(() -> view.provisionalNote().getText()).startsWith("Period not over: scores are provisional"));
        english("ranking title", onFx(() -> ((Label) view.root().lookup("#index-ranking-title")).getText()));
    }

    @Test
    void theReportInEnglishNamesIndicatorsGroupsAndNoticesInEnglish() throws Exception {
        Path file = dir.resolve("report.pdf");
        onFx(() -> {
            view.exportReport(file);
            return null;
        });
        waitUntil(Duration.ofSeconds(30), "the report is written", () -> onFx(() -> vm.reportOutcomeProperty().get() != null));
        assertTrue(onFx(() -> vm.reportOutcomeProperty().get().ok()), () -> String.valueOf(vm.reportOutcomeProperty().get()));
        String text;
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        String withoutData = text.replace("城关派出所", "").replace("城关县公安局", "");
        assertFalse(HAN.matcher(withoutData).find(), "Chinese beside the station's name: "
                + withoutData.lines().filter(l -> HAN.matcher(l).find()).limit(5).toList());
        assertTrue(text.contains("Group 1"), "the peer group");
        assertTrue(text.contains("(provisional, as of"), "the period is marked provisional");
        assertTrue(text.contains("Disputes screened per police grid"), "an indicator by its English name");
        assertTrue(Files.size(file) > 10_000);
    }
}
