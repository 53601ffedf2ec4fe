package org.commandroom.app.drill;

import static org.commandroom.app.drill.DrillFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.drill.DrillHistory;
import org.commandroom.core.drill.DrillReport;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.drill.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A signed-in trainee's drill menu: the six bundled scenarios (in Chinese), the counties made ahead when it is made,
 * a scenario started from it as {@code --drill} starts one (its own drill database, the desk under the banner), one
 * at a time, ended with its window; and the trainee's history.
 */
@ExtendWith(ApplicationExtension.class)
class TraineeDrillsTest {

    /** One data directory for the class: the family-dispute county is generated once for its drills. */
    @TempDir
    static Path dataDir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final List<Path> preparedFor = new ArrayList<>();

    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void tearDown() throws Exception {
        LiveScreen.closeEveryStage();
        io.shutdown();
    }

    @AfterAll
    static void stopBackground() {
        BACKGROUND.shutdownNow();
    }

    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();

    private TraineeDrills drills() {
        LaunchOptions options = new LaunchOptions(Optional.empty(), dataDir, Locale.ROOT, false);
        return new TraineeDrills(options, I18n.load(Locale.ROOT), new Tasks(io, io, Platform::runLater), dir -> {
            preparedFor.add(dir);
            return new Thread(() -> { });
        });
    }

    private static Principal trainee() {
        return new Principal(7, "trainee", "张华", Set.of(Role.TRAINEE), "ws-1", false);
    }

