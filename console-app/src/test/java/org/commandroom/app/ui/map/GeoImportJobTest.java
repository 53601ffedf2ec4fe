package org.commandroom.app.ui.map;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.live.ChangeRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The geo import as a job in its dialog: while another job holds the jobs executor the import waits, its bar says
 * so with a cancel button; cancelled, nothing is imported and the dialog says so; run again, it imports and the bar
 * goes away.
 */
@ExtendWith(ApplicationExtension.class)
class GeoImportJobTest {

    private static final Path CAMERAS = Path.of("../assets/samples/cameras.csv");

    private final ExecutorService io = Tasks.newIoExecutor("console-io");
    private final ExecutorService jobs = Tasks.newIoExecutor("console-jobs");
    private final CountDownLatch otherJob = new CountDownLatch(1);
    private Fixture fx;
    private Stage dialog;

    @Start
    void start(Stage stage) {
        Theme.installUserAgentStylesheet();
    }

    @AfterEach
    void close() throws Exception {
        otherJob.countDown();
        jobs.shutdown();
        io.shutdown();
        if (dialog != null) {
            onFx(() -> {
                dialog.close();
                return null;
            });
        }
        fx.close();
    }

    private long cameras() {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM camera").mapTo(Long.class).one());
    }

    @Test
    void anImportWaitingForTheJobsExecutorCanBeCancelledAndImportsNothing(FxRobot robot) throws Exception {
        fx = Fixture.inMemory();
        GeoImportService service = new GeoImportService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "test"), fx.clock,
                GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA));
        Tasks tasks = new Tasks(io, io, jobs, Platform::runLater);
        jobs.execute(() -> {
            try {
                otherJob.await(); // a report being written
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        I18n i18n = I18n.load(java.util.Locale.ROOT);
        GeoImportViewModel vm = new GeoImportViewModel(service::importContent, tasks, "值班员");
        GeoImportDialog d = onFx(() -> new GeoImportDialog(vm, i18n, (owner, layer) -> Optional.of(CAMERAS), null));
        dialog = d.stage();
        onFx(() -> {
            d.show();
            return null;
        });
        // The form's labels keep their words beside the long line on the file formats (they showed "..." in a trial).
        waitUntil(Duration.ofSeconds(3), "the form's labels are shown whole", () -> dialog.getScene().getRoot()
                .lookupAll(".label").stream().map(n -> (Label) n)
                .filter(l -> l.getText().equals(i18n.tr("import.layer")) || l.getText().equals(i18n.tr("import.datum")))
                .filter(l -> l.getWidth() > 0 && l.getWidth() + 0.5 >= l.prefWidth(-1)).count() == 2);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<ImportChoice> layer = (ChoiceBox<ImportChoice>) dialog.getScene().lookup("#import-layer");
            layer.setValue(ImportChoice.CAMERAS);
            ((Button) dialog.getScene().lookup("#import-choose")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(3), "the bar says the import waits", () -> {
            HBox bar = (HBox) dialog.getScene().lookup("#import-job");
            return bar.isVisible() && ((Label) bar.getChildren().get(0)).getText().equals("正在导入 cameras.csv：排队等待…");
        });
        robot.clickOn(robot.lookup("#import-job-cancel").queryButton());
        otherJob.countDown();
        waitUntil(Duration.ofSeconds(5), "the dialog says it was cancelled", () -> ((Label) dialog.getScene()
                .lookup("#import-summary")).getText().equals("已取消导入 cameras.csv：未导入任何数据。"));
        assertTrue(onFx(() -> !dialog.getScene().lookup("#import-job").isVisible()), "the bar is gone");
        assertEquals(0, cameras());

        onFx(() -> {
            ((Button) dialog.getScene().lookup("#import-choose")).fire();
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "imported", () -> ((Label) dialog.getScene().lookup("#import-summary")).getText()
                .startsWith("已从 cameras.csv 导入视频点位 4 条"));
        assertEquals(4, cameras());
        assertTrue(onFx(() -> !dialog.getScene().lookup("#import-job").isVisible()));
        assertEquals(1.0, onFx(() -> ((ProgressBar) dialog.getScene().lookup("#import-job-progress")).getProgress()), 1e-9);
    }
}
