package org.commandroom.app.drill;

import static org.commandroom.app.drill.DrillFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commandroom.app.AppServices;
import org.commandroom.app.LaunchOptions;
import org.commandroom.core.drill.DrillHistory;
import org.commandroom.core.drill.DrillReport;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.drill.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The instructor's window end to end on a real drill (night-market brawl, its own H2 database): an injectable event
 * injected and a call of the instructor's own put through from the window, a note written on the timeline, the report
 * written and shown on screen and in the PDF with the note, and the drill history listing the finished drill.
 */
@ExtendWith(ApplicationExtension.class)
class DrillInstructorViewTest {

    @TempDir
    static Path dataDir;

    private Stage stage;
    private DrillContext context;
    private DrillWindows windows;
    private Stage control;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            return null;
        });
        if (context != null) {
            context.close();
        }
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        assertTrue(condition.getAsBoolean(), what);
    }

    private String message() {
        return ((Label) control.getScene().lookup("#drill-message")).getText();
    }

    private void type(String id, String text) throws Exception {
        onFx(() -> {
            ((TextField) control.getScene().lookup("#" + id)).setText(text);
            return null;
        });
    }

    private static Optional<Window> windowWith(String id) {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#" + id) != null).findFirst();
    }

    @Test
    void theInstructorInjectsPutsACallThroughWritesANoteAndFindsItInTheReportAndTheHistory(FxRobot robot) throws Exception {
        LaunchOptions options = new LaunchOptions(Optional.empty(), dataDir, Locale.ROOT, false);
        DrillOptions drill = DrillOptions.extract(List.of("--drill", "night-market-brawl.yaml", "--trainee", "学员丁")).drill();
        context = new DrillContext(options, drill, Platform::runLater);
        AppServices services = context.start();
        DrillSession session = context.session();
        onFx(() -> {
            org.commandroom.app.ui.common.Theme.installUserAgentStylesheet();
            return null;
        });
        windows = onFx(() -> new DrillWindows(session, services, context.tasks(), context.i18n(), "学员丁"));
        control = onFx(() -> windows.show(stage, context.i18n()));
        WaitForAsyncUtils.waitForFxEvents();
        var zh = context.i18n();

        java.util.concurrent.CompletableFuture.runAsync(() -> session.advanceTo(ScenarioLoader.offset("04:00")))
                .get(60, TimeUnit.SECONDS);
        // The scenario's injectable event, chosen in the list, injected now.
        robot.clickOn("#drill-inject");
        waitUntil("the fight was injected", () -> session.wasInjected("second-fight"));
        assertTrue(session.incidentOf("second-fight").isPresent(), "through intake");
        waitUntil("the window says so", () -> message().startsWith(zh.tr("drill.control.injected", "").trim()));
        robot.clickOn("#drill-inject");
        waitUntil("a second time is refused", () -> message().equals(zh.tr("drill.control.injectRefused")));

        // A call of the instructor's own: an unknown address is refused, a gazetteer name goes through.
        type("drill-call-address", "火星路1号");
        type("drill-call-says", "有人吵架");
        robot.clickOn("#drill-call-add");
        waitUntil("refused", () -> message().equals(zh.tr("drill.control.newCall.refused", "火星路1号")));
        type("drill-call-address", "沐溪夜市");
        type("drill-call-says", "音响声音太大");
        robot.clickOn("#drill-call-add");
        waitUntil("the call went through", () -> session.incidentOf("instructor-1").isPresent());

        // A note on the timeline at 04:00 (Enter in the field writes it too).
        type("drill-note", "学员未注意到人群聚集的第二次报警");
        robot.clickOn("#drill-note-add");
        waitUntil("the note is on disk", () -> message().equals(zh.tr("drill.control.noteSaved", "04:00")));
        assertEquals(1, session.notes().size());
        assertEquals(1, org.commandroom.core.drill.DrillJournal.notes(org.commandroom.core.drill.DrillJournal.read(
                session.directory().resolve(org.commandroom.core.drill.DrillJournal.FILE))).size(), "in the drill's journal");
        assertEquals("", ((TextField) control.getScene().lookup("#drill-note")).getText(), "the field is cleared");
        assertEquals(zh.tr("drill.control.noteSaved", "04:00"), message());

        // The report: written, then shown on screen with the note.
        assertTrue(robot.lookup("#drill-show-report").queryButton().isDisabled(), "nothing to show before it is written");
        assertTrue(robot.lookup("#drill-replay-open").queryButton().isDisabled(), "nothing to replay before it is written");
        robot.clickOn("#drill-report");
        waitUntil("the report is written", () -> windows.control().reportProperty().get() != null);
        robot.clickOn("#drill-show-report");
        waitUntil("the report window", () -> windowWith("drill-report-timeline").isPresent());
        Window reportWindow = windowWith("drill-report-timeline").orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<DrillReport.Row> timeline = (TableView<DrillReport.Row>) reportWindow.getScene().lookup("#drill-report-timeline");
        DrillReport.Row note = timeline.getItems().stream().filter(r -> r.kind() == DrillReport.RowKind.NOTE).findFirst().orElseThrow();
        assertEquals("导调员：学员未注意到人群聚集的第二次报警", note.expected());
        assertEquals(ScenarioLoader.offset("04:00"), note.at());
        assertTrue(timeline.getItems().stream().anyMatch(r -> r.expected().contains("沐溪夜市这边也有两伙人")), "the injected call");
        Node score = reportWindow.getScene().lookup("#drill-report-score");
        assertNotNull(score);
        // a map for each scored event that happened (the brawl, the crash, the injected second fight)
        javafx.scene.layout.HBox maps = (javafx.scene.layout.HBox) reportWindow.getScene().lookup("#drill-report-maps");
        assertNotNull(maps, "the maps at key moments");
        assertEquals(windows.control().reportDataProperty().get().maps().size(), maps.getChildren().size());
        assertTrue(maps.getChildren().size() >= 3, "maps: " + maps.getChildren().size());
        DrillReport written = windows.control().reportDataProperty().get();
        assertEquals(zh.tr("drill.report.score", written.score().total(), 50, written.score().deducted()), ((Label) score).getText(),
                "the injected call's action counts in what could be earned");
        try (PDDocument doc = Loader.loadPDF(windows.control().reportProperty().get().toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("学员未注意到人群聚集的第二次报警"), "the note in the PDF");
            assertTrue(text.contains(zh.tr("drill.report.note")), text);
            assertTrue(text.contains(zh.tr("drill.report.maps")), "the maps' section in the PDF");
            int images = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                        images++;
                    }
                }
            }
            assertEquals(windows.control().reportDataProperty().get().maps().size(), images, "one picture per key moment");
        }
        // Once written, the drill can be played again from here (its own read-only window).
        // (fired, not clicked: the report's window lies over the instructor's)
        robot.interact(() -> robot.lookup("#drill-replay-open").queryButton().fire());
        waitUntil("the replay window", () -> windowWith("drill-replay-steps").isPresent());

        // The drill history, from the control (the report's window closed first: it lies over the control): the
        // finished drill with its score.
        onFx(() -> {
            ((Stage) reportWindow).close();
            return null;
        });
        robot.clickOn("#drill-history-open");
        waitUntil("the history window", () -> windowWith("drill-history").isPresent());
        Window historyWindow = windowWith("drill-history").orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<DrillHistory.Entry> history = (TableView<DrillHistory.Entry>) historyWindow.getScene().lookup("#drill-history");
        waitUntil("the history is read", () -> history.getItems().size() == 1);
        DrillHistory.Entry e = history.getItems().get(0);
        assertEquals("night-market-brawl", e.scenarioId());
        assertEquals("学员丁", e.trainee());
        assertEquals(written.score().total(), e.total());
        assertEquals(50, e.maxPoints());
        Label summary = (Label) historyWindow.getScene().lookup("#drill-history-summary");
        assertEquals(zh.tr("drill.history.count", 1, Math.round(100.0 * e.total() / 50)), summary.getText());
    }
}