    private static List<MenuItem> itemsWhenRead(Menu menu) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> menu.getItems().size() > 2);
        return onFx(() -> List.copyOf(menu.getItems()));
    }

    @Test
    void onlyATraineeIsOfferedTheMenuWithEveryBundledScenarioAndTheCountiesAreMadeAhead() throws Exception {
        assertTrue(TraineeDrills.offeredTo(trainee()));
        assertFalse(TraineeDrills.offeredTo(new Principal(8, "duty", "李强", Set.of(Role.DUTY_COMMANDER), "ws-1", false)));
        TraineeDrills drills = drills();
        Menu menu = onFx(() -> drills.menu(trainee(), () -> null));
        assertEquals("演练", menu.getText());
        List<MenuItem> items = itemsWhenRead(menu);
        assertEquals(ScenarioLoader.BUNDLED_FILES.size() + 2, items.size());
        assertEquals("menu-drill-family-dispute-repeat", items.get(0).getId());
        assertTrue(items.get(0).getText().startsWith("开始演练："), items.get(0).getText());
        assertEquals("menu-drill-history", items.get(items.size() - 1).getId());
        assertEquals(List.of(dataDir), preparedFor, "the bundled counties are made ahead once");
        onFx(() -> drills.menu(trainee(), () -> null));
        assertEquals(List.of(dataDir), preparedFor, "not again for the same desk");
    }

    @Test
    void aScenarioStartsAsItsOwnDrillOneAtATimeAndTheHistoryShowsItOnceFinished() throws Exception {
        TraineeDrills drills = drills();
        Menu menu = onFx(() -> drills.menu(trainee(), () -> null));
        List<MenuItem> items = itemsWhenRead(menu);
        onFx(() -> {
            items.get(0).fire();
            return null;
        });
        DrillContext context = drills.running();
        assertNotNull(context);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> context.services() != null
                && Window.getWindows().stream().anyMatch(w -> w.getScene() != null && w.getScene().lookup("#drill-desk") != null));
        DrillSession session = context.session();
        assertEquals("family-dispute-repeat", session.scenario().id());
        assertEquals("张华", session.trainee());
        assertTrue(session.directory().startsWith(dataDir.resolve(DrillSession.DRILLS_DIR)));
        // a second choice while it runs starts nothing
        onFx(() -> {
            items.get(1).fire();
            return null;
        });
        assertEquals(context, drills.running());

        DrillHistory.write(DrillReport.of(session, Instant.now()), session.directory(), null);
        Stage desk = onFx(() -> (Stage) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#drill-desk") != null).findFirst().orElseThrow());
        onFx(() -> {
            desk.close();
            return null;
        });
        assertNull(drills.running(), "closing the desk's window ends the drill");

        onFx(() -> {
            items.get(items.size() - 1).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#drill-history") instanceof TableView<?> t
                        && t.getItems().size() == 1));
    }

    /**
     * A drill of 王明's played to 1:30 and cut short as a crash leaves one: its session never ended (no window closed,
     * no report), its database gone with the process.
     */
    private static DrillSession cutShort() throws Exception {
        String file = ScenarioLoader.BUNDLED_FILES.get(0);
        String text = ScenarioLoader.bundledText(file);
        DrillSession drill = DrillSession.create(new ScenarioLoader().parse(file, text), text, dataDir, "王明", BACKGROUND);
        drill.advanceTo(java.time.Duration.ofSeconds(90));
        drill.clock().pause();
        drill.database().close();
        return drill;
    }

    @Test
    void aDrillCutShortIsOfferedInTheWorkspaceToBeScoredAsItStandsOrResumedPaused() throws Exception {
        DrillSession scored = cutShort();
        DrillSession resumed = cutShort();
        Instant lastPlayed = resumed.events().stream().map(org.commandroom.core.drill.DrillEvent::at).max(Instant::compareTo)
                .orElseThrow();
        TraineeDrills drills = drills();
        Principal wang = new Principal(9, "wang", "王明", Set.of(Role.TRAINEE), "ws-1", false);
        javafx.scene.Node workspace = onFx(() -> drills.workspace(wang, () -> null));
        javafx.scene.layout.VBox rows = (javafx.scene.layout.VBox) workspace.lookup("#drill-unfinished-rows");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> rows.getChildren().size()) == 2);
        // the latest left first: what it was, who, that a crash cut it short
        String first = onFx(() -> ((javafx.scene.control.Label) workspace.lookup("#drill-unfinished-text-0")).getText());
        assertTrue(first.startsWith("中断：") && first.contains(resumed.scenario().name()) && first.contains("学员 王明"), first);
        assertTrue(onFx(() -> workspace.lookup("#drill-unfinished").isVisible()));
        // In a workspace of a narrow window the two buttons keep their words (the trial's read "…" and "结…").
        double[][] widths = onFx(() -> {
            javafx.scene.Scene narrow = new javafx.scene.Scene(new javafx.scene.layout.StackPane(workspace), 620, 700);
            org.commandroom.app.ui.common.Theme.style(narrow);
            narrow.getRoot().applyCss();
            narrow.getRoot().layout();
            javafx.scene.control.Button r = (javafx.scene.control.Button) workspace.lookup("#drill-unfinished-resume-0");
            javafx.scene.control.Button c = (javafx.scene.control.Button) workspace.lookup("#drill-unfinished-score-0");
            return new double[][] {{r.getWidth(), r.prefWidth(-1)}, {c.getWidth(), c.prefWidth(-1)}};
        });
        for (double[] w : widths) {
            assertTrue(w[0] >= w[1] - 0.5, "a button cut to " + w[0] + " of " + w[1] + " px");
        }

        // 结束并评分: scored as it stands, its report written in its folder, gone from the list, in the history
        onFx(() -> {
            ((javafx.scene.control.Button) workspace.lookup("#drill-unfinished-score-1")).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> rows.getChildren().size()) == 1);
        String said = onFx(() -> ((javafx.scene.control.Label) workspace.lookup("#drill-unfinished-message")).getText());
        assertTrue(said.startsWith("已评分："), said);
        assertTrue(java.nio.file.Files.isRegularFile(scored.directory().resolve("report-family-dispute-repeat.pdf")));
        DrillHistory.Entry entry = DrillHistory.read(dataDir, "王明").stream()
                .filter(e -> e.directory().equals(scored.directory())).findFirst().orElseThrow();
        assertEquals(40, entry.maxPoints());
        assertTrue(said.contains(entry.total() + " 分（满分 40）"), said);

        // 继续演练: the same drill's folder and database, its clock paused where the drill had got to
        onFx(() -> {
            ((javafx.scene.control.Button) workspace.lookup("#drill-unfinished-resume-0")).fire();
            return null;
        });
        DrillContext context = drills.running();
        assertNotNull(context);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.services() != null
                && Window.getWindows().stream().anyMatch(w -> w.getScene() != null && w.getScene().lookup("#drill-desk") != null));
        DrillSession session = context.session();
        assertEquals(resumed.directory(), session.directory());
        assertEquals("王明", session.trainee());
        assertFalse(session.clock().isRunning());
        assertEquals(lastPlayed, session.clock().instant());
        assertEquals(resumed.events(), session.events());
        // while it is open, it is not offered a second time
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> rows.getChildren().isEmpty()));
        // closed without its report, it is offered again: closed now, no longer cut short
        Stage desk = onFx(() -> (Stage) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#drill-desk") != null).findFirst().orElseThrow());
        onFx(() -> {
            desk.close();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> rows.getChildren().size()) == 1);
        String again = onFx(() -> ((javafx.scene.control.Label) workspace.lookup("#drill-unfinished-text-0")).getText());
        assertTrue(again.startsWith("未评分：") && again.contains("学员 王明"), again);
    }
}
