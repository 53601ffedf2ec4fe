package org.commandroom.app.drill;

import static org.commandroom.app.drill.DrillFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.LiveScreen;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.drill.DrillHistory;
import org.commandroom.core.drill.DrillJournal;
import org.commandroom.core.drill.DrillReplay;
import org.commandroom.core.drill.DrillReplayPlayer;
import org.commandroom.core.drill.DrillSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The replay window of a finished drill: the timeline fills as the replay's clock (simulated here) passes each step,
 * at the chosen speed, pause holds it, "next" goes to the next step; the map shows; and the history opens it.
 */
@ExtendWith(ApplicationExtension.class)
class DrillReplayViewTest {

    @TempDir
    Path dataDir;

    private static final Instant START = Instant.parse("2026-03-12T15:28:00Z");
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void tearDown() throws Exception {
        LiveScreen.closeEveryStage();
        io.shutdown();
    }

    /** A finished drill's folder as a drill leaves it: its result, its recording and the instructor's journal. */
    private Path finishedDrill() throws Exception {
        Path dir = dataDir.resolve(DrillSession.DRILLS_DIR).resolve("fugitive-1");
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("scenario", "fugitive-qianjin-road");
        p.setProperty("name", "前进一路网逃布控");
        p.setProperty("trainee", "张华");
        p.setProperty("start", START.toString());
        p.setProperty("finishedAt", "2026-12-07T10:00:00Z");
        p.setProperty("total", "50");
        p.setProperty("max", "50");
        try (Writer w = Files.newBufferedWriter(dir.resolve(DrillHistory.RESULT_FILE), StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        new DrillJournal(dir, DrillReplay.FILE).appendAll(List.of(
                line(DrillJournal.Kind.POSITION, 0, "玉津巡02", "30.81,106.07"),
                line(DrillJournal.Kind.EVENT, 0, "UNIT:", "玉津巡02 → 锦屏中学 AVAILABLE"),
                line(DrillJournal.Kind.EVENT, 120, "INJECT:fugitive", "前进一路1号：网逃人员"),
                line(DrillJournal.Kind.POSITION, 120, "@fugitive", "30.80,106.08"),
                line(DrillJournal.Kind.EVENT, 600, "CALL:robbery", "中国工商银行新华支行：抢包"),
                line(DrillJournal.Kind.EVENT, 1200, "END:", "演练结束 / drill over")));
        new DrillJournal(dir).append(DrillJournal.Kind.NOTE, START.plusSeconds(300), "教官", "布控及时");
        return dir;
    }

    private static DrillJournal.Line line(DrillJournal.Kind kind, int second, String key, String text) {
        return new DrillJournal.Line(kind, START.plusSeconds(second), key, text);
    }

    @SuppressWarnings("unchecked")
    private static TableView<DrillReplay.Step> steps(Scene scene) {
        return (TableView<DrillReplay.Step>) scene.lookup("#drill-replay-steps");
    }

    @Test
    void theTimelineFillsAtTheChosenSpeedPausesAndJumpsToTheNextStep() throws Exception {
        AtomicLong nanos = new AtomicLong();
        DrillReplay replay = DrillReplay.read(finishedDrill());
        AtomicReference<DrillReplayView> view = new AtomicReference<>();
        Scene scene = onFx(() -> {
            view.set(new DrillReplayView(new DrillReplayPlayer(replay, nanos::get), I18n.load(Locale.ROOT)));
            Stage s = new Stage();
            s.setScene(new Scene((javafx.scene.Parent) view.get().root(), 1100, 640));
            s.show();
            return s.getScene();
        });
        TableView<DrillReplay.Step> table = steps(scene);
        assertEquals(0, table.getItems().size(), "paused at the start");
        assertNotNull(((ImageView) scene.lookup("#drill-replay-map")).getImage(), "the units at the start");
        onFx(() -> {
            ((ChoiceBox<Integer>) scene.lookup("#drill-replay-speed")).setValue(20);
            ((Button) scene.lookup("#drill-replay-play")).fire();
            return null;
        });
        assertEquals("暂停", onFx(() -> ((Button) scene.lookup("#drill-replay-play")).getText()));
        // 6 s at 20x: two minutes, the unit's move and the sighting
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        onFx(() -> {
            view.get().tick();
            return null;
        });
        assertEquals(List.of("玉津巡02 → 锦屏中学 AVAILABLE", "前进一路1号：网逃人员"),
                onFx(() -> table.getItems().stream().map(DrillReplay.Step::text).toList()));
        onFx(() -> {
            ((Button) scene.lookup("#drill-replay-play")).fire();
            return null;
        });
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        onFx(() -> {
            view.get().tick();
            return null;
        });
        assertEquals(2, onFx(() -> table.getItems().size()), "paused: nothing more");
        assertEquals("02:00 / 20:00", onFx(() -> ((javafx.scene.control.Label) scene.lookup("#drill-replay-clock")).getText()));
        onFx(() -> {
            ((Button) scene.lookup("#drill-replay-next")).fire();
            return null;
        });
        assertEquals("教官：布控及时", onFx(() -> table.getItems().get(2).text()), "next: the note at 05:00");
        assertFalse(view.get().player().isPlaying());
    }

    @Test
    void theHistoryOpensTheReplayOfTheChosenDrill() throws Exception {
        finishedDrill();
        LaunchOptions options = new LaunchOptions(Optional.empty(), dataDir, Locale.ROOT, false);
        TraineeDrills drills = new TraineeDrills(options, I18n.load(Locale.ROOT), new Tasks(io, io, Platform::runLater),
                dir -> new Thread(() -> { }));
        onFx(() -> {
            drills.openHistory("张华", null);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#drill-history") instanceof TableView<?> t
                        && t.getItems().size() == 1));
        onFx(() -> {
            Scene s = Window.getWindows().stream().map(Window::getScene)
                    .filter(x -> x != null && x.lookup("#drill-history") != null).findFirst().orElseThrow();
            Button replay = (Button) s.lookup("#drill-history-replay");
            assertTrue(replay.isDisabled(), "nothing chosen yet");
            ((TableView<?>) s.lookup("#drill-history")).getSelectionModel().select(0);
            replay.fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#drill-replay-steps") != null));
    }
}
