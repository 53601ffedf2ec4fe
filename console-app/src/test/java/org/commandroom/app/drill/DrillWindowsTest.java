package org.commandroom.app.drill;

import static org.commandroom.app.drill.DrillFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.AppServices;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.I18n;
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
 * The drill as {@code --drill} shows it, on a real drill (the family-dispute scenario, its own H2 database): the DRILL
 * banner with the scenario's name and clock on the desk and on the instructor's window, and the clock control.
 */
@ExtendWith(ApplicationExtension.class)
class DrillWindowsTest {

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
        if (control != null) {
            onFx(() -> {
                control.close();
                return null;
            });
        }
        if (context != null) {
            context.close();
        }
    }

    private void open() throws Exception {
        LaunchOptions options = new LaunchOptions(Optional.empty(), dataDir, Locale.ROOT, false);
        DrillOptions drill = DrillOptions.extract(List.of("--drill", "family-dispute-repeat.yaml", "--trainee", "学员丙")).drill();
        context = new DrillContext(options, drill, Platform::runLater);
        AppServices services = context.start();
        DrillSession session = context.session();
        assertTrue(session.directory().startsWith(dataDir.resolve(DrillSession.DRILLS_DIR)));
        onFx(() -> {
            org.commandroom.app.ui.common.Theme.installUserAgentStylesheet();
            return null;
        });
        windows = onFx(() -> new DrillWindows(session, services, context.tasks(), context.i18n(), "学员丙"));
        control = onFx(() -> windows.show(stage, context.i18n()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(Window w, String id) {
        Node n = w.getScene().lookup("#" + id);
        assertNotNull(n, id + " in " + w);
        return ((Label) n).getText();
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void everyDrillWindowCarriesTheBannerWithTheScenarioAndItsClock(FxRobot robot) throws Exception {
        open();
        I18n zh = context.i18n();
        String expected = zh.tr("drill.banner", "家庭纠纷重复报警", "20:30:00") + " · " + zh.tr("drill.banner.paused");
        assertEquals(expected, text(stage, "drill-banner-text"), "the desk's banner");
        assertEquals(expected, text(control, "drill-banner-text"), "the instructor's banner");
        assertTrue(expected.startsWith("演练 · 家庭纠纷重复报警 · 20:30:00"));
        assertTrue(stage.getTitle().contains("演练"));
        // The desk's own views are there under the banner, on the drill's services.
        waitUntil("the desk is built", () -> stage.getScene().lookup(".dashboard") != null);
        // The banner sits on top of the desk, over its full width.
        Node banner = stage.getScene().lookup("#drill-banner");
        assertEquals(0, banner.localToScene(banner.getBoundsInLocal()).getMinY(), 0.5);
        assertEquals(stage.getScene().getWidth(), banner.getBoundsInLocal().getWidth(), 1.0);
        // On the instructor's narrower window the mark and the clock are shown whole (the latest event gives way).
        Label instructorBanner = (Label) control.getScene().lookup("#drill-banner-text");
        assertTrue(instructorBanner.getWidth() >= instructorBanner.prefWidth(-1) - 0.5, "the banner text is not cut");
        // and the instructor's window is as tall as its content (its last line was cut off at 330 px)
        double needed = onFx(() -> control.getScene().getRoot().prefHeight(control.getScene().getWidth()));
        assertTrue(control.getScene().getHeight() + 0.5 >= needed, "instructor window " + control.getScene().getHeight()
                + " px high for " + needed + " px of content");
        // An EIDO exported from the drill's desk says it is an exercise (docs/drill/SCENARIOS.md).
        DrillSession session = context.session();
        session.advanceTo(java.time.Duration.ofSeconds(30));
        long incident = session.incidentOf("chen").orElseThrow().id();
        String eido = context.services().callFiles().eido().export(incident, "学员丙");
        assertTrue(eido.contains(org.commandroom.core.text.ExerciseMark.EIDO_EXTENSION), "marked as an exercise");
        // The desk has its warnings tab (预警信息); what it issues is an exercise in the drill's own folder, never posted.
        waitUntil("the warnings tab", () -> stage.getScene().lookup("#side-tabs") instanceof javafx.scene.control.TabPane t
                && t.getTabs().stream().anyMatch(tab -> "tab-cap".equals(tab.getId())));
        var cap = context.services().cap().service();
        assertFalse(cap.posts());
        var issued = cap.issue(new org.commandroom.core.cap.CapService.Warning(org.commandroom.core.cap.WarningKind.CROWD,
                new org.commandroom.core.cap.WarningArea.Around(session.whereOf("chen").orElseThrow(), 300, "幸福路"),
                new org.commandroom.core.cap.CapService.Texts("人员聚集", null, null),
                new org.commandroom.core.cap.CapService.Texts("Crowd", null, null), null), "学员丙");
        assertEquals(org.commandroom.core.cap.CapAlert.Status.Exercise, issued.alert().status());
        assertTrue(issued.file().startsWith(session.directory().resolve("cap").resolve("out")), issued.file().toString());
        assertTrue(java.nio.file.Files.readString(issued.file()).contains("<status>Exercise</status>"));
        assertFalse(java.nio.file.Files.exists(dataDir.resolve("cap")), "nothing in the live desk's CAP folders");
    }

    @Test
    void theClockControlStartsPausesSetsTheSpeedAndJumpsToTheNextEvent(FxRobot robot) throws Exception {
        open();
        DrillSession session = context.session();
        robot.clickOn("#drill-start-pause");
        assertTrue(session.clock().isRunning());
        waitUntil("the banner says 1x", () -> text(stage, "drill-banner-text").endsWith("1×"));
        // The unit's scripted behaviour at 00:00 is played: the instructor's banner names it, the trainee's does not.
        waitUntil("the instructor sees the unit's behaviour", () -> text(control, "drill-banner-event").contains("玉津巡02"));
        assertFalse(onFx(() -> text(stage, "drill-banner-event")).contains("玉津巡02"), "the trainee's banner");
        ChoiceBox<?> speed = (ChoiceBox<?>) control.getScene().lookup("#drill-speed");
        onFx(() -> {
            ((ChoiceBox<Integer>) speed).setValue(10);
            return null;
        });
        assertEquals(10, session.clock().speed());
        waitUntil("the banner says 10x", () -> text(control, "drill-banner-text").endsWith("10×"));
        robot.clickOn("#drill-start-pause");
        assertFalse(session.clock().isRunning());
        Duration pausedAt = session.clock().elapsed();
        // Jump: the next events (the unit's behaviour at 00:00, then the call at 00:30) are played.
        boolean unitBehaviourOnDesk = false;
        for (int i = 0; i < 3 && session.incidentOf("chen").isEmpty(); i++) {
            robot.clickOn("#drill-jump");
            waitUntil("the jump is done", () -> !windows.control().busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            unitBehaviourOnDesk |= onFx(() -> text(stage, "drill-banner-event").contains("玉津巡02"));
        }
        // The unit's scripted behaviour at 00:00 is on the instructor's banner only, never on the trainee's desk.
        assertFalse(unitBehaviourOnDesk, "a unit's scripted behaviour shown on the trainee's banner");
        assertTrue(session.incidentOf("chen").isPresent(), "the call was fed through intake");
        assertTrue(session.clock().elapsed().compareTo(pausedAt) >= 0);
        assertTrue(session.clock().elapsed().compareTo(ScenarioLoader.offset("00:30")) >= 0, "clock at the call");
        waitUntil("the banner shows the call", () -> text(stage, "drill-banner-event").contains("桂花社区幸福路18号3单元"));
        assertFalse(session.clock().isRunning(), "a jump leaves the clock paused");
    }

    @Test
    void theEndOfTheDrillWritesTheAfterActionReport(FxRobot robot) throws Exception {
        open();
        DrillSession session = context.session();
        // The timeline played to its end (as the timer would at speed), off the FX thread.
        java.util.concurrent.CompletableFuture.runAsync(session::playToEnd).get(60, TimeUnit.SECONDS);
        waitUntil("the report is written", () -> windows.control().reportProperty().get() != null);
        Path pdf = windows.control().reportProperty().get();
        assertTrue(java.nio.file.Files.size(pdf) > 1000, pdf.toString());
        assertTrue(pdf.startsWith(session.directory()));
        assertTrue(text(control, "drill-message").contains(pdf.getFileName().toString()));
        assertTrue(robot.lookup("#drill-start-pause").queryButton().isDisabled(), "a finished drill does not start again");
    }
}
