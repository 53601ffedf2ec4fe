package org.commandroom.app.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.commandroom.app.AppServices;
import org.commandroom.app.LaunchOptions;
import org.commandroom.app.drill.DrillContext;
import org.commandroom.app.drill.DrillOptions;
import org.commandroom.app.drill.DrillHistoryView;
import org.commandroom.app.drill.DrillReplayView;
import org.commandroom.app.drill.DrillReportView;
import org.commandroom.app.drill.DrillWindows;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.drill.DrillSession;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Test-only tool: plays the Qianjin Road drill headless (Monocle, 1920x1080) with a scripted trainee and writes the
 * screenshots of docs/drill/: the desk under the DRILL banner, the instructor's control, and the after-action report's
 * first page. Runs only when asked: {@code -Ddrill.screenshots=<dir>}.
 */
@ExtendWith(ApplicationExtension.class)
class DrillScreenshots {

    @TempDir
    Path dataDir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void writeTheDrillScreenshots() throws Exception {
        String target = System.getProperty("drill.screenshots");
        Assumptions.assumeTrue(target != null, "-Ddrill.screenshots=<dir> writes the drill's screenshots");
        Path out = Path.of(target);
        Files.createDirectories(out);
        LaunchOptions options = new LaunchOptions(Optional.empty(), dataDir, Locale.ROOT, false);
        DrillOptions drill = DrillOptions.extract(List.of("--drill", "fugitive-qianjin-road.yaml", "--trainee", "学员甲")).drill();
        try (DrillContext context = new DrillContext(options, drill, Platform::runLater)) {
            AppServices services = context.start();
            DrillSession session = context.session();
            WaitForAsyncUtils.asyncFx(() -> {
                Theme.installUserAgentStylesheet();
                return null;
            }).get();
            DrillWindows windows = WaitForAsyncUtils.asyncFx(() -> new DrillWindows(session, services, context.tasks(),
                    context.i18n(), "学员甲")).get();
            Stage control = WaitForAsyncUtils.asyncFx(() -> windows.show(stage, context.i18n())).get();
            // The trainee's work: the sighting answered with an intercept to the two nearest cars, the robbery dispatched.
            session.advanceTo(Duration.ofMinutes(3));
            var at = session.whereOf("fugitive").orElseThrow();
            List<PatrolUnit> cars = session.units().all().stream()
                    .filter(u -> u.kind() == UnitKind.CAR && u.status() == UnitStatus.AVAILABLE && u.position() != null)
                    .sorted(Comparator.comparingDouble(u -> u.position().distanceMetres(at))).limit(2).toList();
            for (PatrolUnit u : cars) {
                session.intake().tasks().intercept(u.stationId(), u.id(), u.version(), at, "布控：前进一路1号 网逃人员", "学员甲");
            }
            session.advanceTo(Duration.ofMinutes(3).plusSeconds(30));
            session.addNote("导调员", "学员3分钟内向最近的两台巡逻车下达布控指令，处置正确");
            session.advanceTo(Duration.ofMinutes(8).plusSeconds(30));
            session.newCall("锦屏宾馆", org.commandroom.core.incident.IncidentType.NOISE, "赵女士", "宾馆楼下KTV声音太大").orElseThrow();
            session.addNote("导调员", "插入噪音警情，观察学员在抢劫警情前后的优先级判断");
            session.advanceTo(Duration.ofMinutes(10).plusSeconds(20));
            var robbery = session.incidentOf("robbery").orElseThrow();
            var nearest = session.intake().dispatch().propose(robbery, 10).stream().filter(p -> p.unitId() != null)
                    .min(Comparator.comparing(p -> p.eta())).orElseThrow();
            session.intake().dispatch().dispatch(robbery, nearest, "学员甲");
            session.advance(Duration.ofSeconds(40));
            WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            write(snapshot(stage.getScene()), out.resolve("screenshot-drill-desk.png"));
            write(snapshot(control.getScene()), out.resolve("screenshot-drill-control.png"));
            session.playToEnd();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> windows.control().reportProperty().get() != null);
            Path pdf = windows.control().reportProperty().get();
            Files.copy(pdf, out.resolve("drill-report-example.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", out.resolve("screenshot-drill-report.png").toFile());
            }
            // The report on screen and the drill history, as the instructor's window opens them.
            var report = windows.control().reportDataProperty().get();
            write(snapshot(WaitForAsyncUtils.asyncFx(() -> {
                Scene s = new Scene((javafx.scene.Parent) new DrillReportView(report, context.i18n()).root(), 1200, 1000);
                DrillWindows.style(s);
                return s;
            }).get()), out.resolve("screenshot-drill-report-screen.png"));
            var history = org.commandroom.core.drill.DrillHistory.read(dataDir, null);
            write(snapshot(WaitForAsyncUtils.asyncFx(() -> {
                DrillHistoryView view = new DrillHistoryView(context.i18n(), session.clock().getZone());
                view.show(history);
                Scene s = new Scene((javafx.scene.Parent) view.root(), 760, 300);
                DrillWindows.style(s);
                return s;
            }).get()), out.resolve("screenshot-drill-history.png"));
            // The replay of the finished drill, eleven minutes in (after the intercept, the robbery dispatched).
            var replay = org.commandroom.core.drill.DrillReplay.read(session.directory());
            write(snapshot(WaitForAsyncUtils.asyncFx(() -> {
                var player = new org.commandroom.core.drill.DrillReplayPlayer(replay, () -> 0L);
                player.jumpTo(Duration.ofMinutes(11));
                DrillReplayView view = new DrillReplayView(player, context.i18n());
                Scene s = new Scene((javafx.scene.Parent) view.root(), 1200, 620);
                DrillWindows.style(s);
                return s;
            }).get()), out.resolve("screenshot-drill-replay.png"));
            WaitForAsyncUtils.asyncFx(() -> {
                control.close();
                return null;
            }).get();
        }
        assertTrue(Files.size(out.resolve("screenshot-drill-desk.png")) > 10_000);
        assertTrue(Files.size(out.resolve("screenshot-drill-report.png")) > 10_000);
    }

    private static BufferedImage snapshot(Scene scene) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return out;
    }

    private static void write(BufferedImage img, Path file) throws Exception {
        ImageIO.write(img, "png", file.toFile());
    }
}
