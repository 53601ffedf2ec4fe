package org.commandroom.app.ui.cap;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapEndpoint;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapPoster;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.StoredCap;
import org.commandroom.core.cap.WarningArea;
import org.commandroom.core.cap.WarningKind;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Our warnings in force say what became of posting each to the endpoint: failed, with why, in the 预警信息 tab. */
@ExtendWith(ApplicationExtension.class)
class CapDeliveryViewTest {

    private IntakeFixture fx;
    private HttpServer server;
    private ExecutorService longIo;
    private CapAlertsViewModel vm;
    private long id;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        fx = new IntakeFixture(TestDatabases.h2());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cap", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        Path out = Files.createTempDirectory("cap-out");
        CapReader reader = new CapReader(CapSchema.load());
        CapService service = new CapService(fx.db.jdbi(), fx.clock, new CapService.Settings("command@test.local",
                "test.local", CapAlert.Status.Actual, out, IntakeFixture.ZONE), AccessGuard.trusted(), reader,
                new CapPoster(new CapEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cap"),
                        Duration.ofSeconds(5), 1, Duration.ZERO, CapEndpoint.CAP_XML), fx.clock));
        long community = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM community WHERE code = 'C1'")
                .mapTo(Long.class).one());
        id = service.issue(new CapService.Warning(WarningKind.CROWD, new WarningArea.OfLayer(WarningArea.Layer.COMMUNITY,
                community), new CapService.Texts("南关社区人员聚集", null, null), new CapService.Texts("Crowd in Nanguan", null, null),
                null), "张值班长").stored().id();
        longIo = Executors.newSingleThreadExecutor();
        UiContext ui = new UiContext(fx.clock, new Tasks(Runnable::run, longIo, Platform::runLater), I18n.load(Locale.ROOT),
                new Ticker(), DisplaySettings.defaults());
        vm = new CapAlertsViewModel(new CapInbox(fx.db.jdbi(), fx.clock, out.resolve("in"), reader, AccessGuard.trusted()),
                false, ui.tasks(), Duration.ofSeconds(60), "张值班长", service);
        CapAlertsView view = new CapAlertsView(vm, ui);
        Theme.installUserAgentStylesheet();
        scene = new Scene(new StackPane(view.root()), 900, 500);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        longIo.shutdown();
        server.stop(0);
        fx.db.close();
    }

    @Test
    void aFailedPostIsSaidWithItsReasonBesideTheWarning(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<StoredCap> ours = robot.lookup("#cap-ours").queryAs(TableView.class);
        onFx(() -> {
            vm.refresh();
            vm.deliver(id);
            return null;
        });
        waitUntil(Duration.ofSeconds(15), "the failure is shown", () -> onFx(() -> ours.getItems().size() == 1
                && "发送失败：接收端拒收：HTTP 500（已尝试 1 次）".equals(delivery(ours))));
        assertEquals("发送到接收端", onFx(() -> ours.getColumns().get(ours.getColumns().size() - 1).getText()));
        waitUntil(Duration.ofSeconds(5), "the cell holds the whole reason on hovering", () -> onFx(() ->
                robot.lookup(".col-delivery").queryAll().stream()
                        .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTooltip() != null)
                        .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getTooltip().getText())
                        .anyMatch("发送失败：接收端拒收：HTTP 500（已尝试 1 次）"::equals)));
        assertEquals(1L, (long) onFx(() -> robot.lookup(".col-delivery").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("delivery-failed")))
                .count()), "the failed delivery is marked for the danger colour");
        shot();
    }

    /** target/screenshots/cap-delivery.png, to look at. */
    private void shot() {
        try {
            var img = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            Files.createDirectories(Path.of("target/screenshots"));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of("target/screenshots", "cap-delivery.png").toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String delivery(TableView<StoredCap> t) {
        @SuppressWarnings("unchecked")
        TableColumn<StoredCap, String> c = (TableColumn<StoredCap, String>) t.getColumns().get(t.getColumns().size() - 1);
        return c.getCellData(0);
    }
}
